import "server-only";
// Executes one sync run: incremental from the store's watermark (the last 60 days on a first
// sync), oldest change first, each page committed with the watermark; a large first sync goes
// through a Bulk Operation. Page sizes follow the observed query cost so every request stays
// under Shopify's 1,000-point cap. A refused session ends the run with "reconnect needed";
// nothing already imported is lost, and the next run continues from the watermark.
import type { Session } from "@shopify/shopify-api";
import { eq, sql } from "drizzle-orm";
import type { ShopifyOrderNode } from "@/domain/order-mapping";
import { stores, syncRuns, type SyncRun } from "../../db/schema";
import { MAX_QUERY_COST } from "../../shopify/limits";
import { ShopifyMaxCostExceededError, ShopifyNetworkError, ShopifyThrottledError } from "../../shopify/errors";
import { shopifyGraphql } from "../../shopify/graphql";
import { ORDERS_PAGE_QUERY } from "../../shopify/operations";
import { StoreReconnectNeededError, withShopSession, type ShopDeps } from "../shop-session";
import { BULK_BATCH_SIZE, BulkOperationFailedError, fetchAllOrdersInBulk } from "./bulk-import";
import { importPage } from "./import-page";
import { invoiceMetafield, invoiceVariables } from "./invoice-source";
import { withAllLineItems } from "./line-items";
import { claimRun, finishRun, getRun } from "./runs";

export interface SyncOptions {
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** How far back a store's first sync reaches. */
  initialLookbackDays?: number;
  /** A first sync of more orders than this uses a Bulk Operation. */
  bulkThreshold?: number;
  /** Line items read per order in a page; orders with more have the rest paged in (line-items.ts). */
  lineItemsFirst?: number;
  /** Tests: stop as if the process died after this many committed pages. */
  crashAfterPages?: number;
}

export const INVOICE_NOTE_ATTRIBUTE = process.env.NFE_NOTE_ATTRIBUTE || "nfe_access_key";

export class SimulatedCrash extends Error {}

interface OrdersPage {
  orders: { nodes: ShopifyOrderNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  ordersCount: { count: number };
}

const newest = (nodes: ShopifyOrderNode[]) =>
  nodes.reduce<Date | null>((max, node) => {
    const at = new Date(node.updatedAt);
    return !max || at > max ? at : max;
  }, null);

/** The largest page whose requested cost stays under the cap, from what the last page cost. */
export function nextPageSize(requestedCost: number, pageSize: number): number {
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
  run: SyncRun,
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
      await deps.db
        .update(syncRuns)
        .set({ expectedTotal: sql`${syncRuns.fetched} + ${total}`, heartbeatAt: sql`now()` })
        .where(eq(syncRuns.id, run.id));
      if (options.switchToBulkAbove !== undefined && total > options.switchToBulkAbove) return "use_bulk";
    }
    const nodes = await completeLines(deps, session, page.data.orders.nodes);
    await importPage(deps.db, store, run.id, nodes, newest(nodes), { invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE });
    if (page.cost) pageSize = nextPageSize(page.cost.requestedQueryCost, pageSize);
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    pages++;
    if (options.crashAfterPages !== undefined && pages >= options.crashAfterPages) {
      throw new SimulatedCrash("simulated crash");
    }
  } while (after);
  return "done";
}

async function bulkImport(
  deps: ShopDeps,
  session: Session,
  run: SyncRun,
  store: typeof stores.$inferSelect,
  since: Date,
  options: SyncOptions,
) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const nodes = await fetchAllOrdersInBulk(deps, session, since, sleep, invoiceMetafield());
  const watermark = newest(nodes);
  for (let start = 0; start < nodes.length; start += BULK_BATCH_SIZE) {
    const batch = nodes.slice(start, start + BULK_BATCH_SIZE);
    const last = start + BULK_BATCH_SIZE >= nodes.length;
    await importPage(deps.db, store, run.id, batch, last ? watermark : null, {
      invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE,
    });
  }
}

function failure(error: unknown): { error: string; errorCode: string } {
  if (error instanceof StoreReconnectNeededError) return { errorCode: "reconnect_needed", error: error.message };
  if (error instanceof ShopifyNetworkError) return { errorCode: "shopify_unreachable", error: error.message };
  if (error instanceof ShopifyThrottledError) return { errorCode: "throttled", error: error.message };
  if (error instanceof BulkOperationFailedError) return { errorCode: "bulk_failed", error: error.message };
  return { errorCode: "unexpected", error: (error as Error)?.message ?? String(error) };
}

export async function executeRun(
  deps: ShopDeps,
  runId: string,
  options: SyncOptions = {},
): Promise<SyncRun | undefined> {
  const now = options.now ?? (() => new Date());
  const run = await claimRun(deps.db, runId, now());
  if (!run) return getRun(deps.db, runId); // another worker has it
  const [store] = await deps.db.select().from(stores).where(eq(stores.id, run.storeId));
  if (!store || store.status !== "connected") {
    await finishRun(deps.db, runId, {
      status: "failed",
      errorCode: "reconnect_needed",
      error: "The store is not connected.",
    });
    return getRun(deps.db, runId);
  }
  try {
    await withShopSession(deps, store.shopDomain, async (session) => {
      // Re-read: a retry after a token refresh continues from what is already committed.
      const [current] = await deps.db.select().from(stores).where(eq(stores.id, store.id));
      const since =
        current.syncWatermark ?? new Date(now().getTime() - (options.initialLookbackDays ?? 60) * 86_400_000);
      // >= so that orders sharing the boundary timestamp are never skipped (imports are idempotent).
      const query = `updated_at:>='${since.toISOString()}'`;
      const outcome = await pagedImport(deps, session, run, current, query, {
        ...options,
        // A large first sync switches to a Bulk Operation once its first page tells the total.
        switchToBulkAbove: current.syncWatermark ? undefined : (options.bulkThreshold ?? 5_000),
      });
      if (outcome === "use_bulk") await bulkImport(deps, session, run, current, since, options);
    });
    await deps.db.update(stores).set({ lastSyncedAt: now() }).where(eq(stores.id, store.id));
    await finishRun(deps.db, runId, { status: "succeeded" });
  } catch (error) {
    if (error instanceof SimulatedCrash) throw error; // as if the process died: the run stays "running"
    const reason = failure(error);
    if (reason.errorCode === "unexpected") console.error(`[sync] run ${runId} failed`, error);
    await finishRun(deps.db, runId, { status: "failed", ...reason });
  }
  return getRun(deps.db, runId);
}
