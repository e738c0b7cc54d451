// Brazilian national holidays and business-day arithmetic (DOMAIN.md §4 "National holidays").
//
// Dates are plain "YYYY-MM-DD" strings of the local calendar in America/Sao_Paulo: callers pass the
// local date; nothing here looks at a clock or a time zone (UTC Date objects are used only as a
// calendar to count days and find weekdays).
//
// Kinds follow DOMAIN.md §4: Carnival Monday/Tuesday and Corpus Christi are "ponto facultativo"
// (kind "optional"); the rest are national holidays (Portaria MGI 11.460 for 2026, Lei 14.759/2023
// for Consciência Negra, national from 2024). DOMAIN.md does not say whether carriers close on
// pontos facultativos, so by default they count as business days; pass `{ optionalAsHoliday: true }`
// to treat them as closed.

export type IsoDate = string; // "YYYY-MM-DD"

export type HolidayKind = "national" | "optional";

export interface Holiday {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
}

export interface BusinessDayOptions {
  /** Treat pontos facultativos (Carnival, Corpus Christi) as non-business days. Default false. */
  optionalAsHoliday?: boolean;
}

/** Consciência Negra (20 Nov) became a national holiday with Lei 14.759/2023, from 2024 on. */
export const CONSCIENCIA_NEGRA_SINCE = 2024;

const MIN_YEAR = 1583; // first full Gregorian year: the Easter algorithm needs the Gregorian calendar
const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const FIXED: readonly { month: number; day: number; name: string; since?: number }[] = [
  { month: 1, day: 1, name: "Confraternização Universal" },
  { month: 4, day: 21, name: "Tiradentes" },
  { month: 5, day: 1, name: "Dia do Trabalho" },
  { month: 9, day: 7, name: "Independência do Brasil" },
  { month: 10, day: 12, name: "Nossa Senhora Aparecida" },
  { month: 11, day: 2, name: "Finados" },
  { month: 11, day: 15, name: "Proclamação da República" },
  { month: 11, day: 20, name: "Dia Nacional de Zumbi e da Consciência Negra", since: CONSCIENCIA_NEGRA_SINCE },
  { month: 12, day: 25, name: "Natal" },
];

/** Days from Easter Sunday. */
const MOVABLE: readonly { offset: number; name: string; kind: HolidayKind }[] = [
  { offset: -48, name: "Carnaval (segunda-feira)", kind: "optional" },
  { offset: -47, name: "Carnaval (terça-feira)", kind: "optional" },
  { offset: -2, name: "Paixão de Cristo", kind: "national" },
  { offset: 60, name: "Corpus Christi", kind: "optional" },
];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range (${MIN_YEAR}–${MAX_YEAR}): ${year}`);
  }
}

/** Whether `value` is a real calendar date written "YYYY-MM-DD" (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a "YYYY-MM-DD" date: ${String(date)}`);
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** Easter Sunday of a Gregorian year (Anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  checkYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const cache = new Map<number, readonly Holiday[]>();

/** The national holidays and pontos facultativos of `year`, sorted by date. */
export function brazilianHolidays(year: number): Holiday[] {
  checkYear(year);
  let list = cache.get(year);
  if (!list) {
    const easter = easterSunday(year);
    const fixed: Holiday[] = FIXED.filter((h) => h.since === undefined || year >= h.since).map((h) => ({
      date: `${pad(year, 4)}-${pad(h.month)}-${pad(h.day)}`,
      name: h.name,
      kind: "national",
    }));
    const movable: Holiday[] = MOVABLE.map((h) => ({ date: addDays(easter, h.offset), name: h.name, kind: h.kind }));
    list = Object.freeze(
      [...fixed, ...movable]
        .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
        .map((h) => Object.freeze(h)),
    );
    cache.set(year, list);
  }
  return list.map((h) => ({ ...h }));
}

/** The holiday or ponto facultativo falling on `date`, or null (national first if two coincide). */
export function holidayOn(date: IsoDate): Holiday | null {
  toUtcMs(date); // validates
  const year = Number(date.slice(0, 4));
  brazilianHolidays(year);
  const matches = cache.get(year)!.filter((h) => h.date === date);
  const found = matches.find((h) => h.kind === "national") ?? matches[0];
  return found ? { ...found } : null;
}

/** A weekday that is not a national holiday (nor, with `optionalAsHoliday`, a ponto facultativo). */
export function isBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): boolean {
  if (isWeekend(date)) return false;
  const holiday = holidayOn(date);
  if (!holiday) return true;
  return holiday.kind === "optional" && !options.optionalAsHoliday;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  let d = addDays(date, 1);
  while (!isBusinessDay(d, options)) d = addDays(d, 1);
  return d;
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  let d = addDays(date, -1);
  while (!isBusinessDay(d, options)) d = addDays(d, -1);
  return d;
}

/**
 * `date` moved by `n` business days: n > 0 steps forward through `nextBusinessDay`, n < 0 backward,
 * n = 0 returns `date` unchanged (even when it is not a business day).
 */
export function addBusinessDays(date: IsoDate, n: number, options: BusinessDayOptions = {}): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be an integer: ${n}`);
  let d = date;
  toUtcMs(d);
  for (let i = 0; i < Math.abs(n); i++) d = n > 0 ? nextBusinessDay(d, options) : previousBusinessDay(d, options);
  return d;
}
