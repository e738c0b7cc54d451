// Helpers the UPS emulator's parts share: reading loose JSON, UPS's error and success shapes,
// São Paulo local time, business days, bounded maps.
import type { EmulatorReply } from "../context";

/** São Paulo has kept UTC−3 all year since 2019. */
export const LOCAL_OFFSET_MS = -3 * 3_600_000;

export type Json = Record<string, unknown>;
export const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
export const str = (value: unknown) => (typeof value === "string" ? value : "");

export const error = (status: number, code: string, message: string): EmulatorReply => ({
  status,
  body: { response: { errors: [{ code, message }] } },
});
export const success = { ResponseStatus: { Code: "1", Description: "Success" } };

export const localParts = (at: Date) => {
  const local = new Date(at.getTime() + LOCAL_OFFSET_MS);
  return {
    date: local.toISOString().slice(0, 10).replaceAll("-", ""),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
};
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2, 4));
export const isWeekend = (yyyymmdd: string) => {
  const day = new Date(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};
export const addBusinessDays = (from: Date, days: number) => {
  const date = new Date(from.getTime());
  for (let left = days; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left--;
  }
  return date.toISOString().slice(0, 10).replaceAll("-", "");
};

/** Keeps a Map under its cap by dropping the oldest entries (insertion order). */
export function cap<K, V>(map: Map<K, V>, max: number) {
  while (map.size > max) map.delete(map.keys().next().value as K);
}
