import "server-only";
// POST /api/webhooks/shopify: a body over our limit is refused with 413 before it is read whole,
// the HMAC is checked on the raw body (401 otherwise), a payload that is not an object of the
// types we read is 400, a shop we do not hold is answered 200 and ignored (nothing is recorded for
// it), each webhook id is handled once (recorded in the same transaction as its effect, so a
// failure lets Shopify retry and a redelivery changes nothing), then the topic is acted on.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { orders, processedWebhooks, shipments, shopifySessions, stores } from "../db/schema";
import { recordAudit } from "../queries/audit";
import { storeIdByDomain } from "../queries/store-lookups";
import { webhookAlreadyProcessed } from "../queries/webhooks";
import { readBodyWithLimit } from "../http/read-body";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { MAX_WEBHOOK_BODY_BYTES } from "@/domain/request-limits";
import { StoreReconnectNeededError, type ShopDeps } from "./shop-session";
import { fetchOrder, importWebhookOrder } from "./sync/webhook-order";

/**
 * The fields we read, in the types Shopify sends; anything else in the payload is ignored. A
 * payload that is not an object (null, a number, an array) or has one of these in another type is
 * refused with 400 rather than failing halfway through.
 */
const payloadSchema = z.object({
  admin_graphql_api_id: z.string().nullish(),
  customer: z.object({ id: z.number().nullish(), email: z.string().nullish(), phone: z.string().nullish() }).nullish(),
  orders_requested: z.array(z.number()).nullish(),
  orders_to_redact: z.array(z.number()).nullish(),
  data_request: z.object({ id: z.number().nullish() }).nullish(),
});
type WebhookPayload = z.output<typeof payloadSchema>;

const orderGids = (ids: number[] | null | undefined) => (ids ?? []).map((id) => `gid://shopify/Order/${id}`);

/** The stored orders a compliance request is about: listed by id, or placed with the customer's email. */
function customerOrders(storeId: string, payload: WebhookPayload, ids: number[] | null | undefined) {
  const byId = orderGids(ids);
  const email = payload.customer?.email?.toLowerCase();
  const matches = [
    byId.length > 0 ? inArray(orders.shopifyGid, byId) : undefined,
    email ? sql`lower(${orders.customerEmail}) = ${email}` : undefined,
  ].filter(Boolean);
  return matches.length > 0 ? and(eq(orders.storeId, storeId), or(...matches)) : sql`false`;
}

async function appUninstalled(tx: Db, shop: string) {
  const [store] = await tx
    .update(stores)
    .set({ status: "uninstalled", updatedAt: sql`now()` })
    .where(eq(stores.shopDomain, shop))
    .returning({ id: stores.id });
  await tx.delete(shopifySessions).where(eq(shopifySessions.shop, shop));
  if (store)
    await recordAudit(tx, { actorId: null, action: "store.uninstalled", entityType: "store", entityId: store.id });
}

async function customerDataRequest(tx: Db, storeId: string, payload: WebhookPayload) {
  const held = await tx
    .select({ name: orders.name, gid: orders.shopifyGid })
    .from(orders)
    .where(customerOrders(storeId, payload, payload.orders_requested));
  // The report of what we hold; the merchant answers the customer with it.
  await recordAudit(tx, {
    actorId: null,
    action: "compliance.customer_data_request",
    entityType: "store",
    entityId: storeId,
    after: { dataRequestId: payload.data_request?.id ?? null, customerId: payload.customer?.id ?? null, orders: held },
  });
  console.info(`[compliance] customers/data_request for store ${storeId}: ${held.length} order(s) held`);
}

async function customerRedact(tx: Db, storeId: string, payload: WebhookPayload) {
  const redacted = await tx
    .update(orders)
    .set({ customerName: null, customerEmail: null, shippingAddress: null, raw: null, updatedAt: sql`now()` })
    .where(customerOrders(storeId, payload, payload.orders_to_redact))
    .returning({ id: orders.id, name: orders.name });
  if (redacted.length > 0) {
    await tx
      .update(shipments)
      .set({ recipient: null, updatedAt: sql`now()` })
      .where(
        inArray(
          shipments.orderId,
          redacted.map((order) => order.id),
        ),
      );
  }
  await recordAudit(tx, {
    actorId: null,
    action: "compliance.customer_redact",
    entityType: "store",
    entityId: storeId,
    after: { customerId: payload.customer?.id ?? null, orders: redacted.map((order) => order.name) },
  });
}

async function shopRedact(tx: Db, storeId: string, shop: string) {
  // Orders, shipments, quotes and sync history go with the store (foreign keys cascade).
  await tx.delete(stores).where(eq(stores.id, storeId));
  await tx.delete(shopifySessions).where(eq(shopifySessions.shop, shop));
  await recordAudit(tx, {
    actorId: null,
    action: "compliance.shop_redact",
    entityType: "store",
    entityId: storeId,
    before: { shop },
  });
}

const ORDER_TOPICS = new Set(["ORDERS_CREATE", "ORDERS_UPDATED"]);

/** For orders/* webhooks: the order as Shopify has it now, read before the transaction opens. */
async function orderFor(deps: ShopDeps, topic: string, shop: string, webhookId: string, payload: WebhookPayload) {
  if (!ORDER_TOPICS.has(topic)) return null;
  const gid = payload.admin_graphql_api_id;
  if ((await webhookAlreadyProcessed(deps.db, webhookId, shop)) || !gid) return null;
  try {
    return await fetchOrder(deps, shop, gid);
  } catch (error) {
    // The store needs an admin first; the next sync after the reconnect picks the order up.
    if (error instanceof StoreReconnectNeededError) return null;
    throw error;
  }
}

function parsePayload(rawBody: string): WebhookPayload | null {
  try {
    return payloadSchema.safeParse(JSON.parse(rawBody)).data ?? null;
  } catch {
    return null;
  }
}

export async function handleShopifyWebhook({ db, shopify }: ShopDeps, request: Request): Promise<Response> {
  const body = await readBodyWithLimit(request, MAX_WEBHOOK_BODY_BYTES);
  if (!body.ok) return new Response(null, { status: 413 });
  const rawBody = body.text;
  const check = await shopify.webhooks.validate({ rawBody, rawRequest: request });
  if (!check.valid) return new Response(null, { status: 401 });
  const { topic, domain: shop, webhookId } = check;
  const payload = parsePayload(rawBody);
  if (!payload) return new Response(null, { status: 400 });

  // A shop we never connected (or one already redacted) has nothing here to act on.
  if (!(await storeIdByDomain(db, shop))) return new Response(null, { status: 200 });

  let order: ShopifyOrderNode | null;
  try {
    order = await orderFor({ db, shopify }, topic, shop, webhookId, payload);
  } catch (error) {
    console.warn(`[webhooks] ${topic} for ${shop}: could not read the order, Shopify will retry`, error);
    return new Response(null, { status: 503 });
  }

  await db.transaction(async (tx) => {
    const first = await tx
      .insert(processedWebhooks)
      .values({ webhookId, shopDomain: shop, topic })
      .onConflictDoNothing()
      .returning({ webhookId: processedWebhooks.webhookId });
    if (first.length === 0) return; // a redelivery of something already handled
    const storeId = await storeIdByDomain(tx, shop);
    switch (topic) {
      case "APP_UNINSTALLED":
        return appUninstalled(tx, shop);
      case "CUSTOMERS_DATA_REQUEST":
        return storeId ? customerDataRequest(tx, storeId, payload) : undefined;
      case "CUSTOMERS_REDACT":
        return storeId ? customerRedact(tx, storeId, payload) : undefined;
      case "SHOP_REDACT":
        return storeId ? shopRedact(tx, storeId, shop) : undefined;
      case "ORDERS_CREATE":
      case "ORDERS_UPDATED":
        return order ? importWebhookOrder(tx, shop, order) : undefined;
      default:
        return undefined;
    }
  });
  return new Response(null, { status: 200 });
}
