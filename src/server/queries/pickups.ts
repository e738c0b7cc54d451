import "server-only";
// What scheduling, rescheduling and cancelling pickups (and voiding a label) read: the shipments a
// request concerns, a pickup, and which shipments a pickup still collects.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DraftParcel } from "@/domain/shipment-evaluation";
import type { Db } from "../db/client";
import { orders, pickups, shipments, type Pickup } from "../db/schema";

/** A shipment a pickup request concerns, with what the pickup rules need to know about it. */
export interface PickupCandidate {
  id: string;
  orderName: string;
  orderFulfillment: string | null;
  documentsGeneratedAt: Date | null;
  cancelledInShopifyAt: Date | null;
  storeId: string;
  carrier: string | null;
  /** Our service name ("Worldwide Saver"): the carrier's code of it goes into the booking's pieces. */
  service: string | null;
  destinationCountry: string | null;
  /** Set once the label is bought: the carrier links the pickup to it. */
  trackingNumber: string | null;
  status: string;
  pickupId: string | null;
  parcels: DraftParcel[];
  isTest: boolean;
}

function selectCandidates(db: Db, where: SQL | undefined): Promise<PickupCandidate[]> {
  return db
    .select({
      id: shipments.id,
      orderName: orders.name,
      orderFulfillment: orders.fulfillmentStatus,
      documentsGeneratedAt: shipments.documentsGeneratedAt,
      cancelledInShopifyAt: shipments.cancelledInShopifyAt,
      storeId: shipments.storeId,
      carrier: shipments.carrier,
      service: shipments.service,
      destinationCountry: shipments.destinationCountry,
      trackingNumber: shipments.trackingNumber,
      status: shipments.status,
      pickupId: shipments.pickupId,
      parcels: shipments.parcels,
      isTest: shipments.isTest,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(where);
}

/** The shipments with these ids (those that exist). */
export function pickupCandidatesByIds(db: Db, shipmentIds: string[]): Promise<PickupCandidate[]> {
  return selectCandidates(db, inArray(shipments.id, shipmentIds));
}

/** The shipments the pickup still collects. */
export function shipmentsOnPickup(db: Db, pickupId: string): Promise<PickupCandidate[]> {
  return selectCandidates(db, onPickup(pickupId));
}

/** How many shipments the pickup still collects. */
export async function shipmentCountOnPickup(db: Db, pickupId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(shipments)
    .where(onPickup(pickupId));
  return row.count;
}

/** A shipment is on a pickup while it waits for it; a cancelled or shipped one has left it. */
export function onPickup(pickupId: string) {
  return and(eq(shipments.pickupId, pickupId), eq(shipments.status, "pickup_scheduled"));
}

export async function findPickup(db: Db, pickupId: string): Promise<Pickup | undefined> {
  const [pickup] = await db.select().from(pickups).where(eq(pickups.id, pickupId));
  return pickup;
}

/** The shipment with its order's name and its pickup while that is still scheduled. */
export async function shipmentWithScheduledPickup(db: Db, shipmentId: string) {
  const [row] = await db
    .select({ shipment: shipments, orderName: orders.name, pickup: pickups })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .leftJoin(pickups, and(eq(pickups.id, shipments.pickupId), eq(pickups.status, "scheduled")))
    .where(eq(shipments.id, shipmentId));
  return row;
}
