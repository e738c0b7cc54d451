import "server-only";
// What "Archive in Shopify" reads: the sync run items it may close in the store.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { stores, syncRunItems, syncRuns } from "../db/schema";

/** Of the given items, those skipped for having no shipping address and not archived yet, with their store. */
export function itemsToArchive(db: Db, itemIds: number[]) {
  return db
    .select({
      id: syncRunItems.id,
      orderGid: syncRunItems.orderGid,
      orderName: syncRunItems.orderName,
      shop: stores.shopDomain,
      storeId: stores.id,
    })
    .from(syncRunItems)
    .innerJoin(syncRuns, eq(syncRuns.id, syncRunItems.runId))
    .innerJoin(stores, eq(stores.id, syncRuns.storeId))
    .where(
      and(
        inArray(syncRunItems.id, itemIds),
        eq(syncRunItems.outcome, "skipped_no_address"),
        isNull(syncRunItems.archivedAt),
      ),
    );
}
