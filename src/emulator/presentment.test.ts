import { describe, expect, it } from "vitest";
import type { EmuOrder } from "./model";
import { moneyBag, presentmentCurrencyOf, toPresentment } from "./presentment";

const order = (fields: Partial<EmuOrder>) => ({ currency: "BRL", ...fields }) as EmuOrder;

describe("shop and presentment money", () => {
  it("an order paid in the shop currency has the same amount on both sides", () => {
    const brl = order({});
    expect(presentmentCurrencyOf(brl)).toBe("BRL");
    expect(moneyBag(brl, "129.9")).toEqual({
      shopMoney: { amount: "129.9", currencyCode: "BRL" },
      presentmentMoney: { amount: "129.9", currencyCode: "BRL" },
    });
  });

  it("converts a foreign presentment at the order's rate, rounded to cents", () => {
    const usd = order({ presentmentCurrency: "USD", presentmentRate: 0.1837 });
    // 129.90 × 0.1837 = 23.86263 → 23.86; 0.05 × 0.1837 = 0.0091… → 0.01
    expect(toPresentment(usd, "129.90")).toBe("23.86");
    expect(toPresentment(usd, "0.05")).toBe("0.01");
    expect(moneyBag(usd, "100.00")).toEqual({
      shopMoney: { amount: "100.00", currencyCode: "BRL" },
      presentmentMoney: { amount: "18.37", currencyCode: "USD" },
    });
  });

  it("an amount pinned explicitly wins over the rate", () => {
    const usd = order({ presentmentCurrency: "USD", presentmentRate: 0.2 });
    expect(moneyBag(usd, "100.00", "19.99").presentmentMoney).toEqual({ amount: "19.99", currencyCode: "USD" });
  });
});
