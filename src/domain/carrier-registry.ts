// The carriers the dashboard ships with, in one table: every per-carrier fact that is data rather
// than a rule (identity, brand name and colour, piece limits, the NF-e rule, the dimensional divisor,
// the public tracking page). Everything else — filter options, the draft form's choices, chart
// colours, the weight rules of quotes, tracking links sent to Shopify — is derived from it, so adding
// a carrier starts here.

export const CARRIER_IDS = ["fedex", "ups", "dhl", "correios"] as const;
export type Carrier = (typeof CARRIER_IDS)[number];

/** When the NF-e key is required: always, or only when the declared value exceeds the simplified limit. */
type NfeKeyRule = "always" | "aboveSimplifiedLimit";

/**
 * The chargeable weight of a piece is rounded up to a multiple of this (kg). Carriers round by 0.5 or
 * 1 kg depending on the service, and the carrier's own quote is final, so every carrier uses this
 * default until a source says otherwise.
 */
const DEFAULT_BILLING_INCREMENT_KG = 0.5;

interface CarrierSpec {
  id: Carrier;
  /** The brand as printed on labels and shown in the UI (the same in every language). */
  name: string;
  /** The carrier's colour in charts (a hex colour readable on white). */
  color: string;
  /** Heaviest single piece the carrier accepts internationally, in kg. */
  maxPieceKg: number;
  nfeKey: NfeKeyRule;
  /** cm³ per kg: dimensional weight = L × W × H / divisor. */
  dimDivisor: number;
  /** Chargeable weight per piece is rounded up to a multiple of this (kg). */
  billingIncrementKg: number;
  /** The public tracking page; the tracking number is appended, URL-encoded. */
  trackingPage: string;
}

export const CARRIERS: Readonly<Record<Carrier, CarrierSpec>> = {
  fedex: {
    id: "fedex",
    name: "FedEx",
    color: "#4d148c",
    maxPieceKg: 68,
    nfeKey: "aboveSimplifiedLimit",
    // FedEx international 5000 cm³/kg (Latin America since 2010; previously 6000):
    // http://www.fedex.com/br_english/rates/dimweight.html
    dimDivisor: 5000,
    billingIncrementKg: DEFAULT_BILLING_INCREMENT_KG,
    trackingPage: "https://www.fedex.com/fedextrack/?trknbr=",
  },
  ups: {
    id: "ups",
    name: "UPS",
    color: "#a16207",
    maxPieceKg: 70,
    nfeKey: "aboveSimplifiedLimit",
    // UPS international 5000 cm³/kg (139 in³/lb):
    // https://www.ups.com/zw/en/help-center/packaging-and-supplies/weight-size.page
    dimDivisor: 5000,
    billingIncrementKg: DEFAULT_BILLING_INCREMENT_KG,
    trackingPage: "https://www.ups.com/track?tracknum=",
  },
  dhl: {
    id: "dhl",
    name: "DHL Express",
    color: "#dc2626",
    maxPieceKg: 70,
    nfeKey: "always",
    // DHL Express 5000 cm³/kg per piece:
    // http://goglobal.dhl-usa.com/shipping-support-center/get-started/get-a-rate-quote-and-transit-time/volumetric-weight
    dimDivisor: 5000,
    billingIncrementKg: DEFAULT_BILLING_INCREMENT_KG,
    trackingPage: "https://www.dhl.com/en/express/tracking.html?AWB=",
  },
  correios: {
    id: "correios",
    name: "Correios",
    color: "#1f57d6",
    maxPieceKg: 30,
    nfeKey: "always",
    // Correios 6000 cm³/kg (domestically applied only above 5 kg; applied to every international
    // piece here): https://ajuda.elo7.com.br/hc/pt-br/articles/360001814752
    dimDivisor: 6000,
    billingIncrementKg: DEFAULT_BILLING_INCREMENT_KG,
    trackingPage: "https://rastreamento.correios.com.br/app/index.php?objetos=",
  },
};

export function isCarrier(value: unknown): value is Carrier {
  return typeof value === "string" && (CARRIER_IDS as readonly string[]).includes(value);
}

/** The carrier's brand name; an unknown id is shown as it is, no carrier as null. */
export function carrierName(carrier: string): string;
export function carrierName(carrier: string | null | undefined): string | null;
export function carrierName(carrier: string | null | undefined): string | null {
  if (!carrier) return null;
  return isCarrier(carrier) ? CARRIERS[carrier].name : carrier;
}
