import "server-only";
// What "Generate documents" and the document downloads read: the shipments to issue for, with
// their order and store, and the files stored as issued.
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { orders, shipmentDocuments, shipments, stores } from "../db/schema";

/** The shipments with what their documents print: order, fulfillment in Shopify, shipper and customs defaults. */
export function shipmentsToDocument(db: Db, shipmentIds: string[]) {
  return db
    .select({
      shipment: shipments,
      orderName: orders.name,
      orderFulfillment: orders.fulfillmentStatus,
      storeName: stores.name,
      shipper: stores.shipper,
      defaultIncoterm: stores.defaultIncoterm,
      defaultExportReason: stores.defaultExportReason,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(inArray(shipments.id, shipmentIds));
}

export type ShipmentToDocument = Awaited<ReturnType<typeof shipmentsToDocument>>[number];

/** The stored label (in its format) and invoice of each shipment that has them, with its order's name (any order). */
export function issuedDocumentFiles(db: Db, shipmentIds: string[]) {
  return db
    .select({
      shipmentId: shipmentDocuments.shipmentId,
      labelFormat: shipmentDocuments.labelFormat,
      labelPdf: shipmentDocuments.labelPdf,
      labelZpl: shipmentDocuments.labelZpl,
      invoicePdf: shipmentDocuments.invoicePdf,
      orderName: orders.name,
    })
    .from(shipmentDocuments)
    .innerJoin(shipments, eq(shipments.id, shipmentDocuments.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(inArray(shipmentDocuments.shipmentId, shipmentIds));
}

/** What a packing slip prints of each shipment: its order (lines, note, date), recipient and store. */
export function packingSlipRows(db: Db, shipmentIds: string[]) {
  return db
    .select({
      shipmentId: shipments.id,
      carrier: shipments.carrier,
      trackingNumber: shipments.trackingNumber,
      recipient: shipments.recipient,
      orderName: orders.name,
      orderCreatedAt: orders.shopifyCreatedAt,
      lines: orders.lines,
      raw: orders.raw,
      storeName: stores.name,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(inArray(shipments.id, shipmentIds));
}
