import "server-only";
// A user's saved views of one table. Each stored query is read again through the table's spec, so a
// view saved before a filter value or a sort column went away links to what the table accepts now.
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { SavedViewTable } from "@/domain/saved-views";
import type { SavedViewRow } from "@/lib/rows/saved-views";
import type { TableSpec } from "@/lib/table/params";
import { viewQuery } from "@/lib/table/views";
import type { Db } from "../db/client";
import { savedViews, type SavedView } from "../db/schema";
import { quotesTable } from "./quotes";
import { draftsTable, shipmentsTable } from "./shipments";
import { storesTable } from "./stores";
import { syncRunsTable } from "./sync-runs";
import { usersTable } from "./users";

/** The spec that parses each table's URL, and so its views. */
export const SAVED_VIEW_SPECS: Record<SavedViewTable, TableSpec> = {
  shipments: shipmentsTable,
  drafts: draftsTable,
  quotes: quotesTable,
  stores: storesTable,
  "sync-runs": syncRunsTable,
  users: usersTable,
};

/** The user's views of a table, pinned first, then in the order they were saved. */
export async function listSavedViews(db: Db, userId: string, table: SavedViewTable): Promise<SavedViewRow[]> {
  const rows = await db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query, pinned: savedViews.pinned })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.tableKey, table)))
    .orderBy(sql`${savedViews.pinned} desc`, asc(savedViews.createdAt), asc(savedViews.id));
  return rows.map((row) => ({ ...row, query: viewQuery(SAVED_VIEW_SPECS[table], row.query) ?? "" }));
}

/** One of the user's views; another user's view is not found. */
export async function findSavedView(db: Db, userId: string, viewId: string): Promise<SavedView | undefined> {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)));
  return row;
}

export async function countSavedViews(db: Db, userId: string, table: SavedViewTable): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.tableKey, table)));
  return row?.value ?? 0;
}

/** Whether the user has a view of this name on the table (names compare without case, as the index does). */
export async function savedViewNameTaken(
  db: Db,
  userId: string,
  table: SavedViewTable,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.userId, userId),
        eq(savedViews.tableKey, table),
        sql`lower(${savedViews.name}) = lower(${name})`,
        exceptId ? sql`${savedViews.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}
