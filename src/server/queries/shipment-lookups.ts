import "server-only";
// One shipment as stored, who last changed it, and the open shipments a context change re-judges.
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { shipments, users, type Shipment } from "../db/schema";

export async function findShipmentById(db: Db, shipmentId: string): Promise<Shipment | undefined> {
  const [shipment] = await db.select().from(shipments).where(eq(shipments.id, shipmentId));
  return shipment;
}

/** The shipments of these orders (an order has one at most). */
export function shipmentsOfOrders(db: Db, orderIds: string[]): Promise<Shipment[]> {
  return db.select().from(shipments).where(inArray(shipments.orderId, orderIds));
}

/** When the shipment was last saved and by whom (null: a sync, or a user since deleted). */
export async function lastChangeOf(db: Db, shipmentId: string) {
  const [change] = await db
    .select({ at: shipments.updatedAt, name: users.name })
    .from(shipments)
    .leftJoin(users, eq(users.id, shipments.updatedBy))
    .where(eq(shipments.id, shipmentId));
  return change;
}

/**
 * Shipments whose verdict may still change: drafts and ready ones without documents whose order
 * was not cancelled in Shopify — of one store, or only those waiting for a PTAX rate, when asked.
 */
export function openShipments(db: Db, scope: { storeId?: string; waitingForRate?: boolean }) {
  const conditions: SQL[] = [
    inArray(shipments.status, ["draft", "ready"]),
    isNull(shipments.documentsGeneratedAt),
    isNull(shipments.cancelledInShopifyAt),
  ];
  if (scope.storeId) conditions.push(eq(shipments.storeId, scope.storeId));
  if (scope.waitingForRate) conditions.push(sql`${shipments.problems} @> '[{"code":"noRate"}]'::jsonb`);
  return db
    .select()
    .from(shipments)
    .where(and(...conditions));
}
