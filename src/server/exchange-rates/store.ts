import "server-only";
// The stored PTAX rates: written by the refresh, read as a RateTable by the US$ conversion.
import { and, gte, inArray, lt, max } from "drizzle-orm";
import { RATE_MAX_AGE_DAYS, type PtaxRate, type RateTable } from "@/domain/exchange-rates";
import { addDays, isIsoDate, type IsoDate } from "@/domain/holidays";
import { PTAX_CURRENCIES, type PtaxCurrency } from "@/domain/ptax";
import type { Db } from "../db/client";
import { exchangeRates } from "../db/schema";
import { takeExcluded } from "../db/upsert";

/** numeric(18, 8) comes back as "5.43210000"; the table keeps the rate as PTAX wrote it. */
function trimDecimal(value: string): string {
  return value.includes(".") ? value.replace(/\.?0+$/, "") : value;
}

/** Inserts or replaces rates (same currency and day: the newer answer wins). */
export async function upsertRates(db: Db, rates: readonly PtaxRate[], fetchedAt: Date): Promise<void> {
  if (rates.length === 0) return;
  await db
    .insert(exchangeRates)
    .values(
      rates.map((rate) => ({
        currency: rate.currency,
        rateDate: rate.date,
        buyBrl: rate.buyBrl,
        sellBrl: rate.sellBrl,
        bulletin: rate.bulletin,
        quotedAt: new Date(rate.quotedAt),
        source: rate.source,
        fetchedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [exchangeRates.currency, exchangeRates.rateDate],
      set: takeExcluded(exchangeRates, ["buyBrl", "sellBrl", "bulletin", "quotedAt", "source", "fetchedAt"]),
    });
}

/**
 * The rates that can apply on `referenceDate` (`applicableRate`): every PTAX currency's bulletins
 * dated in [referenceDate − RATE_MAX_AGE_DAYS, referenceDate). Every PTAX currency has a key, so a
 * currency without a recent rate reads "no_rate", and only a non-PTAX one "unsupported_currency".
 * One query on the (currency, rate_date) primary key.
 */
export async function loadRateTable(db: Db, referenceDate: IsoDate): Promise<RateTable> {
  if (!isIsoDate(referenceDate)) throw new RangeError(`Not a "YYYY-MM-DD" date: ${String(referenceDate)}`);
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(
      and(
        inArray(exchangeRates.currency, [...PTAX_CURRENCIES]),
        gte(exchangeRates.rateDate, addDays(referenceDate, -RATE_MAX_AGE_DAYS)),
        lt(exchangeRates.rateDate, referenceDate),
      ),
    )
    .orderBy(exchangeRates.currency, exchangeRates.rateDate);
  const table: Record<string, PtaxRate[]> = Object.fromEntries(PTAX_CURRENCIES.map((c) => [c, []]));
  for (const row of rows) {
    table[row.currency].push({
      currency: row.currency,
      date: row.rateDate,
      buyBrl: trimDecimal(row.buyBrl),
      sellBrl: trimDecimal(row.sellBrl),
      bulletin: row.bulletin,
      quotedAt: row.quotedAt.toISOString(),
      source: row.source,
    });
  }
  return table;
}

export interface RatesStatus {
  /** The newest stored bulletin day of each PTAX currency (null: none stored). */
  currencies: { currency: PtaxCurrency; latestDate: IsoDate | null }[];
  /** When rates were last stored (null: never). */
  lastFetchedAt: Date | null;
}

export async function ratesStatus(db: Db): Promise<RatesStatus> {
  const rows = await db
    .select({
      currency: exchangeRates.currency,
      latestDate: max(exchangeRates.rateDate),
      lastFetchedAt: max(exchangeRates.fetchedAt),
    })
    .from(exchangeRates)
    .groupBy(exchangeRates.currency);
  const byCurrency = new Map(rows.map((row) => [row.currency, row]));
  const fetched = rows.map((row) => row.lastFetchedAt).filter((at): at is Date => at !== null);
  return {
    currencies: PTAX_CURRENCIES.map((currency) => ({
      currency,
      latestDate: byCurrency.get(currency)?.latestDate ?? null,
    })),
    lastFetchedAt: fetched.length ? new Date(Math.max(...fetched.map((at) => new Date(at).getTime()))) : null,
  };
}
