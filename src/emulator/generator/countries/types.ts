// Shapes of the destination tables: a country with its cities, address style, phone plan and buyers.

import type { Random, WeightedTable } from "../../random";
import type { PersonSource } from "../people";

export interface City {
  city: string;
  province: string | null;
  provinceCode: string | null;
  /** Templates: '#' is a random digit, '@' a random letter from the country's postal alphabet. */
  zips: readonly string[];
  streets: readonly string[];
  /** Neighbourhood / ward / colonia / district, where the country's addresses carry one. */
  district?: string;
  /** Phone prefixes after the country code, overriding the country's (area codes). */
  phonePrefixes?: readonly string[];
}

type StreetStyle = "numberStreet" | "streetNumber" | "streetCommaNumber" | "jp" | "kr" | "cn";

export interface Country {
  code: string;
  name: string;
  cities: readonly City[];
  style: StreetStyle;
  maxNumber: number;
  /** '@' in postal templates draws from these. */
  postalLetters?: string;
  phone: {
    callingCode: string;
    /** Length of the national significant number. */
    length: number;
    prefixes: readonly string[];
    /** An extra digit drawn from this inclusive range right after the prefix (e.g. US exchange 2–9). */
    nextDigit?: readonly [number, number];
  };
  address2: (r: Random, city: City) => string | null;
  people: WeightedTable<PersonSource>;
  /** Shipping price multiplier from Brazil. */
  zone: number;
  companies?: readonly string[];
}
