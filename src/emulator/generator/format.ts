// Money and timestamps written the way the Admin API writes them.

/** BRL cents as a decimal string: 12345 → "123.45". */
export const formatCents = (cents: number): string => {
  const units = Math.floor(cents / 100);
  const rest = cents - units * 100;
  return `${units}.${rest < 10 ? "0" : ""}${rest}`;
};

/** Milliseconds since the epoch as an ISO 8601 UTC timestamp truncated to seconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + "Z";
