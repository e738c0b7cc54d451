// Amounts on the invoice are added up in integer cents: decimal strings never pass through binary
// floating point, so totals print exactly (0.10 + 0.20 is 0.30, not 0.30000000000000004).

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Cents in a non-negative decimal string with up to two decimals ("12", "12.5", "12.50"); null/"" → 0. */
export function parseCents(value: string | null | undefined): number {
  if (value == null || value.trim() === "") return 0;
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Expected a decimal amount with up to 2 decimals: "${value}"`);
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount too large: "${value}"`);
  return cents;
}

/** "1234.50" for 123450 cents (non-negative): two decimals and no thousands separator, like the input. */
export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
