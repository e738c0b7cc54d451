// The Banco Central's PTAX calendar and formats, shared by the rate client, its schedule and the
// PTAX emulator: which currencies PTAX quotes, which days have a bulletin, when today's closing
// bulletin is out, and the service's month-first dates and Brasília timestamps.
import { isBusinessDay, isIsoDate, previousBusinessDay, type IsoDate } from "./holidays";
import { originNow } from "./local-time";

/** The currencies of PTAX's `Moedas` entity (ISO 4217), USD first. */
export const PTAX_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "DKK", "NOK", "SEK"] as const;
export type PtaxCurrency = (typeof PTAX_CURRENCIES)[number];

export function isPtaxCurrency(value: unknown): value is PtaxCurrency {
  return typeof value === "string" && (PTAX_CURRENCIES as readonly string[]).includes(value);
}

/** The closing bulletin's tipoBoletim; some older answers say just "Fechamento". */
export const CLOSING_BULLETIN = "Fechamento PTAX";
export const CLOSING_BULLETIN_NAMES: readonly string[] = [CLOSING_BULLETIN, "Fechamento"];

/**
 * When the closing bulletin is safely out (Brasília time): PTAX averages four polls from 10:00 to
 * 13:00 and publishes the closing at about 13:00–13:10, so 13:30 leaves a margin.
 */
const CLOSING_PUBLISHED_BY = "13:30";

/**
 * Whether PTAX publishes bulletins on `date`. Banks close on Carnival and Corpus Christi (pontos
 * facultativos for carriers), and the Banco Central publishes no PTAX then, so those count as
 * holidays here.
 */
export function hasPtaxBulletin(date: IsoDate): boolean {
  return isBusinessDay(date, { optionalDays: "closed" });
}

/** The last bulletin day strictly before `date`. */
export function previousPtaxDay(date: IsoDate): IsoDate {
  return previousBusinessDay(date, { optionalDays: "closed" });
}

/**
 * The newest closing bulletin that should exist at `instant`: today's once it is past
 * CLOSING_PUBLISHED_BY on a bulletin day, else the previous bulletin day's.
 */
export function latestExpectedClosing(instant: Date): IsoDate {
  const { date, time } = originNow(instant);
  return hasPtaxBulletin(date) && time >= CLOSING_PUBLISHED_BY ? date : previousPtaxDay(date);
}

/** "2026-11-27" → "11-27-2026", the service's month-first parameter format (unquoted). */
export function toPtaxDateParam(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a "YYYY-MM-DD" date: ${String(date)}`);
  const [year, month, day] = date.split("-");
  return `${month}-${day}-${year}`;
}

/** "11-27-2026" (month first; one-digit month and day accepted) → "2026-11-27", or null. */
export function fromPtaxDateParam(value: string): IsoDate | null {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value);
  if (!match) return null;
  const date = `${match[3]}-${match[1].padStart(2, "0")}-${match[2].padStart(2, "0")}`;
  return isIsoDate(date) ? date : null;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/**
 * A dataHoraCotacao ("2026-11-27 13:04:29.158", Brasília wall-clock time) as its Brasília date
 * and the instant. Brasília has kept UTC−3 all year since daylight saving ended in 2019, and
 * PTAX bulletins are only ever published in business hours, so the fixed offset is exact for
 * every bulletin this app reads.
 */
export function parsePtaxTimestamp(value: string): { date: IsoDate; instant: Date } | null {
  const match = TIMESTAMP.exec(value);
  if (!match || !isIsoDate(match[1])) return null;
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = (match[5] ?? "0").padEnd(3, "0");
  const instant = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${millis}-03:00`);
  return Number.isNaN(instant.getTime()) ? null : { date: match[1], instant };
}
