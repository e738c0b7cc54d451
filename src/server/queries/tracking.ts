import "server-only";
// What the shipment page shows: the shipment's summary and its tracking events, newest first.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders, shipments, stores, trackingEvents } from "../db/schema";

export async function shipmentTracking(db: Db, shipmentId: string) {
  const [shipment] = await db
    .select({
      id: shipments.id,
      orderName: orders.name,
      customer: orders.customerName,
      storeName: stores.name,
      destination: shipments.destinationCountry,
      carrier: shipments.carrier,
      service: shipments.service,
      status: shipments.status,
      trackingNumber: shipments.trackingNumber,
      trackingStatus: shipments.trackingStatus,
      trackingCheckedAt: shipments.trackingCheckedAt,
      trackingNextCheckAt: shipments.trackingNextCheckAt,
      deliveredAt: shipments.deliveredAt,
      documentsGeneratedAt: shipments.documentsGeneratedAt,
      fulfillmentState: shipments.fulfillmentState,
      shopifyFulfillmentId: shipments.shopifyFulfillmentId,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(eq(shipments.id, shipmentId));
  if (!shipment) return null;
  const events = await db
    .select({
      id: trackingEvents.id,
      occurredAt: trackingEvents.occurredAt,
      status: trackingEvents.status,
      code: trackingEvents.carrierCode,
      description: trackingEvents.description,
      location: trackingEvents.location,
      shopifyEventId: trackingEvents.shopifyEventId,
      shopifyError: trackingEvents.shopifyError,
    })
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, shipmentId))
    .orderBy(desc(trackingEvents.occurredAt), desc(trackingEvents.id))
    // A parcel has tens of events; the bound keeps a hostile carrier answer from filling the page.
    .limit(500);
  return { ...shipment, events };
}
