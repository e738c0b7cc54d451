import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditEvents, orders, shipments, stores, users } from "../db/schema";

/** A shipment with what the Edit Draft page shows around it. */
export async function findShipmentForEdit(db: Db, id: string) {
  const [row] = await db
    .select({
      shipment: shipments,
      orderName: orders.name,
      orderGid: orders.shopifyGid,
      customerName: orders.customerName,
      storeName: stores.name,
      // Used by the incoterm and reason selects while the shipment has none of its own.
      storeDefaultIncoterm: stores.defaultIncoterm,
      storeDefaultExportReason: stores.defaultExportReason,
      updatedByName: users.name,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .leftJoin(users, eq(users.id, shipments.updatedBy))
    .where(eq(shipments.id, id));
  return row;
}

/** Who changed the shipment and what, newest first. */
export async function shipmentHistory(db: Db, id: string) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actor: users.name,
      before: auditEvents.before,
      after: auditEvents.after,
      at: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, "shipment"), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.createdAt))
    .limit(50);
}
