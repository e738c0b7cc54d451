import { describe, expect, it } from "vitest";
import {
  cnpjCheckDigits,
  formatNfeKey,
  isValidCnpj,
  isValidCpf,
  NFE_STATES,
  nfeCheckDigit,
  normalizeNfeKey,
  validateNfeKey,
} from "./nfe-key";

// Fictitious keys (with valid CNPJ check digits) whose mod-11 sums were worked out by hand.
const KEY_A = "35260111222333000181550010000123451876543219"; // SP, 2026-01, tpEmis 1
const KEY_B = "31270345723174000110550020000009996102030407"; // MG, 2027-03, tpEmis 6
const KEY_C = "41260812ABC34501DE35550010000000421555123455"; // PR, 2026-08, alphanumeric CNPJ

interface KeyParts {
  cUF?: string;
  yymm?: string;
  cnpj?: string;
  model?: string;
  series?: string;
  number?: string;
  tpEmis?: string;
  cNF?: string;
}

/** A key from its parts, closed with the computed check digit. */
function buildKey(parts: KeyParts = {}): string {
  const body =
    (parts.cUF ?? "35") +
    (parts.yymm ?? "2607") +
    (parts.cnpj ?? "11222333000181") +
    (parts.model ?? "55") +
    (parts.series ?? "001") +
    (parts.number ?? "000012345") +
    (parts.tpEmis ?? "1") +
    (parts.cNF ?? "87654321");
  return body + nfeCheckDigit(body);
}

/** Reference check digit written independently of the module: weights 2..9 from the right. */
function referenceDigit(body43: string): number {
  let sum = 0;
  for (let i = 0; i < 43; i++) sum += (body43.charCodeAt(42 - i) - 48) * (2 + (i % 8));
  const r = sum % 11;
  return r === 0 || r === 1 ? 0 : 11 - r;
}

describe("nfeCheckDigit", () => {
  it("reproduces the MOC's example and the hand-worked examples", () => {
    expect(nfeCheckDigit("5206043300991100250655012000000780026730161")).toBe(5);
    expect(nfeCheckDigit(KEY_A.slice(0, 43))).toBe(9);
    expect(nfeCheckDigit(KEY_B.slice(0, 43))).toBe(7);
    expect(nfeCheckDigit(KEY_C.slice(0, 43))).toBe(5);
  });

  it("refuses anything but 43 characters 0-9/A-Z", () => {
    expect(() => nfeCheckDigit("123")).toThrow(RangeError);
    expect(() => nfeCheckDigit(KEY_A)).toThrow(RangeError);
    expect(() => nfeCheckDigit(KEY_A.slice(0, 42) + "a")).toThrow(RangeError);
  });
});

describe("CNPJ and CPF check digits", () => {
  it("accepts classic and alphanumeric CNPJs", () => {
    expect(cnpjCheckDigits("112223330001")).toBe("81");
    expect(cnpjCheckDigits("457231740001")).toBe("10");
    expect(cnpjCheckDigits("12ABC34501DE")).toBe("35"); // RFB/SERPRO example
    expect(isValidCnpj("11222333000181")).toBe(true);
    expect(isValidCnpj("12ABC34501DE35")).toBe(true);
  });

  it("rejects wrong digits, letters in the check digits and repeated characters", () => {
    expect(isValidCnpj("11222333000182")).toBe(false);
    expect(isValidCnpj("12ABC34501DE3A")).toBe(false);
    expect(isValidCnpj("00000000000000")).toBe(false);
    expect(isValidCnpj("1122233300018")).toBe(false);
  });

  it("checks CPFs", () => {
    expect(isValidCpf("52998224725")).toBe(true);
    expect(isValidCpf("52998224724")).toBe(false);
    expect(isValidCpf("11111111111")).toBe(false);
  });
});

describe("normalizeNfeKey", () => {
  it.each([
    [KEY_A, KEY_A],
    ["3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219", KEY_A],
    ["  3526.0111.2223.3300.0181.5500.1000.0123.4518.7654.3219 ", KEY_A],
    ["3526-0111-2223-3300-0181-5500-1000-0123-4518-7654-3219", KEY_A],
    ["NFe" + KEY_A, KEY_A],
    ["nfe " + KEY_A, KEY_A],
    ["NF-e: " + KEY_A, KEY_A],
    ["4126 0812 abc3 4501 de35 5500 1000 0000 4215 5512 3455", KEY_C],
    ["35260111\t22233300018155001\u00a0000012345187654321 9", KEY_A],
  ])("%j", (input, expected) => {
    expect(normalizeNfeKey(input)).toBe(expected);
  });

  it("turns nothing into an empty string", () => {
    expect(normalizeNfeKey(null)).toBe("");
    expect(normalizeNfeKey(undefined)).toBe("");
    expect(normalizeNfeKey("   ")).toBe("");
  });

  it("formats a key in groups of four", () => {
    expect(formatNfeKey(KEY_A)).toBe("3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219");
  });
});

describe("validateNfeKey: valid keys", () => {
  it("decodes the published SP example", () => {
    expect(validateNfeKey(KEY_A)).toEqual({
      ok: true,
      key: KEY_A,
      decoded: {
        state: { code: 35, uf: "SP", name: "São Paulo" },
        year: 2026,
        month: 1,
        cnpj: "11222333000181",
        cnpjFormatted: "11.222.333/0001-81",
        issuerDocument: "cnpj",
        model: 55,
        series: 1,
        number: 12345,
        emissionType: 1,
        randomCode: "87654321",
        checkDigit: 9,
      },
    });
  });

  it("decodes a contingency key from MG", () => {
    const result = validateNfeKey(KEY_B);
    expect(result.ok && result.decoded).toMatchObject({
      state: { code: 31, uf: "MG" },
      year: 2027,
      month: 3,
      cnpjFormatted: "45.723.174/0001-10",
      series: 2,
      number: 999,
      emissionType: 6,
      randomCode: "10203040",
      checkDigit: 7,
    });
  });

  it("decodes an alphanumeric CNPJ, keeping its letters", () => {
    const result = validateNfeKey("NFe " + KEY_C.toLowerCase());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.key).toBe(KEY_C);
    expect(result.decoded).toMatchObject({
      state: { code: 41, uf: "PR", name: "Paraná" },
      year: 2026,
      month: 8,
      cnpj: "12ABC34501DE35",
      cnpjFormatted: "12.ABC.345/01DE-35",
      number: 42,
      randomCode: "55512345",
    });
  });

  it.each([
    ["53", "1"],
    ["11", "2"],
    ["43", "3"],
    ["29", "4"],
    ["23", "5"],
    ["42", "6"],
    ["33", "7"],
  ])("accepts state %s with emission type %s", (cUF, tpEmis) => {
    const key = buildKey({ cUF, tpEmis, series: "890", number: "123456789", yymm: "2712" });
    const result = validateNfeKey(key);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.decoded.state.uf).toBe(NFE_STATES[cUF].uf);
    expect(result.decoded.emissionType).toBe(Number(tpEmis));
    expect(result.decoded).toMatchObject({ series: 890, number: 123456789, year: 2027, month: 12 });
  });

  it("accepts an individual issuer whose CPF is padded into the CNPJ field", () => {
    const result = validateNfeKey(buildKey({ cnpj: "00052998224725" }));
    expect(result.ok && result.decoded).toMatchObject({ issuerDocument: "cpf", cnpjFormatted: "529.982.247-25" });
  });
});

describe("validateNfeKey: errors name the broken part", () => {
  it.each([
    ["", { code: "required" }],
    ["NFe", { code: "required" }],
    [KEY_A.slice(0, 43), { code: "length", values: { length: 43 } }],
    [KEY_A + "1", { code: "length", values: { length: 45 } }],
    ["35260111222333000181550010000123451876543219#", { code: "characters", values: { position: 45, character: "#" } }],
    ["3526011122233300018155001000012345187654321X", { code: "characters", values: { position: 44, character: "X" } }],
    ["A5260111222333000181550010000123451876543219", { code: "characters", values: { position: 1, character: "A" } }],
    ["35260111222333000181550010000123451876543219".replace(/^(.{18})./, "$1B"), { code: "characters" }],
    [buildKey({ cUF: "34" }), { code: "state", values: { code: "34" } }],
    [buildKey({ cUF: "00" }), { code: "state", values: { code: "00" } }],
    [buildKey({ yymm: "2613" }), { code: "month", values: { month: "13" } }],
    [buildKey({ yymm: "2600" }), { code: "month", values: { month: "00" } }],
    [buildKey({ cnpj: "11222333000182" }), { code: "cnpj", values: { cnpj: "11.222.333/0001-82" } }],
    [buildKey({ cnpj: "12ABC34501DE36" }), { code: "cnpj" }],
    [buildKey({ cnpj: "00000000000000" }), { code: "cnpj" }],
    [buildKey({ model: "65" }), { code: "model", values: { model: "65" } }],
    [buildKey({ tpEmis: "0" }), { code: "emissionType", values: { value: "0" } }],
    [buildKey({ tpEmis: "8" }), { code: "emissionType", values: { value: "8" } }],
    [buildKey({ tpEmis: "9" }), { code: "emissionType", values: { value: "9" } }],
    ["35260111222333000181550010000123451876543218", { code: "checkDigit", values: { expected: 9, actual: "8" } }],
  ])("%j → %j", (input, error) => {
    const result = validateNfeKey(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(error);
  });
});

// ------------------------------------------------------------------------------------------------
// Property test, hand-rolled: seeded random valid keys and every one-character mutation of them.

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomKey(next: () => number): string {
  const int = (n: number) => Math.floor(next() * n);
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join("");
  const alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const states = Object.keys(NFE_STATES);
  const base = next() < 0.3 ? Array.from({ length: 12 }, () => alnum[int(alnum.length)]).join("") : digits(8) + "0001";
  const cnpj = base + cnpjCheckDigits(base);
  return buildKey({
    cUF: states[int(states.length)],
    yymm: digits(2) + String(1 + int(12)).padStart(2, "0"),
    cnpj: /^(.)\1*$/.test(cnpj) ? "11222333000181" : cnpj,
    series: digits(3),
    number: digits(9),
    tpEmis: String(1 + int(7)),
    cNF: digits(8),
  });
}

describe("validateNfeKey: property over 500 seeded random keys", () => {
  const next = mulberry32(20260701);
  const keys = Array.from({ length: 500 }, () => randomKey(next));
  // Positions (0-based) whose content no rule but the check digit constrains: series, number, cNF.
  const free = (i: number) => (i >= 22 && i <= 33) || (i >= 35 && i <= 42);

  it("accepts every generated key, pasted or not", () => {
    for (const key of keys) {
      expect(validateNfeKey(key).ok, key).toBe(true);
      expect(validateNfeKey("NFe " + formatNfeKey(key)).ok, key).toBe(true);
    }
  });

  it("rejects every other last digit with checkDigit and the right expected digit", () => {
    for (const key of keys) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === key[43]) continue;
        const result = validateNfeKey(key.slice(0, 43) + d);
        expect(result).toEqual({
          ok: false,
          error: { code: "checkDigit", values: { expected: Number(key[43]), actual: String(d) } },
        });
      }
    }
  });

  it("rejects a changed character unless the mod-11 digit happens to stay the same", () => {
    let unchangedDigit = 0;
    let rejected = 0;
    const failures: string[] = [];
    for (const key of keys) {
      for (let i = 0; i < 43; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === key[i]) continue;
          const body = key.slice(0, i) + d + key.slice(i + 1, 43);
          const expected = referenceDigit(body);
          const result = validateNfeKey(body + key[43]);
          const where = `${key} [${i}] → ${d}: ${JSON.stringify(result.ok ? "ok" : result.error)}`;
          if (expected === Number(key[43])) {
            unchangedDigit++;
            // Only a structural rule (state, month, CNPJ, model, tpEmis) may still refuse it.
            if (!result.ok && result.error.code === "checkDigit") failures.push(where);
            if (free(i) && !result.ok) failures.push(where);
          } else {
            rejected++;
            if (result.ok) failures.push(where);
            else if (free(i) && (result.error.code !== "checkDigit" || result.error.values?.expected !== expected)) {
              failures.push(where);
            }
          }
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // Both branches are exercised: r flipping between 0 and 1 keeps the digit at 0, and so does
    // a letter replaced by a digit 11, 22 or 33 lower.
    expect(unchangedDigit).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(100_000);
  }, 30_000);
});
