import "server-only";
// The daily PTAX refresh of a server process (started from src/server/startup.ts): once at start
// when the newest closing bulletin that should exist is not stored yet, then whenever a new one is
// due — every day after 13:30 Brasília, when the closing bulletin is out. A check every 15 minutes
// is one indexed query; a failed or still-empty refresh is retried at most once an hour.
import { latestExpectedClosing } from "@/domain/ptax";
import { getDb } from "../db/client";
import { refreshExchangeRates } from "./refresh";
import { ratesStatus } from "./store";

const CHECK_EVERY_MS = 15 * 60_000;
const RETRY_AFTER_MS = 60 * 60_000;

let started = false;
let running = false;
let lastAttempt = 0;

/** Refreshes when USD's newest stored bulletin is older than the one due by now. */
export async function refreshIfDue(now = new Date()): Promise<void> {
  if (running || (lastAttempt && now.getTime() - lastAttempt < RETRY_AFTER_MS)) return;
  const db = await getDb();
  const status = await ratesStatus(db);
  const usd = status.currencies.find((c) => c.currency === "USD")?.latestDate ?? null;
  if (usd !== null && usd >= latestExpectedClosing(now)) return;
  running = true;
  lastAttempt = now.getTime();
  try {
    const result = await refreshExchangeRates(db, { now });
    if (result.ok) console.log(`[exchange-rates] stored ${result.stored} PTAX rates (${result.from}…${result.to})`);
  } finally {
    running = false;
  }
}

/** Starts the schedule once per process; never blocks start-up. PTAX_REFRESH=off disables it. */
export function startExchangeRateSchedule(): void {
  if (started || process.env.PTAX_REFRESH === "off") return;
  started = true;
  const check = () =>
    void refreshIfDue().catch((error) => console.error("[exchange-rates] refresh check failed:", String(error)));
  setTimeout(check, 3_000).unref();
  setInterval(check, CHECK_EVERY_MS).unref();
}
