// A first sync's window of updated_at split into date ranges, one per concurrent Bulk Operation
// (API 2026-01 allows five bulk queries at once per shop). The ranges are half-open and
// contiguous — [from, before), the next one starting where the last ended — so every order falls
// in exactly one; the last is open-ended, so an order changed during the sync (its updated_at now
// later than any boundary) is always in one of them. Inner boundaries are whole seconds, as
// Shopify's search compares dates.

export interface UpdatedWindow {
  from: Date;
  /** Exclusive; null = no upper bound. */
  before: Date | null;
}

// Shopify runs at most five bulk queries at once per shop (API 2026-01+).
const MAX_BULK_PARTS = 5;

export function splitUpdatedWindow(since: Date, until: Date, parts: number): UpdatedWindow[] {
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_BULK_PARTS) {
    throw new RangeError(`A bulk sync runs 1 to ${MAX_BULK_PARTS} parts, not ${parts}`);
  }
  const start = since.getTime();
  const step = (until.getTime() - start) / parts;
  // Under a second per part there is nothing to split.
  if (parts === 1 || step < 1_000) return [{ from: since, before: null }];
  const boundaries = Array.from(
    { length: parts - 1 },
    (_, i) => new Date(Math.floor((start + step * (i + 1)) / 1_000) * 1_000),
  );
  return [since, ...boundaries].map((from, i) => ({ from, before: boundaries[i] ?? null }));
}
