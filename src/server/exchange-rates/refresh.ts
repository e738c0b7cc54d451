import "server-only";
// Fetches the closing PTAX bulletins of the last days for every PTAX currency and stores them.
// Idempotent (an upsert on currency and day). A currency whose fetch fails keeps what is stored;
// the others are still stored, and the failure is logged in one line (no customer data here).
import { addDays, type IsoDate } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { PTAX_CURRENCIES, type PtaxCurrency } from "@/domain/ptax";
import type { PtaxRate } from "@/domain/exchange-rates";
import type { Db } from "../db/client";
import { fetchClosingRates, type PtaxClientOptions } from "./ptax-client";
import { upsertRates } from "./store";

/** Days fetched back from today: covers a long holiday weekend and RATE_MAX_AGE_DAYS. */
const REFRESH_DAYS = 10;

export interface RefreshOptions extends PtaxClientOptions {
  now?: Date;
  days?: number;
  /** Where the one-line failure summary goes (console.error by default). */
  log?: (line: string) => void;
}

export interface RefreshResult {
  ok: boolean;
  from: IsoDate;
  to: IsoDate;
  /** Rates stored (inserted or refreshed). */
  stored: number;
  failed: { currency: PtaxCurrency; reason: string }[];
}

export async function refreshExchangeRates(db: Db, options: RefreshOptions = {}): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const to = originNow(now).date;
  const from = addDays(to, -(options.days ?? REFRESH_DAYS));
  const rates: PtaxRate[] = [];
  const failed: RefreshResult["failed"] = [];
  // One currency at a time: ten small requests, and no burst against the Banco Central.
  for (const currency of PTAX_CURRENCIES) {
    try {
      rates.push(...(await fetchClosingRates(currency, from, to, options)));
    } catch (error) {
      failed.push({ currency, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  await upsertRates(db, rates, now);
  if (failed.length > 0) {
    const first = failed[0].reason;
    (options.log ?? console.error)(
      `[exchange-rates] PTAX refresh ${from}…${to}: ${failed.length} of ${PTAX_CURRENCIES.length} currencies failed ` +
        `(${failed.map((f) => f.currency).join(", ")}): ${first}; stored rates kept`,
    );
  }
  return { ok: failed.length === 0, from, to, stored: rates.length, failed };
}
