import "server-only";
// Where the fulfillment holds are brought in line (services/fulfillment-holds.ts): every minute in
// the server process beside the sync worker, right after each sync run, and right after an
// operator's change (through `holdsSoon`, which never delays the answer). Rounds in one process
// never overlap; across processes the database claim keeps them apart.
import { getDb } from "../db/client";
import { getShopify } from "../shopify/api";
import { reconcileHolds, type HoldsOutcome } from "./fulfillment-holds";

const INTERVAL_MS = 60_000;
/** One round stops claiming after this long; what is still due waits for the next round. */
const ROUND_BUDGET_MS = 45_000;
const BATCH = 50;

let running: Promise<HoldsOutcome> | null = null;

/** Claims and reconciles due shipments in batches until none is due or the round's budget is spent. */
function reconcileDueHolds(): Promise<HoldsOutcome> {
  running ??= (async () => {
    const deps = { db: await getDb(), shopify: getShopify() };
    const total: HoldsOutcome = { held: 0, released: 0, unchanged: 0, failed: 0 };
    const started = Date.now();
    for (;;) {
      const outcome = await reconcileHolds(deps, { limit: BATCH });
      for (const key of Object.keys(total) as (keyof HoldsOutcome)[]) total[key] += outcome[key];
      const claimed = outcome.held + outcome.released + outcome.unchanged + outcome.failed;
      if (claimed < BATCH || Date.now() - started > ROUND_BUDGET_MS) return total;
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

function logRound(outcome: HoldsOutcome) {
  if (outcome.held + outcome.released + outcome.failed > 0) console.log(`[holds] ${JSON.stringify(outcome)}`);
}

/** After an operator's change to these shipments: their holds now, in the background. Never throws. */
export function holdsSoon(shipmentIds: string[]): void {
  if (shipmentIds.length === 0) return;
  void (async () => {
    const deps = { db: await getDb(), shopify: getShopify() };
    logRound(await reconcileHolds(deps, { shipmentIds, limit: shipmentIds.length }));
  })().catch((error) => console.error("[holds] after a change", error));
}

/** After a sync run: the drafts it made or completed, without waiting for the next round. */
export function holdsAfterSync(): void {
  void reconcileDueHolds()
    .then(logRound)
    .catch((error) => console.error("[holds] after a sync", error));
}

let started = false;

/** Starts the round every minute, once per process. */
export function startHoldsSchedule(): void {
  if (started) return;
  started = true;
  setInterval(holdsAfterSync, INTERVAL_MS).unref();
  setTimeout(holdsAfterSync, 10_000).unref();
}
