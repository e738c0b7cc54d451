import "server-only";
// Where runs execute: right after the click in the same server process, and from a loop that
// picks up queued runs and runs left behind by a dead process (any instance, or `npm run worker`).
// An optional schedule (SYNC_INTERVAL_MINUTES) queues a run for every connected store.
import { getDb } from "../../db/client";
import { connectedStoreIds } from "../../queries/store-lookups";
import { settings } from "../../env";
import { getShopify } from "../../shopify/api";
import { holdsAfterSync } from "../fulfillment-holds-schedule";
import { executeRun } from "./execute-run";
import { requestSync, runsToExecute } from "./runs";

const executing = new Set<string>();

/** Executes a run unless this process already is; never throws (the run records its outcome). */
export async function executeInBackground(runId: string): Promise<void> {
  if (executing.has(runId)) return;
  executing.add(runId);
  try {
    await executeRun({ db: await getDb(), shopify: getShopify() }, runId);
    // The drafts the run made or completed get their holds now, not at the next round.
    holdsAfterSync();
  } catch (error) {
    console.error(`[sync] run ${runId} stopped`, error);
  } finally {
    executing.delete(runId);
  }
}

export async function executePendingRuns(): Promise<number> {
  const pending = await runsToExecute(await getDb());
  for (const runId of pending) await executeInBackground(runId);
  return pending.length;
}

async function queueScheduledSyncs(): Promise<void> {
  const db = await getDb();
  for (const storeId of await connectedStoreIds(db)) await requestSync(db, storeId, "schedule", null);
}

let started = false;

/** Starts the pick-up loop (every 30 s) and the optional schedule, once per process. */
export function startSyncWorker(options: { pollMs?: number } = {}) {
  if (started) return;
  started = true;
  const poll = () => void executePendingRuns().catch((error) => console.error("[sync] worker", error));
  setInterval(poll, options.pollMs ?? 30_000).unref();
  setTimeout(poll, 2_000).unref();
  const minutes = settings().syncIntervalMinutes;
  if (minutes > 0) {
    setInterval(
      () =>
        void queueScheduledSyncs()
          .then(poll)
          .catch((error) => console.error("[sync] schedule", error)),
      minutes * 60_000,
    ).unref();
  }
}
