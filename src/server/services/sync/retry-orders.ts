import "server-only";
// Every run of a store reads the orders earlier runs could not store or read again, by id, and
// imports them through the same importPage: they are items of this run (so Sync history shows
// each attempt), an order that imports leaves the retry list, one that fails again counts one
// more attempt, and one deleted in Shopify is dropped. A bounded number per run, least recently
// tried first, so a store with many poison orders still gets its new orders synced. The list is
// taken when the run starts: an order that fails in this run waits for the next one, and one the
// run's pages already imported is not read twice.
import type { Session } from "@shopify/shopify-api";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import type { Store } from "../../db/schema";
import { ShopifyQueryError } from "../../shopify/errors";
import { shopifyGraphql } from "../../shopify/graphql";
import { ORDER_QUERY } from "../../shopify/operations";
import type { ShopDeps } from "../shop-session";
import { importPage } from "./import-page";
import { invoiceVariables } from "./invoice-source";
import { FIRST_LINE_PAGE, withAllLineItems } from "./line-items";
import { retriesDue, stillWaiting } from "../../queries/sync-state";
import { clearRetries } from "./retries";
import type { Lease } from "./runs";

const RETRIES_PER_RUN = 250;

export interface RetryOptions {
  lease: Lease;
  invoiceKeyAttribute: string;
  /** Renews the run's lease before each order (throws when the run was taken over). */
  renew: () => Promise<void>;
}

/** The orders this run will retry, taken before it imports anything. */
export function retriesForRun(deps: ShopDeps, store: Store, limit = RETRIES_PER_RUN): Promise<string[]> {
  return retriesDue(deps.db, store.id, limit);
}

/** Reads `orderGids` (retriesForRun's) again, those still waiting; returns how many were read. */
export async function retryFailedOrders(
  deps: ShopDeps,
  session: Session,
  store: Store,
  orderGids: string[],
  options: RetryOptions,
): Promise<number> {
  const due = await stillWaiting(deps.db, store.id, orderGids);
  for (const retry of due) {
    await options.renew();
    let order: ShopifyOrderNode | null;
    try {
      const { data } = await shopifyGraphql<{ order: ShopifyOrderNode | null }>(deps.shopify, session, ORDER_QUERY, {
        id: retry.orderGid,
        lineItemsFirst: FIRST_LINE_PAGE,
        ...invoiceVariables(),
      });
      order = data.order;
    } catch (error) {
      // Shopify refusing this one id (not the session, the network or the bucket) will not change.
      if (!(error instanceof ShopifyQueryError)) throw error;
      console.error(`[sync] retry of ${retry.orderGid} refused by Shopify; dropped`);
      order = null;
    }
    if (!order) {
      await clearRetries(deps.db, store.id, [retry.orderGid]); // deleted in Shopify
      continue;
    }
    const complete = await withAllLineItems(deps, session, order);
    await importPage(deps.db, store, options.lease.runId, [complete], null, {
      invoiceKeyAttribute: options.invoiceKeyAttribute,
      lease: options.lease,
    });
  }
  return due.length;
}
