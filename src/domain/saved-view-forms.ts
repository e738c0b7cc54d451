// The saved-view actions' forms (save, rename, pin, delete). Messages are i18n keys.
import { z } from "zod";
import { SAVED_VIEW_NAME_MAX, SAVED_VIEW_QUERY_MAX, SAVED_VIEW_TABLES } from "./saved-views";

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
