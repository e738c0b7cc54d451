// The Edit Draft form as data: flat form field names ("recipient.name", "items.0.hsCode") are
// unflattened and parsed into the shipment's editable fields. Only the shape is checked here —
// whether the shipment is complete for its carrier is evaluateShipment's job, so a partly
// filled draft can always be saved.
import { z } from "zod";
import { CARRIER_IDS } from "./carriers";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES } from "./shipment-evaluation";

export { EXPORT_REASON_VALUES as EXPORT_REASONS, INCOTERM_VALUES as INCOTERMS } from "./shipment-evaluation";

/** "a.0.b" keys → nested objects and arrays; empty strings become null (a cleared field). */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, raw] of Object.entries(flat)) {
    const value = typeof raw === "string" && raw.trim() === "" ? null : typeof raw === "string" ? raw.trim() : raw;
    const parts = path.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const key = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else {
        container[key] ??= /^\d+$/.test(parts[index + 1]) ? [] : {};
        node = container[key] as Record<string, unknown>;
      }
    });
  }
  return root;
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
  (input) => unflatten(input as Record<string, unknown>),
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
            .max(10_000),
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
      .min(1, "errors.required"),
    parcel: z.object({
      weightKg: positiveNumber,
      lengthCm: positiveNumber,
      widthCm: positiveNumber,
      heightCm: positiveNumber,
    }),
  }),
);

export type DraftForm = z.output<typeof draftFormSchema>;
