import "server-only";
// Saving, renaming, pinning and deleting a user's views. A view belongs to one user: every change
// looks the view up by its id AND the user, so another user's id is simply not found. The query is
// stored as the table's spec reads it (src/lib/table/views.ts), never as it arrived.
import { and, eq, sql } from "drizzle-orm";
import { SAVED_VIEWS_PER_TABLE, type SavedViewTable } from "@/domain/saved-views";
import { viewQuery } from "@/lib/table/views";
import type { Db } from "../db/client";
import { savedViews, type SavedView } from "../db/schema";
import { AppError } from "../errors";
import { countSavedViews, findSavedView, SAVED_VIEW_SPECS, savedViewNameTaken } from "../queries/saved-views";

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}

function duplicate(name: string): AppError {
  return new AppError("savedViews.errors.duplicate", "name", { name });
}

export interface NewSavedView {
  table: SavedViewTable;
  /** Already validated by savedViewNameSchema. */
  name: string;
  /** The page's query as the browser had it. */
  query: string;
  pinned: boolean;
}

export async function createSavedView(db: Db, userId: string, input: NewSavedView): Promise<SavedView> {
  const query = viewQuery(SAVED_VIEW_SPECS[input.table], input.query);
  if (query === null) throw new AppError("savedViews.errors.queryTooLong");
  try {
    return await db.transaction(async (tx) => {
      // The count and the insert in one transaction; two saves at once may still pass the count
      // together, which leaves at most a view or two over a limit that is about fitting tabs.
      if ((await countSavedViews(tx, userId, input.table)) >= SAVED_VIEWS_PER_TABLE) {
        throw new AppError("savedViews.errors.limit", undefined, { max: SAVED_VIEWS_PER_TABLE });
      }
      if (await savedViewNameTaken(tx, userId, input.table, input.name)) throw duplicate(input.name);
      const [created] = await tx
        .insert(savedViews)
        .values({ userId, tableKey: input.table, name: input.name, query, pinned: input.pinned })
        .returning();
      return created;
    });
  } catch (error) {
    // Two saves of the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw duplicate(input.name);
    throw error;
  }
}

async function ownView(db: Db, userId: string, viewId: string): Promise<SavedView> {
  const view = await findSavedView(db, userId, viewId);
  if (!view) throw new AppError("errors.notFound");
  return view;
}

async function updateView(db: Db, view: SavedView, patch: Partial<Pick<SavedView, "name" | "pinned">>) {
  const [updated] = await db
    .update(savedViews)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(savedViews.id, view.id), eq(savedViews.userId, view.userId)))
    .returning();
  if (!updated) throw new AppError("errors.notFound");
  return updated;
}

export async function renameSavedView(db: Db, userId: string, viewId: string, name: string): Promise<SavedView> {
  const view = await ownView(db, userId, viewId);
  if (view.name === name) return view;
  if (await savedViewNameTaken(db, userId, view.tableKey, name, view.id)) throw duplicate(name);
  try {
    return await updateView(db, view, { name });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(name);
    throw error;
  }
}

export async function setSavedViewPinned(db: Db, userId: string, viewId: string, pinned: boolean): Promise<SavedView> {
  const view = await ownView(db, userId, viewId);
  return view.pinned === pinned ? view : updateView(db, view, { pinned });
}

/** Deletes one of the user's views; answers what was deleted (for the message). */
export async function deleteSavedView(db: Db, userId: string, viewId: string): Promise<SavedView> {
  const [deleted] = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)))
    .returning();
  if (!deleted) throw new AppError("errors.notFound");
  return deleted;
}
