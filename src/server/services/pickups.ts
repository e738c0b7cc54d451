import "server-only";
// Schedule, reschedule and cancel pickups through the store's carrier account. The carrier is
// asked first (its availability, then the booking); the database changes only after it confirms,
// and a booking whose database update fails is cancelled again, so a pickup never exists at the
// carrier without the dashboard knowing. Correios has no pickup API in our integration.
import crypto from "node:crypto";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { CARRIERS, isCarrier, type Carrier } from "@/domain/carrier-registry";
import { serviceCode } from "@/domain/carrier-services";
import { holidayPlaceOf, type HolidayPlace } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { validatePickup, type PickupOptions, type PickupProblem, type PickupRequest } from "@/domain/pickup-rules";
import type { DraftParcel } from "@/domain/shipment-evaluation";
import { PICKUP_SHIPPER_FIELDS } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import type { Messages } from "@/i18n/message-keys";
import {
  CarrierApiError,
  isApiCarrier,
  type ApiCarrier,
  type CarrierClient,
  type PickupAddress,
  type PickupBookingRequest,
} from "../carriers/api";
import type { CarrierDirectory } from "../carriers/directory";
import type { Db } from "../db/client";
import { pickups, shipments, type Pickup } from "../db/schema";
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
  carriers: CarrierDirectory;
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

/** A carrier's failure as the translated refusal users see (`carriers.errors.<code>`); anything else as it is. */
function translatedCarrierError(error: unknown, field?: string): unknown {
  if (!(error instanceof CarrierApiError)) return error;
  return new AppError(
    `carriers.errors.${error.code}`,
    field ?? (error.code === "pickupNotAvailable" ? "date" : undefined),
    {
      carrier: CARRIERS[error.carrier].name,
      message: error.carrierMessage ?? "",
    },
  );
}

async function askCarrier<T>(call: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translatedCarrierError(error, field);
  }
}

/**
 * Refuses a window the carrier would refuse at the pickup address (its state's and city's holidays
 * count): the first problem, on its form field, translated. `options` are the carrier's own
 * cut-off and minimum window from its availability answer.
 */
function checkWindow(
  deps: PickupDeps,
  carrier: Carrier,
  window: PickupWindow,
  place: HolidayPlace | null,
  options: PickupOptions = {},
): void {
  const request: PickupRequest = { carrier, ...window, place };
  const result = validatePickup(request, originNow(deps.now?.() ?? new Date()), options);
  if (result.ok) return;
  const [problem] = result.problems;
  const values: Record<string, string | number> = { carrier: CARRIERS[carrier].name, ...problem.values };
  throw new AppError(`pickups.problems.${messageKey(problem)}`, problem.field, values);
}

/**
 * Where the carrier collects: the store's shipper, company = legal name, contact = the signatory
 * (UPS PickupAddress CompanyName/ContactName/Phone, FedEx pickupLocation.contact, DHL
 * customerDetails.shipperDetails — CARRIERS.md "Pickup" of each carrier). Nothing is made up:
 * the first empty field is refused, naming it.
 */
function pickupAddress(shipper: ShipperProfile, carrier: ApiCarrier): PickupAddress {
  const missing = PICKUP_SHIPPER_FIELDS.find((field) => !shipper[field]);
  if (missing) throw new AppError(`pickups.errors.shipper.${missing}`, undefined, { carrier: CARRIERS[carrier].name });
  return {
    company: shipper.legalName!,
    contact: shipper.signatoryName!,
    line: [shipper.address1, shipper.address2].filter(Boolean).join(", "),
    city: shipper.city!,
    state: shipper.state!,
    postalCode: shipper.postalCode!,
    countryCode: "BR",
    phone: shipper.phone!,
  };
}

/** What a booking needs to know of each shipment it collects (a candidate or a shipment row). */
export interface PickupShipment {
  id: string;
  parcels: DraftParcel[];
  service: string | null;
  destinationCountry: string | null;
  trackingNumber: string | null;
}

/** Our booking reference: the same store, carrier, window and shipments always give the same one (≤ 35 characters). */
function bookingReference(storeId: string, carrier: ApiCarrier, window: PickupWindow, group: PickupShipment[]) {
  const ids = group.map((shipment) => shipment.id).sort();
  const digest = crypto
    .createHash("sha256")
    .update([storeId, carrier, window.date, window.readyTime, window.closeTime, ...ids].join("|"))
    .digest("hex");
  return `SSP-PU-${digest.slice(0, 24)}`;
}

/**
 * What the carrier is asked to collect: the shipments' packages and weight at the store's address,
 * the pieces per service and destination country (UPS PickupPiece[], DHL shipmentDetails[]), and
 * the tracking numbers of those that already have labels. Refuses a shipment without a service the
 * carrier codes or without a destination country, and a shipper profile that lacks an address field.
 */
export async function pickupBooking(
  db: Db,
  storeId: string,
  group: PickupShipment[],
  carrier: ApiCarrier,
  window: PickupWindow,
): Promise<PickupBookingRequest> {
  const address = pickupAddress(await storeShipperProfile(db, storeId), carrier);
  const pieces = new Map<string, PickupBookingRequest["pieces"][number]>();
  let packages = 0;
  let weightKg = 0;
  for (const shipment of group) {
    const code = shipment.service ? serviceCode(carrier, shipment.service) : null;
    if (!code) throw new AppError("pickups.errors.noService", undefined, { carrier: CARRIERS[carrier].name });
    const country = shipment.destinationCountry?.trim().toUpperCase();
    if (!country || !/^[A-Z]{2}$/.test(country)) throw new AppError("pickups.errors.noDestination");
    const count = Math.max(shipment.parcels.length, 1);
    packages += count;
    weightKg += shipment.parcels.reduce((sum, parcel) => sum + (Number(parcel.weightKg) || 0), 0);
    const key = `${code}:${country}`;
    const piece = pieces.get(key) ?? { serviceCode: code, destinationCountry: country, quantity: 0 };
    piece.quantity += count;
    pieces.set(key, piece);
  }
  return {
    ...window,
    packages,
    totalWeightKg: Math.round(weightKg * 1000) / 1000,
    address,
    pieces: [...pieces.values()],
    trackingNumbers: group.flatMap((shipment) => (shipment.trackingNumber ? [shipment.trackingNumber] : [])),
    reference: bookingReference(storeId, carrier, window, group),
  };
}

/** A group ready to book: its account's client and the booking request, every check passed. */
interface PreparedGroup {
  group: Candidate[];
  carrier: ApiCarrier;
  accountId: string;
  client: CarrierClient;
  booking: PickupBookingRequest;
}

/**
 * Everything asked before booking a group: the account, the booking (shipper and shipments
 * complete), the dashboard's rules, then the carrier's availability at the address on that date,
 * whose cut-off and minimum window are checked in turn.
 */
async function prepareGroup(deps: PickupDeps, group: Candidate[], window: PickupWindow): Promise<PreparedGroup> {
  const { storeId } = group[0];
  const carrier = group[0].carrier as ApiCarrier;
  const place = holidayPlaceOf(await storeShipperProfile(deps.db, storeId));
  // The date and times are ours to check first: nothing malformed or on a holiday reaches a carrier.
  checkWindow(deps, carrier, window, place);
  const { accountId, client } = await deps.carriers.forStore(storeId, carrier);
  const booking = await pickupBooking(deps.db, storeId, group, carrier, window);
  const availability = await askCarrier(() =>
    client.pickupAvailability({
      date: window.date,
      address: booking.address,
      serviceCode: booking.pieces[0]?.serviceCode ?? null,
    }),
  );
  if (!availability.available) {
    throw new AppError("pickups.problems.notAvailable", "date", { carrier: CARRIERS[carrier].name, date: window.date });
  }
  checkWindow(deps, carrier, window, place, {
    cutoffTime: availability.cutoffTime,
    minWindowMinutes: availability.minWindowMinutes,
    optionalDays: availability.optionalDays,
  });
  return { group, carrier, accountId, client, booking };
}

/** Books the carrier, then records the pickup and moves the shipments; undoes the booking if that fails. */
async function bookGroup(
  deps: PickupDeps,
  prepared: PreparedGroup,
  window: PickupWindow,
  actorId: string,
  allowedStatus: "ready" | "pickup_scheduled",
): Promise<Pickup> {
  const { group, carrier, accountId, client, booking } = prepared;
  const { confirmationNumber, location } = await askCarrier(() => client.schedulePickup(booking));
  try {
    return await deps.db.transaction(async (tx) => {
      const [pickup] = await tx
        .insert(pickups)
        .values({
          storeId: group[0].storeId,
          carrier,
          ...toRow(window),
          confirmationNumber,
          carrierAccountId: accountId,
          carrierLocation: location,
          createdBy: actorId,
        })
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
        after: {
          carrier,
          ...window,
          confirmationNumber,
          reference: booking.reference,
          shipments: group.map((shipment) => shipment.orderName),
          // By id too: order numbers repeat across stores, and the shipment's activity log reads these.
          shipmentIds: group.map((shipment) => shipment.id),
        },
      });
      return pickup;
    });
  } catch (error) {
    // The booking exists at the carrier but not here: cancel it again. Should that fail too, the
    // recording error is still the one reported (the carrier's own cancel error says less).
    await client
      .cancelPickup({ confirmationNumber, date: window.date, location, address: booking.address })
      .catch(() => undefined);
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
 * against the dashboard's and that carrier's rules before anything is booked.
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
    // Correios has no pickup API in our integration: the parcel is posted at an agency.
    if (!isApiCarrier(shipment.carrier)) {
      throw new AppError("pickups.errors.correios", undefined, { order: shipment.orderName });
    }
  }
  const groups = new Map<string, Candidate[]>();
  for (const shipment of candidates) {
    const key = `${shipment.storeId}:${shipment.carrier}`;
    groups.set(key, [...(groups.get(key) ?? []), shipment]);
  }
  // Every store's and carrier's checks pass before the first booking: a refusal books nothing.
  const prepared: PreparedGroup[] = [];
  for (const group of groups.values()) prepared.push(await prepareGroup(deps, group, window));
  const booked = [];
  for (const group of prepared) booked.push(await bookGroup(deps, group, window, actorId, "ready"));
  return booked;
}

async function loadPickup(db: Db, pickupId: string) {
  const pickup = await findPickup(db, pickupId);
  if (!pickup) throw new AppError("errors.notFound");
  if (pickup.status !== "scheduled") throw new AppError("pickups.errors.notScheduled");
  return pickup;
}

/** The client of the account that booked the pickup (one booked before accounts existed: the store's account now). */
async function clientOfPickup(deps: PickupDeps, pickup: Pickup): Promise<CarrierClient> {
  if (pickup.carrierAccountId) return deps.carriers.forAccount(pickup.carrierAccountId);
  // Only API carriers are ever booked (Correios is refused before booking).
  if (!isApiCarrier(pickup.carrier)) throw new AppError("errors.notFound");
  return (await deps.carriers.forStore(pickup.storeId, pickup.carrier)).client;
}

/**
 * Cancels the pickup at the carrier, through the account that booked it and with the location
 * its booking answer gave (FedEx Express). A carrier that no longer has it (pickupNotFound:
 * cancelled by phone, or already collected nothing) leaves nothing to cancel there: ours is
 * cancelled too, and the answer says so.
 */
async function cancelAtCarrier(deps: PickupDeps, pickup: Pickup): Promise<{ alreadyGone: boolean }> {
  const client = await clientOfPickup(deps, pickup);
  const address = pickupAddress(await storeShipperProfile(deps.db, pickup.storeId), client.carrier);
  try {
    await client.cancelPickup({
      confirmationNumber: pickup.confirmationNumber,
      date: pickup.pickupDate,
      location: pickup.carrierLocation,
      address,
    });
    return { alreadyGone: false };
  } catch (error) {
    if (error instanceof CarrierApiError && error.code === "pickupNotFound") return { alreadyGone: true };
    throw translatedCarrierError(error);
  }
}

/**
 * Cancels the pickup at the carrier; its shipments are ready again, except those whose order was
 * cancelled in Shopify meanwhile: for them this is the way out, and they end cancelled.
 */
export async function cancelPickup(deps: PickupDeps, pickupId: string, actorId: string) {
  const pickup = await loadPickup(deps.db, pickupId);
  const { alreadyGone } = await cancelAtCarrier(deps, pickup);
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
      after: {
        shipmentIds: [...ended, ...released].map((shipment) => shipment.id),
        ...(ended.length > 0 ? { cancelledInShopify: ended.map((shipment) => shipment.id) } : {}),
        ...(alreadyGone ? { alreadyCancelledAtCarrier: true } : {}),
      },
    });
    return {
      released: released.length,
      cancelled: ended.length,
      alreadyCancelledAtCarrier: alreadyGone,
      carrier: isCarrier(pickup.carrier) ? CARRIERS[pickup.carrier].name : pickup.carrier,
    };
  });
}

/**
 * Moves a pickup to another window. Carriers do not edit pickups (FedEx: cancel and rebook), so
 * the new one is booked first and the old one cancelled once the new one is recorded.
 */
export async function reschedulePickup(deps: PickupDeps, pickupId: string, window: PickupWindow, actorId: string) {
  const pickup = await loadPickup(deps.db, pickupId);
  const group = await shipmentsOnPickup(deps.db, pickupId);
  if (group.length === 0) throw new AppError("pickups.errors.notScheduled");
  const next = await bookGroup(deps, await prepareGroup(deps, group, window), window, actorId, "pickup_scheduled");
  const { alreadyGone } = await cancelAtCarrier(deps, pickup);
  await deps.db.update(pickups).set(cancelledPickup(actorId)).where(eq(pickups.id, pickupId));
  await recordAudit(deps.db, {
    actorId,
    action: "pickup.rescheduled",
    entityType: "pickup",
    entityId: pickupId,
    before: { date: pickup.pickupDate, confirmationNumber: pickup.confirmationNumber },
    after: {
      pickupId: next.id,
      shipmentIds: group.map((shipment) => shipment.id),
      ...window,
      confirmationNumber: next.confirmationNumber,
      ...(alreadyGone ? { alreadyCancelledAtCarrier: true } : {}),
    },
  });
  return next;
}
