"use client";
import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { Input, Select } from "../ui/field";
import type { TableState } from "./params";

export interface FilterConfig {
  id: string;
  label: string;
  options: { value: string; label: string }[];
}

const SEARCH_DEBOUNCE_MS = 300;

export function DataTableToolbar({
  state,
  navigate,
  searchPlaceholder,
  filters,
}: {
  state: TableState;
  navigate: (patch: Partial<TableState>) => void;
  searchPlaceholder?: string;
  filters: FilterConfig[];
}) {
  const t = useTranslations("table");
  const [query, setQuery] = useState(state.q);

  // Follow the URL when it changes from elsewhere (back button, reset), adjusted while rendering.
  const [urlQuery, setUrlQuery] = useState(state.q);
  if (urlQuery !== state.q) {
    setUrlQuery(state.q);
    setQuery(state.q);
  }

  useEffect(() => {
    if (query.trim() === state.q) return;
    const timer = setTimeout(() => navigate({ q: query.trim() }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, state.q, navigate]);

  const active = state.q !== "" || Object.keys(state.filters).length > 0;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {searchPlaceholder ? (
        <div className="relative w-full max-w-xs">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" aria-hidden />
          <Input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={searchPlaceholder}
            aria-label={searchPlaceholder}
            className="pl-8"
          />
        </div>
      ) : null}
      {filters.map((filter) => (
        <Select
          key={filter.id}
          aria-label={filter.label}
          className="w-auto min-w-36"
          value={state.filters[filter.id]?.[0] ?? ""}
          onChange={(event) =>
            navigate({
              filters: { ...state.filters, [filter.id]: event.target.value ? [event.target.value] : [] },
            })
          }
        >
          <option value="">{t("allOf", { label: filter.label })}</option>
          {filter.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      ))}
      {active ? (
        <Button variant="ghost" size="sm" onClick={() => navigate({ q: "", filters: {} })}>
          <X className="size-4" aria-hidden />
          {t("reset")}
        </Button>
      ) : null}
    </div>
  );
}
