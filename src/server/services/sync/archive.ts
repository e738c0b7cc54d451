import "server-only";
// "Archive in Shopify" for orders that have nothing to ship (no shipping address): orderClose
// in the store, and the outcome — archived, or why not — kept on the sync run item.
import { eq } from "drizzle-orm";
import { syncRunItems } from "../../db/schema";
import { itemsToArchive } from "../../queries/archive";
import { recordAudit } from "../../queries/audit";
import { shopifyGraphql } from "../../shopify/graphql";
import { ORDER_CLOSE_MUTATION } from "../../shopify/operations";
import { StoreReconnectNeededError, withShopSession, type ShopDeps } from "../shop-session";

export interface ArchiveOutcome {
  archived: number;
  failed: { orderName: string | null; reason: string }[];
}

export async function archiveSkippedOrders(
  deps: ShopDeps,
  itemIds: number[],
  actorId: string,
): Promise<ArchiveOutcome> {
  const items = await itemsToArchive(deps.db, itemIds);
  const outcome: ArchiveOutcome = { archived: 0, failed: [] };
  for (const item of items) {
    try {
      const { data } = await withShopSession(deps, item.shop, (session) =>
        shopifyGraphql<{ orderClose: { order: { closed: boolean } | null; userErrors: { message: string }[] } }>(
          deps.shopify,
          session,
          ORDER_CLOSE_MUTATION,
          { id: item.orderGid },
        ),
      );
      const problem = data.orderClose.userErrors[0]?.message;
      if (problem || !data.orderClose.order?.closed) throw new Error(problem ?? "Shopify did not close the order");
      await deps.db
        .update(syncRunItems)
        .set({ archivedAt: new Date(), archiveError: null })
        .where(eq(syncRunItems.id, item.id));
      await recordAudit(deps.db, {
        actorId,
        action: "order.archived_in_shopify",
        entityType: "store",
        entityId: item.storeId,
        after: { order: item.orderName },
      });
      outcome.archived++;
    } catch (error) {
      const reason = error instanceof StoreReconnectNeededError ? "reconnect_needed" : (error as Error).message;
      await deps.db.update(syncRunItems).set({ archiveError: reason }).where(eq(syncRunItems.id, item.id));
      outcome.failed.push({ orderName: item.orderName, reason });
    }
  }
  return outcome;
}
