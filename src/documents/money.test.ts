import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCents, parseCents } from "./money";

describe("parseCents", () => {
  it("reads decimal strings with up to two decimals", () => {
    expect(parseCents("12")).toBe(1200);
    expect(parseCents("12.5")).toBe(1250);
    expect(parseCents("12.50")).toBe(1250);
    expect(parseCents("0.07")).toBe(7);
    expect(parseCents(" 89.90 ")).toBe(8990);
  });

  it("treats a missing amount as zero", () => {
    expect(parseCents(null)).toBe(0);
    expect(parseCents(undefined)).toBe(0);
    expect(parseCents("")).toBe(0);
  });

  it("refuses anything that is not a plain non-negative amount", () => {
    for (const bad of ["1.234", "-1", "1,50", "1e3", "abc", ".5", "12."]) {
      expect(() => parseCents(bad), bad).toThrow(RangeError);
    }
  });
});

describe("formatCents", () => {
  it("prints two decimals without separators", () => {
    expect(formatCents(0)).toBe("0.00");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(1250)).toBe("12.50");
    expect(formatCents(123456789)).toBe("1234567.89");
  });

  it("round-trips every amount exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(parseCents(formatCents(cents))).toBe(cents);
      }),
    );
  });
});
