import "server-only";
// What one tracking answer changes: the carrier's events stored once each (the unique key
// (shipment, occurred at, carrier code) drops the ones already stored), the shipment's tracking
// status and next check, and its status once the carrier has the parcel. Written only while the
// poller still holds the shipment's lease.
import { and, eq, sql } from "drizzle-orm";
import { TRACKING_STATUSES, type ShipmentStatus, type TrackingStatus } from "@/domain/statuses";
import {
  currentTrackingStatus,
  nextCheckAfter,
  nextCheckAfterNotFound,
  shipmentStatusAfterTracking,
} from "@/domain/tracking-schedule";
import type { TrackingResult } from "../../carriers/api";
import type { Db } from "../../db/client";
import { shipments, trackingEvents } from "../../db/schema";
import { recordAudit } from "../../queries/audit";
import { heldBy, type ClaimedShipment } from "./claim";

// Carrier text is hostile input: bounded before it is stored or shown.
const MAX_TEXT = 500;
const MAX_CODE = 40;

interface CleanEvent {
  occurredAt: Date;
  status: TrackingStatus;
  code: string;
  description: string;
  location: string | null;
}

function clean(result: Extract<TrackingResult, { found: true }>): CleanEvent[] {
  const events: CleanEvent[] = [];
  for (const event of Array.isArray(result.events) ? result.events : []) {
    const occurredAt = new Date(event?.occurredAt);
    // An event without a real time or with a status we do not know cannot be placed on the timeline.
    if (Number.isNaN(occurredAt.getTime())) continue;
    if (!(TRACKING_STATUSES as readonly string[]).includes(event.status)) continue;
    const code = String(event.code ?? "")
      .trim()
      .slice(0, MAX_CODE);
    events.push({
      occurredAt,
      status: event.status,
      code: code || event.status,
      description: String(event.description ?? "")
        .trim()
        .slice(0, MAX_TEXT),
      location: event.location ? String(event.location).trim().slice(0, MAX_TEXT) || null : null,
    });
  }
  return events;
}

export interface RecordOutcome {
  newEvents: number;
  status: TrackingStatus | null;
  /** False when the lease was lost meanwhile (another poller took the shipment over). */
  written: boolean;
}

export async function recordTracking(
  db: Db,
  shipment: ClaimedShipment,
  result: TrackingResult,
  now: Date,
): Promise<RecordOutcome> {
  if (!result.found) return recordNotFound(db, shipment, now);
  const events = clean(result);
  return db.transaction(async (tx) => {
    const [held] = await tx.select({ id: shipments.id }).from(shipments).where(heldBy(shipment)).for("update");
    if (!held) return { newEvents: 0, status: null, written: false };
    const inserted =
      events.length === 0
        ? []
        : await tx
            .insert(trackingEvents)
            .values(events.map((event) => ({ shipmentId: shipment.id, ...event, carrierCode: event.code })))
            .onConflictDoNothing()
            .returning({ id: trackingEvents.id });
    // The latest stored event decides (earlier polls may hold events this answer no longer lists).
    const stored = await tx
      .select({ occurredAt: trackingEvents.occurredAt, status: trackingEvents.status })
      .from(trackingEvents)
      .where(eq(trackingEvents.shipmentId, shipment.id));
    const status = currentTrackingStatus(stored) ?? (TRACKING_STATUSES.includes(result.status) ? result.status : null);
    if (!status) {
      await tx.update(shipments).set({ trackingLeaseUntil: null }).where(heldBy(shipment));
      return { newEvents: 0, status: null, written: true };
    }
    const delivered = status === "delivered";
    const deliveredEvent = delivered ? stored.filter((e) => e.status === "delivered").at(-1) : undefined;
    const nextStatus = shipmentStatusAfterTracking(shipment.status as ShipmentStatus, status);
    await tx
      .update(shipments)
      .set({
        trackingStatus: status,
        trackingCheckedAt: now,
        trackingNextCheckAt: nextCheckAfter(status, now),
        trackingLeaseUntil: null,
        deliveredAt: delivered ? (deliveredEvent?.occurredAt ?? now) : null,
        // Only from the status we claimed it in: an operator's change meanwhile wins.
        ...(nextStatus !== shipment.status
          ? {
              status: sql`case when ${shipments.status} = ${shipment.status} then ${nextStatus}::shipment_status else ${shipments.status} end`,
            }
          : {}),
      })
      .where(heldBy(shipment));
    if (nextStatus !== shipment.status) {
      await recordAudit(tx, {
        actorId: null,
        action: "shipment.shipped_by_tracking",
        entityType: "shipment",
        entityId: shipment.id,
        before: { status: shipment.status },
        after: { status: nextStatus, trackingStatus: status },
      });
    }
    return { newEvents: inserted.length, status, written: true };
  });
}

/** The carrier does not know the number (yet): asked again later and later, then flagged and left. */
async function recordNotFound(db: Db, shipment: ClaimedShipment, now: Date): Promise<RecordOutcome> {
  const next = nextCheckAfterNotFound(shipment.documentsGeneratedAt ?? shipment.createdAt, now);
  const [updated] = await db
    .update(shipments)
    .set({ trackingNextCheckAt: next, trackingLeaseUntil: null })
    .where(heldBy(shipment))
    .returning({ id: shipments.id });
  if (updated && !next) {
    await recordAudit(db, {
      actorId: null,
      action: "shipment.tracking_not_found",
      entityType: "shipment",
      entityId: shipment.id,
      after: { carrier: shipment.carrier, trackingNumber: shipment.trackingNumber },
    });
  }
  return { newEvents: 0, status: null, written: Boolean(updated) };
}

/** After a carrier error: nothing stored, the shipment asked again at `next`. */
export async function postpone(db: Db, shipment: ClaimedShipment, next: Date): Promise<void> {
  await db
    .update(shipments)
    .set({ trackingNextCheckAt: next, trackingLeaseUntil: null })
    .where(and(heldBy(shipment)));
}
