// Pickups are booked in the origin's local time (the carriers' pickup APIs take the origin's time zone). Every
// Brazilian exporter here ships from America/Sao_Paulo (no daylight saving since 2019).

export const ORIGIN_TIME_ZONE = "America/Sao_Paulo";

export interface LocalNow {
  date: string; // "YYYY-MM-DD", São Paulo
  time: string; // "HH:MM", São Paulo
}

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: ORIGIN_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The São Paulo local date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function originNow(instant: Date = new Date()): LocalNow {
  const value = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${value.year}-${value.month}-${value.day}`, time: `${value.hour}:${value.minute}` };
}
