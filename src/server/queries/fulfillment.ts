import "server-only";
// What tracking write-back reads: issued shipments whose tracking Shopify does not have yet.
import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders, shipments, stores } from "../db/schema";

/**
 * Of the given shipments, those with documents and a tracking number not yet sent to Shopify
 * (pending or failed), with their order's Shopify id and the store's domain.
 */
export function shipmentsAwaitingTracking(db: Db, shipmentIds: string[]) {
  return db
    .select({
      id: shipments.id,
      carrier: shipments.carrier,
      trackingNumber: shipments.trackingNumber,
      orderGid: orders.shopifyGid,
      orderName: orders.name,
      shop: stores.shopDomain,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(
      and(
        inArray(shipments.id, shipmentIds),
        isNotNull(shipments.documentsGeneratedAt),
        isNotNull(shipments.trackingNumber),
        ne(shipments.fulfillmentState, "created"),
      ),
    );
}
