import "server-only";
// Orders a sync could not store or read (sync_order_retries): the watermark moved past them, so
// each later run of the store reads them again by id (retry-orders.ts). A row goes as soon as
// the order is read and judged — by a retry, a later page, or a webhook.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { syncOrderRetries, type SyncOrderRetry } from "../../db/schema";

export interface RetryEntry {
  orderGid: string;
  orderName: string | null;
  reason: string;
}

type Writer = Pick<Db, "insert" | "delete">;

/** Keeps the order for a retry: a first failure, or one more attempt of one already kept. */
export async function recordRetry(tx: Writer, storeId: string, entry: RetryEntry) {
  await tx
    .insert(syncOrderRetries)
    .values({ storeId, ...entry })
    .onConflictDoUpdate({
      target: [syncOrderRetries.storeId, syncOrderRetries.orderGid],
      set: {
        orderName: sql`excluded.order_name`,
        reason: sql`excluded.reason`,
        attempts: sql`${syncOrderRetries.attempts} + 1`,
        lastFailedAt: sql`now()`,
      },
    });
}

/** The orders are no longer waiting for a retry. */
export async function clearRetries(tx: Writer, storeId: string, orderGids: string[]) {
  if (orderGids.length === 0) return;
  await tx
    .delete(syncOrderRetries)
    .where(and(eq(syncOrderRetries.storeId, storeId), inArray(syncOrderRetries.orderGid, orderGids)));
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
