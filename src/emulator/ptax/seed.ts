// The PTAX emulator's bulletins: deterministic, realistic rates for the ten PTAX currencies on
// every bulletin day from SEED_START on. Each currency follows its own seeded, mean-reverting
// daily walk around a late-2026 level (USD ≈ 5.45 BRL), so the same day always has the same
// rates on every machine, and a day's opening and intermediate bulletins sit close to its closing.
import { addDays, isIsoDate, type IsoDate } from "../../domain/holidays";
import { CLOSING_BULLETIN, hasPtaxBulletin, previousPtaxDay, type PtaxCurrency } from "../../domain/ptax";
import { Random } from "../random";

const SEED_START: IsoDate = "2025-01-01";

/** tipoMoeda "A": parity in units per US$; "B": US$ per unit (BCB's convention). */
export interface PtaxCurrencyInfo {
  symbol: PtaxCurrency;
  name: string;
  type: "A" | "B";
  /** BRL per unit the walk reverts to. */
  level: number;
  decimals: number;
  seed: number;
}

export const CURRENCIES: readonly PtaxCurrencyInfo[] = [
  { symbol: "AUD", name: "Dólar australiano", type: "B", level: 3.55, decimals: 4, seed: 11 },
  { symbol: "CAD", name: "Dólar canadense", type: "A", level: 3.9, decimals: 4, seed: 12 },
  { symbol: "CHF", name: "Franco suíço", type: "A", level: 6.7, decimals: 4, seed: 13 },
  { symbol: "DKK", name: "Coroa dinamarquesa", type: "A", level: 0.825, decimals: 4, seed: 14 },
  { symbol: "EUR", name: "Euro", type: "B", level: 6.15, decimals: 4, seed: 15 },
  { symbol: "GBP", name: "Libra Esterlina", type: "B", level: 7.2, decimals: 4, seed: 16 },
  { symbol: "JPY", name: "Iene", type: "A", level: 0.0355, decimals: 6, seed: 17 },
  { symbol: "NOK", name: "Coroa norueguesa", type: "A", level: 0.52, decimals: 4, seed: 18 },
  { symbol: "SEK", name: "Coroa sueca", type: "A", level: 0.565, decimals: 4, seed: 19 },
  { symbol: "USD", name: "Dólar dos Estados Unidos", type: "A", level: 5.45, decimals: 4, seed: 20 },
];

function currencyInfo(symbol: string): PtaxCurrencyInfo | undefined {
  return CURRENCIES.find((c) => c.symbol === symbol);
}

type BulletinKind = "Abertura" | "Intermediário" | typeof CLOSING_BULLETIN;

export interface Bulletin {
  currency: PtaxCurrency;
  date: IsoDate;
  kind: BulletinKind;
  /** Brasília wall-clock time, "HH:MM:SS.fff". */
  time: string;
  buy: number;
  sell: number;
}

const DAILY_STEP = 0.003; // ≈ 0.3% daily moves
const REVERSION = 0.05; // pull back towards the level, so two years stay within a few percent
const SPREAD = 0.00011; // sell − buy, relative (5.4321 / 5.4327)

/** Each currency's walk, extended lazily: closing levels by bulletin day. */
const walks = new Map<
  PtaxCurrency,
  { last: IsoDate; logLevel: number; random: Random; levels: Map<IsoDate, number> }
>();

function closingLevel(info: PtaxCurrencyInfo, date: IsoDate): number {
  let walk = walks.get(info.symbol);
  if (!walk) {
    walk = {
      last: addDays(SEED_START, -1),
      logLevel: Math.log(info.level),
      random: new Random(info.seed),
      levels: new Map(),
    };
    walks.set(info.symbol, walk);
  }
  const target = Math.log(info.level);
  while (walk.last < date) {
    walk.last = addDays(walk.last, 1);
    if (!hasPtaxBulletin(walk.last)) continue;
    const shock = (walk.random.next() + walk.random.next() + walk.random.next() - 1.5) * 2 * DAILY_STEP;
    walk.logLevel += shock - REVERSION * (walk.logLevel - target);
    walk.levels.set(walk.last, Math.exp(walk.logLevel));
  }
  return walk.levels.get(date) ?? Math.exp(walk.logLevel);
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/** A deterministic number in [0, 1) for a (currency, date, slot), independent of the walk. */
function jitter(info: PtaxCurrencyInfo, date: IsoDate, slot: number): number {
  return new Random(info.seed * 1_000_003 + Number(date.replaceAll("-", "")) * 7 + slot).next();
}

function clock(hour: number, info: PtaxCurrencyInfo, date: IsoDate, slot: number, fromMinute = 1, toMinute = 9) {
  const r = jitter(info, date, 100 + slot);
  const totalMs = Math.floor(r * (toMinute - fromMinute + 1) * 60_000) + fromMinute * 60_000;
  const minute = Math.floor(totalMs / 60_000);
  const second = Math.floor((totalMs % 60_000) / 1000);
  const ms = totalMs % 1000;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(ms, 3)}`;
}

/**
 * The bulletins of `currency` on `date`, in publication order (none on weekends and holidays, or
 * before SEED_START). `closingOverride` replaces the closing rates (the control API's PUT).
 * On 24 December the closing comes with the 11:00 bulletin; on 31 December the Banco Central
 * repeats the previous bulletin day's closing.
 */
export function bulletinsOn(
  currency: PtaxCurrency,
  date: IsoDate,
  closingOverride?: { buy: number; sell: number },
): Bulletin[] {
  const info = currencyInfo(currency);
  if (!info || !isIsoDate(date) || date < SEED_START || !hasPtaxBulletin(date)) return [];
  const rates = (level: number) => ({
    buy: round(level, info.decimals),
    sell: round(level * (1 + SPREAD), info.decimals),
  });
  const monthDay = date.slice(5);
  const closing = {
    currency,
    date,
    kind: CLOSING_BULLETIN,
    time: clock(monthDay === "12-24" ? 11 : 13, info, date, 4, 3, 9),
    ...(closingOverride ??
      rates(monthDay === "12-31" ? closingLevel(info, previousPtaxDay(date)) : closingLevel(info, date))),
  } as const;
  if (monthDay === "12-31") return [closing];
  const level = closingLevel(info, date);
  const intraday = (slot: number, hour: number, kind: BulletinKind): Bulletin => ({
    currency,
    date,
    kind,
    time: clock(hour, info, date, slot),
    ...rates(level * (1 + (jitter(info, date, slot) - 0.5) * 0.004)),
  });
  if (monthDay === "12-24") return [intraday(1, 10, "Abertura"), closing];
  return [intraday(1, 10, "Abertura"), intraday(2, 11, "Intermediário"), intraday(3, 12, "Intermediário"), closing];
}

/** BCB's parity: units per US$ for type A currencies, US$ per unit for type B. */
export function parity(currency: PtaxCurrency, brlPerUnit: number, brlPerUsd: number): number {
  const info = currencyInfo(currency)!;
  return round(info.type === "A" ? brlPerUsd / brlPerUnit : brlPerUnit / brlPerUsd, 4);
}
