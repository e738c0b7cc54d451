// FedEx Express pickup rules as the emulator applies them (CARRIERS.md FedEx §4; pickup-rules.ts):
// business days only, the same day until the cut-off, the ready → close window at least the access
// time. The cut-off (16:00) and access time (2 h) are the emulator's figures: FedEx answers its own
// per address, which is why the client reads them from the availability answer.

/** São Paulo has kept UTC−3 all year since 2019 (no daylight saving time). */
const SAO_PAULO_OFFSET_MS = -3 * 3_600_000;
export const CUTOFF = { hours: 16, minutes: 0 };
export const ACCESS_TIME = { hours: 2, minutes: 0 };
/** How far ahead the emulator books: FedEx's own maximum is unverified (CARRIERS.md FedEx §4). */
const MAX_DAYS_AHEAD = 10;

export function localNow(now: Date): { date: string; minutes: number } {
  const local = new Date(now.getTime() + SAO_PAULO_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function nextBusinessDay(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  do at.setUTCDate(at.getUTCDate() + 1);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6);
  return at.toISOString().slice(0, 10);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const CUTOFF_MINUTES = CUTOFF.hours * 60 + CUTOFF.minutes;
const ACCESS_MINUTES = ACCESS_TIME.hours * 60 + ACCESS_TIME.minutes;

/** Why FedEx would not collect on `date` (FedEx-style code and text), or null when it would. */
export function dayRefusal(date: string, now: Date): { code: string; message: string } | null {
  const today = localNow(now);
  if (Number.isNaN(dayNumber(date))) return { code: "PICKUP.DATE.INVALID", message: "Pickup date is invalid." };
  if (dayNumber(date) < dayNumber(today.date)) {
    return { code: "PICKUP.DATE.PAST", message: "Pickup date cannot be in the past." };
  }
  if (dayNumber(date) - dayNumber(today.date) > MAX_DAYS_AHEAD) {
    return { code: "PICKUP.DATE.TOOFAR", message: "Pickup date is too far in the future." };
  }
  if (isWeekend(date))
    return { code: "PICKUP.SCHEDULE.NOTAVAILABLE", message: "Pickup is not available on the requested date." };
  if (date === today.date && today.minutes >= CUTOFF_MINUTES) {
    return { code: "PICKUP.READYTIME.AFTERCUTOFF", message: "Ready Time after Cutoff Time." };
  }
  return null;
}

/** A booking's refusal: the day's, a ready time after the cut-off, or a window shorter than the access time. */
export function bookingRefusal(
  date: string,
  ready: string,
  close: string,
  now: Date,
): { code: string; message: string } | null {
  const day = dayRefusal(date, now);
  if (day) return day;
  if (minutesOf(ready) > CUTOFF_MINUTES)
    return { code: "PICKUP.READYTIME.AFTERCUTOFF", message: "Ready Time after Cutoff Time." };
  if (date === localNow(now).date && minutesOf(ready) < localNow(now).minutes - 1) {
    return { code: "PICKUP.READYTIME.PAST", message: "Package ready time cannot be in the past." };
  }
  if (minutesOf(close) - minutesOf(ready) < ACCESS_MINUTES) {
    return {
      code: "PICKUP.ACCESSTIME.INSUFFICIENT",
      message: "The time between ready time and close time is less than the access time.",
    };
  }
  return null;
}
