import "server-only";
// What the sync reads of its own bookkeeping: a run, the store's active run, and the orders
// waiting for a retry.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { syncOrderRetries, syncRuns, type SyncOrderRetry, type SyncRun } from "../db/schema";

export async function findSyncRun(db: Db, runId: string): Promise<SyncRun | undefined> {
  const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, runId));
  return run;
}

/** The store's queued or running run (a partial unique index allows one at most). */
export async function activeRunOfStore(db: Db, storeId: string): Promise<SyncRun | undefined> {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.storeId, storeId), inArray(syncRuns.status, ["queued", "running"])))
    .limit(1);
  return run;
}

/** Up to `limit` orders waiting for a retry, the ones retried least recently first. */
export async function retriesDue(db: Db, storeId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ orderGid: syncOrderRetries.orderGid })
    .from(syncOrderRetries)
    .where(eq(syncOrderRetries.storeId, storeId))
    .orderBy(asc(syncOrderRetries.lastFailedAt), asc(syncOrderRetries.orderGid))
    .limit(limit);
  return rows.map((row) => row.orderGid);
}

/** Which of `orderGids` are still waiting for a retry. */
export async function stillWaiting(db: Db, storeId: string, orderGids: string[]): Promise<SyncOrderRetry[]> {
  if (orderGids.length === 0) return [];
  return db
    .select()
    .from(syncOrderRetries)
    .where(and(eq(syncOrderRetries.storeId, storeId), inArray(syncOrderRetries.orderGid, orderGids)));
}
