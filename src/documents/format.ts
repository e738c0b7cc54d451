// How values print on the label and the invoice. Weights are handled in integer grams so that sums
// (net weight = Σ quantity × unit weight) carry no floating-point noise.

import type { DocumentParcel, DocumentParty, ShippingDocumentData } from "./types";

/** Whole grams in a weight in kilograms (documents print at most three decimals of a kilogram). */
export function toGrams(kg: number): number {
  if (!Number.isFinite(kg) || kg < 0) throw new RangeError(`Expected a non-negative weight in kg: ${kg}`);
  return Math.round(kg * 1000);
}

/** "2.5" for 2500 g, "2.0" for 2000 g, "0.125" for 125 g: at least one decimal, more only when needed. */
export function formatKg(grams: number): string {
  const decimals = String(grams % 1000)
    .padStart(3, "0")
    .replace(/0{1,2}$/, "");
  return `${Math.floor(grams / 1000)}.${decimals}`;
}

/** "30 x 20 x 10 cm" (tenths when given), or null unless all three dimensions are known. */
export function formatDimensions(parcel: DocumentParcel): string | null {
  const sides = [parcel.lengthCm, parcel.widthCm, parcel.heightCm];
  if (!sides.every((side): side is number => typeof side === "number" && side > 0)) return null;
  const cm = (side: number) => String(Math.round(side * 10) / 10);
  return `${sides.map(cm).join(" x ")} cm`;
}

/**
 * The calendar date of an ISO timestamp as written ("2026-03-09T22:10:00-03:00" → "2026-03-09"), so a
 * caller that passes the shipper's local time gets the shipper's date, whatever the server's zone.
 */
export function calendarDate(isoTimestamp: string): string {
  parseTimestamp(isoTimestamp);
  return isoTimestamp.slice(0, 10);
}

/** The instant of an ISO timestamp; throws on anything else rather than printing "Invalid Date". */
export function parseTimestamp(isoTimestamp: string): Date {
  const date = new Date(isoTimestamp);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(isoTimestamp) || Number.isNaN(date.getTime())) {
    throw new RangeError(`Expected an ISO timestamp: "${isoTimestamp}"`);
  }
  return date;
}

const regionNames = new Intl.DisplayNames("en", { type: "region", fallback: "code" });

/** The English name of an ISO 3166-1 alpha-2 country ("US" → "United States"), or the code itself. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not even well-formed as a region code
  }
}

/** "sale" → "Sale", "return_for_repair" → "Return For Repair": stored reasons are lowercase identifiers. */
export function exportReasonLabel(reason: string): string {
  return reason
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase())
    .join(" ");
}

/** "New York, NY 10001" / "São Paulo, SP 01310-100": the line below the street address. */
export function cityLine(party: DocumentParty): string {
  const region = [party.state, party.postalCode].filter(Boolean).join(" ");
  return region ? `${party.city}, ${region}` : party.city;
}

/** Where each carrier prints the spaces in its own tracking numbers; anything else goes in fours. */
const TRACKING_GROUPS: Record<ShippingDocumentData["carrier"], { pattern: RegExp; groups: number[] }> = {
  ups: { pattern: /^1Z[0-9A-Z]{16}$/, groups: [2, 3, 3, 2, 4, 3, 1] }, // 1Z 999 AA1 01 2345 678 4
  fedex: { pattern: /^\d{12}$/, groups: [4, 4, 4] }, // 1234 5678 9012
  dhl: { pattern: /^\d{10}$/, groups: [2, 4, 4] }, // 12 3456 7890
  correios: { pattern: /^[A-Z]{2}\d{9}BR$/, groups: [2, 3, 3, 3, 2] }, // RR 473 124 829 BR
};

/** The tracking number with spaces where the carrier prints them, for reading aloud or retyping. */
export function groupTrackingNumber(carrier: ShippingDocumentData["carrier"], trackingNumber: string): string {
  const { pattern, groups } = TRACKING_GROUPS[carrier];
  if (!pattern.test(trackingNumber)) return trackingNumber.replace(/(.{4})(?=.)/g, "$1 ");
  const parts: string[] = [];
  let start = 0;
  for (const length of groups) {
    parts.push(trackingNumber.slice(start, start + length));
    start += length;
  }
  return parts.join(" ");
}
