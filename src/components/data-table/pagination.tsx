"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Select } from "../ui/field";
import { DEFAULT_PER_PAGE_OPTIONS, pageCount, type TableSpec, type TableState } from "@/lib/table/params";

export function DataTablePagination({
  state,
  spec,
  rowCount,
  navigate,
}: {
  state: TableState;
  spec: TableSpec;
  rowCount: number;
  navigate: (patch: Partial<TableState>) => void;
}) {
  const t = useTranslations("table");
  const pages = pageCount(rowCount, state.perPage);
  const from = Math.min(rowCount, (state.page - 1) * state.perPage + 1);
  const to = Math.min(rowCount, state.page * state.perPage);
  return (
    <nav
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
      aria-label={t("pagination")}
    >
      <p data-testid="table-range">{t("range", { from, to, total: rowCount })}</p>
      <div className="flex flex-wrap items-center gap-2 sm:gap-3">
        <label className="flex items-center gap-2 whitespace-nowrap">
          <span>{t("perPage")}</span>
          <Select
            className="w-20 py-1.5"
            value={state.perPage}
            onChange={(event) => navigate({ perPage: Number(event.target.value) })}
          >
            {(spec.perPageOptions ?? DEFAULT_PER_PAGE_OPTIONS).map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </label>
        <span className="whitespace-nowrap">{t("pageOf", { page: Math.min(state.page, pages), pages })}</span>
        <Button
          variant="secondary"
          size="sm"
          disabled={state.page <= 1}
          onClick={() => navigate({ page: state.page - 1 })}
          aria-label={t("previous")}
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={state.page >= pages}
          onClick={() => navigate({ page: state.page + 1 })}
          aria-label={t("next")}
        >
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
