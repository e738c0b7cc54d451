// Money as integer cents. Every domain sum adds cents, never floats: 0.1 + 0.2 must be 0.30, and a
// declared value is the exact sum of its lines. Amounts are bounded by what the database keeps
// (numeric(14,2)), so every value here is a safe integer.

/** The largest amount the database stores (numeric(14,2)): 999,999,999,999.99. */
export const MAX_STORED_CENTS = 99_999_999_999_999;

const DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,2})\d*)?$/;

/**
 * "129.90" → 12990: a decimal point and at most 15 integer digits (forms turn a comma into a point
 * first); more than two decimals are rounded half up (Shopify sends two, some apps more). Null for
 * anything else.
 */
export function parseMoneyCents(value: string | null | undefined): number | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  let cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  // The third decimal, if any (DECIMAL allows one point), rounds half up.
  const dot = text.indexOf(".");
  if (dot >= 0 && text.length > dot + 3 && Number(text[dot + 3]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) return null;
  return sign === "-" ? -cents : cents;
}

/** 12990 → "129.90" (no grouping: the stored and transmitted form). */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** quantity × unit cents, or null when the product is not a safe integer. */
export function lineCents(unitCents: number, quantity: number): number | null {
  const product = unitCents * quantity;
  return Number.isSafeInteger(product) ? product : null;
}

/** The sum, or null as soon as it leaves the safe-integer range. */
export function sumCents(values: readonly number[]): number | null {
  let total = 0;
  for (const value of values) {
    total += value;
    if (!Number.isSafeInteger(total)) return null;
  }
  return total;
}

/** Σ quantity × unit value of the lines, in cents; null when a line is unreadable or the sum overflows. */
export function declaredCentsOf(lines: readonly { quantity: number; unitValue: string | null }[]): number | null {
  const cents: number[] = [];
  for (const line of lines) {
    const unit = parseMoneyCents(line.unitValue);
    const value = unit === null || !Number.isSafeInteger(line.quantity) ? null : lineCents(unit, line.quantity);
    if (value === null) return null;
    cents.push(value);
  }
  return sumCents(cents);
}
