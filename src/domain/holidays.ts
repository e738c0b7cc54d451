// Brazilian national, state and city holidays, and business-day arithmetic (state and
// city holidays add to the national ones).
//
// The rules come from the date-holidays package (BR, its 27 states and the cities it knows: São Paulo,
// Rio de Janeiro, Belo Horizonte, Curitiba, Recife, Goiânia). Dates are plain "YYYY-MM-DD" strings of
// the holiday's local calendar: they are read from date-holidays' wall-clock `date` string, never from
// its `start`/`end` Date objects, whose calendar day depends on the process time zone.
//
// date-holidays types: `public` closes the day (national, state or city holiday); `bank` and `optional`
// (Carnival Monday/Tuesday, Corpus Christi outside the cities that made it a holiday) are pontos
// facultativos, kind "optional", open or closed by OPTIONAL_DAYS_POLICY; `observance` and `school`
// (Mother's Day, Easter Sunday, Dia do Comércio) are not days off and are ignored. Half days (Ash
// Wednesday until 14:00, 24 and 31 December from 14:00) leave the day open: a pickup fits its hours.
import Holidays from "date-holidays";
import { addDays, assertIsoDate, isWeekend, MAX_YEAR, MIN_YEAR, type IsoDate } from "./calendar";
import { ORIGIN_TIME_ZONE } from "./local-time";

export { addDays, dayOfWeek, isIsoDate, isWeekend, type IsoDate } from "./calendar";

type HolidayKind = "national" | "state" | "city" | "optional";

export interface Holiday {
  date: IsoDate;
  name: string;
  kind: HolidayKind;
  /** The state's or city's name, for kinds "state" and "city". */
  place?: string;
}

/** Where the holidays are observed: the pickup address (state = UF, e.g. "SP"; city as written). */
export interface HolidayPlace {
  state: string | null;
  city?: string | null;
}

export type OptionalDaysPolicy = "open" | "closed";

/**
 * Pontos facultativos (Carnival, Corpus Christi where it is not a city holiday) count as business days:
 * carriers operate on them unless they announce otherwise, and they announce per year, not by rule.
 */
export const OPTIONAL_DAYS_POLICY: OptionalDaysPolicy = "open";

export interface BusinessDayOptions {
  /** The pickup address; absent or null: national holidays only. */
  place?: HolidayPlace | null;
  /** Default OPTIONAL_DAYS_POLICY. */
  optionalDays?: OptionalDaysPolicy;
}

const COUNTRY = "BR";
const MAX_BUSINESS_DAYS = 36_600; // a century: anything larger is a caller's mistake, not a schedule
const MAX_RANGE_DAYS = 400;
const MAX_CITY_LENGTH = 200;
const CLOSING_TYPES = new Set(["public"]);
const OPTIONAL_TYPES = new Set(["bank", "optional"]);

/** Creating an instance parses the country's rules (~5 ms): one per (state, city), for the process. */
const instances = new Map<string, Holidays>();

function instance(state?: string, region?: string): Holidays {
  const key = [COUNTRY, state, region].filter(Boolean).join("/");
  let found = instances.get(key);
  if (!found) {
    const options = { languages: ["pt"], timezone: ORIGIN_TIME_ZONE };
    found = !state
      ? new Holidays(COUNTRY, options)
      : !region
        ? new Holidays(COUNTRY, state, options)
        : new Holidays(COUNTRY, state, region, options);
    instances.set(key, found);
  }
  return found;
}

const STATES: ReadonlyMap<string, string> = new Map(Object.entries(instance().getStates(COUNTRY) ?? {}));

/** Lower case, no accents, single spaces: "SÃO  Paulo" and "sao paulo" are the same city. */
function normalizeName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

interface ResolvedPlace {
  key: string;
  state?: { code: string; name: string };
  city?: { code: string; name: string };
}

const regionsByState = new Map<string, ReadonlyMap<string, { code: string; name: string }>>();

function cityRegion(state: string, city: string): { code: string; name: string } | undefined {
  let regions = regionsByState.get(state);
  if (!regions) {
    const listed = Object.entries(instance().getRegions(COUNTRY, state) ?? {});
    regions = new Map(listed.map(([code, name]) => [normalizeName(name), { code, name }]));
    regionsByState.set(state, regions);
  }
  return city.length > MAX_CITY_LENGTH ? undefined : regions.get(normalizeName(city));
}

function resolvePlace(place: HolidayPlace | null | undefined): ResolvedPlace {
  if (!place || place.state === null || place.state === undefined) return { key: COUNTRY };
  const code = typeof place.state === "string" ? place.state.trim().toUpperCase() : "";
  const stateName = STATES.get(code);
  if (!stateName) throw new RangeError(`Not a Brazilian state (UF): ${String(place.state).slice(0, 40)}`);
  const state = { code, name: stateName };
  // A city date-holidays does not know (Campinas) has only its state's holidays here.
  const city = typeof place.city === "string" ? cityRegion(code, place.city) : undefined;
  return city ? { key: `${code}/${city.code}`, state, city } : { key: code, state };
}

/** The place's holidays as the pickup address should read them: UF known, else national only. */
export function holidayPlaceOf(address: { state: string | null; city: string | null }): HolidayPlace | null {
  const state = address.state?.trim().toUpperCase();
  return state && STATES.has(state) ? { state, city: address.city } : null;
}

/** The names of the state and city whose holidays apply at `place` (city null when not in the rules). */
export function placeNames(place: HolidayPlace): { state: string; city: string | null } {
  const resolved = resolvePlace(place);
  if (!resolved.state) throw new RangeError("A place needs a state");
  return { state: resolved.state.name, city: resolved.city?.name ?? null };
}

/** The local days an entry closes whole: none for half days, two for Carnival Saturday's 48 h. */
function wholeDays(entry: { date: string; start: Date; end: Date }): IsoDate[] {
  if (entry.date.slice(11, 19) !== "00:00:00") return [];
  const hours = (entry.end.getTime() - entry.start.getTime()) / 3_600_000;
  const count = Math.floor((hours + 2) / 24); // 23 h and 25 h days of the old daylight saving are one day
  const first = entry.date.slice(0, 10);
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

const years = new Map<string, ReadonlyMap<IsoDate, Readonly<Holiday>>>();

/**
 * The place's holidays of `year`, by date. National, then state, then city rules: a day is closed if
 * any of them closes it (date-holidays' São Paulo state rules drop the national Consciência Negra), and
 * named by the widest of them; a day only optional everywhere is a ponto facultativo.
 */
function yearHolidays(year: number, place: ResolvedPlace): ReadonlyMap<IsoDate, Readonly<Holiday>> {
  const cacheKey = `${place.key}:${year}`;
  const cached = years.get(cacheKey);
  if (cached) return cached;
  const layers: { kind: HolidayKind; source: Holidays; place?: string }[] = [{ kind: "national", source: instance() }];
  if (place.state) layers.push({ kind: "state", source: instance(place.state.code), place: place.state.name });
  if (place.state && place.city) {
    layers.push({ kind: "city", source: instance(place.state.code, place.city.code), place: place.city.name });
  }
  const closed = new Map<IsoDate, Readonly<Holiday>>();
  const optional = new Map<IsoDate, Readonly<Holiday>>();
  for (const layer of layers) {
    for (const entry of layer.source.getHolidays(year) || []) {
      const target = CLOSING_TYPES.has(entry.type) ? closed : OPTIONAL_TYPES.has(entry.type) ? optional : null;
      if (!target) continue;
      const kind = target === closed ? layer.kind : "optional";
      for (const date of wholeDays(entry)) {
        if (target.has(date) || date.slice(0, 4) !== String(year)) continue;
        target.set(
          date,
          Object.freeze(
            kind === "state" || kind === "city"
              ? { date, name: entry.name, kind, place: layer.place }
              : { date, name: entry.name, kind },
          ),
        );
      }
    }
  }
  for (const [date, holiday] of optional) if (!closed.has(date)) closed.set(date, holiday);
  const sorted = new Map([...closed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  years.set(cacheKey, sorted);
  return sorted;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year out of range (${MIN_YEAR}–${MAX_YEAR}): ${year}`);
  }
}

/** The holidays and pontos facultativos of `year` at `place` (national only without one), by date. */
export function brazilianHolidays(year: number, place?: HolidayPlace | null): Holiday[] {
  checkYear(year);
  return [...yearHolidays(year, resolvePlace(place)).values()].map((holiday) => ({ ...holiday }));
}

/** The holiday or ponto facultativo falling on `date` at `place`, or null (a closed day wins). */
export function holidayOn(date: IsoDate, place?: HolidayPlace | null): Holiday | null {
  assertIsoDate(date);
  const found = yearHolidays(Number(date.slice(0, 4)), resolvePlace(place)).get(date);
  return found ? { ...found } : null;
}

/** A weekday that is not a holiday at the place (nor, with the "closed" policy, a ponto facultativo). */
export function isBusinessDay(date: IsoDate, options: BusinessDayOptions = {}): boolean {
  if (isWeekend(date)) return false;
  const holiday = holidayOn(date, options.place);
  if (!holiday) return true;
  return holiday.kind === "optional" && (options.optionalDays ?? OPTIONAL_DAYS_POLICY) === "open";
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
  if (!Number.isInteger(n) || Math.abs(n) > MAX_BUSINESS_DAYS) {
    throw new RangeError(`Business days must be an integer within ±${MAX_BUSINESS_DAYS}: ${n}`);
  }
  let d = date;
  assertIsoDate(d);
  for (let i = 0; i < Math.abs(n); i++) d = n > 0 ? nextBusinessDay(d, options) : previousBusinessDay(d, options);
  return d;
}

/**
 * The weekdays from `from` to `to` (inclusive) that are not business days at the place: what a client
 * needs, with `nextOpenDay`, to find business days without the holiday rules.
 */
export function closedWeekdays(from: IsoDate, to: IsoDate, options: BusinessDayOptions = {}): IsoDate[] {
  assertIsoDate(from);
  assertIsoDate(to);
  const closed: IsoDate[] = [];
  for (let d = from, i = 0; d <= to; d = addDays(d, 1), i++) {
    if (i >= MAX_RANGE_DAYS) throw new RangeError(`At most ${MAX_RANGE_DAYS} days: ${from} to ${to}`);
    if (!isWeekend(d) && !isBusinessDay(d, options)) closed.push(d);
  }
  return closed;
}
