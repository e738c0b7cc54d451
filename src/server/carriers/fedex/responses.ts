// FedEx's answers read into ours (pure). Shapes: /work/shared/CARRIERS.md "FedEx" §2–§6 and the
// response schemas of FedEx's OpenAPI files (karrio modules/connectors/fedex/vendor/*.json). Every
// answer is hostile input: anything missing or malformed where we need it is a CarrierApiError,
// never a guessed value.
import { serviceName } from "@/domain/carrier-services";
import type { TrackingStatus } from "@/domain/statuses";
import {
  CarrierApiError,
  type BookedPickup,
  type CarrierErrorCode,
  type FoundShipment,
  type LiveRate,
  type PickupAvailability,
  type PurchasedShipment,
  type TrackingEvent,
  type TrackingResult,
} from "../api";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

function malformed(what: string): never {
  throw new CarrierApiError("unavailable", "fedex", `FedEx answered without ${what}`);
}

function path(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
}

/** FedEx's error body {transactionId, errors:[{code, message}]} (CARRIERS.md FedEx §6): the first error. */
export function parseError(body: unknown): { code: string; message: string } | null {
  const first = array(path(body, "errors"))[0];
  if (!isObject(first)) return null;
  return { code: text(first.code) ?? "UNKNOWN", message: text(first.message) ?? "" };
}

/**
 * FedEx error codes we act on, to our codes. Verified codes (CARRIERS.md FedEx §6): NOT.AUTHORIZED.ERROR,
 * FORBIDDEN.ERROR, TRACKING.TRACKINGNUMBER.NOTFOUND. The postal code, pickup and cancel codes are
 * FedEx's dotted style as the emulator answers them (secondary/unverified, see docs/carriers/fedex.md):
 * matched by family so a variant of the same family maps the same way.
 */
export function errorCode(status: number, code: string): CarrierErrorCode {
  if (status === 401 || code === "NOT.AUTHORIZED.ERROR" || code.startsWith("LOGIN.")) return "unauthorized";
  // An account number the credentials may not use (FedEx's 400 ACCOUNTNUMBER.REGISTRATION.REQUIRED family).
  if (status === 403 || code === "FORBIDDEN.ERROR" || code.startsWith("ACCOUNTNUMBER.")) return "forbidden";
  if (/POSTAL/.test(code)) return "invalidPostalCode";
  // A pickup FedEx does not hold (unknown or already cancelled): nothing left to cancel.
  if (/^PICKUP\./.test(code) && /NOTFOUND|NOT\.FOUND|ALREADY\.CANCELLED/.test(code)) return "pickupNotFound";
  if (/^PICKUP\./.test(code)) return "pickupNotAvailable";
  if (/ALREADY\.CANCEL|ALREADY\.DELETED/.test(code)) return "alreadyVoided";
  if (/CANCEL.*(INTRANSIT|PICKEDUP|TENDERED)/.test(code)) return "inTransit";
  if (/CANCEL.*(WINDOW|EXPIRED)/.test(code)) return "voidWindowPassed";
  if (/TRACKINGNUMBER\.NOTFOUND|SHIPMENT\.NOTFOUND/.test(code)) return "unknownShipment";
  if (/^ETD\.|DOCUMENT/.test(code) && /NOT\.?ENABLED|NOTALLOWED|NOT\.ALLOWED/.test(code)) return "paperlessNotEnabled";
  return "invalidRequest";
}

/** Our code for a FedEx service type we list, else null (a service we do not sell is skipped). */
function ourService(code: string): string | null {
  return serviceName("fedex", code);
}

const TRANSIT_WORDS = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"];

/** rate-api.json commit.transitDays.minimumTransitTime: "THREE_DAYS" → 3 (unknown wording → null). */
export function transitDays(value: unknown): number | null {
  const match = typeof value === "string" ? /^([A-Z]+)_DAYS?$/.exec(value) : null;
  const index = match ? TRANSIT_WORDS.indexOf(match[1]) : -1;
  return index < 0 ? null : index + 1;
}

function money(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value.toFixed(2) : null;
}

/**
 * output.rateReplyDetails[] → our live rates: the ACCOUNT rate in the preferred currency (karrio reads
 * PREFERRED_CURRENCY, then ACCOUNT; CARRIERS.md FedEx §2), services we do not list skipped.
 */
export function parseRates(body: unknown): LiveRate[] {
  const details = path(body, "output", "rateReplyDetails");
  if (!Array.isArray(details)) malformed("rateReplyDetails");
  const rates: LiveRate[] = [];
  for (const detail of details) {
    const code = text(path(detail, "serviceType"));
    const name = code ? ourService(code) : null;
    if (!code || !name) continue;
    const rated = array(path(detail, "ratedShipmentDetails")).filter(isObject);
    const chosen =
      rated.find((r) => r.rateType === "PREFERRED_CURRENCY") ?? rated.find((r) => r.rateType === "ACCOUNT") ?? rated[0];
    const price = money(chosen?.totalNetCharge);
    const currency = text(chosen?.currency);
    if (!price || !currency) continue;
    const delivery = text(path(detail, "operationalDetail", "deliveryDate"));
    rates.push({
      serviceCode: code,
      serviceName: name,
      price,
      currency,
      transitDays: transitDays(path(detail, "commit", "transitDays", "minimumTransitTime")),
      estimatedDelivery: delivery && /^\d{4}-\d{2}-\d{2}/.test(delivery) ? delivery.slice(0, 10) : null,
    });
  }
  return rates;
}

function decodeBase64(value: string, what: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) malformed(`a base64 ${what}`);
  return new Uint8Array(Buffer.from(value, "base64"));
}

/** A purchase as FedEx answered it: one label document per piece, merged by the client. */
export interface ShipAnswer {
  trackingNumber: string;
  labels: Uint8Array[];
  charges: PurchasedShipment["charges"];
}

/**
 * output.transactionShipments[0] (CARRIERS.md FedEx §3 "Label"): the master tracking number, each
 * piece's LABEL document (base64 encodedLabel) and the shipment's net charge.
 */
export function parseShipment(body: unknown): ShipAnswer {
  const shipment = array(path(body, "output", "transactionShipments"))[0];
  const trackingNumber = text(path(shipment, "masterTrackingNumber"));
  if (!trackingNumber) malformed("a masterTrackingNumber");
  const documents = array(path(shipment, "pieceResponses")).flatMap((piece) =>
    array(path(piece, "packageDocuments")).filter((doc) => isObject(doc) && doc.contentType === "LABEL"),
  );
  const encoded = documents.map((doc) => text(path(doc, "encodedLabel")));
  if (encoded.length === 0) malformed("an encoded label");
  const labels = encoded.map((label) => decodeBase64(label ?? malformed("an encoded label"), "label"));
  const detail = array(path(shipment, "completedShipmentDetail", "shipmentRating", "shipmentRateDetails"))[0];
  const amount = money(path(detail, "totalNetCharge"));
  const currency = text(path(detail, "currency"));
  return { trackingNumber, labels, charges: amount && currency ? { amount, currency } : null };
}

/** output.completeTrackResults[].trackResults[] of a reference lookup: the shipments found (no label: FedEx cannot re-issue one). */
export function parseReferenceLookup(body: unknown): FoundShipment[] {
  const results = path(body, "output", "completeTrackResults");
  if (!Array.isArray(results)) malformed("completeTrackResults");
  const found = new Set<string>();
  for (const result of results) {
    for (const track of array(path(result, "trackResults"))) {
      // A "not found" entry, or a shipment already cancelled (CA): not a live purchase under the reference.
      if (path(track, "error") !== undefined) continue;
      if (path(track, "latestStatusDetail", "code") === "CA") continue;
      const number = text(path(track, "trackingNumberInfo", "trackingNumber")) ?? text(path(result, "trackingNumber"));
      if (number) found.add(number);
    }
  }
  return [...found].map((trackingNumber) => ({ trackingNumber, carrierShipmentId: trackingNumber, label: null }));
}

/**
 * FedEx's tracking status codes (FedEx Tracking-Status-Codes table, karrio vendor folder) to ours.
 * CARRIERS.md FedEx §5 groups: OC created; DL delivered; DE, SE, CD, DY, DD, CA, RS exception; PU, IT,
 * AR, DP, AF, CC, CP, EA in transit. OD is "Out for Delivery" in FedEx's table, which we track as its
 * own status. Every other code of the table is a movement between pickup and delivery.
 */
const STATUS_BY_CODE: Readonly<Record<string, TrackingStatus>> = {
  OC: "label_created",
  DL: "delivered",
  OD: "out_for_delivery",
  DE: "exception",
  SE: "exception",
  CD: "exception",
  DY: "exception",
  DD: "exception",
  CA: "exception",
  RS: "exception",
};

export function trackingStatus(code: string): TrackingStatus {
  return STATUS_BY_CODE[code.toUpperCase()] ?? "in_transit";
}

function locationOf(event: unknown): string | null {
  const city = text(path(event, "scanLocation", "city"));
  const country = text(path(event, "scanLocation", "countryCode"));
  return city && country ? `${city}, ${country}` : (city ?? country);
}

function parseEvent(event: unknown): TrackingEvent | null {
  const occurredAt = text(path(event, "date"));
  const code = text(path(event, "derivedStatusCode")) ?? text(path(event, "eventType"));
  if (!occurredAt || Number.isNaN(Date.parse(occurredAt)) || !code) return null;
  return {
    occurredAt,
    status: trackingStatus(code),
    code,
    description: text(path(event, "eventDescription")) ?? code,
    location: locationOf(event),
  };
}

/** output.completeTrackResults[] → one result per number asked (a number FedEx does not know: found false). */
export function parseTracking(body: unknown, asked: string[]): TrackingResult[] {
  const results = path(body, "output", "completeTrackResults");
  if (!Array.isArray(results)) malformed("completeTrackResults");
  const byNumber = new Map<string, unknown>();
  for (const result of results) {
    const number = text(path(result, "trackingNumber"));
    if (number) byNumber.set(number, array(path(result, "trackResults"))[0]);
  }
  return asked.map((trackingNumber): TrackingResult => {
    const track = byNumber.get(trackingNumber);
    const latest =
      text(path(track, "latestStatusDetail", "derivedCode")) ?? text(path(track, "latestStatusDetail", "code"));
    if (!track || path(track, "error") !== undefined || !latest) return { trackingNumber, found: false };
    const events = array(path(track, "scanEvents"))
      .map(parseEvent)
      .filter((event): event is TrackingEvent => event !== null)
      // FedEx may list events out of order (CARRIERS.md FedEx §5): oldest first.
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    const estimate = array(path(track, "dateAndTimes")).find((entry) => path(entry, "type") === "ESTIMATED_DELIVERY");
    const estimatedAt = text(path(estimate, "dateTime"));
    return {
      trackingNumber,
      found: true,
      status: trackingStatus(latest),
      events,
      estimatedDelivery: estimatedAt && /^\d{4}-\d{2}-\d{2}/.test(estimatedAt) ? estimatedAt.slice(0, 10) : null,
    };
  });
}

/** "HH:MM:SS" or "HH:MM" → "HH:MM". */
function hhmm(value: unknown): string | null {
  const match = typeof value === "string" ? /^([01][0-9]|2[0-3]):([0-5][0-9])(:[0-5][0-9])?$/.exec(value) : null;
  return match ? `${match[1]}:${match[2]}` : null;
}

/** output.options[] of pickup availability (CARRIERS.md FedEx §4): the FDXE option on the asked date. */
export function parsePickupAvailability(body: unknown, date: string): PickupAvailability {
  const options = path(body, "output", "options");
  if (!Array.isArray(options)) malformed("pickup options");
  const option = options.find(
    (entry) => path(entry, "pickupDate") === date && (path(entry, "carrier") ?? "FDXE") === "FDXE",
  );
  if (!option || path(option, "available") !== true) return { available: false };
  const cutoffTime = hhmm(path(option, "cutOffTime"));
  const hours = path(option, "accessTime", "hours");
  const minutes = path(option, "accessTime", "minutes");
  if (!cutoffTime || typeof hours !== "number" || typeof minutes !== "number") malformed("a cut-off and access time");
  return { available: true, cutoffTime, minWindowMinutes: hours * 60 + minutes };
}

/** output{pickupConfirmationCode, location} of a pickup booking (location: Express, needed to cancel). */
export function parsePickupCreated(body: unknown): BookedPickup {
  const confirmationNumber = text(path(body, "output", "pickupConfirmationCode"));
  if (!confirmationNumber) malformed("a pickupConfirmationCode");
  return { confirmationNumber, location: text(path(body, "output", "location")) };
}

/** 201 output.meta.docId of an ETD upload (upload-documents-api.json DocumentResponseOutputVO). */
export function parseUpload(body: unknown): string {
  const docId = text(path(body, "output", "meta", "docId"));
  if (!docId) malformed("a document id");
  return docId;
}

/** output.cancelledShipment of a void: false with a 200 is a refusal in FedEx's words. */
export function parseCancel(body: unknown): void {
  if (path(body, "output", "cancelledShipment") === true) return;
  const message = text(path(body, "output", "message")) ?? "FedEx did not cancel the shipment";
  throw new CarrierApiError("invalidRequest", "fedex", message);
}
