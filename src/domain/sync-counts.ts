// One vocabulary for what a sync did with the orders it read: the same counts, in the same order,
// under the same words (`sync.counts.<kind>`) in the progress panel, Sync history, a run's page and
// Stores. Each count but "read" and "unchangedOrCancelled" is exactly one item outcome, so a count
// links to the orders behind it (a run's page filtered on that outcome) and the two always agree.
import type { SyncItemOutcome } from "./sync";

/** The counters a sync run keeps (the columns of sync_runs). */
export interface SyncCounters {
  fetched: number;
  complete: number;
  drafts: number;
  updated: number;
  skippedNoAddress: number;
  skippedDomestic: number;
  skippedTest: number;
  skippedNotShippable: number;
  failed: number;
}

type SyncCountKind =
  | "read"
  | "newReady"
  | "newDrafts"
  | "updated"
  | "unchangedOrCancelled"
  | "noAddress"
  | "domestic"
  | "testOrders"
  | "nothingToShip"
  | "failed";

export interface SyncCount {
  kind: SyncCountKind;
  value: number;
  /** The run page's outcome filter that lists exactly these orders; null when no single one does. */
  outcome: SyncItemOutcome | null;
}

/**
 * The counts worth showing, "read" first and then what became of those orders: a count of zero is
 * left out (nothing to look at behind it), except "read", which answers "did it do anything?".
 * Unchanged and cancelled orders have no counter of their own; they are what the other counts
 * leave of the orders read, so the parts always add up to the whole.
 */
export function syncCounts(run: SyncCounters): SyncCount[] {
  const accounted =
    run.complete +
    run.drafts +
    run.updated +
    run.skippedNoAddress +
    run.skippedDomestic +
    run.skippedTest +
    run.skippedNotShippable +
    run.failed;
  const parts: SyncCount[] = [
    { kind: "newReady", value: run.complete, outcome: "created_ready" },
    { kind: "newDrafts", value: run.drafts, outcome: "created_draft" },
    { kind: "updated", value: run.updated, outcome: "updated" },
    { kind: "unchangedOrCancelled", value: Math.max(0, run.fetched - accounted), outcome: null },
    { kind: "noAddress", value: run.skippedNoAddress, outcome: "skipped_no_address" },
    { kind: "domestic", value: run.skippedDomestic, outcome: "skipped_domestic" },
    { kind: "testOrders", value: run.skippedTest, outcome: "skipped_test" },
    { kind: "nothingToShip", value: run.skippedNotShippable, outcome: "skipped_not_shippable" },
    { kind: "failed", value: run.failed, outcome: "failed" },
  ];
  return [{ kind: "read", value: run.fetched, outcome: null }, ...parts.filter((part) => part.value > 0)];
}
