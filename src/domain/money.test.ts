import { describe, expect, it } from "vitest";
import { declaredCentsOf, formatCents, lineCents, MAX_STORED_CENTS, parseMoneyCents, sumCents } from "./money";

describe("money in cents", () => {
  it.each([
    ["129.90", 12990],
    ["0.1", 10],
    ["7", 700],
    ["-1.50", -150],
    ["1.005", 101],
    ["1.004", 100],
    [" 10.00 ", 1000],
  ])("parses %j as %d cents", (text, cents) => {
    expect(parseMoneyCents(text)).toBe(cents);
  });

  it.each(["", "abc", "1,50", "1e3", "12.", ".5", "1234567890123456", "NaN", "Infinity"])("refuses %j", (text) => {
    expect(parseMoneyCents(text)).toBeNull();
  });

  it("formats without grouping", () => {
    expect(formatCents(12990)).toBe("129.90");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(-150)).toBe("-1.50");
    expect(formatCents(MAX_STORED_CENTS)).toBe("999999999999.99");
  });

  it("adds exactly where floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(formatCents(sumCents([10, 20])!)).toBe("0.30");
    expect(declaredCentsOf([{ quantity: 3, unitValue: "0.10" }])).toBe(30);
  });

  it("says when a product or a sum leaves the safe range", () => {
    expect(lineCents(999_999_999, 2_147_483_647)).toBeNull();
    expect(sumCents([Number.MAX_SAFE_INTEGER, 1])).toBeNull();
    expect(declaredCentsOf([{ quantity: 1, unitValue: "x" }])).toBeNull();
  });
});
