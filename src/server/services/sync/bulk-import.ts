import "server-only";
// First sync of a large store: one Bulk Operation instead of thousands of throttled pages.
// The operation is polled (each poll renews the run's lease) until it completes or its deadline
// passes (then it is cancelled). Its JSONL result is grouped: each order's row is followed
// directly by its line items and shipping lines (rows carrying `__parentId`), so it is streamed
// and every order is complete once the next order's row arrives — memory holds one batch of
// orders, never the whole result.
import readline from "node:readline";
import { Readable } from "node:stream";
import type { Session } from "@shopify/shopify-api";
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
    // Shopify expires it on its own; the run fails with the timeout either way.
    console.error(`[sync] could not cancel bulk operation ${id}`, error);
  }
}

async function runBulkQuery(deps: ShopDeps, session: Session, query: string, options: BulkPollOptions) {
  const timeoutMs = options.timeoutMs ?? BULK_POLL_TIMEOUT_MS;
  const deadline = options.now().getTime() + timeoutMs;
  const { data } = await shopifyGraphql<{
    bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] };
  }>(deps.shopify, session, BULK_OPERATION_RUN_QUERY_MUTATION, { query });
  const started = data.bulkOperationRunQuery.bulkOperation;
  if (!started)
    throw new BulkOperationFailedError(data.bulkOperationRunQuery.userErrors.map((e) => e.message).join("; "));
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    await options.sleep(wait);
    await options.onPoll();
    if (options.now().getTime() > deadline) {
      await cancelBulkOperation(deps, session, started.id);
      throw new BulkOperationTimeoutError(timeoutMs);
    }
    const { data: polled } = await shopifyGraphql<{ bulkOperation: BulkOperation }>(
      deps.shopify,
      session,
      BULK_OPERATION_QUERY,
      { id: started.id },
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

/** Runs the bulk query of orders updated since `updatedSince` and streams its result, order by order. */
export async function* fetchOrdersInBulk(
  deps: ShopDeps,
  session: Session,
  updatedSince: Date,
  invoice: InvoiceMetafield,
  options: BulkPollOptions,
): AsyncGenerator<ShopifyOrderNode> {
  const url = await runBulkQuery(deps, session, bulkOrdersQuery(updatedSince.toISOString(), invoice), options);
  if (!url) return; // nothing matched
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
