// Saved views: a user's named filter + sort of one table, kept as the table's URL query so the
// table spec that parses every other URL parses it too (nothing stored reaches SQL unparsed).
import { z } from "zod";

/** The tables a view can be saved for, by the key their pages use. */
export const SAVED_VIEW_TABLES = ["shipments", "drafts", "quotes", "stores", "sync-runs", "users"] as const;
export type SavedViewTable = (typeof SAVED_VIEW_TABLES)[number];

/** Longest view name and query kept; longer ones are refused with a message, never cut. */
export const SAVED_VIEW_NAME_MAX = 60;
export const SAVED_VIEW_QUERY_MAX = 2000;
/** Views per user and table: enough for a day's worth of queues, few enough to list as tabs. */
export const SAVED_VIEWS_PER_TABLE = 20;

// Every control character, tab and newlines included: a name is one line of a tab or a chip.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * A view's name: trimmed, NFC (so "São" typed two ways is one name), 1 to SAVED_VIEW_NAME_MAX
 * characters, no control characters (refused, not removed: the user sees what is wrong). Any other
 * text is just a name, "__proto__" included: it is stored as a value, never used as a key.
 */
export const savedViewNameSchema = z
  .string("savedViews.errors.nameRequired")
  .refine((name) => !CONTROL_CHARACTERS.test(name), "savedViews.errors.nameControl")
  .transform((name) => name.normalize("NFC").trim())
  .pipe(z.string().min(1, "savedViews.errors.nameRequired").max(SAVED_VIEW_NAME_MAX, "savedViews.errors.nameTooLong"));

const tableSchema = z.enum(SAVED_VIEW_TABLES, "errors.invalid");
const viewIdSchema = z.uuid("errors.notFound");

/** "Save view": the table, the name, and the page's query as it is (normalised by the server). */
export const createSavedViewSchema = z.object({
  table: tableSchema,
  name: savedViewNameSchema,
  query: z.string().max(SAVED_VIEW_QUERY_MAX, "savedViews.errors.queryTooLong").default(""),
  pinned: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});
export const renameSavedViewSchema = z.object({ viewId: viewIdSchema, name: savedViewNameSchema });
export const pinSavedViewSchema = z.object({
  viewId: viewIdSchema,
  pinned: z.enum(["true", "false"], "errors.invalid").transform((value) => value === "true"),
});
export const deleteSavedViewSchema = z.object({ viewId: viewIdSchema });

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
