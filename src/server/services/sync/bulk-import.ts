import "server-only";
// First sync of a large store: Bulk Operations instead of thousands of throttled pages. The
// window may be split into date ranges run as concurrent bulk queries (API 2026-01+: up to five
// per shop), all started at once and read in order of their ranges, so Shopify exports the later
// parts while the earlier ones are imported. Each operation is polled (each poll renews the run's
// lease) until it completes or the deadline passes (then every unfinished one is cancelled). Its
// JSONL result is grouped: each order's row is followed directly by its line items and shipping
// lines (rows carrying `__parentId`), so it is streamed and every order is complete once the next
// order's row arrives — memory holds one batch of orders, never a whole result.
import readline from "node:readline";
import { Readable } from "node:stream";
import type { Session } from "@shopify/shopify-api";
import type { UpdatedWindow } from "@/domain/bulk-windows";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { shopifyGraphql } from "../../shopify/graphql";
import {
  BULK_OPERATION_CANCEL_MUTATION,
  BULK_OPERATION_QUERY,
  BULK_OPERATION_RUN_QUERY_MUTATION,
  bulkOrdersQuery,
} from "../../shopify/operations";
import type { ShopDeps } from "../shop-session";
import type { InvoiceMetafield } from "./invoice-source";

export const BULK_BATCH_SIZE = 500;

/** How long a Bulk Operation may run before the sync gives up on it. */
const BULK_POLL_TIMEOUT_MS = 2 * 60 * 60 * 1000;

interface BulkOperation {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELING" | "CANCELED" | "EXPIRED";
  errorCode: string | null;
  url: string | null;
}

export class BulkOperationFailedError extends Error {}

export class BulkOperationTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Shopify's bulk export did not finish within ${Math.round(timeoutMs / 60_000)} minutes; it was cancelled.`);
  }
}

export interface BulkPollOptions {
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  /** Called before every poll: renews the run's lease (and throws when it was taken over). */
  onPoll: () => Promise<void>;
  timeoutMs?: number;
}

async function cancelBulkOperation(deps: ShopDeps, session: Session, id: string) {
  try {
    await shopifyGraphql(deps.shopify, session, BULK_OPERATION_CANCEL_MUTATION, { id });
  } catch (error) {
    // Shopify expires it on its own; the run fails (or has failed) either way.
    console.error(`[sync] could not cancel bulk operation ${id}`, error);
  }
}

async function startBulkQuery(deps: ShopDeps, session: Session, query: string): Promise<string> {
  const { data } = await shopifyGraphql<{
    bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] };
  }>(deps.shopify, session, BULK_OPERATION_RUN_QUERY_MUTATION, { query });
  const started = data.bulkOperationRunQuery.bulkOperation;
  if (!started)
    throw new BulkOperationFailedError(data.bulkOperationRunQuery.userErrors.map((e) => e.message).join("; "));
  return started.id;
}

/** Polls one operation until it completes: its result URL (null when nothing matched). */
async function awaitBulkResult(
  deps: ShopDeps,
  session: Session,
  id: string,
  deadline: number,
  timeoutMs: number,
  options: BulkPollOptions,
) {
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    await options.sleep(wait);
    await options.onPoll();
    if (options.now().getTime() > deadline) throw new BulkOperationTimeoutError(timeoutMs);
    const { data: polled } = await shopifyGraphql<{ bulkOperation: BulkOperation }>(
      deps.shopify,
      session,
      BULK_OPERATION_QUERY,
      { id },
    );
    const operation = polled.bulkOperation;
    if (operation.status === "COMPLETED") return operation.url;
    if (operation.status !== "CREATED" && operation.status !== "RUNNING") {
      throw new BulkOperationFailedError(
        `Bulk operation ${operation.status.toLowerCase()} (${operation.errorCode ?? "no code"})`,
      );
    }
  }
}

type Row = Record<string, unknown> & { id?: string; __parentId?: string };

const withoutLines = (row: Row): ShopifyOrderNode => ({
  ...(row as unknown as ShopifyOrderNode),
  // A bulk operation reads whole connections: every line of the order follows as its own row.
  lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
  shippingLines: { nodes: [] },
});

/**
 * Reassembles grouped JSONL rows into order nodes shaped like ORDERS_PAGE_QUERY's, yielding each
 * order as soon as the next order's row shows it is complete. A child row that does not belong to
 * the order being read means the result is not grouped: the import stops rather than lose lines.
 */
export async function* streamBulkOrders(lines: AsyncIterable<string>): AsyncGenerator<ShopifyOrderNode> {
  let current: ShopifyOrderNode | null = null;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Row;
    if (!row.__parentId) {
      if (current) yield current;
      current = withoutLines(row);
      continue;
    }
    if (!current || row.__parentId !== current.id) {
      throw new BulkOperationFailedError("The bulk result is not grouped: a line came apart from its order.");
    }
    const { __parentId: _, ...child } = row;
    if (String(row.id).includes("/LineItem/")) current.lineItems.nodes.push(child as never);
    else if (String(row.id).includes("/ShippingLine/")) current.shippingLines.nodes.push(child as never);
  }
  if (current) yield current;
}

async function* downloadBulkOrders(url: string): AsyncGenerator<ShopifyOrderNode> {
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new BulkOperationFailedError(`Could not download the bulk result (${response.status})`);
  const input = Readable.fromWeb(response.body as never);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    yield* streamBulkOrders(lines);
  } finally {
    // Stopped early (a failed batch, a lost lease): the rest of the download is not wanted.
    lines.close();
    input.destroy();
  }
}

/**
 * Runs one bulk query per window (all at once) and streams their results in window order, in
 * batches of at most `batchSize` orders that never mix two windows: an order changed during the
 * sync may be in two results, and one batch must not hold it twice. Reading the windows in order
 * also means the later copy of such an order, the newer one, is imported last. Operations left
 * unread (a failure, a lost lease, the deadline) are cancelled, so they hold none of the shop's
 * five bulk query slots for the rerun.
 */
export async function* fetchOrderBatchesInBulk(
  deps: ShopDeps,
  session: Session,
  windows: UpdatedWindow[],
  invoice: InvoiceMetafield,
  batchSize: number,
  options: BulkPollOptions,
): AsyncGenerator<ShopifyOrderNode[]> {
  const timeoutMs = options.timeoutMs ?? BULK_POLL_TIMEOUT_MS;
  const deadline = options.now().getTime() + timeoutMs;
  const unread: string[] = [];
  try {
    for (const window of windows) {
      const query = bulkOrdersQuery(window.from.toISOString(), invoice, window.before?.toISOString() ?? null);
      unread.push(await startBulkQuery(deps, session, query));
    }
    for (const id of [...unread]) {
      const url = await awaitBulkResult(deps, session, id, deadline, timeoutMs, options);
      unread.shift();
      if (!url) continue; // nothing matched in this window
      let batch: ShopifyOrderNode[] = [];
      for await (const order of downloadBulkOrders(url)) {
        batch.push(order);
        if (batch.length < batchSize) continue;
        yield batch;
        batch = [];
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    for (const id of unread) await cancelBulkOperation(deps, session, id);
  }
}
