"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";
import { serializeTableState, type TableSpec, type TableState } from "@/lib/table/params";

/** Navigates to a new table state; `pending` is true until the server has rendered it. */
export function useTableUrl(state: TableState, spec: TableSpec) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const navigate = useCallback(
    (patch: Partial<TableState>) => {
      const next = { ...state, ...patch };
      // Any change other than the page itself starts again from page 1.
      if (!("page" in patch)) next.page = 1;
      const query = serializeTableState(next, spec, new URLSearchParams(searchParams.toString())).toString();
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [state, spec, router, pathname, searchParams],
  );

  return { navigate, pending };
}
