import { describe, expect, it } from "vitest";
import { addDays } from "@/domain/holidays";
import { CLOSING_BULLETIN, PTAX_CURRENCIES } from "@/domain/ptax";
import { bulletinsOn, CURRENCIES, parity } from "./seed";
import { applyOptions, PtaxState } from "./state";

describe("the PTAX emulator's seed", () => {
  it("covers exactly the ten PTAX currencies", () => {
    expect(CURRENCIES.map((c) => c.symbol).sort()).toEqual([...PTAX_CURRENCIES].sort());
  });

  it("is deterministic: the same day has the same bulletins", () => {
    expect(bulletinsOn("EUR", "2026-11-26")).toEqual(bulletinsOn("EUR", "2026-11-26"));
    expect(bulletinsOn("EUR", "2026-11-26")).not.toEqual(bulletinsOn("EUR", "2026-11-25"));
  });

  it("publishes opening, two intermediate and the closing bulletin, the closing at 13:03–13:10", () => {
    const day = bulletinsOn("USD", "2026-11-26");
    expect(day.map((b) => b.kind)).toEqual(["Abertura", "Intermediário", "Intermediário", CLOSING_BULLETIN]);
    expect(day.map((b) => b.time.slice(0, 2))).toEqual(["10", "11", "12", "13"]);
    expect(day[3].time >= "13:03" && day[3].time < "13:10").toBe(true);
    for (const b of day) expect(b.sell).toBeGreaterThan(b.buy);
  });

  it("has nothing on weekends, holidays, Carnival, or before 2025", () => {
    for (const date of ["2026-11-28", "2026-11-20", "2026-12-25", "2026-02-17", "2024-12-30"]) {
      expect(bulletinsOn("USD", date)).toEqual([]);
    }
  });

  it("stays at realistic late-2026 levels every bulletin day of 2025 and 2026", () => {
    const bounds: Record<string, [number, number]> = { USD: [5.2, 5.7], EUR: [5.85, 6.45], JPY: [0.033, 0.038] };
    for (let date = "2025-01-01"; date <= "2026-12-31"; date = addDays(date, 1)) {
      for (const [currency, [low, high]] of Object.entries(bounds)) {
        const closing = bulletinsOn(currency as "USD", date).at(-1);
        if (closing) expect(closing.buy, `${currency} ${date}`).toBeGreaterThan(low);
        if (closing) expect(closing.buy, `${currency} ${date}`).toBeLessThan(high);
      }
    }
  });

  it("closes 24 December at 11:00 and repeats the previous closing on 31 December", () => {
    expect(bulletinsOn("USD", "2026-12-24").at(-1)?.time.slice(0, 2)).toBe("11");
    const dec31 = bulletinsOn("GBP", "2025-12-31");
    expect(dec31).toHaveLength(1);
    expect(dec31[0].buy).toBe(bulletinsOn("GBP", "2025-12-30").at(-1)?.buy);
  });

  it("takes parities the BCB way: units per US$ for type A, US$ per unit for type B", () => {
    expect(parity("EUR", 6.2, 5.0)).toBe(1.24);
    expect(parity("JPY", 0.035, 5.25)).toBe(150);
  });
});

describe("the PTAX emulator's state", () => {
  it("shows today's closing only once it is published, and never a future day", () => {
    const at = (iso: string) => new PtaxState(() => new Date(iso));
    // 2026-11-26 16:00Z is 13:00 Brasília: the three morning bulletins only.
    expect(
      at("2026-11-26T16:00:00Z")
        .published("USD", "2026-11-26")
        .map((b) => b.kind),
    ).not.toContain(CLOSING_BULLETIN);
    expect(at("2026-11-26T16:11:00Z").published("USD", "2026-11-26").at(-1)?.kind).toBe(CLOSING_BULLETIN);
    expect(at("2026-11-26T16:11:00Z").published("USD", "2026-11-27")).toEqual([]);
  });

  it("serves exact rates set for a day, and empty days as faults", () => {
    const state = new PtaxState(() => new Date("2026-12-01T12:00:00Z"));
    state.setRate("EUR", "2026-11-26", 6.1234, 6.124);
    expect(state.published("EUR", "2026-11-26").at(-1)).toMatchObject({ buy: 6.1234, sell: 6.124 });
    state.faults.emptyDays = ["2026-11-26"];
    expect(state.published("EUR", "2026-11-26")).toEqual([]);
  });

  it("applies $filter, $orderby, $top and $select to the rows", () => {
    const state = new PtaxState(() => new Date("2026-12-01T12:00:00Z"));
    const rows = state.rows({ entity: "CotacaoMoedaPeriodo", currency: "EUR", from: "2026-11-23", to: "2026-11-27" });
    expect(rows).toHaveLength(5 * 4);
    const closings = applyOptions(rows, {
      filter: [{ field: "tipoBoletim", value: CLOSING_BULLETIN }],
      orderBy: [{ field: "dataHoraCotacao", descending: true }],
      top: 2,
      select: ["dataHoraCotacao"],
    });
    expect(closings.map((r) => String(r.dataHoraCotacao).slice(0, 10))).toEqual(["2026-11-27", "2026-11-26"]);
    expect(Object.keys(closings[0])).toEqual(["dataHoraCotacao"]);
  });
});
