import "server-only";
// Schedule, reschedule and cancel carrier pickups. The carrier is asked first (it may refuse);
// the database changes only after it confirms, and a booking whose database update fails is
// cancelled again, so a pickup never exists at the carrier without the dashboard knowing.
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { CARRIERS, isCarrier, type Carrier } from "@/domain/carrier-registry";
import { holidayPlaceOf, type HolidayPlace } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { validatePickup, type PickupProblem, type PickupRequest } from "@/domain/pickup-rules";
import type { DraftParcel } from "@/domain/shipment-evaluation";
import type { Messages } from "@/i18n/message-keys";
import type { CarrierAdapter, PickupBooking } from "../carriers/types";
import type { Db } from "../db/client";
import { pickups, shipments } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import {
  findPickup,
  onPickup,
  pickupCandidatesByIds,
  shipmentsOnPickup,
  type PickupCandidate as Candidate,
} from "../queries/pickups";
import { storeShipperProfile } from "../queries/store-lookups";

/** A pickup's columns once `actorId` cancels it. */
export const cancelledPickup = (actorId: string) => ({
  status: "cancelled" as const,
  cancelledAt: sql`now()`,
  cancelledBy: actorId,
  updatedAt: sql`now()`,
});

/** A shipment's columns once `actorId` cancels it (it leaves its pickup). */
export const cancelledShipment = (actorId: string) => ({
  status: "cancelled" as const,
  pickupId: null,
  pickupDate: null,
  version: sql`${shipments.version} + 1`,
  updatedBy: actorId,
  updatedAt: sql`now()`,
});

export interface PickupDeps {
  db: Db;
  carriers: CarrierAdapter;
  now?: () => Date;
}

export interface PickupWindow {
  date: string;
  readyTime: string;
  closeTime: string;
}

type PickupMessage = keyof Messages["pickups"]["problems"];

/** The message of a national, state or city holiday, or of a ponto facultativo the carrier closes on. */
const HOLIDAY_MESSAGES: Record<string, PickupMessage> = {
  national: "holiday",
  state: "stateHoliday",
  city: "cityHoliday",
  optional: "optionalHoliday",
};

/** The message of a rule problem: a holiday is named, a past date differs from a past time. */
function messageKey(problem: PickupProblem): PickupMessage {
  if (problem.code === "notBusinessDay") {
    return problem.values?.holiday ? (HOLIDAY_MESSAGES[problem.values.kind] ?? "holiday") : "weekend";
  }
  if (problem.code === "inThePast") return problem.field === "date" ? "dateInThePast" : "timeInThePast";
  if (problem.code === "tooFarAhead")
    return problem.values?.unit === "days" ? "tooFarAheadDays" : "tooFarAheadBusinessDays";
  return problem.code;
}

/**
 * Refuses a window the carrier would refuse at the pickup address (its state's and city's holidays
 * count): the first problem, on its form field, translated.
 */
async function checkWindow(
  deps: PickupDeps,
  carrier: Carrier,
  window: PickupWindow,
  place: HolidayPlace | null,
): Promise<void> {
  const request: PickupRequest = { carrier, ...window, place };
  const options = await deps.carriers.pickupAvailability(carrier, window.date);
  const result = validatePickup(request, originNow(deps.now?.() ?? new Date()), options);
  if (result.ok) return;
  const [problem] = result.problems;
  const values: Record<string, string | number> = { carrier: CARRIERS[carrier].name, ...problem.values };
  throw new AppError(`pickups.problems.${messageKey(problem)}`, problem.field, values);
}

function parcelStats(parcels: DraftParcel[]): { packages: number; weightKg: number } {
  return {
    packages: Math.max(parcels.length, 1),
    weightKg: parcels.reduce((sum, parcel) => sum + (Number(parcel.weightKg) || 0), 0),
  };
}

/** Where the store's pickups happen, for holidays: its shipper's state and city (none: national only). */
async function storePlace(db: Db, storeId: string): Promise<HolidayPlace | null> {
  return holidayPlaceOf(await storeShipperProfile(db, storeId));
}

async function storeAddress(db: Db, storeId: string) {
  const shipper = await storeShipperProfile(db, storeId);
  return {
    line: [shipper.address1, shipper.address2].filter(Boolean).join(", "),
    city: shipper.city ?? "",
    state: shipper.state ?? "",
    postalCode: shipper.postalCode ?? "",
    countryCode: "BR",
  };
}

/** What the carrier is asked to collect: the shipments' packages and weight, at the store's address. */
export async function pickupBooking(
  db: Db,
  storeId: string,
  group: { parcels: DraftParcel[] }[],
  carrier: Carrier,
  window: PickupWindow,
): Promise<PickupBooking> {
  const stats = group.map((shipment) => parcelStats(shipment.parcels));
  return {
    carrier,
    ...window,
    packages: stats.reduce((sum, s) => sum + s.packages, 0),
    totalWeightKg: Math.round(stats.reduce((sum, s) => sum + s.weightKg, 0) * 1000) / 1000,
    address: await storeAddress(db, storeId),
  };
}

/** Books the carrier, then records the pickup and moves the shipments; undoes the booking if that fails. */
async function bookGroup(
  deps: PickupDeps,
  group: Candidate[],
  carrier: Carrier,
  window: PickupWindow,
  actorId: string,
  allowedStatus: "ready" | "pickup_scheduled",
) {
  const { confirmationNumber } = await deps.carriers.schedulePickup(
    await pickupBooking(deps.db, group[0].storeId, group, carrier, window),
  );
  try {
    return await deps.db.transaction(async (tx) => {
      const [pickup] = await tx
        .insert(pickups)
        .values({ storeId: group[0].storeId, carrier, ...toRow(window), confirmationNumber, createdBy: actorId })
        .returning();
      const moved = await tx
        .update(shipments)
        .set({
          status: "pickup_scheduled",
          pickupId: pickup.id,
          pickupDate: window.date,
          version: sql`${shipments.version} + 1`,
          updatedBy: actorId,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            inArray(
              shipments.id,
              group.map((shipment) => shipment.id),
            ),
            eq(shipments.status, allowedStatus),
          ),
        )
        .returning({ id: shipments.id });
      // Someone changed a shipment since it was read: nothing is half-booked.
      if (moved.length !== group.length) throw new AppError("pickups.errors.changedMeanwhile");
      await recordAudit(tx, {
        actorId,
        action: "pickup.scheduled",
        entityType: "pickup",
        entityId: pickup.id,
        after: { carrier, ...window, confirmationNumber, shipments: group.map((shipment) => shipment.orderName) },
      });
      return pickup;
    });
  } catch (error) {
    await deps.carriers.cancelPickup(carrier, confirmationNumber, window.date);
    throw error;
  }
}

function toRow(window: PickupWindow) {
  return { pickupDate: window.date, readyTime: window.readyTime, closeTime: window.closeTime };
}

async function loadCandidates(db: Db, shipmentIds: string[]): Promise<Candidate[]> {
  const rows = await pickupCandidatesByIds(db, shipmentIds);
  if (rows.length !== new Set(shipmentIds).size) throw new AppError("errors.notFound");
  return rows;
}

/**
 * Schedules a pickup for ready shipments: one booking per store and carrier, each checked
 * against that carrier's rules before anything is booked.
 */
export async function schedulePickups(deps: PickupDeps, shipmentIds: string[], window: PickupWindow, actorId: string) {
  const candidates = await loadCandidates(deps.db, shipmentIds);
  for (const shipment of candidates) {
    // A Shopify test order imported under the store's "import" setting: no carrier ever sees it.
    if (shipment.isTest) {
      throw new AppError("storeSettings.errors.testOrder", undefined, { order: shipment.orderName });
    }
    if (shipment.status === "pickup_scheduled") {
      throw new AppError("pickups.errors.alreadyScheduled", undefined, { order: shipment.orderName });
    }
    if (shipment.status !== "ready") {
      throw new AppError("pickups.errors.notReady", undefined, { order: shipment.orderName });
    }
    if (shipment.cancelledInShopifyAt) {
      throw new AppError("cancelledInShopify.errors.orderCancelled", undefined, { order: shipment.orderName });
    }
    // Fulfilled in Shopify by someone else (our own write-back comes after our documents).
    if (shipment.orderFulfillment === "FULFILLED" && !shipment.documentsGeneratedAt) {
      throw new AppError("documents.errors.fulfilledInShopify", undefined, { order: shipment.orderName });
    }
    if (!isCarrier(shipment.carrier)) {
      throw new AppError("pickups.errors.noCarrier", undefined, { order: shipment.orderName });
    }
  }
  const groups = new Map<string, Candidate[]>();
  for (const shipment of candidates) {
    const key = `${shipment.storeId}:${shipment.carrier}`;
    groups.set(key, [...(groups.get(key) ?? []), shipment]);
  }
  // Every store's and carrier's rules are checked before the first booking: a refusal books nothing.
  const places = new Map<string, HolidayPlace | null>();
  for (const group of groups.values()) {
    const storeId = group[0].storeId;
    if (!places.has(storeId)) places.set(storeId, await storePlace(deps.db, storeId));
    await checkWindow(deps, group[0].carrier as Carrier, window, places.get(storeId) ?? null);
  }
  const booked = [];
  for (const group of groups.values()) {
    booked.push(await bookGroup(deps, group, group[0].carrier as Carrier, window, actorId, "ready"));
  }
  return booked;
}

async function loadPickup(db: Db, pickupId: string) {
  const pickup = await findPickup(db, pickupId);
  if (!pickup) throw new AppError("errors.notFound");
  if (pickup.status !== "scheduled") throw new AppError("pickups.errors.notScheduled");
  return pickup;
}

/**
 * Cancels the pickup at the carrier; its shipments are ready again, except those whose order was
 * cancelled in Shopify meanwhile: for them this is the way out, and they end cancelled.
 */
export async function cancelPickup(deps: PickupDeps, pickupId: string, actorId: string) {
  const pickup = await loadPickup(deps.db, pickupId);
  await deps.carriers.cancelPickup(pickup.carrier as Carrier, pickup.confirmationNumber, pickup.pickupDate);
  return deps.db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(pickups)
      .set(cancelledPickup(actorId))
      .where(and(eq(pickups.id, pickupId), eq(pickups.status, "scheduled")))
      .returning({ id: pickups.id });
    if (!cancelled) throw new AppError("pickups.errors.notScheduled");
    const ended = await tx
      .update(shipments)
      .set(cancelledShipment(actorId))
      .where(and(onPickup(pickupId), isNotNull(shipments.cancelledInShopifyAt)))
      .returning({ id: shipments.id });
    const released = await tx
      .update(shipments)
      .set({
        status: "ready",
        pickupId: null,
        pickupDate: null,
        version: sql`${shipments.version} + 1`,
        updatedBy: actorId,
        updatedAt: sql`now()`,
      })
      .where(onPickup(pickupId))
      .returning({ id: shipments.id });
    await recordAudit(tx, {
      actorId,
      action: "pickup.cancelled",
      entityType: "pickup",
      entityId: pickupId,
      before: { date: pickup.pickupDate, confirmationNumber: pickup.confirmationNumber },
      after: ended.length > 0 ? { cancelledInShopify: ended.map((shipment) => shipment.id) } : undefined,
    });
    return { released: released.length, cancelled: ended.length };
  });
}

/**
 * Moves a pickup to another window. Carriers do not edit pickups (FedEx: cancel and rebook), so
 * the new one is booked first and the old one cancelled once the new one is recorded.
 */
export async function reschedulePickup(deps: PickupDeps, pickupId: string, window: PickupWindow, actorId: string) {
  const pickup = await loadPickup(deps.db, pickupId);
  const carrier = pickup.carrier as Carrier;
  await checkWindow(deps, carrier, window, await storePlace(deps.db, pickup.storeId));
  const group = await shipmentsOnPickup(deps.db, pickupId);
  if (group.length === 0) throw new AppError("pickups.errors.notScheduled");
  const next = await bookGroup(deps, group, carrier, window, actorId, "pickup_scheduled");
  await deps.carriers.cancelPickup(carrier, pickup.confirmationNumber, pickup.pickupDate);
  await deps.db.update(pickups).set(cancelledPickup(actorId)).where(eq(pickups.id, pickupId));
  await recordAudit(deps.db, {
    actorId,
    action: "pickup.rescheduled",
    entityType: "pickup",
    entityId: pickupId,
    before: { date: pickup.pickupDate, confirmationNumber: pickup.confirmationNumber },
    after: { pickupId: next.id, ...window, confirmationNumber: next.confirmationNumber },
  });
  return next;
}
