"use client";
// On a phone the column headers are hidden (each card labels its own fields), so what they do —
// select the page's rows, sort by a column — moves into this bar above the cards.
import { useTranslations } from "next-intl";
import type { TableState } from "@/lib/table/params";
import { Select } from "../ui/field";

interface SortOption {
  id: string;
  label: string;
}

export function DataTableMobileBar({
  sort,
  sortOptions,
  onSort,
  selectAll,
}: {
  sort: TableState["sort"];
  sortOptions: SortOption[];
  onSort: (sort: TableState["sort"]) => void;
  /** The page's select-all checkbox, when rows can be selected. */
  selectAll?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const t = useTranslations("table");
  if (sortOptions.length === 0 && !selectAll) return null;
  return (
    <div className="flex items-center justify-between gap-3 md:hidden" data-testid="table-mobile-bar">
      {selectAll ? (
        <label className="flex min-h-10 shrink-0 items-center gap-2 text-sm whitespace-nowrap text-slate-700">
          <input
            type="checkbox"
            className="size-5 rounded border-slate-300"
            checked={selectAll.checked}
            onChange={(event) => selectAll.onChange(event.target.checked)}
          />
          {t("selectAll")}
        </label>
      ) : (
        <span />
      )}
      {sortOptions.length > 0 ? (
        <Select
          aria-label={t("sortLabel")}
          className="w-auto max-w-64 min-w-0 flex-1"
          value={`${sort.id}.${sort.desc ? "desc" : "asc"}`}
          onChange={(event) => {
            const value = event.target.value;
            const dot = value.lastIndexOf(".");
            onSort({ id: value.slice(0, dot), desc: value.slice(dot + 1) === "desc" });
          }}
        >
          {sortOptions.flatMap((option) => [
            <option key={`${option.id}.asc`} value={`${option.id}.asc`}>
              {t("sortAscending", { label: option.label })}
            </option>,
            <option key={`${option.id}.desc`} value={`${option.id}.desc`}>
              {t("sortDescending", { label: option.label })}
            </option>,
          ])}
        </Select>
      ) : null}
    </div>
  );
}
