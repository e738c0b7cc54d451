// The carrier rules built on the registry (src/domain/carrier-registry.ts): which shipment fields
// each carrier requires (docs/ARCHITECTURE.md, "Carriers"), when the NF-e key is needed, and how to
// recognise a carrier in a Shopify shipping line.
import { CARRIERS, type Carrier } from "./carrier-registry";
import type { UsdConversion } from "./exchange-rates";

/** The shipment fields the UI can label (i18n `fields.*`), in display order: missing lists follow it. */
export const SHIPMENT_FIELDS = [
  "nfeKey",
  "carrier",
  "service",
  "recipientName",
  "recipientPhone",
  "address",
  "postalCode",
  "state",
  "hsCode",
  "itemDescription",
  "unitValue",
  "originCountry",
  "weight",
  "dimensions",
  "incoterm",
  "exportReason",
  "lineItems",
] as const;
export type ShipmentField = (typeof SHIPMENT_FIELDS)[number];

/**
 * Above this declared value (USD) an export can no longer go as a simplified courier export (DRE /
 * Lista de Remessa) and needs a DU-E built from an NF-e, whatever the carrier. Sources:
 * IN RFB 1.737/2017 and IN RFB 1.847/2018 (courier exports over USD 1,000 need a DU-E),
 * https://fedex.com/pt-br/customer-support/export.html ; Correios Exporta Fácil (registration
 * mandatory over USD 1,000), https://www.correios.com.br/enviar/encomendas/internacional . The old
 * USD 50,000 ceiling is outdated.
 */
export const SIMPLIFIED_EXPORT_LIMIT_USD = 1000;

/** The fields every carrier requires. */
const EVERY_CARRIER: readonly ShipmentField[] = [
  "recipientName",
  "recipientPhone",
  "address",
  "postalCode",
  "state",
  "hsCode",
  "itemDescription",
  "unitValue",
  "originCountry",
  "weight",
  // Printed on the commercial invoice: chosen on the shipment or the store's default, never assumed.
  "incoterm",
  "exportReason",
];

/** Fields that must be present and valid before a shipment is ready (the NF-e key follows `nfeKey`). */
export const CARRIER_REQUIREMENTS: Readonly<Record<Carrier, readonly ShipmentField[]>> = {
  fedex: EVERY_CARRIER,
  ups: EVERY_CARRIER,
  dhl: EVERY_CARRIER,
  correios: EVERY_CARRIER,
};

/** The limit in US cents: a value of exactly US$ 1,000.00 is still within it. */
const SIMPLIFIED_EXPORT_LIMIT_USD_CENTS = SIMPLIFIED_EXPORT_LIMIT_USD * 100;

/**
 * Why the NF-e key is needed, or null when it is not: the carrier always needs it; the declared
 * value is above the simplified limit; or its US$ value is unknown (no PTAX rate for the day, a
 * currency PTAX does not quote, an unreadable value) — then the rule is conservative and the key is
 * required. `usd` null means the declared value itself could not be read.
 */
export type NfeKeyReason = "carrier" | "aboveLimit" | "noRate";

export function nfeKeyReason(carrier: Carrier | null, usd: UsdConversion | null): NfeKeyReason | null {
  if (carrier && CARRIERS[carrier].nfeKey === "always") return "carrier";
  if (!usd || !usd.ok) return "noRate";
  return usd.usdCents > SIMPLIFIED_EXPORT_LIMIT_USD_CENTS ? "aboveLimit" : null;
}

/**
 * Every field a shipment must have before it is ready, in display order. Without a carrier: the
 * carrier itself plus what every carrier shares.
 */
export function requiredFields(carrier: Carrier | null, nfeKeyNeeded: boolean): ShipmentField[] {
  const fields = new Set<ShipmentField>(carrier ? CARRIER_REQUIREMENTS[carrier] : ["carrier", ...EVERY_CARRIER]);
  if (nfeKeyNeeded) fields.add("nfeKey");
  return SHIPMENT_FIELDS.filter((field) => fields.has(field));
}

// ------------------------------------------------------------------------------------------------
// Recognising the carrier of a Shopify shipping line

export interface ShippingLineLike {
  title: string;
  code: string | null;
  carrierIdentifier: string | null;
  /** Shopify's rate source ("fedex", "ups", "dhl_express", "shopify", an app name…), when known. */
  source?: string | null;
}

export interface DetectedCarrier {
  carrier: Carrier;
  /** The service as the title names it, without the carrier's brand ("International Priority"), or null. */
  service: string | null;
}

// Letters around a short name must not be letters ("UPS_WORLDWIDE" yes, "groups" no).
const word = (body: string, flags = "iu") => new RegExp(`(?<!\\p{L})(${body})(?!\\p{L})`, flags);

const PATTERNS: readonly { carrier: Carrier; pattern: RegExp; brand: RegExp }[] = [
  { carrier: "fedex", pattern: /fed[\s_-]?ex|federal express/i, brand: /fed[\s_-]?ex|federal express/gi },
  { carrier: "ups", pattern: word("ups|united parcel service"), brand: word("ups|united parcel service", "giu") },
  { carrier: "dhl", pattern: /dhl/i, brand: /dhl/gi },
  {
    carrier: "correios",
    pattern: word("correios|sedex|pac|exporta[\\s_-]?f[aá]cil|mini[\\s_-]?envios"),
    brand: /correios/gi,
  },
];

function match(value: string | null | undefined): Carrier | null {
  if (!value) return null;
  return PATTERNS.find(({ pattern }) => pattern.test(value))?.carrier ?? null;
}

/** The text left once the brand and separators are removed ("FedEx® - International Priority" → "International Priority"). */
function serviceName(text: string, carrier: Carrier): string | null {
  const { brand } = PATTERNS.find((p) => p.carrier === carrier)!;
  const rest = text
    .replace(brand, " ")
    .replace(/[®™]/g, "")
    .replace(/[\s_]+/g, " ")
    .replace(/^[\s\-–—:|/]+|[\s\-–—:|/]+$/g, "")
    .trim();
  return rest === "" ? null : rest;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase());
}

/**
 * The carrier of a shipping line, trusting its carrier identifier, then its source, its code and its
 * title; null when none names a known carrier (a custom rate: the operator chooses).
 */
export function detectCarrier(line: ShippingLineLike): DetectedCarrier | null {
  const carrier = match(line.carrierIdentifier) ?? match(line.source) ?? match(line.code) ?? match(line.title) ?? null;
  if (!carrier) return null;
  if (match(line.title) === carrier) return { carrier, service: serviceName(line.title, carrier) };
  if (line.code && match(line.code) === carrier) {
    const fromCode = serviceName(line.code, carrier);
    return { carrier, service: fromCode && titleCase(fromCode) };
  }
  return { carrier, service: null };
}
