// Exchange rates for the simplified-export limit (US$ 1,000, carriers.ts): which PTAX rate of the
// Banco Central do Brasil applies, and the US$ value of an amount, in integer cents.
//
// The rule, and its source. An export NF-e converts foreign-currency values to BRL with the PTAX
// *buy* rate (cotacaoCompra) of the closing bulletin ("Fechamento PTAX") of the last business day
// before the NF-e is issued (Regulamento Aduaneiro, Decreto 6.759/2009 art. 97, and the practice of
// Portaria MF 356/1988 for export revenue); the DU-E states values in US$ converted the same way.
// So the US$ value of a shipment is taken with the closing PTAX buy rates of the last bulletin
// published *before* its reference date: the NF-e's issue date when the shipment has one, else the
// day of the evaluation (the day the NF-e would be issued). PTAX publishes no bulletin on weekends
// and bank holidays, so "before" steps back to the last day that has one. A rate older than
// RATE_MAX_AGE_DAYS before the reference date is not used: the limit is then decided
// conservatively (the NF-e key is required) and the draft says why.
//
// Cross rates go through BRL, as PTAX quotes every currency in BRL: an amount in EUR is
// amount × buy(EUR) BRL, then ÷ buy(USD) for US$. Amounts in BRL divide by buy(USD) directly; in
// USD they are their own value.
import { addDays, type IsoDate } from "./calendar";

/** One closing PTAX bulletin of one currency: BRL per unit, as the Banco Central published it. */
export interface PtaxRate {
  /** ISO 4217 code of the quoted currency ("USD", "EUR"…). */
  currency: string;
  /** The bulletin's business day ("YYYY-MM-DD", Brasília). */
  date: IsoDate;
  /** BRL per unit, as a decimal string ("5.4321"; PTAX gives 4 to 8 decimals). */
  buyBrl: string;
  sellBrl: string;
  /** "Fechamento PTAX" for the closing bulletin. */
  bulletin: string;
  /** dataHoraCotacao: when the bulletin was published (ISO timestamp). */
  quotedAt: string;
  /** Where the rate came from ("bcb_ptax"). */
  source: string;
}

/** The rates at hand, by currency (any order). */
export type RateTable = Readonly<Record<string, readonly PtaxRate[]>>;

/** How far back a bulletin may be from the reference date before it is too old to use. */
export const RATE_MAX_AGE_DAYS = 7;

export const PTAX_SOURCE = "bcb_ptax";

/** The rate a conversion used, kept with the shipment and printed where the US$ value is shown. */
export interface ExchangeRateUsed {
  currency: string;
  /** BRL per unit of `currency` ("1" for BRL itself). */
  buyBrl: string;
  /** BRL per US$ (the USD bulletin of the same day). */
  usdBuyBrl: string;
  date: IsoDate;
  bulletin: string;
  source: string;
}

export type UsdConversion =
  | { ok: true; usdCents: number; rate: ExchangeRateUsed | null }
  | { ok: false; reason: "no_rate" | "unsupported_currency"; currency: string; referenceDate: IsoDate };

/** The newest rate of `currency` published before `referenceDate`, and not older than the limit. */
export function applicableRate(table: RateTable, currency: string, referenceDate: IsoDate): PtaxRate | null {
  const oldest = addDays(referenceDate, -RATE_MAX_AGE_DAYS);
  let best: PtaxRate | null = null;
  for (const rate of table[currency] ?? []) {
    if (rate.date >= referenceDate || rate.date < oldest) continue;
    if (!best || rate.date > best.date) best = rate;
  }
  return best;
}

const RATE_SCALE = 100_000_000n; // rates carry up to 8 decimals

/** A decimal rate string as an integer of 1e-8 units; null when not a positive decimal. */
function scaledRate(value: string): bigint | null {
  const match = /^(\d{1,12})(?:\.(\d{1,8}))?$/.exec(value.trim());
  if (!match) return null;
  const scaled = BigInt(match[1]) * RATE_SCALE + BigInt((match[2] ?? "").padEnd(8, "0"));
  return scaled > 0n ? scaled : null;
}

/** a × b ÷ c rounded half up, all non-negative. */
function mulDiv(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b * 2n + c) / (c * 2n);
}

/**
 * The US$ value, in cents, of `amountCents` of `currency`, with the PTAX rates that apply on
 * `referenceDate`. USD needs no rate; BRL needs the USD bulletin; any other currency its own
 * bulletin of the same day as the USD one.
 */
export function toUsdCents(
  amountCents: number,
  currency: string,
  table: RateTable,
  referenceDate: IsoDate,
): UsdConversion {
  if (currency === "USD") return { ok: true, usdCents: amountCents, rate: null };
  const missing = (reason: "no_rate" | "unsupported_currency") =>
    ({ ok: false, reason, currency, referenceDate }) as const;
  const usd = applicableRate(table, "USD", referenceDate);
  const usdScaled = usd && scaledRate(usd.buyBrl);
  if (!usd || !usdScaled) return missing("no_rate");
  if (currency === "BRL") {
    const usdCents = Number(mulDiv(BigInt(amountCents), RATE_SCALE, usdScaled));
    return { ok: true, usdCents, rate: used(currency, "1", usd) };
  }
  if (!(currency in table)) return missing("unsupported_currency");
  // The same bulletin day for both legs, so the cross rate is one day's.
  const own = (table[currency] ?? []).find((rate) => rate.date === usd.date);
  const ownScaled = own && scaledRate(own.buyBrl);
  if (!own || !ownScaled) return missing("no_rate");
  const usdCents = Number(mulDiv(BigInt(amountCents), ownScaled, usdScaled));
  return { ok: true, usdCents, rate: used(currency, own.buyBrl, usd) };
}

function used(currency: string, buyBrl: string, usd: PtaxRate): ExchangeRateUsed {
  return { currency, buyBrl, usdBuyBrl: usd.buyBrl, date: usd.date, bulletin: usd.bulletin, source: usd.source };
}
