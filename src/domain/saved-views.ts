// Saved views: a user's named filter + sort of one table, kept as the table's URL query so the
// table spec that parses every other URL parses it too (nothing stored reaches SQL unparsed).

/** The tables a view can be saved for, by the key their pages use. */
export const SAVED_VIEW_TABLES = ["shipments", "drafts", "quotes", "stores", "sync-runs", "users"] as const;
export type SavedViewTable = (typeof SAVED_VIEW_TABLES)[number];

/** Longest view name and query kept; longer ones are refused with a message, never cut. */
export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_QUERY_MAX = 2000;
/** Views per user and table: enough for a day's worth of queues, few enough to list as tabs. */
export const SAVED_VIEWS_PER_TABLE = 20;
