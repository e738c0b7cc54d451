import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCents } from "./money";
import { sampleShipment } from "./testing/fixtures";
import { computeInvoiceTotals } from "./totals";

describe("computeInvoiceTotals", () => {
  it("adds up the sample shipment", () => {
    const totals = computeInvoiceTotals(sampleShipment());
    expect(totals.lines.map((line) => line.subtotalCents)).toEqual([17980, 7350, 1200]);
    expect(totals).toMatchObject({
      pieces: 2,
      quantity: 6,
      netGrams: 2 * 1200 + 3 * 450 + 520,
      grossGrams: 3200 + 1850,
      subtotalCents: 26530,
      freightCents: 4500,
      insuranceCents: 530,
      otherChargesCents: 0,
      totalCents: 31560,
    });
  });

  it("has no floating-point noise: 3 × 0.10 + 0.20 is exactly 0.50", () => {
    const line = { description: "x", hsCode: null, originCountry: "BR", unitWeightKg: 0.1 };
    const totals = computeInvoiceTotals(
      sampleShipment({
        lines: [
          { ...line, quantity: 3, unitValue: "0.10" },
          { ...line, quantity: 1, unitValue: "0.20" },
        ],
        freight: "0.1",
        insurance: null,
      }),
    );
    expect(formatCents(totals.subtotalCents)).toBe("0.50");
    expect(formatCents(totals.totalCents)).toBe("0.60");
    expect(totals.netGrams).toBe(400);
  });

  it("matches an exact BigInt sum for any amounts", () => {
    const amount = fc
      .tuple(fc.nat(99_999), fc.nat(99))
      .map(([units, cents]) => `${units}.${String(cents).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount, fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 30 }),
        amount,
        (items, freight) => {
          const data = sampleShipment({
            lines: items.map(([unitValue, quantity]) => ({
              description: "x",
              hsCode: null,
              quantity,
              unitValue,
              originCountry: "BR",
              unitWeightKg: null,
            })),
            freight,
            insurance: null,
          });
          const toCents = (value: string) => BigInt(value.replace(".", ""));
          const expected = items.reduce(
            (sum, [value, quantity]) => sum + toCents(value) * BigInt(quantity),
            toCents(freight),
          );
          expect(BigInt(computeInvoiceTotals(data).totalCents)).toBe(expected);
        },
      ),
    );
  });

  it("leaves the net weight unstated when a line has no weight", () => {
    const data = sampleShipment();
    data.lines[1] = { ...data.lines[1], unitWeightKg: null };
    expect(computeInvoiceTotals(data).netGrams).toBeNull();
  });

  it("refuses quantities that are not whole pieces", () => {
    for (const quantity of [0, -1, 1.5]) {
      const data = sampleShipment();
      data.lines[0] = { ...data.lines[0], quantity };
      expect(() => computeInvoiceTotals(data), String(quantity)).toThrow(RangeError);
    }
  });
});
