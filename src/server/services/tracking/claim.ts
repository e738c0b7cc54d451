import "server-only";
// The tracking poller's queue, claimed in the database like sync runs (services/sync/runs.ts):
// one UPDATE takes the due shipments no other poller holds (FOR UPDATE SKIP LOCKED) and leases
// them for LEASE_MS, so two pollers — two instances, or the server and `npm run tracking:poll` —
// never track the same shipment at once, and a crashed poller's shipments come back when the
// lease expires. The lease's end is the claim's token: only its holder writes the outcome.
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { API_CARRIERS } from "../../carriers/api";
import type { Db } from "../../db/client";
import { shipments, type Shipment } from "../../db/schema";

const LEASE_MS = 2 * 60 * 1000;

const claimedColumns = {
  id: shipments.id,
  storeId: shipments.storeId,
  carrier: shipments.carrier,
  trackingNumber: shipments.trackingNumber,
  status: shipments.status,
  documentsGeneratedAt: shipments.documentsGeneratedAt,
  createdAt: shipments.createdAt,
  shopifyFulfillmentId: shipments.shopifyFulfillmentId,
  leaseUntil: shipments.trackingLeaseUntil,
};

export type ClaimedShipment = Pick<
  Shipment,
  | "id"
  | "storeId"
  | "carrier"
  | "trackingNumber"
  | "status"
  | "documentsGeneratedAt"
  | "createdAt"
  | "shopifyFulfillmentId"
> & { leaseUntil: Date | null };

function leaseFree(now: Date) {
  return or(isNull(shipments.trackingLeaseUntil), lt(shipments.trackingLeaseUntil, now));
}

/**
 * Leases up to `limit` shipments: those due (next check passed), or — "Check now" — the given
 * ones whatever their schedule, as long as they are not delivered. Only labels of the carriers
 * with an API: Correios has none to ask.
 */
export async function claimShipments(
  db: Db,
  now: Date,
  options: { limit: number; shipmentIds?: string[] },
): Promise<ClaimedShipment[]> {
  if (options.limit <= 0 || options.shipmentIds?.length === 0) return [];
  const which = options.shipmentIds
    ? and(inArray(shipments.id, options.shipmentIds), isNull(shipments.deliveredAt))
    : lte(shipments.trackingNextCheckAt, now);
  const candidates = db
    .select({ id: shipments.id })
    .from(shipments)
    .where(
      and(which, leaseFree(now), isNotNull(shipments.trackingNumber), inArray(shipments.carrier, [...API_CARRIERS])),
    )
    .orderBy(asc(shipments.trackingNextCheckAt))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return (
    db
      .update(shipments)
      .set({ trackingLeaseUntil: new Date(now.getTime() + LEASE_MS) })
      // The lease is checked again on the row itself: a row another poller leased between our
      // subquery's snapshot and our update is left to it.
      .where(and(inArray(shipments.id, candidates), leaseFree(now)))
      .returning(claimedColumns)
  );
}

/** Whether the row is still ours: the same lease end we set (a poller that took it over set another). */
export function heldBy(shipment: ClaimedShipment) {
  return and(eq(shipments.id, shipment.id), eq(shipments.trackingLeaseUntil, shipment.leaseUntil!));
}
