// Tracking numbers in each carrier's format (printed on the label), generated deterministically from a
// sequence number so tests and sample documents are reproducible, and validated.
//
// - UPS: "1Z" + 6-character shipper number + 2-digit service + 7-digit package number + 1 check digit
//   ("1Z" + 16 characters, https://barcodeguide.seagullscientific.com/Content/Symbologies/ups_tracking.htm).
//   Check digit: over the 15 characters after "1Z", letters become (ASCII − 63) mod 10 (A=2 … H=9, I=0,
//   J=1 …); characters at odd 0-based positions count double; check = (10 − sum mod 10) mod 10. UPS
//   does not publish this; it is the algorithm of the common open-source validators and reproduces
//   UPS's own sample 1Z999AA10123456784.
// - FedEx: no published format nor check digit, so a FedEx number is plain 12 digits (no check).
// - DHL Express: a waybill is 10 digits, with no published check digit, so plain 10 digits (no check).
// - Correios: UPU S10 "LL" + 8 digits + check digit + "BR"; weights 8,6,4,2,3,5,9,7; C = 11 − S mod 11,
//   10 → 0, 11 → 5 (https://wikiwand.com/en/articles/S10_(UPU_standard)).

import { CARRIERS, type Carrier } from "./carrier-registry";

export interface TrackingOptions {
  /** UPS: the 6-character shipper account number (A–Z, 0–9). Default "A1B2C3". */
  upsShipper?: string;
  /** UPS: the 2-digit service code. Default "65" (UPS Worldwide Saver). */
  upsService?: string;
  /** Correios: the 2-letter S10 service indicator. Default "RR" (registered letter-post item). */
  correiosService?: string;
}

/** How many distinct numbers each carrier can generate: sequences run from 0 to this − 1. */
export const SEQUENCE_LIMIT: Readonly<Record<Carrier, number>> = {
  ups: 10_000_000, // 7-digit package number ("1Z" + 16 characters in all)
  fedex: 1_000_000_000_000, // 12 digits
  dhl: 10_000_000_000, // 10 digits
  correios: 100_000_000, // 8-digit serial
};

const UPS_PATTERN = /^1Z([0-9A-Z]{6})([0-9]{2})([0-9]{7})([0-9])$/;
const S10_PATTERN = /^([A-Z]{2})([0-9]{8})([0-9])BR$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPS check digit of the 15 characters between "1Z" and the check digit. */
export function upsCheckDigit(body: string): number {
  if (!/^[0-9A-Z]{15}$/.test(body)) throw new RangeError(`UPS body must be 15 characters A–Z/0–9: ${body}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const value = code <= 57 ? code - 48 : (code - 63) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** UPU S10 check digit of an 8-digit serial number. */
export function s10CheckDigit(serial: string): number {
  if (!/^[0-9]{8}$/.test(serial)) throw new RangeError(`S10 serial must be 8 digits: ${serial}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

function checkSequence(carrier: Carrier, sequence: number): void {
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence >= SEQUENCE_LIMIT[carrier]) {
    throw new RangeError(`Sequence for ${carrier} must be an integer 0–${SEQUENCE_LIMIT[carrier] - 1}: ${sequence}`);
  }
}

/**
 * The tracking number for `sequence` (an integer from 0 to SEQUENCE_LIMIT[carrier] − 1): the same
 * inputs always give the same number, and different sequences give different numbers.
 */
export function generateTrackingNumber(carrier: Carrier, sequence: number, options: TrackingOptions = {}): string {
  checkSequence(carrier, sequence);
  switch (carrier) {
    case "ups": {
      const shipper = options.upsShipper ?? "A1B2C3";
      const service = options.upsService ?? "65";
      if (!/^[0-9A-Z]{6}$/.test(shipper)) throw new RangeError(`UPS shipper must be 6 characters A–Z/0–9: ${shipper}`);
      if (!/^[0-9]{2}$/.test(service)) throw new RangeError(`UPS service must be 2 digits: ${service}`);
      const body = `${shipper}${service}${String(sequence).padStart(7, "0")}`;
      return `1Z${body}${upsCheckDigit(body)}`;
    }
    case "fedex":
      return String(sequence).padStart(12, "0");
    case "dhl":
      return String(sequence).padStart(10, "0");
    case "correios": {
      const service = options.correiosService ?? "RR";
      if (!/^[A-Z]{2}$/.test(service)) throw new RangeError(`S10 service must be 2 letters A–Z: ${service}`);
      const serial = String(sequence).padStart(8, "0");
      return `${service}${serial}${s10CheckDigit(serial)}BR`;
    }
  }
}

/**
 * Whether `value` is a well-formed tracking number of `carrier` with a correct check digit (UPS,
 * Correios). Exact form only: uppercase, no spaces — normalise user input first.
 */
export function isValidTrackingNumber(carrier: Carrier, value: string): boolean {
  if (typeof value !== "string") return false;
  switch (carrier) {
    case "ups": {
      const m = UPS_PATTERN.exec(value);
      return m !== null && upsCheckDigit(value.slice(2, 17)) === Number(m[4]);
    }
    case "fedex":
      return /^[0-9]{12}$/.test(value);
    case "dhl":
      return /^[0-9]{10}$/.test(value);
    case "correios": {
      const m = S10_PATTERN.exec(value);
      return m !== null && s10CheckDigit(m[2]) === Number(m[3]);
    }
  }
}

/** Upper-cases and removes spaces and dashes, the way tracking numbers are often typed ("1z 999 aa1…"). */
export function normalizeTrackingNumber(value: string): string {
  return value.replace(/[\s-]+/g, "").toUpperCase();
}

/** The carrier's public tracking page for a number (sent to Shopify with the fulfillment). */
export function trackingUrl(carrier: Carrier, trackingNumber: string): string {
  return `${CARRIERS[carrier].trackingPage}${encodeURIComponent(trackingNumber)}`;
}
