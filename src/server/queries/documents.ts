import "server-only";
// What "Generate documents" and the document downloads read: the shipments to issue for, with
// their order and store, and the PDFs stored as issued.
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

/** The stored label and invoice of each shipment that has them, with its order's name (any order). */
export function issuedDocumentFiles(db: Db, shipmentIds: string[]) {
  return db
    .select({
      shipmentId: shipmentDocuments.shipmentId,
      labelPdf: shipmentDocuments.labelPdf,
      invoicePdf: shipmentDocuments.invoicePdf,
      orderName: orders.name,
    })
    .from(shipmentDocuments)
    .innerJoin(shipments, eq(shipments.id, shipmentDocuments.shipmentId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(inArray(shipmentDocuments.shipmentId, shipmentIds));
}
