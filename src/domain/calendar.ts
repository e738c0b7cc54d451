// Plain calendar arithmetic on "YYYY-MM-DD" dates of the local calendar in America/Sao_Paulo.
//
// Nothing here looks at a clock or a time zone: UTC Date objects are used only as a calendar to count
// days and find weekdays. Kept apart from holidays.ts so that client components can use it without
// bundling the holiday data (date-holidays carries every country's rules).

export type IsoDate = string; // "YYYY-MM-DD"

export const MIN_YEAR = 1583; // first full Gregorian year
export const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
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
  if (!isIsoDate(date)) throw new RangeError(`Not a "YYYY-MM-DD" date: ${String(date).slice(0, 40)}`);
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function fromUtcMs(ms: number): IsoDate {
  const t = new Date(ms);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Throws a RangeError unless `date` is a real "YYYY-MM-DD" date. */
export function assertIsoDate(date: IsoDate): void {
  toUtcMs(date);
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

/**
 * The first weekday strictly after `date` that is not in `closed` (holidays computed elsewhere, e.g.
 * by the server for the shipper's place). Gives up after `limit` days rather than loop forever.
 */
export function nextOpenDay(date: IsoDate, closed: ReadonlySet<IsoDate>, limit = 366): IsoDate {
  let d = addDays(date, 1);
  for (let i = 0; i < limit; i++, d = addDays(d, 1)) {
    if (!isWeekend(d) && !closed.has(d)) return d;
  }
  throw new RangeError(`No open day within ${limit} days after ${date}`);
}
