// The bounds of every shipment value, one table for what Edit Draft accepts (draft-form.ts) and
// what a sync takes from Shopify (order-mapping.ts): a value Shopify sends beyond them makes the
// order a draft that says so, or — when it could not even be stored — a failed item with the reason.
import { MAX_STORED_CENTS } from "./money";

/** Longest text per recipient and line field, in characters (carriers' label and waybill limits). */
const TEXT_LIMITS = {
  name: 100,
  company: 100,
  phone: 40,
  email: 254,
  address1: 200,
  address2: 200,
  city: 100,
  province: 100,
  provinceCode: 10,
  postalCode: 20,
  description: 200,
  sku: 100,
  hsCode: 20,
  service: 100,
  nfeKey: 80,
} as const;

export type BoundedText = keyof typeof TEXT_LIMITS;

/**
 * Lines of one shipment. Shopify's own order tools stop at about this many (draft orders take 499
 * lines), carriers' commercial invoices list a few hundred commodities at most, and Edit Draft
 * must be able to show and save every line: an order beyond it fails with its reason.
 */
export const MAX_LINE_ITEMS = 500;
/** Units of one line. */
export const MAX_QUANTITY = 10_000;
/** One unit's value: 10,000,000.00 in the shipment's currency. */
export const MAX_UNIT_VALUE_CENTS = 1_000_000_000;
/** A unit's or a parcel's weight, and a parcel's side. */
export const MAX_WEIGHT_KG = 10_000;

/** A parcel's three sides (cm), each bounded like the weight: all three given, or none. */
export const PARCEL_SIDES = ["lengthCm", "widthCm", "heightCm"] as const;
/** The declared value must fit the database (numeric(14,2)). */
export const MAX_DECLARED_CENTS = MAX_STORED_CENTS;

/** The first `max` characters (code points) of `text`: a surrogate pair is never cut in two. */
export function firstChars(text: string, max: number): string {
  // At most `max` UTF-16 units is at most `max` characters: nothing to count or cut.
  return text.length <= max ? text : Array.from(text).slice(0, max).join("");
}

/** `text` cut to its field's limit, and whether it had to be. */
export function boundText(field: BoundedText, text: string | null): { value: string | null; length: number | null } {
  if (text === null) return { value: null, length: null };
  const max = TEXT_LIMITS[field];
  // At most `max` UTF-16 units is at most `max` characters: nothing to count or cut.
  if (text.length <= max) return { value: text, length: null };
  const chars = Array.from(text);
  return chars.length > max
    ? { value: chars.slice(0, max).join(""), length: chars.length }
    : { value: text, length: null };
}
