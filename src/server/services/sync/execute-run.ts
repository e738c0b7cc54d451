import "server-only";
// Executes one sync run: incremental from the store's watermark (the last 60 days on a first
// sync), oldest change first, each page committed with the watermark; a large first sync goes
// through a Bulk Operation; then the orders earlier runs could not store are read again by id.
// Page sizes follow the observed query cost so every request stays under Shopify's 1,000-point
// cap. The worker holds the run under a lease it renews between pages, bulk polls and batches;
// should another worker take the run over, this one stops at once without writing. A refused
// session ends the run with "reconnect needed"; nothing already imported is lost, and the next
// run continues from the watermark. A run's stored error is a code and a fixed sentence, never
// a database message (which can quote an order's values).
import type { Session } from "@shopify/shopify-api";
import { and, eq, sql } from "drizzle-orm";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { stores, syncRuns, type SyncRun } from "../../db/schema";
import { settings } from "../../env";
import { MAX_QUERY_COST } from "../../shopify/limits";
import { ShopifyMaxCostExceededError, ShopifyNetworkError, ShopifyThrottledError } from "../../shopify/errors";
import { shopifyGraphql } from "../../shopify/graphql";
import { ORDERS_PAGE_QUERY } from "../../shopify/operations";
import { StoreReconnectNeededError, withShopSession, type ShopDeps } from "../shop-session";
import { splitUpdatedWindow } from "@/domain/bulk-windows";
import {
  BULK_BATCH_SIZE,
  BulkOperationFailedError,
  BulkOperationTimeoutError,
  fetchOrderBatchesInBulk,
} from "./bulk-import";
import { importBatches } from "./import-batches";
import { importPage } from "./import-page";
import { invoiceMetafield, invoiceVariables } from "./invoice-source";
import { withAllLineItems } from "./line-items";
import { findStoreById } from "../../queries/store-lookups";
import { findSyncRun } from "../../queries/sync-state";
import { retriesForRun, retryFailedOrders } from "./retry-orders";
import { claimRun, finishRun, LeaseLostError, renewLease, type Lease } from "./runs";
import { classifyStorageFailure, describeForLog } from "./storage-failure";

export interface SyncOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** How far back a store's first sync reaches. */
  initialLookbackDays?: number;
  /** A first sync of more orders than this uses a Bulk Operation. */
  bulkThreshold?: number;
  /** Line items read per order in a page; orders with more have the rest paged in (line-items.ts). */
  lineItemsFirst?: number;
  /** Tests: stop as if the process died after this many committed pages (bulk: batches). */
  crashAfterPages?: number;
  /** Into how many date ranges a bulk first sync is split, run as concurrent bulk queries (1–5). */
  bulkParts?: number;
  /** How long a claim holds the run without renewal (runs.ts LEASE_MS). */
  leaseMs?: number;
  /** How long a Bulk Operation may run (bulk-import.ts BULK_POLL_TIMEOUT_MS). */
  bulkTimeoutMs?: number;
  /** How many earlier failed orders a run reads again (retry-orders.ts RETRIES_PER_RUN). */
  retriesPerRun?: number;
}

/** What the steps of one execution share: who holds the run, and how to renew that. */
interface Execution {
  run: SyncRun;
  lease: Lease;
  renew: () => Promise<void>;
}

export const INVOICE_NOTE_ATTRIBUTE = settings().nfeNoteAttribute;

/** A bulk first sync runs as one Bulk Operation: splitting it did not clearly pay in bench:bulk (README, Sync Orders). */
const BULK_PARTS = 1;

export class SimulatedCrash extends Error {}

interface OrdersPage {
  orders: { nodes: ShopifyOrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  ordersCount: { count: number };
}

/** The later of `max` and the node's updatedAt (an unreadable date is ignored). */
const later = (max: Date | null, node: ShopifyOrderNode) => {
  const at = new Date(node.updatedAt);
  if (Number.isNaN(at.getTime())) return max;
  return !max || at > max ? at : max;
};

const newest = (nodes: ShopifyOrderNode[]) => nodes.reduce<Date | null>(later, null);

/** The largest page whose requested cost stays under the cap, from what the last page cost. */
function nextPageSize(requestedCost: number, pageSize: number): number {
  const perOrder = Math.max(1, (requestedCost - 2) / Math.max(1, pageSize));
  return Math.max(1, Math.min(250, Math.floor((MAX_QUERY_COST * 0.98 - 2) / perOrder)));
}

/** Each order of a page with all its lines, one order after the other (they share the shop's bucket). */
async function completeLines(deps: ShopDeps, session: Session, nodes: ShopifyOrderNode[]) {
  const complete: ShopifyOrderNode[] = [];
  for (const node of nodes) complete.push(await withAllLineItems(deps, session, node));
  return complete;
}

async function pagedImport(
  deps: ShopDeps,
  session: Session,
  { run, lease, renew }: Execution,
  store: typeof stores.$inferSelect,
  query: string,
  options: SyncOptions & { switchToBulkAbove?: number },
): Promise<"done" | "use_bulk"> {
  // 10 orders × 8 lines (both moneys of every amount) is 893 points, under the 1,000 cap.
  const lineItemsFirst = options.lineItemsFirst ?? 8;
  let pageSize = 10;
  let after: string | null = null;
  let pages = 0;
  do {
    await renew();
    let page: { data: OrdersPage; cost: { requestedQueryCost: number } | null };
    try {
      page = await shopifyGraphql<OrdersPage>(deps.shopify, session, ORDERS_PAGE_QUERY, {
        first: pageSize,
        after,
        query,
        lineItemsFirst,
        ...invoiceVariables(),
      });
    } catch (error) {
      if (!(error instanceof ShopifyMaxCostExceededError) || pageSize === 1) throw error;
      pageSize = Math.max(1, Math.floor(pageSize / 2));
      continue;
    }
    const { pageInfo } = page.data.orders;
    if (pages === 0) {
      const total = page.data.ordersCount.count;
      const counted = await deps.db
        .update(syncRuns)
        .set({ expectedTotal: sql`${syncRuns.fetched} + ${total}`, heartbeatAt: sql`now()` })
        .where(and(eq(syncRuns.id, run.id), eq(syncRuns.leaseOwner, lease.owner)))
        .returning({ id: syncRuns.id });
      if (counted.length === 0) throw new LeaseLostError(run.id);
      if (options.switchToBulkAbove !== undefined && total > options.switchToBulkAbove) return "use_bulk";
    }
    const nodes = await completeLines(deps, session, page.data.orders.nodes);
    await importPage(deps.db, store, run.id, nodes, newest(nodes), {
      invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE,
      lease,
    });
    if (page.cost) pageSize = nextPageSize(page.cost.requestedQueryCost, pageSize);
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    pages++;
    if (options.crashAfterPages !== undefined && pages >= options.crashAfterPages) {
      throw new SimulatedCrash("simulated crash");
    }
  } while (after);
  return "done";
}

/**
 * The Bulk Operations' results, streamed and imported BULK_BATCH_SIZE orders at a time. The
 * watermark (the newest updatedAt seen: the file's order is not guaranteed) moves with the last
 * batch of the last part only, so an interrupted backfill simply runs again (imports are
 * idempotent).
 */
async function bulkImport(
  deps: ShopDeps,
  session: Session,
  { run, lease, renew }: Execution,
  store: typeof stores.$inferSelect,
  since: Date,
  options: SyncOptions,
) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  const importOptions = { invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE, lease };
  const windows = splitUpdatedWindow(since, now(), options.bulkParts ?? BULK_PARTS);
  const batches = fetchOrderBatchesInBulk(deps, session, windows, invoiceMetafield(), BULK_BATCH_SIZE, {
    sleep,
    now,
    onPoll: renew,
    timeoutMs: options.bulkTimeoutMs,
  });
  // Each batch is written once the next one arrives (and mapped meanwhile), so the last is known and takes the watermark.
  let committed = 0;
  await importBatches(deps.db, store, run.id, batches, {
    ...importOptions,
    watermarkOf: (batch, previous) => batch.reduce(later, previous),
    beforeWrite: renew,
    afterCommit: () => {
      if (options.crashAfterPages !== undefined && ++committed >= options.crashAfterPages) {
        throw new SimulatedCrash("simulated crash");
      }
    },
  });
}

const UNEXPECTED = "The sync stopped on an unexpected error; the details are in the server log.";

function failure(error: unknown): { error: string; errorCode: string } {
  if (error instanceof StoreReconnectNeededError) return { errorCode: "reconnect_needed", error: error.message };
  if (error instanceof ShopifyNetworkError) return { errorCode: "shopify_unreachable", error: error.message };
  if (error instanceof ShopifyThrottledError) return { errorCode: "throttled", error: error.message };
  if (error instanceof BulkOperationTimeoutError) return { errorCode: "bulk_timeout", error: error.message };
  if (error instanceof BulkOperationFailedError) return { errorCode: "bulk_failed", error: error.message };
  return { errorCode: "unexpected", error: UNEXPECTED };
}

/**
 * An unexpected error for the server log: its class, what identifies a database error (SQLSTATE,
 * constraint, column) and the stack frames — not the message, which for a failed query repeats
 * its parameters (an order's recipient, phone, e-mail, address).
 */
function loggableError(error: unknown): string {
  const name = (error as Error)?.name ?? typeof error;
  const storage = classifyStorageFailure(error);
  const frames = String((error as Error)?.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "));
  const identity = storage.sqlstate ? ` (${describeForLog(storage)})` : "";
  return [`${name}${identity}`, ...frames].join("\n");
}

export async function executeRun(
  deps: ShopDeps,
  runId: string,
  options: SyncOptions = {},
): Promise<SyncRun | undefined> {
  const now = options.now ?? (() => new Date());
  const claim = await claimRun(deps.db, runId, now(), options.leaseMs);
  if (!claim) return findSyncRun(deps.db, runId); // another worker holds it
  const { run, lease } = claim;
  const execution: Execution = { run, lease, renew: () => renewLease(deps.db, lease, now()) };
  const store = await findStoreById(deps.db, run.storeId);
  if (!store || store.status !== "connected") {
    await finishRun(deps.db, lease, {
      status: "failed",
      errorCode: "reconnect_needed",
      error: "The store is not connected.",
    });
    return findSyncRun(deps.db, runId);
  }
  try {
    await withShopSession(deps, store.shopDomain, async (session) => {
      // Re-read: a retry after a token refresh continues from what is already committed.
      const current = (await findStoreById(deps.db, store.id))!;
      const since =
        current.syncWatermark ?? new Date(now().getTime() - (options.initialLookbackDays ?? 60) * 86_400_000);
      // >= so that orders sharing the boundary timestamp are never skipped (imports are idempotent).
      const query = `updated_at:>='${since.toISOString()}'`;
      const retries = await retriesForRun(deps, current, options.retriesPerRun);
      const outcome = await pagedImport(deps, session, execution, current, query, {
        ...options,
        // A large first sync switches to a Bulk Operation once its first page tells the total.
        switchToBulkAbove: current.syncWatermark ? undefined : (options.bulkThreshold ?? 5_000),
      });
      if (outcome === "use_bulk") await bulkImport(deps, session, execution, current, since, options);
      await retryFailedOrders(deps, session, current, retries, {
        lease,
        renew: execution.renew,
        invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE,
      });
    });
    if (await finishRun(deps.db, lease, { status: "succeeded" })) {
      await deps.db.update(stores).set({ lastSyncedAt: now() }).where(eq(stores.id, store.id));
    }
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error; // as if the process died: the run stays "running"
    if (error instanceof LeaseLostError) {
      // Another worker took the run over (this one stalled past its lease): it is theirs now.
      console.warn(`[sync] run ${runId}: taken over by another worker; this one stopped`);
      return findSyncRun(deps.db, runId);
    }
    const reason = failure(error);
    if (reason.errorCode === "unexpected") console.error(`[sync] run ${runId} failed: ${loggableError(error)}`);
    await finishRun(deps.db, lease, { status: "failed", ...reason });
  }
  return findSyncRun(deps.db, runId);
}
