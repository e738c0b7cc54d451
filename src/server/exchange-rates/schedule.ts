import "server-only";
// The daily PTAX refresh of a server process (started from src/server/startup.ts): once at start
// when the newest closing bulletin that should exist is not stored yet, then whenever a new one is
// due — every day after 13:30 Brasília, when the closing bulletin is out. A check every 5 minutes
// is one indexed query. A failed refresh is retried with a doubling pause (2 min … 1 h), so a
// start-up race with the service or a short outage heals quickly without hammering the Banco
// Central; a refresh that worked but found no new bulletin (a bank holiday we do not know) waits 1 h.
import { latestExpectedClosing } from "@/domain/ptax";
import { getDb } from "../db/client";
import { settings } from "../env";
import { reevaluateOpenShipments } from "../services/reevaluate";
import { refreshExchangeRates } from "./refresh";
import { ratesStatus } from "./store";

const CHECK_EVERY_MS = 5 * 60_000;
const FIRST_RETRY_MS = 2 * 60_000;
const MAX_PAUSE_MS = 60 * 60_000;

let started = false;
let running = false;
let nextAttemptAt = 0;
let failures = 0;

/** Refreshes when USD's newest stored bulletin is older than the one due by now. */
async function refreshIfDue(now = new Date()): Promise<void> {
  if (running || now.getTime() < nextAttemptAt) return;
  const db = await getDb();
  const status = await ratesStatus(db);
  const usd = status.currencies.find((c) => c.currency === "USD")?.latestDate ?? null;
  if (usd !== null && usd >= latestExpectedClosing(now)) return;
  running = true;
  try {
    const result = await refreshExchangeRates(db, { now });
    failures = result.ok ? 0 : failures + 1;
    const pause = result.ok ? MAX_PAUSE_MS : Math.min(MAX_PAUSE_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
    nextAttemptAt = now.getTime() + pause;
    if (result.ok) console.log(`[exchange-rates] stored ${result.stored} PTAX rates (${result.from}…${result.to})`);
    // Drafts that waited for a rate are judged with it now.
    if (result.stored > 0) await reevaluateOpenShipments(db, { waitingForRate: true, now });
  } finally {
    running = false;
  }
}

/** Starts the schedule once per process; never blocks start-up. PTAX_REFRESH=off disables it. */
export function startExchangeRateSchedule(): void {
  if (started || !settings().ptaxRefresh) return;
  started = true;
  const check = () =>
    void refreshIfDue().catch((error) => console.error("[exchange-rates] refresh check failed:", String(error)));
  setTimeout(check, 3_000).unref();
  setInterval(check, CHECK_EVERY_MS).unref();
}
