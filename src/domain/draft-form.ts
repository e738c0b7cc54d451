// The Edit Draft form as data: its nested fields ("recipient.name", "items.0.hsCode", nested by
// the form-data parser) are parsed into the shipment's editable fields. Only the shape is checked here —
// whether the shipment is complete for its carrier is evaluateShipment's job, so a partly
// filled draft can always be saved.
import { z } from "zod";
import { MAX_LINE_ITEMS, MAX_QUANTITY } from "./bounds";
import { CARRIER_IDS } from "./carrier-registry";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES } from "./customs-codes";


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

export const draftFormSchema = z.preprocess(
  blankToNull,
  z.object({
    id: z.uuid("errors.notFound"),
    version: z.coerce.number().int().positive(),
    carrier: z.enum(CARRIER_IDS, "errors.carrierInvalid").nullable().default(null),
    service: text(100),
    incoterm: z.enum(INCOTERM_VALUES, "errors.invalid").nullable().default(null),
    exportReason: z.enum(EXPORT_REASON_VALUES, "errors.invalid").nullable().default(null),
    nfeKey: text(80),
    invoiceNumber: text(20),
    invoiceSeries: text(5),
    invoiceDate: z.iso.date("errors.dateInvalid").nullable().default(null),
    recipient: z.object({
      name: text(100),
      company: text(100),
      phone: text(40),
      email: text(254),
      address1: text(200),
      address2: text(200),
      city: text(100),
      provinceCode: text(10),
      postalCode: text(20),
      countryCode: z
        .string()
        .regex(/^[A-Za-z]{2}$/, "errors.countryInvalid")
        .transform((value) => value.toUpperCase())
        .nullable()
        .default(null),
    }),
    items: z
      .array(
        z.object({
          description: text(200),
          sku: text(100),
          hsCode: text(20),
          quantity: z.coerce
            .number("errors.numberInvalid")
            .int("errors.numberInvalid")
            .min(1, "errors.mustBePositive")
            .max(MAX_QUANTITY, "errors.numberTooLarge"),
          unitValue: decimal,
          originCountry: z
            .string()
            .regex(/^[A-Za-z]{2}$/, "errors.countryInvalid")
            .transform((value) => value.toUpperCase())
            .nullable()
            .default(null),
          weightKg: positiveNumber,
        }),
      )
      .min(1, "errors.required")
      .max(MAX_DRAFT_ITEMS, "errors.tooManyItems"),
    parcel: z.object({
      weightKg: positiveNumber,
      lengthCm: positiveNumber,
      widthCm: positiveNumber,
      heightCm: positiveNumber,
    }),
  }),
);

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
