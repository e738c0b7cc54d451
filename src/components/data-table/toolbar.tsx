"use client";
import { ChevronDown, Search, SlidersHorizontal, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type ReactNode } from "react";
import { filterOptions, type TableSpec, type TableState } from "@/lib/table/params";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { Input, Select } from "../ui/field";

/**
 * How the toolbar shows one of the spec's filters. The values come from the spec; the table only
 * names them. An id filter (the spec takes any id) lists the rows that exist as its `options`.
 */
export interface FilterConfig {
  id: string;
  label: string;
  optionLabel?: (value: string) => string;
  options?: { value: string; label: string }[];
}

const SEARCH_DEBOUNCE_MS = 300;
/** The select's value while several values are chosen (only a URL or a link can choose several). */
const SEVERAL = "*several*";

function optionsOf(filter: FilterConfig, spec: TableSpec): { value: string; label: string }[] {
  if (filter.options) return filter.options;
  return filterOptions(spec.filters[filter.id]).map((value) => ({
    value,
    label: filter.optionLabel?.(value) ?? value,
  }));
}

export function DataTableToolbar({
  state,
  spec,
  navigate,
  searchPlaceholder,
  filters,
  children,
}: {
  state: TableState;
  spec: TableSpec;
  navigate: (patch: Partial<TableState>) => void;
  searchPlaceholder?: string;
  filters: FilterConfig[];
  /** Extra controls after the filters. */
  children?: ReactNode;
}) {
  const t = useTranslations("table");
  const [query, setQuery] = useState(state.q);
  // On a phone the filters fold behind one button (a table can have seven of them).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const activeFilters = Object.keys(state.filters).length;

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
  const setFilter = (id: string, values: string[]) => navigate({ filters: { ...state.filters, [id]: values } });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {searchPlaceholder ? (
        <div className="relative min-w-0 flex-1 md:w-full md:max-w-xs md:flex-none">
          <Search
            className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400"
            aria-hidden
          />
          <Input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={searchPlaceholder}
            aria-label={searchPlaceholder}
            aria-keyshortcuts="/"
            className="pl-8"
          />
        </div>
      ) : null}
      {filters.length > 0 ? (
        <Button
          variant="secondary"
          className="md:hidden"
          aria-expanded={filtersOpen}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen((open) => !open)}
        >
          <SlidersHorizontal className="size-4" aria-hidden />
          {activeFilters > 0 ? t("filtersActive", { count: activeFilters }) : t("filters")}
          <ChevronDown className={cn("size-4 transition-transform", filtersOpen && "rotate-180")} aria-hidden />
        </Button>
      ) : null}
      <div
        id={filtersId}
        className={cn("md:contents", filtersOpen ? "grid w-full grid-cols-2 gap-2" : "max-md:hidden")}
      >
        {filters.map((filter) => {
          const options = optionsOf(filter, spec);
          const chosen = state.filters[filter.id] ?? [];
          const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
          return (
            <div key={filter.id} className="flex min-w-0 flex-wrap items-center gap-1">
              <Select
                aria-label={filter.label}
                className="w-auto min-w-36 max-md:w-full max-md:min-w-0"
                value={chosen.length > 1 ? SEVERAL : (chosen[0] ?? "")}
                onChange={(event) => setFilter(filter.id, event.target.value ? [event.target.value] : [])}
              >
                <option value="">{t("allOf", { label: filter.label })}</option>
                {chosen.length > 1 ? (
                  <option value={SEVERAL} disabled>
                    {t("severalOf", { label: filter.label, count: chosen.length })}
                  </option>
                ) : null}
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
              {chosen.length > 1
                ? chosen.map((value) => (
                    <span
                      key={value}
                      className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-700"
                      data-testid={`filter-value-${filter.id}`}
                    >
                      {labelOf(value)}
                      <button
                        type="button"
                        className="rounded-full p-0.5 hover:bg-slate-200"
                        aria-label={t("removeValue", { label: filter.label, value: labelOf(value) })}
                        onClick={() =>
                          setFilter(
                            filter.id,
                            chosen.filter((other) => other !== value),
                          )
                        }
                      >
                        <X className="size-3" aria-hidden />
                      </button>
                    </span>
                  ))
                : null}
            </div>
          );
        })}
      </div>
      {active ? (
        <Button variant="ghost" size="sm" onClick={() => navigate({ q: "", filters: {} })}>
          <X className="size-4" aria-hidden />
          {/* Only the cross on a phone, where the search box needs the width. */}
          <span className="max-md:sr-only">{t("reset")}</span>
        </Button>
      ) : null}
      {children}
    </div>
  );
}
