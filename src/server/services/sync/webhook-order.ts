import "server-only";
// orders/create and orders/updated run the sync pipeline for that one order: it is read from
// Shopify with all its lines and imported like a page of one, in a run of its own (trigger
// "webhook"), so its outcome shows in Sync history like any other.
import { eq, sql } from "drizzle-orm";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import type { Db } from "../../db/client";
import { syncRuns } from "../../db/schema";
import { findStoreByDomain } from "../../queries/stores";
import { shopifyGraphql } from "../../shopify/graphql";
import { ORDER_QUERY } from "../../shopify/operations";
import { withShopSession, type ShopDeps } from "../shop-session";
import { INVOICE_NOTE_ATTRIBUTE } from "./execute-run";
import { importPage } from "./import-page";
import { invoiceVariables } from "./invoice-source";
import { FIRST_LINE_PAGE, withAllLineItems } from "./line-items";

/** The order with every one of its lines (the first page, then the rest paged in). */
export async function fetchOrder(deps: ShopDeps, shop: string, orderGid: string): Promise<ShopifyOrderNode | null> {
  return withShopSession(deps, shop, async (session) => {
    const { data } = await shopifyGraphql<{ order: ShopifyOrderNode | null }>(deps.shopify, session, ORDER_QUERY, {
      id: orderGid,
      lineItemsFirst: FIRST_LINE_PAGE,
      ...invoiceVariables(),
    });
    return data.order && withAllLineItems(deps, session, data.order);
  });
}

/** Imports one order inside `db` (the webhook's transaction) as its own finished run. */
export async function importWebhookOrder(db: Db, shop: string, node: ShopifyOrderNode): Promise<void> {
  const store = await findStoreByDomain(db, shop);
  if (!store || store.status !== "connected") return;
  // Created finished: the one-active-run rule is for full syncs, which may be running meanwhile.
  const [run] = await db
    .insert(syncRuns)
    .values({ storeId: store.id, trigger: "webhook", status: "succeeded", startedAt: sql`now()`, expectedTotal: 1 })
    .returning();
  await importPage(db, store, run.id, [node], null, { invoiceKeyAttribute: INVOICE_NOTE_ATTRIBUTE });
  await db
    .update(syncRuns)
    .set({ finishedAt: sql`now()` })
    .where(eq(syncRuns.id, run.id));
}
