// MyDHL API 3.1.1 answers read back into our terms (pure). Shapes from the spec's response schemas
// (dpdhl-express-api-3.1.1_swagger.yaml) as summarised in CARRIERS.md "DHL Express"; anything a
// field we rely on lacks is treated as a malformed answer, never guessed.
import type { CarrierErrorCode, LiveRate, PickupAvailability, TrackingEvent, TrackingResult } from "../api";
import type { LabelFormat, TrackingStatus } from "@/domain/statuses";
import { serviceName } from "@/domain/carrier-services";

/** A DHL answer we cannot read (the client reports it as "unavailable"). */
export class DhlAnswerProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DhlAnswerProblem";
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

export interface DhlError {
  /** The number before the colon in `detail` ("8007: The Shipper Account is invalid."), if any. */
  code: string | null;
  message: string;
}

/** DHL's error body {instance, detail "<code>: text", title, message, status, additionalDetails[]} (CARRIERS.md "Errors"). */
export function parseDhlError(body: unknown): DhlError {
  if (!isObject(body)) return { code: null, message: "No error details" };
  const detail = text(body.detail) ?? text(body.message) ?? text(body.title) ?? "No error details";
  const match = /^(\d{2,7}):\s*(.*)$/s.exec(detail);
  const extra = list(body.additionalDetails)
    .map(text)
    .filter((line): line is string => line !== null);
  const message = [match ? match[2] : detail, ...extra].join(" | ").slice(0, 1000);
  return { code: match ? match[1] : null, message };
}

/**
 * Our code for a DHL refusal. DHL publishes few error codes: 8007 (invalid shipper account) is a
 * spec example; the postal-code, pickup and lookup refusals are recognised by their text
 * (CARRIERS.md: "Invalid postal code provided" is karrio's fixture; "Requested Pickup was not
 * found" is DHL's real text) since their codes are unverified.
 */
export function dhlErrorCode(status: number, error: DhlError): CarrierErrorCode {
  if (status === 401) return "unauthorized";
  if (status === 403 || error.code === "8007") return "forbidden";
  if (status === 429) return "rateLimited";
  const message = error.message.toLowerCase();
  if (/postal code|postcode/.test(message)) return "invalidPostalCode";
  if (/pickup was not found|pickup not found/.test(message)) return "pickupNotFound";
  if (/pickup (is )?not (available|possible)|no pickup|cut-?off/.test(message)) return "pickupNotAvailable";
  if (/no shipments? found|shipment not found/.test(message) || status === 404) return "unknownShipment";
  return "invalidRequest";
}

/** "YYYY-MM-DD" of a DHL timestamp ("2026-12-04T23:59:00"), or null. */
function datePart(value: unknown): string | null {
  const match = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return match ? match[1] : null;
}

/** The price in the billing currency (BILLC; the spec's other types are PULCL and BASEC). */
function billedPrice(product: Json): { price: string; currency: string } | null {
  const prices = list(product.totalPrice).filter(isObject);
  const billed =
    prices.find((price) => price.currencyType === "BILLC") ?? (prices.length === 1 ? prices[0] : undefined);
  if (!billed || typeof billed.price !== "number" || !text(billed.priceCurrency)) return null;
  return { price: billed.price.toFixed(2), currency: text(billed.priceCurrency)! };
}

/** POST /rates → our live rates; products we do not list (carrier-services.ts) are skipped. */
export function parseRates(body: unknown): LiveRate[] {
  if (!isObject(body) || !Array.isArray(body.products)) throw new DhlAnswerProblem("The rate answer has no products");
  const rates: LiveRate[] = [];
  for (const product of body.products.filter(isObject)) {
    const code = text(product.productCode);
    const name = code ? serviceName("dhl", code) : null;
    const price = billedPrice(product);
    if (!code || !name || !price) continue;
    const delivery = isObject(product.deliveryCapabilities) ? product.deliveryCapabilities : {};
    rates.push({
      serviceCode: code,
      serviceName: name,
      ...price,
      transitDays: typeof delivery.totalTransitDays === "number" ? delivery.totalTransitDays : null,
      estimatedDelivery: datePart(delivery.estimatedDeliveryDateAndTime),
    });
  }
  return rates;
}

/**
 * DHL's minimum pickup window for Brazil: the /reference-data example gives pickupWindowLeadTime
 * '120' for BR (CARRIERS.md "Pickup"; the unit, minutes, is our reading).
 */
const BR_PICKUP_WINDOW_MINUTES = 120;

/**
 * Pickup availability from the rate answer's pickupCapabilities (DHL has no availability call,
 * CARRIERS.md "Pickup"): available on `date` when the product's pickup is on that day (not moved
 * to the next business day), with its local cut-off time.
 */
export function parsePickupCapabilities(body: unknown, date: string, serviceCode: string | null): PickupAvailability {
  if (!isObject(body) || !Array.isArray(body.products)) throw new DhlAnswerProblem("The rate answer has no products");
  const products = body.products.filter(isObject);
  const product = (serviceCode ? products.find((p) => p.productCode === serviceCode) : products[0]) ?? null;
  const pickup = product && isObject(product.pickupCapabilities) ? product.pickupCapabilities : null;
  if (!pickup) return { available: false };
  const cutoff = typeof pickup.localCutoffDateAndTime === "string" ? pickup.localCutoffDateAndTime : "";
  const cutoffMatch = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(cutoff);
  const available = pickup.nextBusinessDay !== true && cutoffMatch !== null && cutoffMatch[1] === date;
  return {
    available,
    ...(cutoffMatch && available ? { cutoffTime: cutoffMatch[2] } : {}),
    minWindowMinutes: BR_PICKUP_WINDOW_MINUTES,
  };
}

export interface ParsedShipment {
  trackingNumber: string;
  label: Uint8Array;
  charges: { amount: string; currency: string } | null;
}

const decode = (content: string) => new Uint8Array(Buffer.from(content, "base64"));

/**
 * POST /shipments (201) → the AWB and the label. `documents[]` may also hold the waybill doc and
 * DHL's invoice (always PDF, CARRIERS.md "Label"): only typeCode "label" in the asked format is kept.
 */
export function parseShipment(body: unknown, format: LabelFormat): ParsedShipment {
  if (!isObject(body)) throw new DhlAnswerProblem("The shipment answer is not an object");
  const trackingNumber = text(body.shipmentTrackingNumber);
  if (!trackingNumber) throw new DhlAnswerProblem("The shipment answer has no shipmentTrackingNumber");
  const label = list(body.documents)
    .filter(isObject)
    .find((doc) => doc.typeCode === "label" && String(doc.imageFormat).toLowerCase() === format);
  if (!label || !text(label.content)) throw new DhlAnswerProblem(`The shipment answer has no ${format} label`);
  const charge = list(body.shipmentCharges)
    .filter(isObject)
    .find((item) => item.currencyType === "BILLC" && typeof item.price === "number");
  return {
    trackingNumber,
    label: decode(text(label.content)!),
    charges: charge ? { amount: (charge.price as number).toFixed(2), currency: String(charge.priceCurrency) } : null,
  };
}

/** GET /shipments/{awb}/get-image → the document of `typeCode`, or null when DHL has none. */
export function parseImage(body: unknown, typeCode: string): Uint8Array | null {
  if (!isObject(body)) throw new DhlAnswerProblem("The image answer is not an object");
  const doc = list(body.documents)
    .filter(isObject)
    .find((item) => item.typeCode === typeCode && text(item.content));
  return doc ? decode(text(doc.content)!) : null;
}

/** POST /pickups (201) → the first dispatch confirmation number. */
export function parsePickup(body: unknown): string {
  const number = isObject(body) ? text(list(body.dispatchConfirmationNumbers)[0]) : null;
  if (!number) throw new DhlAnswerProblem("The pickup answer has no dispatchConfirmationNumbers");
  return number;
}

/**
 * DHL Express checkpoint codes → our status (CARRIERS.md "Event mapping", from karrio
 * mydhl/units.py, secondary). Deviation: karrio counts PU (picked up) as pending; a parcel DHL has
 * collected is in transit for us (and can no longer be voided). PL/RW (processed, weighed before
 * departure) stay "label created". Customs checkpoints are in transit unless held (exception).
 */
const EVENT_STATUS: Record<string, TrackingStatus> = {
  PL: "label_created",
  RW: "label_created",
  PU: "in_transit",
  DF: "in_transit",
  AF: "in_transit",
  AR: "in_transit",
  PA: "in_transit",
  TR: "in_transit",
  CC: "in_transit",
  CD: "in_transit",
  CI: "in_transit",
  CU: "in_transit",
  CM: "in_transit",
  WC: "out_for_delivery",
  OK: "delivered",
  DD: "delivered",
  DL: "delivered",
  BA: "exception",
  BN: "exception",
  CA: "exception",
  NH: "exception",
  MS: "exception",
  OH: "exception",
  HP: "exception",
};

/** Our status of a DHL checkpoint code, or null for a code we do not know. */
export function dhlEventStatus(code: string): TrackingStatus | null {
  return Object.hasOwn(EVENT_STATUS, code) ? EVENT_STATUS[code] : null;
}

/** "2026-12-02" + "14:05:00" + "+03:00"/"-03:00" → ISO 8601 with the offset, or null. */
function eventTime(date: unknown, time: unknown, offset: unknown): string | null {
  if (typeof date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  if (typeof time !== "string" || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const zone = typeof offset === "string" && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : null;
  if (!zone) return null;
  return `${date}T${time.length === 5 ? `${time}:00` : time}${zone}`;
}

function parseEvents(raw: unknown[]): TrackingEvent[] {
  const events = raw.filter(isObject).flatMap((event) => {
    const occurredAt = eventTime(event.date, event.time, event.GMTOffset);
    const code = text(event.typeCode);
    if (!occurredAt || !code) return [];
    const area = list(event.serviceArea).filter(isObject)[0];
    return [
      {
        occurredAt,
        code,
        known: dhlEventStatus(code),
        description: text(event.description) ?? code,
        location: area ? text(area.description) : null,
      },
    ];
  });
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  // An event with a code we do not know keeps the status the parcel had before it.
  let status: TrackingStatus = "label_created";
  return events.map(({ known, ...event }) => {
    status = known ?? status;
    return { ...event, status };
  });
}

/** GET /tracking → one result per asked number, in the asked order (absent from the answer: not found). */
export function parseTracking(body: unknown, numbers: string[]): TrackingResult[] {
  const shipments = isObject(body) ? list(body.shipments).filter(isObject) : [];
  return numbers.map((trackingNumber) => {
    const shipment = shipments.find((item) => item.shipmentTrackingNumber === trackingNumber);
    if (!shipment) return { trackingNumber, found: false };
    const events = parseEvents(list(shipment.events));
    return {
      trackingNumber,
      found: true,
      status: events.at(-1)?.status ?? "label_created",
      events,
      estimatedDelivery: datePart(shipment.estimatedDeliveryDate),
    };
  });
}

/** The AWBs a GET /tracking?shipmentReference answer lists. */
export function trackedNumbers(body: unknown): string[] {
  const shipments = isObject(body) ? list(body.shipments).filter(isObject) : [];
  return shipments.map((item) => text(item.shipmentTrackingNumber)).filter((n): n is string => n !== null);
}
