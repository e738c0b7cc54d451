// UPS's answers read into our types: the error body, rates, the ship result, tracking (with UPS's
// status letters mapped to our TrackingStatus), reference lookups, label recovery, pickups, uploads.
// Shapes per CARRIERS.md "UPS" (Shipping/Rating/Pickup/Paperless/Tracking.yaml, v2403+ arrays).
import { serviceName } from "@/domain/carrier-services";
import type { TrackingStatus } from "@/domain/statuses";
import type { CarrierErrorCode, LiveRate, TrackingEvent, TrackingResult } from "../api";

export interface UpsError {
  code: string;
  message: string;
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
/** From v2403 repeatable elements are arrays, but older answers (and some elements) are single objects. */
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** `{"response":{"errors":[{code,message}]}}` (CARRIERS.md §6). */
export function upsErrors(body: unknown): UpsError[] {
  return list(obj(obj(body).response).errors).flatMap((e) => {
    const code = str(obj(e).code);
    return code ? [{ code, message: str(obj(e).message) ?? "" }] : [];
  });
}

/**
 * UPS error codes we act on. Verified or secondary per CARRIERS.md §6: 120207 postal code, 9560131
 * pickup date, 190102 void window, 9590018 paperless, 250002/250003 credentials. The others are
 * not published by UPS (unverified; the emulator answers them): 190117 already voided, 190118 in
 * transit, 190100 unknown shipment, 9510113 unknown pickup, 9510114 pickup already cancelled.
 */
const CODES: Record<string, CarrierErrorCode> = {
  "120207": "invalidPostalCode",
  "120206": "invalidPostalCode",
  "9560131": "pickupNotAvailable",
  "190102": "voidWindowPassed",
  "190117": "alreadyVoided",
  "190118": "inTransit",
  "190100": "unknownShipment",
  "9590018": "paperlessNotEnabled",
  "9510113": "pickupNotFound",
  "9510114": "pickupNotFound",
  "250002": "unauthorized",
  "250003": "unauthorized",
};

export function upsErrorCode(errors: UpsError[]): CarrierErrorCode {
  for (const error of errors) {
    const code = CODES[error.code];
    if (code) return code;
  }
  return "invalidRequest";
}

/** "YYYYMMDD" → "YYYY-MM-DD", or null. */
function isoDate(value: unknown): string | null {
  const text = str(value);
  const m = text && /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** RatedShipment[] → our live rates; services we do not list are skipped (CARRIERS.md §2). */
export function parseRates(body: unknown): LiveRate[] {
  return list(obj(obj(body).RateResponse).RatedShipment).flatMap((raw) => {
    const rated = obj(raw);
    const code = str(obj(rated.Service).Code);
    const name = code && serviceName("ups", code);
    // Account (negotiated) rates when UPS returns them, otherwise the published ones.
    const charge = obj(obj(rated.NegotiatedRateCharges).TotalCharge);
    const total = Object.keys(charge).length ? charge : obj(rated.TotalCharges);
    const price = str(total.MonetaryValue);
    const currency = str(total.CurrencyCode);
    if (!code || !name || !price || !currency || !/^\d+(\.\d+)?$/.test(price)) return [];
    const arrival = obj(obj(obj(rated.TimeInTransit).ServiceSummary).EstimatedArrival);
    const days = Number(str(arrival.BusinessDaysInTransit) ?? str(obj(rated.GuaranteedDelivery).BusinessDaysInTransit));
    return [
      {
        serviceCode: code,
        serviceName: name,
        price,
        currency,
        transitDays: Number.isInteger(days) && days > 0 ? days : null,
        estimatedDelivery: isoDate(obj(arrival.Arrival).Date),
      },
    ];
  });
}

export interface UpsShipResult {
  shipmentId: string;
  packages: { trackingNumber: string; imageFormat: string; image: string }[];
  charges: { amount: string; currency: string } | null;
}

export function parseShipResult(body: unknown): UpsShipResult | null {
  const results = obj(obj(obj(body).ShipmentResponse).ShipmentResults);
  const shipmentId = str(results.ShipmentIdentificationNumber);
  const packages = list(results.PackageResults).flatMap((raw) => {
    const pkg = obj(raw);
    const label = obj(pkg.ShippingLabel);
    const trackingNumber = str(pkg.TrackingNumber);
    const image = str(label.GraphicImage);
    const imageFormat = str(obj(label.ImageFormat).Code);
    return trackingNumber && image && imageFormat ? [{ trackingNumber, imageFormat, image }] : [];
  });
  if (!shipmentId || packages.length === 0) return null;
  const negotiated = obj(obj(results.NegotiatedRateCharges).TotalCharge);
  const total = Object.keys(negotiated).length ? negotiated : obj(obj(results.ShipmentCharges).TotalCharges);
  const amount = str(total.MonetaryValue);
  const currency = str(total.CurrencyCode);
  return { shipmentId, packages, charges: amount && currency ? { amount, currency } : null };
}

/** LabelRecoveryResponse → the labels and the shipment id (the lead package's number). */
export function parseRecoveredLabels(body: unknown): UpsShipResult["packages"] {
  return list(obj(obj(body).LabelRecoveryResponse).LabelResults).flatMap((raw) => {
    const result = obj(raw);
    const image = obj(result.LabelImage);
    const trackingNumber = str(result.TrackingNumber);
    const graphic = str(image.GraphicImage);
    const format = str(obj(image.LabelImageFormat).Code);
    return trackingNumber && graphic && format ? [{ trackingNumber, imageFormat: format, image: graphic }] : [];
  });
}

/** The tracking numbers a reference lookup found, grouped by shipment (first package first). */
export function parseReferenceLookup(body: unknown): { trackingNumbers: string[] }[] {
  return list(obj(obj(body).trackResponse).shipment).flatMap((raw) => {
    const numbers = list(obj(raw).package).flatMap((pkg) => str(obj(pkg).trackingNumber) ?? []);
    return numbers.length ? [{ trackingNumbers: numbers }] : [];
  });
}

/**
 * UPS status letters (CARRIERS.md §5, secondary karrio ups/units.py): D delivered, X exception,
 * I in progress, P pickup, M/MV manifest (label created, not yet scanned), U update. "Out for
 * delivery" is type I with code OT ("Out For Delivery Today"; OF on older answers).
 */
export function upsTrackingStatus(type: string, code: string | null): TrackingStatus | null {
  switch (type.toUpperCase()) {
    case "D":
      return "delivered";
    case "X":
      return "exception";
    case "M":
    case "MV":
      return "label_created";
    case "I":
      return code === "OT" || code === "OF" ? "out_for_delivery" : "in_transit";
    case "P":
    case "U":
      return "in_transit";
    default:
      return null;
  }
}

/** "YYYYMMDD" + "HHMMSS" + gmtOffset "-05:00" → ISO 8601 with offset. */
function activityTime(activity: Json): string | null {
  const date = isoDate(activity.date);
  const time = str(activity.time);
  if (!date || !time || !/^\d{6}$/.test(time)) return null;
  const offset = str(activity.gmtOffset);
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : "Z";
  return `${date}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}${zone}`;
}

function locationText(activity: Json): string | null {
  const address = obj(obj(activity.location).address);
  const parts = [str(address.city), str(address.stateProvince), str(address.countryCode) ?? str(address.country)];
  const text = parts.filter(Boolean).join(", ");
  return text || null;
}

export function parseTracking(trackingNumber: string, body: unknown): TrackingResult {
  const pkg = obj(list(obj(list(obj(obj(body).trackResponse).shipment)[0]).package)[0]);
  if (!Object.keys(pkg).length) return { trackingNumber, found: false };
  const events: TrackingEvent[] = list(pkg.activity).flatMap((raw) => {
    const activity = obj(raw);
    const status = obj(activity.status);
    const type = str(status.type);
    const code = str(status.code);
    const mapped = type ? upsTrackingStatus(type, code) : null;
    const occurredAt = activityTime(activity);
    if (!mapped || !occurredAt) return [];
    return [
      {
        occurredAt,
        status: mapped,
        code: code ?? type!,
        description: str(status.description) ?? "",
        location: locationText(activity),
      },
    ];
  });
  events.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  const current = obj(pkg.currentStatus);
  const currentType = str(current.type);
  const status =
    (currentType ? upsTrackingStatus(currentType, str(current.code)) : null) ?? events[0]?.status ?? "label_created";
  const delivery = list(pkg.deliveryDate).map(obj);
  const scheduled = delivery.find((d) => d.type === "SDD" || d.type === "RDD");
  return {
    trackingNumber,
    found: true,
    status,
    events,
    estimatedDelivery: status === "delivered" ? null : isoDate(scheduled?.date),
  };
}

export function parsePrn(body: unknown): string | null {
  return str(obj(obj(body).PickupCreationResponse).PRN);
}

export function parseUploadedDocumentId(body: unknown): string | null {
  const ids = list(obj(obj(obj(body).UploadResponse).FormsHistoryDocumentID).DocumentID);
  return str(ids[0]);
}

export function voidSucceeded(body: unknown): boolean {
  const status = obj(obj(obj(obj(body).VoidShipmentResponse).SummaryResult).Status);
  return str(status.Code) === "1";
}
