// The live state of a sync run, as the progress panel polls it.
import type { SyncCounters } from "@/domain/sync-counts";

/** The sync_run_status enum of the schema (the query's return type keeps the two in step). */
type SyncRunStatus = "queued" | "running" | "succeeded" | "failed";

export interface RunProgress extends SyncCounters {
  id: string;
  storeName: string;
  shopDomain: string;
  status: SyncRunStatus;
  expectedTotal: number | null;
  error: string | null;
  errorCode: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A store's last finished run, as Stores' "Last sync" cell shows it. */
export interface StoreLastRun {
  id: string;
  fetched: number;
}
