// The Edit Draft form as data: its nested fields ("recipient.name", "items.0.hsCode", nested by
// the form-data parser) are parsed into the shipment's editable fields. Only the shape is checked here —
// whether the shipment is complete for its carrier is evaluateShipment's job, so a partly
// filled draft can always be saved.
import { z } from "zod";
import { MAX_LINE_ITEMS, MAX_QUANTITY } from "./bounds";
import { CARRIER_IDS } from "./carrier-registry";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES } from "./customs-codes";
import type { MissingRateField } from "./live-rate-request";
import { validateNfeKey } from "./nfe-key";
import type { QuoteBlocker } from "./quotes";

/** Lines an Edit Draft form can hold (the form parser refuses an index beyond it): a shipment's most. */
const MAX_DRAFT_ITEMS = MAX_LINE_ITEMS;

/** Texts trimmed and an empty text null (a cleared field), through the nested form data. */
function blankToNull(value: unknown): unknown {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (Array.isArray(value)) return value.map(blankToNull);
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, blankToNull(item)]));
  }
  return value;
}

const text = (max: number) => z.string().max(max, "errors.tooLong").nullable().default(null);
const decimal = z
  .string()
  .regex(/^\d+([.,]\d{1,2})?$/, "errors.amountInvalid")
  .transform((value) => value.replace(",", "."))
  .nullable()
  .default(null);
const positiveNumber = z.coerce
  .number("errors.numberInvalid")
  .positive("errors.mustBePositive")
  .max(10_000, "errors.numberTooLarge")
  .nullable()
  .default(null);

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "errors.countryInvalid")
  .transform((value) => value.toUpperCase())
  .nullable()
  .default(null);

// Each group's fields on their own, so one field can be checked alone as it is typed (draftFieldProblem).
const TOP_FIELDS = {
  carrier: z.enum(CARRIER_IDS, "errors.carrierInvalid").nullable().default(null),
  service: text(100),
  incoterm: z.enum(INCOTERM_VALUES, "errors.invalid").nullable().default(null),
  exportReason: z.enum(EXPORT_REASON_VALUES, "errors.invalid").nullable().default(null),
  nfeKey: text(80),
  invoiceNumber: text(20),
  invoiceSeries: text(5),
  invoiceDate: z.iso.date("errors.dateInvalid").nullable().default(null),
};

const RECIPIENT_FIELDS = {
  name: text(100),
  company: text(100),
  phone: text(40),
  email: text(254),
  address1: text(200),
  address2: text(200),
  city: text(100),
  provinceCode: text(10),
  postalCode: text(20),
  countryCode,
};

const ITEM_FIELDS = {
  description: text(200),
  sku: text(100),
  hsCode: text(20),
  quantity: z.coerce
    .number("errors.numberInvalid")
    .int("errors.numberInvalid")
    .min(1, "errors.mustBePositive")
    .max(MAX_QUANTITY, "errors.numberTooLarge"),
  unitValue: decimal,
  originCountry: countryCode,
  weightKg: positiveNumber,
};

const PARCEL_FIELDS = {
  weightKg: positiveNumber,
  lengthCm: positiveNumber,
  widthCm: positiveNumber,
  heightCm: positiveNumber,
};

export const draftFormSchema = z.preprocess(
  blankToNull,
  z.object({
    id: z.uuid("errors.notFound"),
    version: z.coerce.number().int().positive(),
    ...TOP_FIELDS,
    recipient: z.object(RECIPIENT_FIELDS),
    items: z.array(z.object(ITEM_FIELDS)).min(1, "errors.required").max(MAX_DRAFT_ITEMS, "errors.tooManyItems"),
    parcel: z.object(PARCEL_FIELDS),
  }),
);

/** What is wrong with one field's value: a message key and its values. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

function fieldSchema(name: string): z.ZodType | null {
  const [group, second, third] = name.split(".");
  const pick = (fields: Record<string, z.ZodType>, key: string | undefined) =>
    key !== undefined && Object.hasOwn(fields, key) ? fields[key] : null;
  if (group === "recipient") return pick(RECIPIENT_FIELDS, second);
  if (group === "parcel") return pick(PARCEL_FIELDS, second);
  if (group === "items" && /^\d+$/.test(second ?? "")) return pick(ITEM_FIELDS, third);
  return second === undefined ? pick(TOP_FIELDS, group) : null;
}

/**
 * One Edit Draft field checked alone, as the operator types: the same rules as the save (and, for
 * the NF-e key, the same check the save makes), so an error shown after a refused save goes away
 * exactly when the save would accept the value. Null: nothing to correct.
 */
export function draftFieldProblem(name: string, raw: string): FieldProblem | null {
  if (name === "nfeKey") {
    if (raw.trim() === "") return null;
    const result = validateNfeKey(raw);
    return result.ok ? null : { key: `nfe.errors.${result.error.code}`, values: result.error.values };
  }
  const schema = fieldSchema(name);
  if (!schema) return null;
  const parsed = schema.safeParse(blankToNull(raw));
  return parsed.success ? null : { key: parsed.error.issues[0]?.message ?? "errors.invalid" };
}

/** Whether a field that was pointed at as missing now holds a value the save accepts. */
export function draftFieldFilled(name: string, raw: string): boolean {
  return raw.trim() !== "" && draftFieldProblem(name, raw) === null;
}

/**
 * What a field the NF-e key also encodes (invoice number, series) shows once a valid key is
 * pasted: the key's value when the field is empty, still holds what an earlier key filled in, or
 * already agrees; otherwise the operator's own value stays and the key's is offered (`conflict`).
 */
export function fillFromKey(
  current: string,
  lastFilled: string | null,
  fromKey: string,
): { value: string; filled: string | null; conflict: string | null } {
  const typed = current.trim();
  if (typed === "" || typed === lastFilled || typed === fromKey)
    return { value: fromKey, filled: fromKey, conflict: null };
  return { value: current, filled: lastFilled, conflict: fromKey };
}

export type DraftForm = z.output<typeof draftFormSchema>;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

/** Bulk on selected drafts: carrier and service, incoterm, reason for export, country of origin. */
export const bulkDraftsFormSchema = z
  .object({
    ids: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.uuid("errors.notFound")).min(1, "errors.nothingSelected").max(500)),
    carrier: optional(z.enum(CARRIER_IDS, "errors.carrierInvalid")),
    service: optional(z.string().trim().max(100, "errors.tooLong")),
    incoterm: optional(z.enum(INCOTERM_VALUES, "errors.invalid")),
    exportReason: optional(z.enum(EXPORT_REASON_VALUES, "errors.invalid")),
    originCountry: optional(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, "errors.countryInvalid")
        .transform((value) => value.toUpperCase()),
    ),
  })
  .refine((value) => value.carrier || value.service || value.incoterm || value.exportReason || value.originCountry, {
    message: "errors.nothingToChange",
    path: ["_form"],
  });

/** "Get quotes" on a draft. */
export const quoteShipmentFormSchema = z.object({ id: z.uuid("errors.notFound") });

/** Picking a quote, for the draft version it was shown on. */
export const pickQuoteFormSchema = z.object({
  quoteId: z.uuid("errors.notFound"),
  version: z.coerce.number().int().positive(),
});

/**
 * The Edit Draft field behind a reason a shipment cannot be quoted, so the quotes card can point
 * at it (the form edits the first parcel; the declared value is the sum of the items' values).
 * Null: nothing on this form fixes it (the store's shipper details, a rate card's zones).
 */
export function quoteProblemField(problem: QuoteBlocker["code"] | MissingRateField["field"]): string | null {
  switch (problem) {
    case "missingWeight":
    case "overLimit":
    case "parcelWeight":
    case "parcels":
      return "parcel.weightKg";
    case "parcelDimensions":
      return "parcel.lengthCm";
    case "noDestination":
    case "domesticDestination":
    case "unknownCountry":
    case "noZone":
    case "destinationCountry":
      return "recipient.countryCode";
    case "recipientCity":
      return "recipient.city";
    case "recipientPostalCode":
      return "recipient.postalCode";
    case "declaredValue":
      return "items.0.unitValue";
    default:
      return null;
  }
}
