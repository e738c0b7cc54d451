// Brazilian tax identifiers: the NF-e access key (chave de acesso, 44 digits) and the CNPJ check
// digits. Self-contained on purpose: the product's NF-e domain module will own this later.

import type { Random } from "../random";

/** Mod-11 check digit of an NF-e access key: weights 2..9 repeating from the right over 43 digits. */
export function nfeCheckDigit(first43: string): number {
  if (!/^\d{43}$/.test(first43)) throw new RangeError("an NF-e key body has exactly 43 digits");
  let sum = 0;
  let weight = 2;
  for (let i = 42; i >= 0; i--) {
    sum += (first43.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** The two CNPJ check digits for a 12-digit base (8-digit root + 4-digit branch). */
export function cnpjCheckDigits(base12: string): string {
  if (!/^\d{12}$/.test(base12)) throw new RangeError("a CNPJ base has exactly 12 digits");
  const digit = (body: string): number => {
    let sum = 0;
    let weight = 2;
    for (let i = body.length - 1; i >= 0; i--) {
      sum += (body.charCodeAt(i) - 48) * weight;
      weight = weight === 9 ? 2 : weight + 1;
    }
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const first = digit(base12);
  return `${first}${digit(base12 + first)}`;
}

/** The demo merchant's CNPJ (made up, with valid check digits). */
const DEMO_CNPJ = "459871230001" + cnpjCheckDigits("459871230001");

/** São Paulo local time (UTC−3), which dates the key. */
const SAO_PAULO_OFFSET = -3 * 3_600_000;

/**
 * The access key of the demo merchant's NF-e number `invoiceNumber`, issued in São Paulo (UF 35) at
 * `createdMs`: model 55, series 1, normal emission, with a random 8-digit code that differs from the
 * invoice number, as the layout requires.
 */
export function nfeAccessKey(r: Random, createdMs: number, invoiceNumber: number): string {
  const local = new Date(createdMs + SAO_PAULO_OFFSET);
  const yymm = String((local.getUTCFullYear() % 100) * 100 + local.getUTCMonth() + 1).padStart(4, "0");
  const nNF = String(invoiceNumber).padStart(9, "0");
  let cNF = r.digits(8);
  // The random code must differ from the invoice number.
  if (cNF === nNF.slice(1)) cNF = String((Number(cNF) + 1) % 100_000_000).padStart(8, "0");
  const body = `35${yymm}${DEMO_CNPJ}55001${nNF}1${cNF}`;
  return body + nfeCheckDigit(body);
}
