import "server-only";
// First sync of a large store: one Bulk Operation instead of thousands of throttled pages.
// The JSONL result (orders, then their line items and shipping lines as rows carrying
// `__parentId`) is streamed, reassembled into the same order shape a page query returns, and
// imported in batches; the watermark moves with the last batch only, so an interrupted backfill
// simply runs again (imports are idempotent).
import readline from "node:readline";
import { Readable } from "node:stream";
import type { Session } from "@shopify/shopify-api";
import type { ShopifyOrderNode } from "@/domain/order-mapping";
import { shopifyGraphql } from "../../shopify/graphql";
import { BULK_OPERATION_QUERY, BULK_OPERATION_RUN_QUERY_MUTATION, bulkOrdersQuery } from "../../shopify/operations";
import type { ShopDeps } from "../shop-session";
import type { InvoiceMetafield } from "./invoice-source";

export const BULK_BATCH_SIZE = 500;

interface BulkOperation {
  id: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELING" | "CANCELED" | "EXPIRED";
  errorCode: string | null;
  url: string | null;
}

export class BulkOperationFailedError extends Error {}

async function runBulkQuery(deps: ShopDeps, session: Session, query: string, sleep: (ms: number) => Promise<void>) {
  const { data } = await shopifyGraphql<{
    bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] };
  }>(deps.shopify, session, BULK_OPERATION_RUN_QUERY_MUTATION, { query });
  const started = data.bulkOperationRunQuery.bulkOperation;
  if (!started)
    throw new BulkOperationFailedError(data.bulkOperationRunQuery.userErrors.map((e) => e.message).join("; "));
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    await sleep(wait);
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

/** Reassembles JSONL rows into order nodes shaped like ORDERS_PAGE_QUERY's. */
export async function readBulkOrders(lines: AsyncIterable<string>): Promise<ShopifyOrderNode[]> {
  const ordersById = new Map<string, ShopifyOrderNode>();
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Row;
    const parent = row.__parentId ? ordersById.get(row.__parentId) : undefined;
    if (!row.__parentId) {
      ordersById.set(row.id!, {
        ...(row as unknown as ShopifyOrderNode),
        // A bulk operation reads whole connections: every line of the order follows as its own row.
        lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
        shippingLines: { nodes: [] },
      });
    } else if (parent) {
      const { __parentId: _, ...child } = row;
      if (String(row.id).includes("/LineItem/")) parent.lineItems.nodes.push(child as never);
      else if (String(row.id).includes("/ShippingLine/")) parent.shippingLines.nodes.push(child as never);
    }
  }
  return [...ordersById.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
}

export async function fetchAllOrdersInBulk(
  deps: ShopDeps,
  session: Session,
  updatedSince: Date,
  sleep: (ms: number) => Promise<void>,
  invoice: InvoiceMetafield,
): Promise<ShopifyOrderNode[]> {
  const url = await runBulkQuery(deps, session, bulkOrdersQuery(updatedSince.toISOString(), invoice), sleep);
  if (!url) return []; // nothing matched
  const response = await fetch(url);
  if (!response.ok || !response.body)
    throw new BulkOperationFailedError(`Could not download the bulk result (${response.status})`);
  const lines = readline.createInterface({ input: Readable.fromWeb(response.body as never), crlfDelay: Infinity });
  return readBulkOrders(lines);
}
