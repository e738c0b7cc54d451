// Property-based tests of the NF-e access key (layout and check digit: nfe-key.ts): generated valid
// keys pass, and every single-character change is judged exactly as the layout and the mod-11 check
// digit say.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cnpjCheckDigits,
  isValidCnpj,
  isValidCpf,
  NFE_EMISSION_TYPES,
  NFE_STATES,
  nfeCheckDigit,
  type NfeErrorCode,
  validateNfeKey,
} from "./nfe-key";

const DIGITS = "0123456789";
const ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Independent reference (NF-e MOC section 5.4): weights 2..9 from the right, letters ASCII − 48, r < 2 → 0. */
function referenceCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (2 + (i % 8));
  const r = sum % 11;
  return r === 0 || r === 1 ? 0 : 11 - r;
}

const chars = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(""));
const padded = (min: number, max: number, width: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(width, "0"));

const cnpj = fc
  .oneof(chars(DIGITS, 12), chars(ALPHANUMERIC, 12))
  .map((base) => base + cnpjCheckDigits(base))
  .filter(isValidCnpj);

/** The first 43 characters of a valid key, with its check digit appended. */
const validKey = fc
  .tuple(
    fc.constantFrom(...Object.keys(NFE_STATES)),
    padded(0, 99, 2),
    padded(1, 12, 2),
    cnpj,
    fc.constant("55"),
    padded(0, 999, 3),
    padded(1, 999_999_999, 9),
    fc.constantFrom(...NFE_EMISSION_TYPES).map(String),
    chars(DIGITS, 8),
  )
  .map((parts) => parts.join(""))
  .map((body) => body + nfeCheckDigit(body));

type Part = "state" | "year" | "month" | "cnpj" | "model" | "series" | "number" | "emissionType" | "randomCode";
const PARTS: readonly [Part, number, number][] = [
  ["state", 0, 2],
  ["year", 2, 4],
  ["month", 4, 6],
  ["cnpj", 6, 20],
  ["model", 20, 22],
  ["series", 22, 25],
  ["number", 25, 34],
  ["emissionType", 34, 35],
  ["randomCode", 35, 43],
];

/** Whether a part of a 43-character body is valid on its own (parts without rules always are). */
function partValid(part: Part, body: string): boolean {
  const [, start, end] = PARTS.find(([name]) => name === part)!;
  const value = body.slice(start, end);
  switch (part) {
    case "state":
      return value in NFE_STATES;
    case "month":
      return Number(value) >= 1 && Number(value) <= 12;
    case "cnpj":
      return isValidCnpj(value) || (value.startsWith("000") && isValidCpf(value.slice(3)));
    case "model":
      return value === "55";
    case "emissionType":
      return (NFE_EMISSION_TYPES as readonly number[]).includes(Number(value));
    default:
      return /^\d+$/.test(value);
  }
}

const partAt = (position: number): Part => PARTS.find(([, start, end]) => position >= start && position < end)![0];
/** Letters are only allowed in the 12-character base of an alphanumeric CNPJ. */
const letterAllowed = (position: number) => position >= 6 && position < 18;

/** What validateNfeKey must say about `key` with character `position` replaced by `char`. */
function expectedOutcome(key: string, position: number, char: string): "ok" | NfeErrorCode {
  const body = key.slice(0, position) + char + key.slice(position + 1, 43);
  if (/[A-Z]/.test(char) && !letterAllowed(position)) return "characters";
  const part = partAt(position);
  if (!partValid(part, body)) return part as NfeErrorCode;
  return referenceCheckDigit(body) === Number(key[43]) ? "ok" : "checkDigit";
}

describe("NF-e key properties", () => {
  it("the reference check digit agrees with the documented examples and nfeCheckDigit", () => {
    expect(referenceCheckDigit("3526011122233300018155001000012345187654321")).toBe(9);
    expect(referenceCheckDigit("5206043300991100250655012000000780026730161")).toBe(5);
    expect(referenceCheckDigit("41260812ABC34501DE35550010000000421555123455".slice(0, 43))).toBe(5);
    fc.assert(
      fc.property(chars(ALPHANUMERIC, 43), (body) => nfeCheckDigit(body) === referenceCheckDigit(body)),
      { numRuns: 500 },
    );
  });

  it("every generated valid key passes, numeric and alphanumeric CNPJ alike", () => {
    fc.assert(
      fc.property(validKey, (key) => {
        const result = validateNfeKey(key);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.decoded.checkDigit).toBe(referenceCheckDigit(key.slice(0, 43)));
      }),
      { numRuns: 500 },
    );
  });

  it("the same key with any other last digit fails with checkDigit", () => {
    fc.assert(
      fc.property(validKey, fc.integer({ min: 1, max: 9 }), (key, shift) => {
        const other = String((Number(key[43]) + shift) % 10);
        const result = validateNfeKey(key.slice(0, 43) + other);
        expect(result).toEqual({
          ok: false,
          error: { code: "checkDigit", values: { expected: Number(key[43]), actual: other } },
        });
      }),
      { numRuns: 300 },
    );
  });

  it("one changed character (a random position and character) fails unless the part and the check digit still hold", () => {
    fc.assert(
      fc.property(
        validKey,
        fc.integer({ min: 0, max: 42 }),
        fc.constantFrom(...ALPHANUMERIC),
        (key, position, char) => {
          fc.pre(char !== key[position]);
          const result = validateNfeKey(key.slice(0, position) + char + key.slice(position + 1));
          expect(result.ok ? "ok" : result.error.code).toBe(expectedOutcome(key, position, char));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("every single-character change of a key is judged exactly (exhaustive over positions 0–42 and 0–9/A–Z)", () => {
    const tally = { ok: 0, keptDigitButInvalidPart: 0, checkDigit: 0, partErrors: 0 };
    fc.assert(
      fc.property(validKey, (key) => {
        for (let position = 0; position < 43; position++) {
          for (const char of ALPHANUMERIC) {
            if (char === key[position]) continue;
            const expected = expectedOutcome(key, position, char);
            const result = validateNfeKey(key.slice(0, position) + char + key.slice(position + 1));
            const actual = result.ok ? "ok" : result.error.code;
            if (actual !== expected) throw new Error(`${key} [${position}] → ${char}: ${actual}, expected ${expected}`);
            const body = key.slice(0, position) + char + key.slice(position + 1, 43);
            if (expected === "ok") tally.ok++;
            else if (expected === "checkDigit") tally.checkDigit++;
            else {
              tally.partErrors++;
              if (referenceCheckDigit(body) === Number(key[43])) tally.keptDigitButInvalidPart++;
            }
          }
        }
      }),
      { numRuns: 40 },
    );
    // Both sides of the mod-11 question came up: changes that keep the digit (accepted when the part
    // stays valid) and changes that break it.
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.keptDigitButInvalidPart).toBeGreaterThan(0);
    expect(tally.checkDigit).toBeGreaterThan(tally.ok);
  });

  it("remainders 0 and 1 both give check digit 0", () => {
    // Find bodies with r = 0 and r = 1 by varying the last cNF digit of example A.
    const base = "352601112223330001815500100001234518765432";
    const remainders = new Map<number, string>();
    for (const d of DIGITS) {
      const body = base + d;
      let sum = 0;
      for (let i = 0; i < 43; i++) sum += (body.charCodeAt(42 - i) - 48) * (2 + (i % 8));
      remainders.set(sum % 11, body);
    }
    for (const r of [0, 1]) {
      const body = remainders.get(r);
      if (!body) continue;
      expect(nfeCheckDigit(body)).toBe(0);
      expect(validateNfeKey(body + "0").ok).toBe(true);
    }
    expect([0, 1].some((r) => remainders.has(r))).toBe(true);
  });
});
