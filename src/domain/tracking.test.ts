import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARRIER_IDS, type Carrier } from "./carrier-registry";
import {
  generateTrackingNumber,
  isValidTrackingNumber,
  normalizeTrackingNumber,
  trackingUrl,
  s10CheckDigit,
  SEQUENCE_LIMIT,
  upsCheckDigit,
} from "./tracking";

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);
/** UPS character value, written independently of the implementation: A=2 … H=9, I=0, J=1 …, S=0 … */
const upsValue = (c: string) => (/[0-9]/.test(c) ? Number(c) : (ALPHANUMERIC.indexOf(c) - 10 + 2) % 10);

describe("known examples", () => {
  it("accepts UPS's published sample 1Z999AA10123456784 and refuses its neighbours", () => {
    expect(isValidTrackingNumber("ups", "1Z999AA10123456784")).toBe(true);
    expect(upsCheckDigit("999AA1012345678")).toBe(4);
    expect(isValidTrackingNumber("ups", "1Z999AA10123456785")).toBe(false);
    expect(isValidTrackingNumber("ups", "1Z999AA10123456794")).toBe(false);
  });

  it("computes UPS check digits by hand", () => {
    // 2,2,0,3,4,8,0,3,4,2,4,9,5,7,3 — odd positions doubled: 2+0+4+0+4+4+5+3 = 22, 2×(2+3+8+3+2+9+7) = 68; 90 → 0
    expect(upsCheckDigit("220348034249573")).toBe(0);
    expect(isValidTrackingNumber("ups", "1Z2203480342495730")).toBe(true);
  });

  it("computes the S10 check digit of the UPU worked example (47312482 → 9)", () => {
    // 4×8 + 7×6 + 3×4 + 1×2 + 2×3 + 4×5 + 8×9 + 2×7 = 200; 200 mod 11 = 2; 11 − 2 = 9
    expect(s10CheckDigit("47312482")).toBe(9);
    expect(isValidTrackingNumber("correios", "RR473124829BR")).toBe(true);
    expect(isValidTrackingNumber("correios", "RR473124828BR")).toBe(false);
  });

  it("maps S10 remainders 10 → 0 and 11 → 5", () => {
    // 00000001: 7 → 11 − 7 = 4
    expect(s10CheckDigit("00000001")).toBe(4);
    // 00000000: S = 0 → 11 → 5
    expect(s10CheckDigit("00000000")).toBe(5);
    // 00000010: 1×9 = 9 → 11 − 9 = 2
    expect(s10CheckDigit("00000010")).toBe(2);
    // 00000100: 1×5 = 5 → 6; 00001000: 3 → 8; 00010000: 2 → 9; 00100000: 4 → 7; 01000000: 6 → 5; 10000000: 8 → 3
    expect(["00000100", "00001000", "00010000", "00100000", "01000000", "10000000"].map(s10CheckDigit)).toEqual([
      6, 8, 9, 7, 5, 3,
    ]);
    // 00000008: 8×7 = 56; 56 mod 11 = 1 → 10 → 0.  00010010: 2 + 9 = 11; 11 mod 11 = 0 → 11 → 5
    expect(s10CheckDigit("00000008")).toBe(0);
    expect(s10CheckDigit("00010010")).toBe(5);
  });
});

describe("generateTrackingNumber", () => {
  it.each([
    // A1B2C3650000001 → 2,1,3,2,4,3,6,5,0,0,0,0,0,0,1: odd positions 2×(1+2+3+5) = 22, even 2+3+4+6+1 = 16; 38 → 2
    ["ups", 1, "1ZA1B2C36500000012"],
    ,
    ["fedex", 42, "000000000042"],
    ["dhl", 1234567890, "1234567890"],
    ["correios", 12345678, "RR123456785BR"], // 8+12+12+8+15+30+63+56 = 204; 204 mod 11 = 6; 11 − 6 = 5
  ] as [Carrier, number, string][])("%s #%i → %s", (carrier, sequence, expected) => {
    expect(generateTrackingNumber(carrier, sequence)).toBe(expected);
  });

  it("formats each carrier's number", () => {
    expect(generateTrackingNumber("ups", 7)).toMatch(/^1ZA1B2C3650000007\d$/);
    expect(generateTrackingNumber("ups", 7, { upsShipper: "999AA1", upsService: "01" })).toMatch(
      /^1Z999AA1010000007\d$/,
    );
    expect(generateTrackingNumber("correios", 7, { correiosService: "LX" })).toMatch(/^LX00000007\dBR$/);
  });

  it("reproduces UPS's sample from its parts", () => {
    expect(generateTrackingNumber("ups", 2345678, { upsShipper: "999AA1", upsService: "01" })).toBe(
      "1Z999AA10123456784",
    );
  });

  it("is deterministic and injective", () => {
    for (const carrier of CARRIER_IDS) {
      const seen = new Set<string>();
      for (let i = 0; i < 500; i++) {
        const n = generateTrackingNumber(carrier, i);
        expect(generateTrackingNumber(carrier, i)).toBe(n);
        seen.add(n);
      }
      expect(seen.size).toBe(500);
    }
  });

  it("refuses sequences and options out of range", () => {
    for (const carrier of CARRIER_IDS) {
      expect(() => generateTrackingNumber(carrier, -1)).toThrow(RangeError);
      expect(() => generateTrackingNumber(carrier, 1.5)).toThrow(RangeError);
      expect(() => generateTrackingNumber(carrier, SEQUENCE_LIMIT[carrier])).toThrow(RangeError);
      expect(() => generateTrackingNumber(carrier, SEQUENCE_LIMIT[carrier] - 1)).not.toThrow();
    }
    expect(() => generateTrackingNumber("ups", 1, { upsShipper: "abc123" })).toThrow(RangeError);
    expect(() => generateTrackingNumber("ups", 1, { upsService: "1" })).toThrow(RangeError);
    expect(() => generateTrackingNumber("correios", 1, { correiosService: "R1" })).toThrow(RangeError);
  });
});

describe("round trip", () => {
  it.each(CARRIER_IDS)("1,000 generated %s numbers are valid for it", (carrier) => {
    const sequences = fc.sample(fc.integer({ min: 0, max: SEQUENCE_LIMIT[carrier] - 1 }), { numRuns: 1000, seed: 7 });
    for (const sequence of sequences) {
      expect(isValidTrackingNumber(carrier, generateTrackingNumber(carrier, sequence))).toBe(true);
    }
  });

  it("UPS and Correios numbers are not valid for other carriers", () => {
    const others = (c: Carrier) => CARRIER_IDS.filter((x) => x !== c);
    for (let i = 0; i < 50; i++) {
      for (const carrier of ["ups", "correios"] as const) {
        const n = generateTrackingNumber(carrier, i * 99_991);
        for (const other of others(carrier)) expect(isValidTrackingNumber(other, n)).toBe(false);
      }
    }
  });

  it("accepts options-built UPS numbers and normalised user input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ALPHANUMERIC), { minLength: 6, maxLength: 6 }).map((a) => a.join("")),
        fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0")),
        fc.integer({ min: 0, max: SEQUENCE_LIMIT.ups - 1 }),
        (upsShipper, upsService, sequence) => {
          const n = generateTrackingNumber("ups", sequence, { upsShipper, upsService });
          expect(isValidTrackingNumber("ups", n)).toBe(true);
          const typed = `${n.slice(0, 2)} ${n.slice(2, 8)}-${n.slice(8)}`.toLowerCase();
          expect(isValidTrackingNumber("ups", typed)).toBe(false);
          expect(isValidTrackingNumber("ups", normalizeTrackingNumber(typed))).toBe(true);
        },
      ),
    );
  });
});

describe("single-character corruption", () => {
  const anyChar = fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabz -/");

  it("UPS: detected unless the weighted value change is a multiple of 10 (mod-10 limit)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SEQUENCE_LIMIT.ups - 1 }), fc.nat(17), anyChar, (seq, i, c) => {
        const n = generateTrackingNumber("ups", seq);
        fc.pre(n[i] !== c);
        const corrupted = replaceAt(n, i, c);
        let expected: boolean;
        if (i < 2 || !/[0-9A-Z]/.test(c) || (i >= 8 && !/[0-9]/.test(c)))
          expected = false; // prefix / format
        else if (i === 17)
          expected = false; // check digit itself changed
        else {
          const weight = (i - 2) % 2 === 1 ? 2 : 1;
          expected = (weight * (upsValue(c) - upsValue(n[i]))) % 10 === 0; // undetectable by design
        }
        expect(isValidTrackingNumber("ups", corrupted)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("UPS: every digit change in an even position of the package number, and every check-digit change, is caught", () => {
    const n = generateTrackingNumber("ups", 3_141_592);
    for (const i of [10, 12, 14, 16, 17]) {
      for (const d of "0123456789")
        if (d !== n[i]) expect(isValidTrackingNumber("ups", replaceAt(n, i, d))).toBe(false);
    }
  });

  it("Correios: detected unless the remainder moves between 0 and 6 (both give check digit 5)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SEQUENCE_LIMIT.correios - 1 }), fc.nat(12), anyChar, (seq, i, c) => {
        const n = generateTrackingNumber("correios", seq);
        fc.pre(n[i] !== c);
        const corrupted = replaceAt(n, i, c);
        let expected: boolean;
        if (i < 2)
          expected = /[A-Z]/.test(c); // the service letters are not covered by the check digit
        else if (i >= 10 || !/[0-9]/.test(c))
          expected = false; // "BR", check digit, or a non-digit
        else expected = s10CheckDigit(corrupted.slice(2, 10)) === Number(n[10]);
        expect(isValidTrackingNumber("correios", corrupted)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("Correios: the only undetected serial substitutions are the 0↔6 remainder collisions", () => {
    let undetected = 0;
    let tried = 0;
    for (let seq = 0; seq < 2000; seq += 7) {
      const n = generateTrackingNumber("correios", seq * 4_999);
      const serial = n.slice(2, 10);
      for (let i = 0; i < 8; i++) {
        for (const d of "0123456789") {
          if (d === serial[i]) continue;
          tried++;
          if (!isValidTrackingNumber("correios", replaceAt(n, i + 2, d))) continue;
          undetected++;
          expect(Number(n[10])).toBe(5);
        }
      }
    }
    expect(undetected / tried).toBeLessThan(0.05);
  });

  it("FedEx and DHL: no published check digit, so only the format is checked", () => {
    for (const [carrier, length] of [
      ["fedex", 12],
      ["dhl", 10],
    ] as const) {
      const n = generateTrackingNumber(carrier, 123_456);
      expect(n).toHaveLength(length);
      expect(isValidTrackingNumber(carrier, replaceAt(n, 3, "9"))).toBe(true); // undetectable
      expect(isValidTrackingNumber(carrier, replaceAt(n, 3, "A"))).toBe(false);
      expect(isValidTrackingNumber(carrier, n + "0")).toBe(false);
      expect(isValidTrackingNumber(carrier, n.slice(1))).toBe(false);
      expect(isValidTrackingNumber(carrier, ` ${n}`)).toBe(false);
    }
  });

  it("refuses wrong lengths and foreign S10 countries", () => {
    expect(isValidTrackingNumber("ups", "1Z999AA1012345678")).toBe(false);
    expect(isValidTrackingNumber("ups", "1Z999AA101234567844")).toBe(false);
    expect(isValidTrackingNumber("correios", "RR473124829GB")).toBe(false);
    expect(isValidTrackingNumber("correios", "RR47312482BR")).toBe(false);
    expect(isValidTrackingNumber("correios", "")).toBe(false);
  });
});

describe("trackingUrl", () => {
  it("links each carrier's public tracking page with the number escaped", () => {
    expect(trackingUrl("ups", "1Z999AA10123456784")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(trackingUrl("correios", "RR123456785BR")).toBe(
      "https://rastreamento.correios.com.br/app/index.php?objetos=RR123456785BR",
    );
    expect(trackingUrl("fedex", "a b")).toBe("https://www.fedex.com/fedextrack/?trknbr=a%20b");
  });
});
