// The saved-views strip of one table, for its page to place above the table: the signed-in user's
// views, read on the server, and the actions that change them.
import type { SavedViewTable } from "@/domain/saved-views";
import { SavedViews } from "@/components/saved-views/saved-views";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listSavedViews, SAVED_VIEW_SPECS } from "@/server/queries/saved-views";
import { deleteViewAction, pinViewAction, renameViewAction, saveViewAction } from "./saved-views-actions";

const actions = { save: saveViewAction, rename: renameViewAction, pin: pinViewAction, remove: deleteViewAction };

export async function SavedViewsBar({ table }: { table: SavedViewTable }) {
  const user = await requireUser();
  const views = await listSavedViews(await getDb(), user.id, table);
  return <SavedViews table={table} spec={SAVED_VIEW_SPECS[table]} views={views} actions={actions} />;
}
