// Rates and quotes (docs/ARCHITECTURE.md, "Carriers"): the chargeable weight of each piece under each
// carrier's dimensional divisor, the destination's zone, and the merchant's rate cards give a price
// per carrier service, cheapest first. Estimates only: the carrier's own quote is final.
import { isCountryCode } from "./address-rules";
import { type Carrier, CARRIERS, isCarrier } from "./carrier-registry";

export interface Piece {
  weightKg: number | null;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
}

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Rounds up to a multiple of `increment`, ignoring float noise (1.5000000001 → 1.5). */
function roundUp(kg: number, increment: number): number {
  return roundTo(Math.ceil(roundTo(kg / increment, 6)) * increment, 6);
}

const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/** L × W × H / divisor, or null without all three (positive) dimensions. */
export function dimensionalWeightKg(piece: Piece, carrier: Carrier): number | null {
  const { lengthCm, widthCm, heightCm } = piece;
  if (!given(lengthCm) || !given(widthCm) || !given(heightCm)) return null;
  if (!(lengthCm > 0 && widthCm > 0 && heightCm > 0)) return null;
  return (lengthCm * widthCm * heightCm) / CARRIERS[carrier].dimDivisor;
}

/** max(actual, dimensional), rounded up to the carrier's billing increment. Needs a positive actual weight. */
export function chargeableWeightKg(piece: Piece & { weightKg: number }, carrier: Carrier): number {
  const weight = Math.max(piece.weightKg, dimensionalWeightKg(piece, carrier) ?? 0);
  return roundUp(weight, CARRIERS[carrier].billingIncrementKg);
}

// ------------------------------------------------------------------------------------------------
// Zones

export const ZONE_IDS = ["americas", "europe", "asia_pacific", "rest_of_world"] as const;
export type ZoneId = (typeof ZONE_IDS)[number];

interface ZoneTable {
  countries: Readonly<Record<string, ZoneId>>;
  /** The zone of every country not listed. */
  defaultZone: ZoneId;
}

const zoneOf = (zone: ZoneId, codes: string) => Object.fromEntries(codes.split(" ").map((code) => [code, zone]));

const AMERICAS = zoneOf("americas", "US CA MX AR CL CO PE UY PY BO EC VE CR PA GT HN SV NI DO PR JM BS BB TT");
const EUROPE = zoneOf(
  "europe",
  "PT ES FR DE IT GB IE NL BE LU AT CH DK SE NO FI IS PL CZ SK HU RO BG GR HR SI EE LV LT MT CY",
);
const ASIA_PACIFIC = zoneOf("asia_pacific", "AU NZ JP KR CN HK TW SG MY TH VN PH ID IN");

/** Example zoning, the same for every carrier (the merchant's contracts may zone differently). */
const STANDARD_ZONES: ZoneTable = {
  countries: { ...AMERICAS, ...EUROPE, ...ASIA_PACIFIC },
  defaultZone: "rest_of_world",
};

const ZONES: Readonly<Record<Carrier, ZoneTable>> = {
  fedex: STANDARD_ZONES,
  ups: STANDARD_ZONES,
  dhl: STANDARD_ZONES,
  correios: STANDARD_ZONES,
};

/** The zone of a destination for a carrier; null for an unknown country or Brazil itself (not an export). */
export function zoneFor(carrier: Carrier, destinationCountry: string): ZoneId | null {
  const country = destinationCountry.trim().toUpperCase();
  if (!isCountryCode(country) || country === "BR") return null;
  const table = ZONES[carrier];
  return table.countries[country] ?? table.defaultZone;
}

// ------------------------------------------------------------------------------------------------
// Rate cards and quotes

export interface ZoneRate {
  /** The base price covers chargeable weight up to this (kg). */
  baseUpToKg: number;
  basePrice: number;
  /** Price per kg above `baseUpToKg`, charged per billing increment (half of it per 0.5 kg). */
  perAdditionalKg: number;
  /** Business days, [min, max]. */
  transitDays: [number, number];
}

export interface RateCard {
  carrier: Carrier;
  service: string;
  currency: "BRL";
  zones: Partial<Record<ZoneId, ZoneRate>>;
}

export interface ShipmentToQuote {
  destinationCountry: string;
  parcels: Piece[];
}

type UnavailableReason = "overLimit" | "missingWeight" | "noZone";

export type Quote =
  | {
      available: true;
      carrier: Carrier;
      service: string;
      chargeableWeightKg: number;
      price: number;
      currency: "BRL";
      transitDays: [number, number];
    }
  | {
      available: false;
      carrier: Carrier;
      service: string;
      reason: UnavailableReason;
      values?: Record<string, string | number>;
    };

function priceFor(rate: ZoneRate, chargeableKg: number): number {
  const extraKg = Math.max(0, chargeableKg - rate.baseUpToKg);
  return roundTo(rate.basePrice + extraKg * rate.perAdditionalKg, 2);
}

function quoteOne(shipment: ShipmentToQuote, card: RateCard): Quote {
  const { carrier, service } = card;
  const unavailable = (reason: UnavailableReason, values?: Record<string, string | number>): Quote =>
    values ? { available: false, carrier, service, reason, values } : { available: false, carrier, service, reason };
  const missing = shipment.parcels.findIndex((p) => !given(p.weightKg) || !(p.weightKg > 0));
  if (shipment.parcels.length === 0 || missing >= 0)
    return unavailable("missingWeight", { parcel: Math.max(0, missing) });
  const limitKg = CARRIERS[carrier].maxPieceKg;
  const heavy = shipment.parcels.findIndex((p) => (p.weightKg as number) > limitKg);
  if (heavy >= 0)
    return unavailable("overLimit", { parcel: heavy, weightKg: shipment.parcels[heavy].weightKg!, limitKg });
  const zone = zoneFor(carrier, shipment.destinationCountry);
  const rate = zone && card.zones[zone];
  if (!zone || !rate) return unavailable("noZone", { country: shipment.destinationCountry, zone: zone ?? "" });
  const chargeable = roundTo(
    shipment.parcels.reduce((sum, p) => sum + chargeableWeightKg(p as Piece & { weightKg: number }, carrier), 0),
    6,
  );
  return {
    available: true,
    carrier,
    service,
    chargeableWeightKg: chargeable,
    price: priceFor(rate, chargeable),
    currency: card.currency,
    transitDays: [...rate.transitDays],
  };
}

/**
 * One quote per rate card: available ones cheapest first (then fastest), then the unavailable ones
 * with their reason, in the order of the cards.
 */
export function quoteShipment(shipment: ShipmentToQuote, rateCards: readonly RateCard[]): Quote[] {
  const quotes = rateCards.map((card) => quoteOne(shipment, card));
  const rank = (q: Quote) => (q.available ? 0 : 1);
  return quotes
    .map((quote, index) => ({ quote, index }))
    .sort((a, b) => {
      const byAvailability = rank(a.quote) - rank(b.quote);
      if (byAvailability !== 0) return byAvailability;
      if (a.quote.available && b.quote.available) {
        const byPrice = a.quote.price - b.quote.price;
        if (byPrice !== 0) return byPrice;
        const bySpeed = a.quote.transitDays[1] - b.quote.transitDays[1];
        if (bySpeed !== 0) return bySpeed;
      }
      return a.index - b.index;
    })
    .map(({ quote }) => quote);
}

// ------------------------------------------------------------------------------------------------
// Why a shipment cannot be quoted

/**
 * One reason the rate cards cannot price a shipment, with what the operator must change. Parcels
 * are 1-based; `carriers` says which carriers the reason holds for (their limits differ).
 */
export type QuoteBlocker =
  | { code: "missingWeight"; parcel: number }
  | { code: "overLimit"; parcel: number; weightKg: number; limits: { carrier: Carrier; limitKg: number }[] }
  | { code: "noDestination" }
  | { code: "domesticDestination" }
  | { code: "unknownCountry"; country: string }
  | { code: "noZone"; country: string; carriers: Carrier[] };

type Refusal = Extract<Quote, { available: false }>;

/** The destination's own problem, when there is one: the same for every carrier. */
function destinationBlocker(destinationCountry: string): QuoteBlocker | null {
  const country = destinationCountry.trim().toUpperCase();
  if (country === "") return { code: "noDestination" };
  if (country === "BR") return { code: "domesticDestination" };
  if (!isCountryCode(country)) return { code: "unknownCountry", country };
  return null;
}

/**
 * Why these refused quotes were refused, one blocker per thing to fix (a missing weight once, not
 * once per card), the field to fill first: weight, then the limits per carrier, then the destination.
 * Passing only some carriers' refusals tells why those carriers are absent from the quotes.
 */
export function quoteBlockers(shipment: ShipmentToQuote, quotes: readonly Quote[]): QuoteBlocker[] {
  const refusals = quotes.filter((quote): quote is Refusal => !quote.available);
  if (refusals.length === 0) return [];
  const blockers: QuoteBlocker[] = [];
  const missing = refusals.find((quote) => quote.reason === "missingWeight");
  if (missing) blockers.push({ code: "missingWeight", parcel: Number(missing.values?.parcel ?? 0) + 1 });
  const heavy = refusals.filter((quote) => quote.reason === "overLimit");
  if (heavy.length > 0) {
    const parcel = Number(heavy[0].values?.parcel ?? 0);
    const limits = [...new Set(heavy.map((quote) => quote.carrier))].map((carrier) => ({
      carrier,
      limitKg: CARRIERS[carrier].maxPieceKg,
    }));
    blockers.push({
      code: "overLimit",
      parcel: parcel + 1,
      weightKg: Number(shipment.parcels[parcel]?.weightKg ?? heavy[0].values?.weightKg),
      limits,
    });
  }
  // A card checks the weight before the destination: a wrong destination is named even then, so
  // the operator fixes both at once.
  const destination = destinationBlocker(shipment.destinationCountry);
  const unzoned = refusals.filter((quote) => quote.reason === "noZone");
  if (destination) blockers.push(destination);
  else if (unzoned.length > 0)
    blockers.push({
      code: "noZone",
      country: shipment.destinationCountry.trim().toUpperCase(),
      carriers: [...new Set(unzoned.map((quote) => quote.carrier))],
    });
  return blockers;
}

/** The carriers none of whose cards gave a price, while other carriers did: their reasons, per carrier. */
export function unquotedCarrierRefusals(quotes: readonly Quote[]): Quote[] {
  const quoted = new Set(quotes.filter((quote) => quote.available).map((quote) => quote.carrier));
  if (quoted.size === 0) return [];
  return quotes.filter((quote) => !quote.available && !quoted.has(quote.carrier));
}

// ------------------------------------------------------------------------------------------------
// Validating a rate card an admin edits

type RateCardProblemCode =
  "required" | "invalid" | "notPositive" | "negative" | "notInteger" | "rangeReversed" | "missingZone" | "unknownZone";

export interface RateCardProblem {
  /** Dotted path to the wrong value: "service", "zones.europe.basePrice", "zones.americas.transitDays.1". */
  path: string;
  code: RateCardProblemCode;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function zoneProblems(zone: string, rate: Partial<ZoneRate>): RateCardProblem[] {
  const at = (field: string) => `zones.${zone}.${field}`;
  const problems: RateCardProblem[] = [];
  const amount = (field: "baseUpToKg" | "basePrice" | "perAdditionalKg", strictlyPositive: boolean) => {
    const value = rate[field];
    if (value === undefined || value === null) problems.push({ path: at(field), code: "required" });
    else if (!isNumber(value)) problems.push({ path: at(field), code: "invalid" });
    else if (strictlyPositive ? value <= 0 : value < 0)
      problems.push({ path: at(field), code: strictlyPositive ? "notPositive" : "negative" });
  };
  amount("baseUpToKg", true);
  amount("basePrice", false);
  amount("perAdditionalKg", false);
  const days = rate.transitDays;
  if (!Array.isArray(days) || days.length !== 2) {
    problems.push({ path: at("transitDays"), code: days === undefined ? "required" : "invalid" });
    return problems;
  }
  const before = problems.length;
  days.forEach((day, i) => {
    if (!isNumber(day)) problems.push({ path: at(`transitDays.${i}`), code: "invalid" });
    else if (day < 0) problems.push({ path: at(`transitDays.${i}`), code: "negative" });
    else if (!Number.isInteger(day)) problems.push({ path: at(`transitDays.${i}`), code: "notInteger" });
  });
  if (problems.length === before && days[0] > days[1])
    problems.push({ path: at("transitDays"), code: "rangeReversed" });
  return problems;
}

/** Every problem of a card, each with the path of the value to fix; empty when the card is usable. */
export function validateRateCard(card: RateCard): RateCardProblem[] {
  const problems: RateCardProblem[] = [];
  if (!isCarrier(card.carrier)) problems.push({ path: "carrier", code: card.carrier ? "invalid" : "required" });
  if (typeof card.service !== "string" || card.service.trim() === "")
    problems.push({ path: "service", code: "required" });
  if (card.currency !== "BRL") problems.push({ path: "currency", code: "invalid" });
  const zones = (card.zones ?? {}) as Record<string, Partial<ZoneRate> | undefined>;
  for (const zone of Object.keys(zones))
    if (!(ZONE_IDS as readonly string[]).includes(zone)) problems.push({ path: `zones.${zone}`, code: "unknownZone" });
  // Every zone the carrier's table can give (its default zone included) needs a rate.
  const used = isCarrier(card.carrier)
    ? new Set([...Object.values(ZONES[card.carrier].countries), ZONES[card.carrier].defaultZone])
    : new Set(ZONE_IDS);
  for (const zone of ZONE_IDS) {
    const rate = zones[zone];
    if (rate) problems.push(...zoneProblems(zone, rate));
    else if (used.has(zone)) problems.push({ path: `zones.${zone}`, code: "missingZone" });
  }
  return problems;
}
