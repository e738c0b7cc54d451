import "server-only";
// Orders a sync could not store or read (sync_order_retries): the watermark moved past them, so
// each later run of the store reads them again by id (retry-orders.ts). A row goes as soon as
// the order is read and judged — by a retry, a later page, or a webhook.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { syncOrderRetries } from "../../db/schema";
import { takeExcluded } from "../../db/upsert";

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
        ...takeExcluded(syncOrderRetries, ["orderName", "reason"]),
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
