// Where a carrier's paperless commercial invoice is accepted: the destinations whose customs take
// the electronic trade document the carrier transmits, instead of a paper copy with the parcel.
// This is data, not code: a destination is added here when its carrier lists it.
// Sources: UPS "Paperless Invoice" (ups.com › International Shipping › Paperless Invoice, the
// list of "countries and territories that accept Paperless Invoice"), FedEx "Electronic Trade
// Documents" (fedex.com › ETD › "ETD-enabled countries"), DHL "Paperless Trade" (dhl.com ›
// Express › Paperless Trade, "PLT countries and territories"); the APIs themselves are in
// CARRIERS.md (UPS Paperless v2 upload, FedEx ETD /documents/v1/etds/upload, DHL documentImages).
// The lists below are the destinations Brazilian exporters ship to most that all three pages
// name; a destination left out only means the invoice is printed with the label (the safe side).
// Whether the account opted in is not known before the upload: the carrier's answer
// (paperlessNotEnabled) decides, and the invoice is then printed.
import type { Carrier } from "./carrier-registry";

const EUROPEAN_UNION = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

const COMMON = [...EUROPEAN_UNION, "US", "CA", "GB", "CH", "NO", "AU", "NZ", "JP", "KR", "SG", "HK", "MX", "CL"];

export const PAPERLESS_DESTINATIONS: Readonly<Record<Exclude<Carrier, "correios">, readonly string[]>> = {
  ups: COMMON,
  fedex: COMMON,
  dhl: COMMON,
};

/** Whether the carrier transmits the invoice electronically for this destination (ISO 3166-1 alpha-2). */
export function acceptsPaperless(carrier: Carrier, destinationCountry: string): boolean {
  if (carrier === "correios") return false;
  return PAPERLESS_DESTINATIONS[carrier].includes(destinationCountry.trim().toUpperCase());
}
