import { describe, expect, it } from "vitest";
import { applicableRate, RATE_MAX_AGE_DAYS, toUsdCents, type RateTable } from "./exchange-rates";
import { ptaxRate } from "./test-orders";

const rates: RateTable = {
  USD: [ptaxRate("USD", "2026-11-26", "5.3400"), ptaxRate("USD", "2026-11-27", "5.3517")],
  EUR: [ptaxRate("EUR", "2026-11-27", "6.1789"), ptaxRate("EUR", "2026-11-26", "6.1500")],
  JPY: [ptaxRate("JPY", "2026-11-27", "0.03456789")],
};

describe("the PTAX rate that applies", () => {
  it("is the newest closing bulletin before the reference date (a Monday uses Friday's)", () => {
    expect(applicableRate(rates, "USD", "2026-11-30")?.date).toBe("2026-11-27");
    expect(applicableRate(rates, "USD", "2026-11-27")?.date).toBe("2026-11-26");
  });

  it("is never the reference day's own bulletin, nor one older than the limit", () => {
    expect(applicableRate(rates, "USD", "2026-11-26")).toBeNull();
    expect(RATE_MAX_AGE_DAYS).toBe(7);
    expect(applicableRate(rates, "USD", "2026-12-04")?.date).toBe("2026-11-27");
    expect(applicableRate(rates, "USD", "2026-12-05")).toBeNull();
  });
});

describe("toUsdCents", () => {
  it("USD is its own value", () => {
    expect(toUsdCents(123_45, "USD", {}, "2026-11-30")).toEqual({ ok: true, usdCents: 12345, rate: null });
  });

  it("BRL divides by the USD buy rate, rounded half up to the cent", () => {
    // 6,000.00 ÷ 5.3517 = 1,121.139…
    const result = toUsdCents(600_000, "BRL", rates, "2026-11-30");
    expect(result).toEqual({
      ok: true,
      usdCents: 112114,
      rate: {
        currency: "BRL",
        buyBrl: "1",
        usdBuyBrl: "5.3517",
        date: "2026-11-27",
        bulletin: "Fechamento PTAX",
        source: "bcb_ptax",
      },
    });
  });

  it("another currency crosses through BRL with the same day's bulletins, up to 8 decimals", () => {
    // EUR 1,000.00 × 6.1789 ÷ 5.3517 = 1,154.567…
    expect(toUsdCents(100_000, "EUR", rates, "2026-11-30")).toMatchObject({ ok: true, usdCents: 115457 });
    // JPY 200,000 × 0.03456789 ÷ 5.3517 = 1,291.85…
    expect(toUsdCents(20_000_000, "JPY", rates, "2026-11-30")).toMatchObject({ ok: true, usdCents: 129185 });
  });

  it("without the bulletins it says why, never guesses", () => {
    expect(toUsdCents(100, "BRL", {}, "2026-11-30")).toEqual({
      ok: false,
      reason: "no_rate",
      currency: "BRL",
      referenceDate: "2026-11-30",
    });
    expect(toUsdCents(100, "ARS", rates, "2026-11-30")).toMatchObject({ ok: false, reason: "unsupported_currency" });
    // JPY has no bulletin on the USD's day (26 Nov).
    expect(toUsdCents(100, "JPY", rates, "2026-11-27")).toMatchObject({ ok: false, reason: "no_rate" });
    expect(toUsdCents(100, "BRL", { USD: [ptaxRate("USD", "2026-11-27", "0")] }, "2026-11-30")).toMatchObject({
      ok: false,
    });
  });
});
