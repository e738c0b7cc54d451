// What a sync can do with one order, shared by the database enum and the screens that filter on it.
import type { ShipmentField } from "./carriers";
import type { ShipmentProblem } from "./shipment-problem";

export const SYNC_ITEM_OUTCOMES = [
  "created_ready",
  "created_draft",
  "updated",
  "unchanged",
  "skipped_no_address",
  "skipped_domestic",
  "skipped_test",
  "skipped_not_shippable",
  "cancelled",
  "failed",
] as const;
export type SyncItemOutcome = (typeof SYNC_ITEM_OUTCOMES)[number];

/** What started a run, shared by the database enum, the run service and Sync history's filter. */
export const SYNC_TRIGGERS = ["manual", "webhook", "schedule"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const SYNC_RUN_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

/** What Sync history shows beside an item's outcome (stored in sync_run_items.detail). */
export interface SyncItemDetail {
  /** A new draft: what it misses, and the problems behind it. */
  missing?: ShipmentField[];
  problems?: ShipmentProblem[];
  /** A failed order: why, in words free of customer data; `sqlstate` when the database refused it. */
  message?: string;
  sqlstate?: string | null;
  /** The order is kept for the next run to read again. */
  retried?: boolean;
  /** A domestic order: its destination country. */
  country?: string | null;
  /** An updated shipment: the fields that changed. */
  changed?: string[];
}
