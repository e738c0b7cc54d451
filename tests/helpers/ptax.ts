// The PTAX emulator for integration tests, in-process on a random port, and `seedRates`: the
// closing rates of the emulator (optionally with exact rates for some days) refreshed into a test
// database through the real client, as the running app gets them.
import type { Db } from "@/server/db/client";
import { createPtaxEmulator, type PtaxEmulator } from "@/emulator/ptax/server";
import { refreshExchangeRates, type RefreshResult } from "@/server/exchange-rates/refresh";

export interface ExactRate {
  currency: string;
  date: string;
  buy: number;
  sell: number;
}

/** A listening PTAX emulator whose clock is `now` (a function, so a test may move it). */
export async function startPtaxEmulator(now: () => Date = () => new Date()): Promise<PtaxEmulator> {
  const emulator = createPtaxEmulator({ now });
  await emulator.listen(0);
  return emulator;
}

/** Sets exact rates through the control API (PUT /__ptax/rates). */
export async function putRates(emulator: PtaxEmulator, rates: readonly ExactRate[]): Promise<void> {
  const response = await fetch(`${emulator.url}/__ptax/rates`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rates }),
  });
  if (!response.ok) throw new Error(`PUT /__ptax/rates: ${response.status} ${await response.text()}`);
}

/**
 * Stores the closing PTAX rates of the REFRESH_DAYS before `now` (default: the real clock) in `db`,
 * with `rates` replacing the emulator's seed on their days. Throws unless every currency stored.
 */
export async function seedRates(
  db: Db,
  options: { now?: Date; rates?: readonly ExactRate[] } = {},
): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const emulator = await startPtaxEmulator(() => now);
  try {
    if (options.rates?.length) await putRates(emulator, options.rates);
    const result = await refreshExchangeRates(db, { now, baseUrl: emulator.apiUrl });
    if (!result.ok) throw new Error(`seedRates: ${JSON.stringify(result.failed)}`);
    return result;
  } finally {
    await emulator.close();
  }
}
