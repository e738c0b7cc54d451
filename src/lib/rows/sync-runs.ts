// The live state of a sync run, as the progress panel polls it.

/** The sync_run_status enum of the schema (the query's return type keeps the two in step). */
type SyncRunStatus = "queued" | "running" | "succeeded" | "failed";

export interface RunProgress {
  id: string;
  storeName: string;
  shopDomain: string;
  status: SyncRunStatus;
  expectedTotal: number | null;
  fetched: number;
  created: number;
  complete: number;
  drafts: number;
  updated: number;
  skippedNoAddress: number;
  skippedDomestic: number;
  skippedTest: number;
  skippedNotShippable: number;
  failed: number;
  error: string | null;
  errorCode: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}
