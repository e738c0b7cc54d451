// Customs values are the transaction value the buyer paid: a shipment's items and declared value
// are in the order's presentment currency, never converted back to the shop's.
import { describe, expect, it } from "vitest";
import { mapOrder, type MappedShipment, type MappingContext } from "./order-mapping";
import { defaultLines, shopifyOrder, TEST_CONTEXT, type OrderSpec } from "./test-orders";

const BR: MappingContext = TEST_CONTEXT;

function shipment(spec: OrderSpec): MappedShipment {
  const result = mapOrder(shopifyOrder(spec), BR);
  if (result.kind !== "shipment") throw new Error(`expected a shipment, got ${JSON.stringify(result)}`);
  return result;
}

const [sandals, wallet] = defaultLines();

describe("mapOrder: shop BRL, buyer paid in USD", () => {
  it("prices every item and the declared value in USD, with the USD amounts the buyer paid", () => {
    const mapped = shipment({
      presentmentCurrency: "USD",
      presentmentRate: 0.18,
      lines: [
        { ...sandals, presentmentPrice: "17.50" },
        { ...wallet, presentmentPrice: "29.00" },
      ],
    });
    expect(mapped.customsItems.map((item) => [item.quantity, item.unitValue, item.currency])).toEqual([
      [2, "17.50", "USD"],
      [1, "29.00", "USD"],
    ]);
    expect({ declaredValue: mapped.declaredValue, currency: mapped.currency }).toEqual({
      declaredValue: "64.00", // 2 × 17.50 + 29.00, not the BRL 328.80 the shop books
      currency: "USD",
    });
    // The US$ value is the buyer's own: no exchange rate in between.
    expect(mapped).toMatchObject({ declaredValueUsdCents: 6400, exchangeRate: null });
  });

  it("a EUR order is tested against US$ 1,000 with the EUR and USD PTAX bulletins of the same day", () => {
    // EUR 900.00 × 6.1200 ÷ 5.4300 = US$ 1,014.36: above the limit, whatever the shop books in BRL.
    const mapped = shipment({
      presentmentCurrency: "EUR",
      presentmentRate: 0.16,
      lines: [{ ...sandals, quantity: 1, presentmentPrice: "900.00" }],
    });
    expect(mapped.declaredValueUsdCents).toBe(101436);
    expect(mapped.missingFields).toEqual(["nfeKey"]);
    expect(mapped.problems[0]).toMatchObject({
      code: "aboveLimit",
      values: { currency: "EUR", amount: 900, usd: 1014.36 },
    });
  });

  it("uses the converted presentment amounts when no line pins its own", () => {
    // 89.90 × 0.2 = 17.98; 149.00 × 0.2 = 29.80
    const mapped = shipment({ presentmentCurrency: "USD", presentmentRate: 0.2 });
    expect(mapped.customsItems.map((item) => `${item.unitValue} ${item.currency}`)).toEqual(["17.98 USD", "29.80 USD"]);
    expect(mapped.declaredValue).toBe("65.76");
  });

  it("one currency for the whole shipment: items and declared value agree", () => {
    const mapped = shipment({ presentmentCurrency: "EUR", presentmentRate: 0.17 });
    expect(new Set([mapped.currency, ...mapped.customsItems.map((item) => item.currency)])).toEqual(new Set(["EUR"]));
  });
});

describe("mapOrder: bought in the shop currency", () => {
  it("stays in BRL with the shop amounts", () => {
    const mapped = shipment({});
    expect(mapped.customsItems.map((item) => `${item.unitValue} ${item.currency}`)).toEqual([
      "89.90 BRL",
      "149.00 BRL",
    ]);
    expect({ declaredValue: mapped.declaredValue, currency: mapped.currency }).toEqual({
      declaredValue: "328.80",
      currency: "BRL",
    });
  });
});
