// A shipment's activity log: what the database keeps about it in several tables (audit events,
// sync run items, tracking events, failed label purchases, the shipment's own Shopify
// cancellation) turned into entries a person reads — who (a user, the system, Shopify or the
// carrier), what (a kind with its values, translated by the page) and when. Records are read
// defensively: an action this code does not know, or an old record without the values a newer one
// has, becomes a plain entry rather than an error, so the log never fails on history.
import { carrierName } from "./carrier-registry";
import { TRACKING_STATUSES, type TrackingStatus } from "./statuses";

/** One row of the activity query: where it comes from, when, who (a user's name, if any) and its data. */
export interface ActivityRecord {
  source: string;
  /** Unique across sources; with `at`, the order of the log and its page cursor. */
  key: string;
  at: Date;
  actorName: string | null;
  data: unknown;
}

export type ActivityActor =
  { kind: "user"; name: string } | { kind: "system" } | { kind: "shopify" } | { kind: "carrier"; name: string };

export type ActivityKind =
  | "syncedReady"
  | "syncedDraft"
  | "syncedUpdated"
  | "syncedUnchanged"
  | "syncedCancelled"
  | "syncFailed"
  | "syncedOther"
  | "created"
  | "edited"
  | "editedBulk"
  | "promoted"
  | "quoted"
  | "quoteChosen"
  | "pickupScheduled"
  | "pickupRescheduled"
  | "pickupCancelled"
  | "documentsIssued"
  | "invoiceIssued"
  | "labelFailed"
  | "labelVoided"
  | "fulfillmentCreated"
  | "fulfillmentFailed"
  | "fulfillmentCancelled"
  | "fulfillmentCancelFailed"
  | "s10Recorded"
  | "tracking"
  | "shippedByTracking"
  | "trackingNotFound"
  | "cancelledInShopify"
  | "other";

/** The fields an edit can name (i18n `activity.fields.*`), in the order they are listed. */
const ACTIVITY_FIELDS = [
  "carrier",
  "service",
  "recipient",
  "customsItems",
  "originCountry",
  "parcels",
  "weightKg",
  "lengthCm",
  "widthCm",
  "heightCm",
  "nfeKey",
  "invoiceNumber",
  "invoiceSeries",
  "invoiceDate",
  "declaredValue",
  "incoterm",
  "exportReason",
] as const;
type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export interface ActivityEntry {
  key: string;
  at: Date;
  actor: ActivityActor;
  kind: ActivityKind;
  /** The message's values: plain texts and numbers, shown as given. */
  values: Record<string, string | number>;
  /** Edited fields, for edits. */
  fields?: ActivityField[];
  /** The parcel an edit left, formatted by the page: its weight and sides where known. */
  parcel?: { weightKg: number | null; sides: [number, number, number] | null };
  /** A price, formatted by the page in the user's locale (`{price}`). */
  money?: { amount: number; currency: string };
  /** A calendar day (YYYY-MM-DD), formatted by the page (`{date}`). */
  day?: string;
  /** A carrier's tracking status, shown as its badge. */
  trackingStatus?: TrackingStatus;
  /** Whether a tracking event reached Shopify: sent, failed with a reason, or not (yet). */
  shopify?: { sent: true } | { sent: false; error: string | null };
  /** The sync run behind a sync entry (its page in Sync history). */
  syncRunId?: string;
}

// ------------------------------------------------------------------------------------------------
// Safe readers: history is whatever older code wrote.

const objectOf = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const textOf = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : typeof value === "number" ? String(value) : null;
const numberOf = (value: unknown): number | null => {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
};
const isDay = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
const trackingStatusOf = (value: unknown): TrackingStatus | undefined =>
  TRACKING_STATUSES.find((status) => status === value);
/** Long texts (a carrier's error) are cut for a one-line entry. */
const short = (text: string, max = 200) =>
  Array.from(text).length > max ? `${Array.from(text).slice(0, max).join("")}…` : text;

/** What a parcel holds, when it holds anything readable. */
function parcelOf(value: unknown): ActivityEntry["parcel"] | null {
  const parcel = objectOf(value);
  const weightKg = numberOf(parcel.weightKg);
  const sides = [numberOf(parcel.lengthCm), numberOf(parcel.widthCm), numberOf(parcel.heightCm)];
  const complete = sides.every((side) => side !== null) ? (sides as [number, number, number]) : null;
  return weightKg === null && !complete ? null : { weightKg, sides: complete };
}

/** Bookkeeping keys of an edit's audit, not fields the operator changed. */
const EDIT_META = new Set(["status", "missing", "bulk", "fields"]);

/** The fields an edit changed: those it names, else the keys of what it changed, known ones only. */
function editedFields(before: Record<string, unknown>, after: Record<string, unknown>): ActivityField[] {
  const named = Array.isArray(after.fields) ? after.fields : null;
  const keys = named ?? [...Object.keys(before), ...Object.keys(after)].filter((key) => !EDIT_META.has(key));
  return ACTIVITY_FIELDS.filter((field) => keys.includes(field));
}

function auditActor(actorName: string | null, fallback: ActivityActor = { kind: "system" }): ActivityActor {
  return actorName ? { kind: "user", name: actorName } : fallback;
}

/** "shipment.something_new" → "something new": an action this code does not know, still readable. */
const humanized = (action: string) =>
  action
    .replace(/^[a-z_]+\./, "")
    .replace(/[_.]+/g, " ")
    .trim() || action;

function auditEntry(record: ActivityRecord, base: Omit<ActivityEntry, "kind" | "values" | "actor">): ActivityEntry {
  const data = objectOf(record.data);
  const action = textOf(data.action) ?? "";
  const before = objectOf(data.before);
  const after = objectOf(data.after);
  const actor = auditActor(record.actorName);
  const entry = (kind: ActivityKind, values: ActivityEntry["values"] = {}, extra: Partial<ActivityEntry> = {}) => ({
    ...base,
    actor,
    kind,
    values,
    ...extra,
  });
  const tracking = textOf(after.trackingNumber);
  switch (action) {
    case "shipment.draft_saved":
    case "shipment.promoted": {
      const fields = editedFields(before, after);
      const kind = action === "shipment.promoted" ? "promoted" : after.bulk === true ? "editedBulk" : "edited";
      const parcel = Array.isArray(after.parcels) ? parcelOf(after.parcels[0]) : null;
      return entry(kind, { count: fields.length }, { fields, ...(parcel ? { parcel } : {}) });
    }
    case "shipment.quoted":
      return entry("quoted", { count: numberOf(after.quotes) ?? 0, carriers: numberOf(after.carriers) ?? 0 });
    case "shipment.quote_chosen": {
      const amount = numberOf(after.price);
      const currency = textOf(after.currency);
      return entry(
        "quoteChosen",
        { carrier: carrierName(textOf(after.carrier)) ?? "—", service: textOf(after.service) ?? "—" },
        amount !== null && currency && /^[A-Z]{3}$/.test(currency) ? { money: { amount, currency } } : {},
      );
    }
    case "pickup.scheduled":
    case "pickup.rescheduled": {
      const day = isDay(after.pickupDate) ? after.pickupDate : isDay(after.date) ? after.date : undefined;
      const values = {
        confirmation: textOf(after.confirmationNumber) ?? "—",
        window: [textOf(after.readyTime), textOf(after.closeTime)].filter(Boolean).join("–") || "—",
      };
      return entry(action === "pickup.scheduled" ? "pickupScheduled" : "pickupRescheduled", values, day ? { day } : {});
    }
    case "pickup.cancelled":
      return entry("pickupCancelled", { confirmation: textOf(before.confirmationNumber) ?? "—" });
    case "shipment.documents_issued":
      return tracking ? entry("documentsIssued", { trackingNumber: tracking }) : entry("invoiceIssued", {});
    case "shipment.label_voided":
      return entry("labelVoided", { trackingNumber: tracking ?? "—" });
    case "shipment.tracking_sent_to_shopify":
      return entry("fulfillmentCreated", { trackingNumber: tracking ?? "—" });
    case "shipment.fulfillment_failed":
      return entry("fulfillmentFailed", { reason: short(textOf(after.reason) ?? "—") });
    case "shipment.fulfillment_cancelled":
      return entry("fulfillmentCancelled", {});
    case "shipment.fulfillment_cancel_failed":
      return entry("fulfillmentCancelFailed", { reason: short(textOf(after.reason) ?? "—") });
    case "shipment.s10_recorded":
      return entry("s10Recorded", { trackingNumber: tracking ?? "—" });
    case "shipment.shipped_by_tracking": {
      const trackingStatus = trackingStatusOf(after.trackingStatus);
      return { ...entry("shippedByTracking", {}, trackingStatus ? { trackingStatus } : {}), actor: { kind: "system" } };
    }
    case "shipment.tracking_not_found":
      return { ...entry("trackingNotFound", { trackingNumber: tracking ?? "—" }), actor: { kind: "system" } };
    default:
      return entry("other", { action: humanized(action || "—") });
  }
}

const SYNC_KINDS: Record<string, ActivityKind> = {
  created_ready: "syncedReady",
  created_draft: "syncedDraft",
  updated: "syncedUpdated",
  unchanged: "syncedUnchanged",
  cancelled: "syncedCancelled",
  failed: "syncFailed",
};

function syncEntry(record: ActivityRecord, base: Omit<ActivityEntry, "kind" | "values" | "actor">): ActivityEntry {
  const data = objectOf(record.data);
  const trigger = textOf(data.trigger);
  // A webhook is Shopify telling us; a click is its user; the schedule (or a user since deleted) is the system.
  const actor: ActivityActor =
    trigger === "webhook" ? { kind: "shopify" } : auditActor(trigger === "manual" ? record.actorName : null);
  const runId = textOf(data.runId);
  return {
    ...base,
    actor,
    kind: SYNC_KINDS[textOf(data.outcome) ?? ""] ?? "syncedOther",
    values: { reason: textOf(data.reason) ?? "—" },
    ...(runId ? { syncRunId: runId } : {}),
  };
}

function trackingEntry(record: ActivityRecord, base: Omit<ActivityEntry, "kind" | "values" | "actor">): ActivityEntry {
  const data = objectOf(record.data);
  const trackingStatus = trackingStatusOf(data.status);
  const description = textOf(data.description) ?? textOf(data.code) ?? "—";
  const location = textOf(data.location);
  return {
    ...base,
    actor: { kind: "carrier", name: carrierName(textOf(data.carrier)) ?? "—" },
    kind: "tracking",
    values: { description: short(location ? `${description} · ${location}` : description) },
    ...(trackingStatus ? { trackingStatus } : {}),
    shopify: textOf(data.shopifyEventId)
      ? { sent: true }
      : { sent: false, error: textOf(data.shopifyError) ? short(textOf(data.shopifyError)!) : null },
  };
}

/** One record as an entry; never throws, whatever the record holds. */
export function toActivityEntry(record: ActivityRecord): ActivityEntry {
  const at = record.at instanceof Date && !Number.isNaN(record.at.getTime()) ? record.at : new Date(0);
  const base = { key: record.key, at };
  const data = objectOf(record.data);
  switch (record.source) {
    case "audit":
      return auditEntry(record, base);
    case "sync":
      return syncEntry(record, base);
    case "tracking":
      return trackingEntry(record, base);
    case "label":
      return {
        ...base,
        actor: auditActor(record.actorName),
        kind: "labelFailed",
        values: {
          carrier: carrierName(textOf(data.carrier)) ?? "—",
          attempt: numberOf(data.attempt) ?? 1,
          reason: short(textOf(data.error) ?? "—"),
        },
      };
    case "cancelled":
      return { ...base, actor: { kind: "shopify" }, kind: "cancelledInShopify", values: {} };
    case "created":
      return { ...base, actor: { kind: "system" }, kind: "created", values: {} };
    default:
      return { ...base, actor: { kind: "system" }, kind: "other", values: { action: record.source || "—" } };
  }
}
