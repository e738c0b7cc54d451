"use client";
// The one generic server-side table: rows, sort, pagination and filters come from the URL
// (parsed on the server into SQL); this component only renders and navigates.
import {
  useTable,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "../ui/cn";
import {
  cardBody,
  cardCell,
  cardHead,
  cardLabel,
  cardPlacements,
  cardRow,
  cardTable,
  cardWrapper,
} from "./card-layout";
import { serverTableFeatures, type ServerColumnDef } from "./features";
import type { TableSpec, TableState } from "@/lib/table/params";
import { DataTableMobileBar } from "./mobile-bar";
import { DataTablePagination } from "./pagination";
import { DataTableToolbar, type FilterConfig } from "./toolbar";
import { useTableUrl } from "./use-table-url";

/** One page of a server-side table: its rows, the total, and the URL state that produced them. */
export interface TablePage<TData> {
  rows: TData[];
  rowCount: number;
  state: TableState;
  spec: TableSpec;
}

export interface DataTableProps<TData extends { id: string }> {
  page: TablePage<TData>;
  columns: ServerColumnDef<TData>[];
  searchPlaceholder?: string;
  filters?: FilterConfig[];
  empty: ReactNode;
  /** Shown instead of `empty` when search or filters hide every row. */
  noMatches?: ReactNode;
  label: string;
  /** Selectable rows (by id, kept across pages): TanStack's row selection, held by the caller. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  /** Extra controls at the end of the toolbar, beside the search and filters. */
  toolbar?: ReactNode;
}

const NO_SELECTION: RowSelectionState = {};

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

export function DataTable<TData extends { id: string }>(props: DataTableProps<TData>) {
  const { columns } = props;
  const { rows: data, rowCount, state, spec } = props.page;
  const t = useTranslations("table");
  const { navigate, pending } = useTableUrl(state, spec);
  const sorting: SortingState = [{ id: state.sort.id, desc: state.sort.desc }];

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    rowCount,
    enableRowSelection: props.onRowSelectionChange !== undefined,
    onRowSelectionChange: props.onRowSelectionChange,
    state: {
      sorting,
      pagination: { pageIndex: state.page - 1, pageSize: state.perPage },
      rowSelection: props.rowSelection ?? NO_SELECTION,
    },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next && spec.sortable.includes(next.id)) navigate({ sort: { id: next.id, desc: next.desc } });
    },
  });

  const filtered = state.q !== "" || Object.keys(state.filters).length > 0;
  const rows = table.getRowModel().rows;
  const leafColumns = table.getAllLeafColumns();
  const placements = cardPlacements(
    leafColumns.map((leaf) => ({ id: leaf.id, header: leaf.columnDef.header, placement: leaf.columnDef.meta?.card })),
  );
  const labels = new Map(
    leafColumns.map((leaf) => [leaf.id, cardLabel({ id: leaf.id, header: leaf.columnDef.header })]),
  );
  // A phone sorts from a select: one entry per sortable column that has a header to name it by
  // (the creation date, every table's default order, is named even when no column shows it).
  const sortOptions = spec.sortable.flatMap((id) => {
    const label = labels.get(id) ?? (id === "createdAt" ? t("sortCreatedAt") : null);
    return label ? [{ id, label }] : [];
  });
  const selectable = props.onRowSelectionChange !== undefined && rows.length > 0;

  return (
    <div className="space-y-3">
      <DataTableToolbar
        state={state}
        spec={spec}
        navigate={navigate}
        searchPlaceholder={props.searchPlaceholder}
        filters={props.filters ?? []}
      >
        {props.toolbar}
      </DataTableToolbar>
      {rows.length > 0 ? (
        <DataTableMobileBar
          sort={state.sort}
          sortOptions={sortOptions}
          onSort={(sort) => navigate({ sort })}
          selectAll={
            selectable
              ? {
                  checked: table.getIsAllPageRowsSelected(),
                  onChange: (checked) => table.toggleAllPageRowsSelected(checked),
                }
              : undefined
          }
        />
      ) : null}
      {/* Relative, so that visually hidden labels inside (positioned absolutely) stay inside the
          scrolling box instead of widening the page. */}
      <div
        className={cn(
          "relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs transition-opacity",
          rows.length > 0 && cardWrapper,
          pending && "opacity-60",
        )}
        aria-busy={pending}
      >
        <table
          role="table"
          className={cn("min-w-full text-sm md:divide-y md:divide-slate-200", cardTable)}
          aria-label={props.label}
        >
          <thead role="rowgroup" className={cn("bg-slate-50", cardHead)}>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row">
                {group.headers.map((header) => {
                  const sortable = spec.sortable.includes(header.column.id);
                  const sorted = sortable ? header.column.getIsSorted() : false;
                  const meta = header.column.columnDef.meta;
                  return (
                    <th
                      key={header.id}
                      role="columnheader"
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn(
                        "px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase",
                        meta?.headerClassName,
                      )}
                    >
                      {header.isPlaceholder ? null : sortable ? (
                        <button
                          type="button"
                          onClick={() => header.column.toggleSorting(sorted === "asc")}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900"
                          title={t("sortBy")}
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3.5" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3.5" aria-hidden />
                          ) : (
                            <ChevronsUpDown className="size-3.5 text-slate-400" aria-hidden />
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody role="rowgroup" className={cn("md:divide-y md:divide-slate-100", cardBody)}>
            {rows.map((row) => (
              // Focusable rows are what the j/k shortcuts highlight (components/shortcuts/table-rows.ts).
              <tr
                key={row.id}
                role="row"
                data-table-row
                tabIndex={-1}
                className={cn(
                  "hover:bg-slate-50/70 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500",
                  cardRow,
                )}
              >
                {row.getVisibleCells().map((cell) => {
                  const placement = placements.get(cell.column.id);
                  const label = placement === "field" || placement === "wide" ? labels.get(cell.column.id) : null;
                  return (
                    <td
                      key={cell.id}
                      role="cell"
                      className={cn(
                        "px-4 py-3 align-middle text-slate-700",
                        cell.column.columnDef.meta?.className,
                        cardCell(placement),
                      )}
                      // On a phone the checkbox's cell is its target: a tap beside the box toggles it too.
                      onClick={
                        placement === "select"
                          ? (event) => {
                              if (event.target === event.currentTarget) row.toggleSelected();
                            }
                          : undefined
                      }
                    >
                      {label ? (
                        <div
                          className="mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase md:hidden"
                          aria-hidden
                        >
                          {label}
                        </div>
                      ) : null}
                      {/* Layout-neutral on a desktop; in a card it tells an empty field from a filled one. */}
                      <div data-card-value className="md:contents">
                        <table.FlexRender cell={cell} />
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (filtered ? (props.noMatches ?? <NoMatches />) : props.empty) : null}
      </div>
      {rowCount > 0 ? <DataTablePagination state={state} spec={spec} rowCount={rowCount} navigate={navigate} /> : null}
    </div>
  );
}

function NoMatches() {
  const t = useTranslations("table");
  return (
    <div className="px-6 py-12 text-center text-sm text-slate-600" data-testid="no-matches">
      {t("noMatches")}
    </div>
  );
}
