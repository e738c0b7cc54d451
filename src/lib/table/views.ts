// A saved view's query, as the table's spec reads it: what "Save view" stores and what a view's
// tab links to. Both go through the spec's parser, so a stored value the table no longer accepts
// (a removed filter value, a sort column gone) is dropped rather than sent to the query.
import { keptViewParams, type SavedViewTable } from "@/domain/saved-views";
import { parseTableState, serializeTableState, type SearchParams, type TableSpec } from "./params";

/** Where each table lives: a view opens this page with its query. */
const VIEW_PAGES: Record<SavedViewTable, { path: string; fixed?: Record<string, string> }> = {
  shipments: { path: "/shipments" },
  drafts: { path: "/follow-up/quotations-shipments", fixed: { tab: "drafts" } },
  quotes: { path: "/follow-up/quotations-shipments", fixed: { tab: "quotations" } },
  stores: { path: "/stores" },
  "sync-runs": { path: "/sync-runs" },
  users: { path: "/users" },
};

/**
 * The canonical query of a view of a table with `spec`: the parameters the spec knows, parsed by it
 * (unknown or malformed values dropped, defaults left out), without the page, in a fixed order.
 * Null when the query is too long to be a view.
 */
export function viewQuery(spec: TableSpec, query: string): string | null {
  const kept = keptViewParams(query, ["perPage", "sort", "q", ...Object.keys(spec.filters)]);
  if (!kept) return null;
  const params: SearchParams = {};
  for (const key of new Set(kept.keys())) params[key] = kept.getAll(key);
  const state = parseTableState(params, spec);
  const canonical = serializeTableState({ ...state, page: 1 }, spec);
  canonical.sort();
  return canonical.toString();
}

/** The link that applies a view: its table's page with the view's query. */
export function viewHref(table: SavedViewTable, query: string): string {
  const { path, fixed } = VIEW_PAGES[table];
  const params = new URLSearchParams(fixed);
  for (const [key, value] of new URLSearchParams(query)) params.append(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
