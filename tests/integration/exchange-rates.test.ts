// PTAX exchange rates end to end: the emulator over HTTP, the validated client, the refresh into
// exchange_rates, the rate table the US$ conversion reads, and failures that change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { toUsdCents } from "@/domain/exchange-rates";
import { CLOSING_BULLETIN, PTAX_CURRENCIES } from "@/domain/ptax";
import type { PtaxEmulator } from "@/emulator/ptax/server";
import { bulletinsOn } from "@/emulator/ptax/seed";
import { exchangeRates } from "@/server/db/schema";
import { refreshExchangeRates } from "@/server/exchange-rates/refresh";
import { loadRateTable, ratesStatus } from "@/server/exchange-rates/store";
import { putRates, seedRates, startPtaxEmulator } from "../helpers/ptax";
import { createTestDb, type TestDb } from "../helpers/test-db";

// Friday 27 Nov 2026, 15:00 Brasília: that day's closing is out. 20 Nov is a holiday.
const FRIDAY_AFTERNOON = new Date("2026-11-27T18:00:00Z");
const BULLETIN_DAYS = [
  "2026-11-17",
  "2026-11-18",
  "2026-11-19",
  "2026-11-23",
  "2026-11-24",
  "2026-11-25",
  "2026-11-26",
  "2026-11-27",
];

let t: TestDb;
let emulator: PtaxEmulator;
let clock = FRIDAY_AFTERNOON;
const silent = { log: () => {} };

beforeAll(async () => {
  t = await createTestDb();
  emulator = await startPtaxEmulator(() => clock);
});
afterAll(async () => {
  await emulator?.close();
  await t?.cleanup();
});
beforeEach(async () => {
  clock = FRIDAY_AFTERNOON;
  emulator.state.reset();
  await t.db.delete(exchangeRates);
});

const control = (path: string, method: string, body?: unknown) =>
  fetch(`${emulator.url}/__ptax${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const refresh = (extra = {}) =>
  refreshExchangeRates(t.db, { now: clock, baseUrl: emulator.apiUrl, retryDelayMs: 5, ...silent, ...extra });
const storedRows = () =>
  t.db.select().from(exchangeRates).orderBy(asc(exchangeRates.currency), asc(exchangeRates.rateDate));

describe("the PTAX emulator over HTTP", () => {
  it("answers OData with the closing filter, and OData errors for what the service refuses", async () => {
    const url =
      `${emulator.apiUrl}CotacaoMoedaPeriodo(moeda=@moeda,dataInicial=@dataInicial,dataFinalCotacao=@dataFinalCotacao)` +
      `?@moeda='EUR'&@dataInicial='11-19-2026'&@dataFinalCotacao='11-23-2026'&$format=json` +
      `&$filter=${encodeURIComponent("tipoBoletim eq 'Fechamento PTAX'")}&$orderby=dataHoraCotacao desc`;
    const answer = await (await fetch(url)).json();
    expect(answer["@odata.context"]).toContain("$metadata#_CotacaoMoedaPeriodo");
    expect(answer.value.map((row: { dataHoraCotacao: string }) => row.dataHoraCotacao.slice(0, 10))).toEqual([
      "2026-11-23",
      "2026-11-19",
    ]);
    expect(answer.value[0]).toMatchObject({
      tipoBoletim: CLOSING_BULLETIN,
      cotacaoCompra: bulletinsOn("EUR", "2026-11-23").at(-1)!.buy,
    });

    const weekend = await (
      await fetch(`${emulator.apiUrl}CotacaoDolarDia(dataCotacao=@d)?@d='11-28-2026'&$format=json`)
    ).json();
    expect(weekend.value).toEqual([]);
    const bad = await fetch(`${emulator.apiUrl}CotacaoDolarDia(dataCotacao=@d)?@d='2026-11-27'`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/MM-DD-YYYY/);

    const log = await (await control("/requests", "GET")).json();
    expect(log.requests.map((r: { status: number }) => r.status)).toEqual([200, 200, 400]);
  });

  it("refuses control bodies that are not exact rates", async () => {
    for (const body of [
      { currency: "BRL", date: "2026-11-26", buy: 1, sell: 1 },
      { currency: "USD", date: "2026-02-30", buy: 1, sell: 1 },
      { currency: "USD", date: "2026-11-26", buy: -1, sell: 1 },
      { currency: "USD", date: "2026-11-26", buy: 1e300, sell: 1 },
      { __proto__: { x: 1 }, currency: "USD" },
    ]) {
      expect((await control("/rates", "PUT", body)).status).toBe(400);
    }
    expect((await control("/faults", "POST", { errorRate: 2 })).status).toBe(400);
    expect(emulator.state.overrides.size).toBe(0);
  });
});

describe("refreshExchangeRates", () => {
  it("stores the closing buy and sell rates of every currency on each bulletin day, with the Brasília date", async () => {
    const result = await refresh();
    expect(result).toMatchObject({ ok: true, from: "2026-11-17", to: "2026-11-27", stored: 80, failed: [] });
    const rows = await storedRows();
    expect(rows).toHaveLength(PTAX_CURRENCIES.length * BULLETIN_DAYS.length);
    for (const currency of PTAX_CURRENCIES) {
      const own = rows.filter((row) => row.currency === currency);
      expect(own.map((row) => row.rateDate)).toEqual(BULLETIN_DAYS); // no weekend, no 20 Nov
      for (const row of own) {
        const closing = bulletinsOn(currency, row.rateDate).at(-1)!;
        expect(Number(row.buyBrl)).toBe(closing.buy);
        expect(Number(row.sellBrl)).toBe(closing.sell);
        expect(row.bulletin).toBe(CLOSING_BULLETIN);
        expect(row.source).toBe("bcb_ptax");
        expect(row.quotedAt.toISOString()).toBe(new Date(`${row.rateDate}T${closing.time}-03:00`).toISOString());
      }
    }
  });

  it("does not store today before the closing bulletin is out", async () => {
    clock = new Date("2026-11-27T15:30:00Z"); // 12:30 Brasília: opening and intermediate only
    await refresh();
    const days = new Set((await storedRows()).map((row) => row.rateDate));
    expect(days.has("2026-11-26")).toBe(true);
    expect(days.has("2026-11-27")).toBe(false);
  });

  it("is idempotent, and a newer answer for a day replaces the stored one", async () => {
    await refresh();
    await refresh();
    expect(await storedRows()).toHaveLength(80);
    await putRates(emulator, [{ currency: "USD", date: "2026-11-26", buy: 5.4321, sell: 5.4327 }]);
    await refresh();
    const usd = (await storedRows()).find((row) => row.currency === "USD" && row.rateDate === "2026-11-26")!;
    expect([usd.buyBrl, usd.sellBrl]).toEqual(["5.43210000", "5.43270000"]);
    expect(await storedRows()).toHaveLength(80);
  });

  it("fails cleanly when the service fails, retrying a bounded number of times and keeping the stored rows", async () => {
    await refresh();
    const before = await storedRows();
    await control("/reset", "POST"); // a fresh request log
    await control("/faults", "POST", { errorRate: 1 });
    const lines: string[] = [];
    const result = await refresh({ now: new Date("2026-12-01T18:00:00Z"), log: (line: string) => lines.push(line) });
    expect(result.ok).toBe(false);
    expect(result.stored).toBe(0);
    expect(result.failed).toHaveLength(10);
    expect(result.failed[0].reason).toMatch(/HTTP 50[03]/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/10 of 10 currencies failed/);
    expect(emulator.state.requests).toHaveLength(10 * 3);
    expect(await storedRows()).toEqual(before);
  });

  it("gives up on a service that does not answer in time", async () => {
    await control("/faults", "POST", { latencyMs: 300 });
    const result = await refresh({ timeoutMs: 50, attempts: 1 });
    expect(result.failed.map((f) => f.reason)).toEqual(Array(10).fill("PTAX did not answer in time"));
    expect(await storedRows()).toEqual([]);
  });

  it("stores nothing from a malformed answer", async () => {
    await control("/faults", "POST", { malformedRate: 1 });
    const result = await refresh();
    expect(result.ok).toBe(false);
    expect(result.failed[0].reason).toMatch(/malformed/);
    expect(await storedRows()).toEqual([]);
  });

  it("refuses answers with bulletins outside the range, two closings on a day, or absurd rates", async () => {
    const answers = [
      { value: [{ cotacaoCompra: 5.1, cotacaoVenda: 5.2, dataHoraCotacao: "2020-01-02 13:05:00.000" }] },
      {
        value: [
          { cotacaoCompra: 5.1, cotacaoVenda: 5.2, dataHoraCotacao: "2026-11-26 13:05:00.000" },
          { cotacaoCompra: 5.3, cotacaoVenda: 5.4, dataHoraCotacao: "2026-11-26 13:06:00.000" },
        ],
      },
      { value: [{ cotacaoCompra: 1e308, cotacaoVenda: 5.2, dataHoraCotacao: "2026-11-26 13:05:00.000" }] },
      { value: [{ cotacaoCompra: 0, cotacaoVenda: 5.2, dataHoraCotacao: "2026-11-26 13:05:00.000" }] },
      { value: "none" },
    ];
    for (const body of answers) {
      const fake = (async () => Response.json(body)) as typeof fetch;
      const result = await refresh({ fetch: fake });
      expect(result.ok).toBe(false);
      expect(result.failed).toHaveLength(10);
    }
    expect(await storedRows()).toEqual([]);
  });
});

describe("loadRateTable and ratesStatus", () => {
  it("returns exactly the rates dated in [reference − 7 days, reference) for every PTAX currency", async () => {
    await seedRates(t.db, {
      now: FRIDAY_AFTERNOON,
      rates: [
        { currency: "EUR", date: "2026-11-26", buy: 6.2, sell: 6.21 },
        { currency: "USD", date: "2026-11-26", buy: 5, sell: 5.01 },
      ],
    });
    const table = await loadRateTable(t.db, "2026-11-27");
    expect(Object.keys(table).sort()).toEqual([...PTAX_CURRENCIES].sort());
    for (const currency of PTAX_CURRENCIES) {
      expect(table[currency].map((rate) => rate.date)).toEqual([
        "2026-11-23",
        "2026-11-24",
        "2026-11-25",
        "2026-11-26",
      ]);
    }
    expect(table.EUR.at(-1)).toMatchObject({
      buyBrl: "6.2",
      sellBrl: "6.21",
      bulletin: CLOSING_BULLETIN,
      source: "bcb_ptax",
    });
    // 1,000.00 EUR at 6.2 BRL, ÷ 5 BRL per US$ = US$ 1,240.00, with the 26 Nov bulletin.
    expect(toUsdCents(100_000, "EUR", table, "2026-11-27")).toMatchObject({
      ok: true,
      usdCents: 124_000,
      rate: { date: "2026-11-26" },
    });

    const monday = await loadRateTable(t.db, "2026-11-30");
    expect(monday.USD.map((rate) => rate.date)).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
    ]);
    const late = await loadRateTable(t.db, "2026-12-10");
    expect(late.USD).toEqual([]);
    expect(toUsdCents(100, "BRL", late, "2026-12-10")).toMatchObject({ ok: false, reason: "no_rate" });
    await expect(loadRateTable(t.db, "2026-02-30")).rejects.toThrow(RangeError);
  });

  it("reports the newest rate day per currency and the last fetch", async () => {
    expect(await ratesStatus(t.db)).toMatchObject({
      lastFetchedAt: null,
      currencies: PTAX_CURRENCIES.map((currency) => ({ currency, latestDate: null })),
    });
    await refresh();
    const status = await ratesStatus(t.db);
    expect(status.lastFetchedAt?.toISOString()).toBe(FRIDAY_AFTERNOON.toISOString());
    expect(status.currencies.every((c) => c.latestDate === "2026-11-27")).toBe(true);
    const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(exchangeRates);
    expect(n).toBe(80);
  });
});
