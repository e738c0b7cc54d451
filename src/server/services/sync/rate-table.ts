import "server-only";
// The PTAX rates a sync page evaluates with: every stored bulletin in the window the US$ rule may
// reach back to (exchange-rates.ts), read once per page.
import { and, gte, lt } from "drizzle-orm";
import { addDays, type IsoDate } from "@/domain/holidays";
import { RATE_MAX_AGE_DAYS, type PtaxRate, type RateTable } from "@/domain/exchange-rates";
import type { Db } from "../../db/client";
import { exchangeRates } from "../../db/schema";

export async function loadRateTable(db: Db, referenceDate: IsoDate): Promise<RateTable> {
  const rows = await db
    .select()
    .from(exchangeRates)
    .where(
      and(
        gte(exchangeRates.rateDate, addDays(referenceDate, -RATE_MAX_AGE_DAYS)),
        lt(exchangeRates.rateDate, referenceDate),
      ),
    );
  const table: Record<string, PtaxRate[]> = {};
  for (const row of rows) {
    (table[row.currency] ??= []).push({
      currency: row.currency,
      date: row.rateDate,
      buyBrl: row.buyBrl,
      sellBrl: row.sellBrl,
      bulletin: row.bulletin,
      quotedAt: row.quotedAt.toISOString(),
      source: row.source,
    });
  }
  return table;
}
