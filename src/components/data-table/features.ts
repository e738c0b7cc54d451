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

export const serverTableFeatures = tableFeatures({
  rowPaginationFeature,
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnMeta: {} as { className?: string; headerClassName?: string },
});

export type ServerTableFeatures = typeof serverTableFeatures;
// One table's columns hold values of every type, so the value type is left open (unknown would
// refuse a column of strings beside one of numbers).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServerColumnDef<TData extends object> = ColumnDef<ServerTableFeatures, TData, any>;
