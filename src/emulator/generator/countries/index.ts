// Destination countries: the international table (in a fixed order, which the billing-country draw
// depends on), Brazil for domestic orders, and the destination deck.

import { AR, CA, CL, MX, US } from "./americas";
import { AU, CN, JP, KR } from "./asia-pacific";
import { CH, DE, ES, FR, GB, GR, IT, NL, PT, SE } from "./europe";
import type { Country } from "./types";

export type { City, Country } from "./types";
export { BR_CITIES, BRAZIL } from "./brazil";
export { CountryDeck } from "./deck";

/** International destinations by ISO code. Key order matters: `BILLING_ABROAD` draws from it. */
export const COUNTRIES: Record<string, Country> = {
  US,
  CA,
  GB,
  DE,
  FR,
  PT,
  ES,
  IT,
  NL,
  CH,
  SE,
  GR,
  JP,
  KR,
  CN,
  AU,
  MX,
  AR,
  CL,
};

/** Countries that may appear on a gift-card buyer's billing address. */
export const BILLING_ABROAD = Object.keys(COUNTRIES);
