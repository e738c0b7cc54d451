// Saved views: a user's named filter + sort of one table, kept as the table's URL query so the
// table spec that parses every other URL parses it too (nothing stored reaches SQL unparsed).
// No zod here: the browser's forms import these limits (the schemas are in saved-view-forms.ts).
/** The tables a view can be saved for, by the key their pages use. */
export const SAVED_VIEW_TABLES = ["shipments", "drafts", "quotes", "stores", "sync-runs", "users"] as const;
export type SavedViewTable = (typeof SAVED_VIEW_TABLES)[number];

/** Longest view name and query kept; longer ones are refused with a message, never cut. */
export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_QUERY_MAX = 2000;
/** Views per user and table: enough for a day's worth of queues, few enough to list as tabs. */
export const SAVED_VIEWS_PER_TABLE = 20;

/** The one parameter of a table's URL a view never keeps: a view opens on its first page. */
const NOT_KEPT = "page";

/**
 * The part of a table's URL query a view keeps: only the parameters the table knows (`known`, from
 * its spec: filters, sort, search, per-page), never the page, in a fixed order so two equal views
 * have one text. Values are not judged here: the table's spec parses them (src/lib/table/views.ts).
 * A query longer than SAVED_VIEW_QUERY_MAX is no view (null).
 */
export function keptViewParams(query: string, known: readonly string[]): URLSearchParams | null {
  if (query.length > SAVED_VIEW_QUERY_MAX) return null;
  const source = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const kept = new URLSearchParams();
  for (const key of [...new Set(known)].filter((name) => name !== NOT_KEPT).sort()) {
    for (const value of source.getAll(key)) kept.append(key, value);
  }
  return kept;
}
