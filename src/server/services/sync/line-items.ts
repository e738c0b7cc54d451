import "server-only";
// An order page carries only an order's first lines (a page of 250 orders × 250 lines would cost far
// more than Shopify's 1,000-point cap). An order with more is completed here: its remaining lines are
// read page by page, after the cursor of the last one it has, until Shopify says there are no more.
// Every path that reads orders — the paged sync and webhooks — runs its orders through this.
import type { Session } from "@shopify/shopify-api";
import { MAX_LINE_ITEMS } from "@/domain/bounds";
import type { ShopifyLineItem, ShopifyOrderNode } from "@/domain/shopify-order";
import { ShopifyForbiddenError, ShopifyMaxCostExceededError, ShopifyQueryError } from "../../shopify/errors";
import { shopifyGraphql, type GraphqlResult } from "../../shopify/graphql";
import { MAX_QUERY_COST } from "../../shopify/limits";
import { ORDER_LINE_ITEMS_QUERY } from "../../shopify/operations";
import type { ShopDeps } from "../shop-session";

/** Shopify's largest page. */
const MAX_PAGE = 250;
/** The first page: ORDER_LINE_ITEMS_QUERY costs 3 + 8 per line, so 100 lines are 803 points. */
export const FIRST_LINE_PAGE = 100;

interface LineItemsPage {
  order: {
    lineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ShopifyLineItem[] };
  } | null;
}

/** The largest next page whose requested cost stays under the cap, from what this page cost. */
function nextLinePageSize(requestedCost: number, pageSize: number): number {
  const fixed = 3; // order 1 + the connection's own 2
  const perLine = Math.max(1, (requestedCost - fixed) / Math.max(1, pageSize));
  return Math.max(1, Math.min(MAX_PAGE, Math.floor((MAX_QUERY_COST * 0.98 - fixed) / perLine)));
}

/**
 * Shopify refusing this read itself (the query, a permission, or a cost it will not take even for
 * one line) — as opposed to auth, throttling or the network, which the caller's session and retry
 * logic own and which must end the run so it is tried again.
 */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof ShopifyQueryError ||
    error instanceof ShopifyForbiddenError ||
    error instanceof ShopifyMaxCostExceededError
  );
}

/**
 * `node` with every one of its lines and `pageInfo.hasNextPage: false`. When Shopify refuses the
 * remaining lines, the node comes back with what was read and `hasNextPage: true`, so the mapping
 * turns it into a draft whose lines could not all be read, never a shipment with lines missing.
 */
export async function withAllLineItems(
  deps: ShopDeps,
  session: Session,
  node: ShopifyOrderNode,
): Promise<ShopifyOrderNode> {
  const lines = [...node.lineItems.nodes];
  let { hasNextPage, endCursor = null } = node.lineItems.pageInfo;
  let pageSize = FIRST_LINE_PAGE;
  // Past a shipment's most lines the order fails with its reason whatever follows: stop reading.
  while (hasNextPage && endCursor && lines.length <= MAX_LINE_ITEMS) {
    let page: GraphqlResult<LineItemsPage>;
    try {
      page = await shopifyGraphql<LineItemsPage>(deps.shopify, session, ORDER_LINE_ITEMS_QUERY, {
        id: node.id,
        first: pageSize,
        after: endCursor,
      });
    } catch (error) {
      if (error instanceof ShopifyMaxCostExceededError && pageSize > 1) {
        pageSize = Math.max(1, Math.floor(pageSize / 2));
        continue;
      }
      if (isRefusal(error)) break;
      throw error;
    }
    const connection = page.data.order?.lineItems;
    if (!connection) break; // the order is gone from Shopify: keep what was read, still incomplete
    lines.push(...connection.nodes);
    ({ hasNextPage, endCursor } = connection.pageInfo);
    if (page.cost) pageSize = nextLinePageSize(page.cost.requestedQueryCost, pageSize);
  }
  return { ...node, lineItems: { pageInfo: { hasNextPage, endCursor }, nodes: lines } };
}
