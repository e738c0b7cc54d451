// Pickup request validation: the dashboard's business-day rule and each carrier's pickup window.
//
// All dates and times are São Paulo local ("YYYY-MM-DD", "HH:MM"): the caller passes `now` in that zone.
//
// What the carriers publish, and how it is read here:
// - Dashboard: business days only (no weekends or holidays; state and municipal holidays add to the
//   national ones, so the pickup address's state and city count); ready < close with the carrier
//   minimum; no same-day pickup after the cut-off. Pontos facultativos (Carnival, Corpus Christi) follow
//   OPTIONAL_DAYS_POLICY (open) unless the carrier's availability answer says it closes on them.
// - FedEx: same or next business day; before the local cut-off; close − ready ≥ the access time
//   (the pickup availability API answers with it, e.g. PT4H0M — no fixed number is given).
// - UPS: close − ready > lead time, ready < call-by time (both from UPS's availability answer; no fixed
//   number is given).
// - DHL: not in the past, at most 10 days ahead.
// - Correios: nothing specific ("–"), so the dashboard rules only.
// The cut-off and the minimum window are therefore 0 / none by default in the table and can be passed
// per request from the carrier's availability answer (`options`).

import type { Carrier } from "./carrier-registry";
import {
  addBusinessDays,
  addDays,
  holidayOn,
  isBusinessDay,
  isIsoDate,
  isWeekend,
  OPTIONAL_DAYS_POLICY,
  type BusinessDayOptions,
  type HolidayPlace,
  type OptionalDaysPolicy,
} from "./holidays";
import type { LocalNow } from "./local-time";

export { PICKUP_BUCKETS } from "./pickup-buckets";

type PickupField = "date" | "readyTime" | "closeTime";

type PickupProblemCode =
  | "invalidDate"
  | "invalidTime"
  | "inThePast"
  | "notBusinessDay"
  | "tooFarAhead"
  | "afterCutoff"
  | "closeBeforeReady"
  | "windowTooShort";

export interface PickupProblem {
  field: PickupField;
  code: PickupProblemCode;
  values?: Record<string, string | number>;
}

export type PickupValidation = { ok: true } | { ok: false; problems: PickupProblem[] };

export interface PickupRequest {
  carrier: Carrier;
  date: string; // "YYYY-MM-DD"
  readyTime: string; // "HH:MM"
  closeTime: string; // "HH:MM"
  /** The pickup address's state and city (the store's shipper); null: national holidays only. */
  place?: HolidayPlace | null;
}

export interface PickupOptions {
  /** Same-day cut-off ("HH:MM", FedEx cut-off / UPS call-by time) from the carrier's availability answer. */
  cutoffTime?: string;
  /** Minimum ready → close window in minutes (FedEx access time / UPS lead time) from the carrier. */
  minWindowMinutes?: number;
  /** A carrier that announces it closes on pontos facultativos answers "closed"; default the policy. */
  optionalDays?: OptionalDaysPolicy;
}

export interface PickupRule {
  /** How far ahead a pickup may be booked, or null when the carrier publishes no limit. */
  horizon: { limit: number; unit: "businessDays" | "days" } | null;
  /** Close − ready must be ≥ the minimum (FedEx access time) or strictly > it (UPS lead time). */
  window: "atLeast" | "moreThan";
  /** Default minimum window (minutes) when the caller gives none: no carrier publishes a fixed one. */
  minWindowMinutes: number;
  /** Default same-day cut-off ("HH:MM"), or null: no carrier publishes a fixed time. */
  cutoffTime: string | null;
}

/** Every carrier's pickup rules, in one table. */
export const PICKUP_RULES: Readonly<Record<Carrier, PickupRule>> = {
  // Express: same or next business day. https://developer.fedex.com/api/en-au/catalog/pickup/docs.html
  fedex: { horizon: { limit: 1, unit: "businessDays" }, window: "atLeast", minWindowMinutes: 0, cutoffTime: null },
  // CloseTime − ReadyTime > LeadTime; ReadyTime < CallByTime. UPS-API/java-api-examples (PickupDateInfo).
  ups: { horizon: null, window: "moreThan", minWindowMinutes: 0, cutoffTime: null },
  // plannedPickupDateAndTime not past, ≤ 10 days ahead. MyDHL API.
  dhl: { horizon: { limit: 10, unit: "days" }, window: "atLeast", minWindowMinutes: 0, cutoffTime: null },
  // Correios publishes no pickup window: the dashboard's business-day rule only.
  correios: { horizon: null, window: "atLeast", minWindowMinutes: 0, cutoffTime: null },
};

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

function isLocalTime(value: unknown): value is string {
  return typeof value === "string" && TIME.test(value);
}

/** Minutes since midnight of an "HH:MM" time. */
export function toMinutes(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`Not an "HH:MM" time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The latest date the carrier accepts for a pickup requested on `today`, or null without a limit. */
export function latestPickupDate(carrier: Carrier, today: string, days: BusinessDayOptions = {}): string | null {
  const { horizon } = PICKUP_RULES[carrier];
  if (!horizon) return null;
  return horizon.unit === "days" ? addDays(today, horizon.limit) : addBusinessDays(today, horizon.limit, days);
}

/**
 * Every problem with a pickup request, each tied to the form field it concerns, or `{ ok: true }`.
 * `now` is the current São Paulo local date and time.
 */
export function validatePickup(request: PickupRequest, now: LocalNow, options: PickupOptions = {}): PickupValidation {
  if (!isIsoDate(now.date) || !isLocalTime(now.time)) throw new RangeError("`now` must be a local date and time");
  if (options.cutoffTime !== undefined && !isLocalTime(options.cutoffTime)) {
    throw new RangeError(`Cut-off must be "HH:MM": ${options.cutoffTime}`);
  }
  const rule = PICKUP_RULES[request.carrier];
  if (!rule) throw new RangeError(`Unknown carrier: ${String(request.carrier)}`);
  const days: BusinessDayOptions = {
    place: request.place ?? null,
    optionalDays: options.optionalDays ?? OPTIONAL_DAYS_POLICY,
  };
  const problems: PickupProblem[] = [];
  const add = (field: PickupField, code: PickupProblemCode, values?: PickupProblem["values"]) =>
    problems.push(values ? { field, code, values } : { field, code });

  const dateOk = isIsoDate(request.date);
  const readyOk = isLocalTime(request.readyTime);
  const closeOk = isLocalTime(request.closeTime);
  if (!dateOk) add("date", "invalidDate");
  if (!readyOk) add("readyTime", "invalidTime");
  if (!closeOk) add("closeTime", "invalidTime");

  const sameDay = dateOk && request.date === now.date;
  const nowMinutes = toMinutes(now.time);

  if (dateOk) {
    if (request.date < now.date) {
      add("date", "inThePast");
    } else {
      if (!isBusinessDay(request.date, days)) {
        const holiday = isWeekend(request.date) ? null : holidayOn(request.date, days.place);
        add(
          "date",
          "notBusinessDay",
          holiday
            ? { holiday: holiday.name, kind: holiday.kind, ...(holiday.place ? { place: holiday.place } : {}) }
            : { weekday: "weekend" },
        );
      }
      const latest = latestPickupDate(request.carrier, now.date, days);
      if (latest !== null && request.date > latest) {
        add("date", "tooFarAhead", { limit: rule.horizon!.limit, unit: rule.horizon!.unit, latest });
      }
      const cutoff = options.cutoffTime ?? rule.cutoffTime;
      if (sameDay && cutoff !== null && nowMinutes >= toMinutes(cutoff)) add("date", "afterCutoff", { cutoff });
    }
  }

  if (readyOk && closeOk) {
    const ready = toMinutes(request.readyTime);
    const close = toMinutes(request.closeTime);
    if (sameDay && ready < nowMinutes) add("readyTime", "inThePast", { now: now.time });
    if (sameDay && close <= nowMinutes) add("closeTime", "inThePast", { now: now.time });
    if (close <= ready) {
      add("closeTime", "closeBeforeReady");
    } else {
      const minimum = options.minWindowMinutes ?? rule.minWindowMinutes;
      const window = close - ready;
      const tooShort = rule.window === "moreThan" ? window <= minimum : window < minimum;
      if (tooShort) add("closeTime", "windowTooShort", { minutes: window, minimum });
    }
  } else if (sameDay) {
    if (readyOk && toMinutes(request.readyTime) < nowMinutes) add("readyTime", "inThePast", { now: now.time });
    if (closeOk && toMinutes(request.closeTime) <= nowMinutes) add("closeTime", "inThePast", { now: now.time });
  }

  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
