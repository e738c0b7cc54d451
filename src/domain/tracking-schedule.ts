// When a parcel's tracking is asked again, and what a carrier's report means for the shipment.
// Pure rules (the poller in src/server/services/tracking applies them): the intervals follow how
// fast a parcel's state changes at each stage (CARRIERS.md, "Tracking": carriers update scans
// a few times a day; out for delivery resolves within the day), so a large backlog of labels
// costs few requests while an exception or the last mile is seen within the hour.
import { z } from "zod";
import type { ShipmentStatus, TrackingStatus } from "./statuses";

const HOUR = 60 * 60 * 1000;

/** How long until the next check after a report with this status (delivered: none). */
const CHECK_INTERVAL_MS: Readonly<Record<TrackingStatus, number | null>> = {
  label_created: 2 * HOUR,
  in_transit: 4 * HOUR,
  out_for_delivery: 1 * HOUR,
  exception: 1 * HOUR,
  delivered: null,
};

/**
 * A number the carrier does not know yet (labels are often scanned only at pickup): asked again
 * less and less often as the label ages, and given up on — flagged for an operator — after this.
 */
export const NOT_FOUND_GIVE_UP_MS = 7 * 24 * HOUR;
const NOT_FOUND_STEPS: readonly { ageBelowMs: number; intervalMs: number }[] = [
  { ageBelowMs: 24 * HOUR, intervalMs: 2 * HOUR },
  { ageBelowMs: 3 * 24 * HOUR, intervalMs: 6 * HOUR },
  { ageBelowMs: NOT_FOUND_GIVE_UP_MS, intervalMs: 12 * HOUR },
];

/** The next check after a report with `status`; null once delivered (no more checks). */
export function nextCheckAfter(status: TrackingStatus, now: Date): Date | null {
  const interval = CHECK_INTERVAL_MS[status];
  return interval === null ? null : new Date(now.getTime() + interval);
}

/**
 * The next check after the carrier did not find the number, by the label's age (the time since
 * its documents were issued); null when it is time to give up.
 */
export function nextCheckAfterNotFound(labelIssuedAt: Date, now: Date): Date | null {
  const age = Math.max(0, now.getTime() - labelIssuedAt.getTime());
  const step = NOT_FOUND_STEPS.find((s) => age < s.ageBelowMs);
  return step ? new Date(now.getTime() + step.intervalMs) : null;
}

/**
 * How far along a parcel is, to order events reported at the same instant (a carrier may scan
 * "out for delivery" and "delivered" with one timestamp): the later stage is the current one.
 */
const STAGE: Readonly<Record<TrackingStatus, number>> = {
  label_created: 0,
  in_transit: 1,
  exception: 2,
  out_for_delivery: 3,
  delivered: 4,
};

function compareTrackingEvents(
  a: { occurredAt: Date; status: TrackingStatus },
  b: { occurredAt: Date; status: TrackingStatus },
): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || STAGE[a.status] - STAGE[b.status];
}

/** The status of the latest event (null without events). */
export function currentTrackingStatus(events: readonly { occurredAt: Date; status: TrackingStatus }[]) {
  let latest: { occurredAt: Date; status: TrackingStatus } | null = null;
  for (const event of events) if (!latest || compareTrackingEvents(event, latest) > 0) latest = event;
  return latest?.status ?? null;
}

/** Statuses that prove the carrier has the parcel. */
const WITH_CARRIER: ReadonlySet<TrackingStatus> = new Set(["in_transit", "out_for_delivery", "delivered"]);

/**
 * The shipment's status once the carrier reports `tracking`: a parcel the carrier has is shipped
 * (from ready or pickup scheduled); anything else stays as it is (a draft or a cancelled shipment
 * is never moved by tracking).
 */
export function shipmentStatusAfterTracking(current: ShipmentStatus, tracking: TrackingStatus): ShipmentStatus {
  if (WITH_CARRIER.has(tracking) && (current === "ready" || current === "pickup_scheduled")) return "shipped";
  return current;
}

/** Shopify's FulfillmentEventStatus for each of ours (Admin API 2026-07, enum FulfillmentEventStatus). */
export const SHOPIFY_EVENT_STATUS: Readonly<Record<TrackingStatus, string>> = {
  label_created: "LABEL_PURCHASED",
  in_transit: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY",
  delivered: "DELIVERED",
  exception: "FAILURE",
};

/** "Check now" on the shipment page: the one shipment to track at once. */
export const checkTrackingFormSchema = z.object({ shipmentId: z.uuid("errors.notFound") });
