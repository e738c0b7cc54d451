// The one feature set every server-side table uses (TanStack Table v9). No client row models:
// sorting, filtering and pagination happen in SQL, so these features only hold state.
import {
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from "@tanstack/react-table";

/**
 * Below the md breakpoint every table is a list of cards (see data-table.tsx). Where a cell goes
 * in its card is inferred: the "select" column in the corner, the first other column as the
 * card's title, a column with a text header as a labelled field, any other as the row's actions.
 * `card` overrides that: "wide" is a labelled field across the card, "hidden" leaves it out.
 */
export type CardPlacement = "title" | "field" | "wide" | "actions" | "hidden";

interface ServerColumnMeta {
  className?: string;
  headerClassName?: string;
  card?: CardPlacement;
}

export const serverTableFeatures = tableFeatures({
  rowPaginationFeature,
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnMeta: {} as ServerColumnMeta,
});

export type ServerTableFeatures = typeof serverTableFeatures;
// One table's columns hold values of every type, so the value type is left open (unknown would
// refuse a column of strings beside one of numbers).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerColumnDef<TData extends object> = ColumnDef<ServerTableFeatures, TData, any>;
