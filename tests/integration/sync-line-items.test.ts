// Every line of a long order, from Shopify to the shipment: a 251-line order keeps all its customs
// items and its exact declared value through a paged sync, a webhook and a bulk first sync, and its
// tracking write-back fulfils every line. An order paid in USD on a BRL shop is declared in USD, and
// a bulk sync reads the NF-e key from the metafield the store is configured with.
import crypto from "node:crypto";
import type { Shopify } from "@shopify/shopify-api";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomsItem } from "@/domain/order-mapping";
import { VALID_NFE_KEY } from "@/domain/test-orders";
import { createShop } from "@/emulator/control";
import type { EmuOrder } from "@/emulator/model";
import { createEmulator, type Emulator } from "@/emulator/server";
import { orderWebhookPayload, signWebhook } from "@/emulator/webhooks";
import { orders, shipments, stores, syncRunItems } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { writeBackTracking } from "@/server/services/fulfillment";
import { getShopSession } from "@/server/services/shop-session";
import { handleShopifyWebhook } from "@/server/services/shopify-webhooks";
import { executeRun, type SyncOptions } from "@/server/services/sync/execute-run";
import { withAllLineItems } from "@/server/services/sync/line-items";
import { requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { shopifyGraphql } from "@/server/shopify/graphql";
import { ORDER_LINE_ITEMS_QUERY } from "@/server/shopify/operations";
import { createEmulatorOrder, lines } from "../helpers/emulator-orders";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "lines-test-key", apiSecret: "lines-test-secret" };
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  process.env.APP_URL = "http://127.0.0.1:3999";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

/** Σ quantity × unit price, in cents, as a decimal string. */
const declared = (items: { quantity: number; price: string }[]) =>
  (items.reduce((cents, item) => cents + Math.round(Number(item.price) * 100) * item.quantity, 0) / 100).toFixed(2);

const createOrder = (shop: string, fields: Partial<EmuOrder>) => createEmulatorOrder(emulator, shop, fields);

async function connect(domain: string) {
  createShop(emulator.state, { domain, plan: "plus" });
  await connectThroughEmulator(deps(), domain, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
  return store;
}

async function sync(storeId: string, options: SyncOptions = {}) {
  const { run } = await requestSync(testDb.db, storeId, "manual", null);
  const finished = (await executeRun(deps(), run.id, { sleep: async () => {}, ...options }))!;
  expect(finished).toMatchObject({ status: "succeeded", failed: 0 });
  return finished;
}

/** The order row and the shipment of an emulated order. */
async function imported(storeId: string, order: EmuOrder) {
  const [row] = await testDb.db
    .select({ order: orders, shipment: shipments })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(orders.storeId, storeId), eq(orders.shopifyGid, `gid://shopify/Order/${order.id}`)));
  expect(row, `order ${order.name} was not imported as a shipment`).toBeDefined();
  return { ...row, items: row.shipment.customsItems as CustomsItem[] };
}

/** The shipment holds every line of `order`, in order, and the exact declared value in `currency`. */
function expectEveryLine(items: CustomsItem[], shipment: typeof shipments.$inferSelect, order: EmuOrder) {
  expect(items).toHaveLength(order.lineItems.length);
  expect(items.map((item) => item.sku)).toEqual(order.lineItems.map((line) => line.sku));
  expect(items.map((item) => [item.quantity, item.unitValue])).toEqual(
    order.lineItems.map((line) => [line.quantity, line.unitPrice]),
  );
  expect(shipment.declaredValue).toBe(
    declared(order.lineItems.map((line) => ({ quantity: line.quantity, price: line.unitPrice }))),
  );
  expect(shipment.currency).toBe("BRL");
}

const LONG = 251;

describe(`a ${LONG}-line order keeps every line (${driverName})`, () => {
  const domain = "loja-linhas.myshopify.com";

  it("through a paged sync, each request under the cost cap", async () => {
    const store = await connect(domain);
    const order = await createOrder(domain, { lineItems: lines(LONG) });
    await sync(store.id);
    const { shipment, items } = await imported(store.id, order);
    expectEveryLine(items, shipment, order);
    const costs = emulator.state.requestLog
      .filter((entry) => entry.shop === domain && entry.requestedCost !== undefined)
      .map((entry) => entry.requestedCost!);
    expect(Math.max(...costs)).toBeLessThanOrEqual(1000);
  });

  it("through an orders/create webhook", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
    const order = await createOrder(domain, { lineItems: lines(LONG, (i) => ({ quantity: 3 - (i % 3) })) });
    const body = JSON.stringify(orderWebhookPayload(order));
    const response = await handleShopifyWebhook(
      deps(),
      new Request("http://127.0.0.1:3999/api/webhooks/shopify", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-shopify-topic": "orders/create",
          "x-shopify-shop-domain": domain,
          "x-shopify-api-version": "2026-07",
          "x-shopify-webhook-id": crypto.randomUUID(),
          "x-shopify-hmac-sha256": signWebhook(body, APP.apiSecret),
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    const { shipment, items } = await imported(store.id, order);
    expectEveryLine(items, shipment, order);
  });

  it("through a bulk first sync", async () => {
    const bulkDomain = "loja-linhas-bulk.myshopify.com";
    const store = await connect(bulkDomain);
    const order = await createOrder(bulkDomain, { lineItems: lines(LONG) });
    await createOrder(bulkDomain, { lineItems: lines(3) });
    await sync(store.id, { bulkThreshold: 1 });
    const log = emulator.state.requestLog.filter((entry) => entry.shop === bulkDomain);
    expect(log.some((entry) => entry.operation === "BulkOperationRunQuery")).toBe(true);
    const { shipment, items } = await imported(store.id, order);
    expectEveryLine(items, shipment, order);
  });

  it("fails an order of more lines than a shipment holds with its reason, without reading them all", async () => {
    const wideDomain = "loja-linhas-demais.myshopify.com";
    const store = await connect(wideDomain);
    await createOrder(wideDomain, { lineItems: lines(1_500) });
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    const finished = (await executeRun(deps(), run.id, { sleep: async () => {} }))!;
    expect(finished).toMatchObject({ status: "succeeded", failed: 1, created: 0 });
    const [item] = await testDb.db.select().from(syncRunItems).where(eq(syncRunItems.runId, run.id));
    expect(item).toMatchObject({ outcome: "failed", reason: "too_many_lines" });
    // 8 lines with the page, then pages of about 120 under the cost cap: reading stops past 500
    // lines (five pages), where reading all 1,500 would take twelve.
    const linePages = emulator.state.requestLog.filter(
      (entry) => entry.shop === wideDomain && entry.operation === "OrderLineItems",
    );
    expect(linePages.length).toBeGreaterThan(0);
    expect(linePages.length).toBeLessThanOrEqual(5);
  });

  it("the emulator refuses a line page above 250, as Shopify does", async () => {
    const order = emulator.state.shop(domain)!.orders[0];
    const session = await getShopSession(deps(), domain);
    await expect(
      shopifyGraphql(shopify, session, ORDER_LINE_ITEMS_QUERY, { id: `gid://shopify/Order/${order.id}`, first: 251 }),
    ).rejects.toThrow("The page size requested by 'first' on 'lineItems' (251) exceeds the maximum of 250.");
  });

  it("keeps a node whose remaining lines Shopify refuses incomplete, never truncated-and-complete", async () => {
    const order = await createOrder(domain, { lineItems: lines(12) });
    const session = await getShopSession(deps(), domain);
    const node = await withAllLineItems(deps(), session, {
      id: `gid://shopify/Order/${order.id}`,
      lineItems: { pageInfo: { hasNextPage: true, endCursor: "not-a-cursor" }, nodes: [] },
    } as never);
    expect(node.lineItems).toEqual({ pageInfo: { hasNextPage: true, endCursor: "not-a-cursor" }, nodes: [] });
  });
});

describe(`the tracking write-back of a ${LONG}-line order (${driverName})`, () => {
  const domain = "loja-linhas-envio.myshopify.com";

  async function shipmentWithTracking(storeId: string, order: EmuOrder) {
    const { shipment } = await imported(storeId, order);
    await testDb.db
      .update(shipments)
      .set({
        carrier: "fedex",
        trackingNumber: "794612345678",
        documentsGeneratedAt: new Date(),
        fulfillmentState: "pending",
      })
      .where(eq(shipments.id, shipment.id));
    return shipment.id;
  }

  it("fulfils all of its lines", async () => {
    const store = await connect(domain);
    const order = await createOrder(domain, { lineItems: lines(LONG) });
    await sync(store.id);
    const id = await shipmentWithTracking(store.id, order);
    expect(await writeBackTracking(deps(), [id], null)).toEqual({ created: 1, failed: 0 });
    const emulated = emulator.state.shop(domain)!.ordersById.get(order.id)!;
    expect(emulated.fulfillments).toHaveLength(1);
    expect(emulated.fulfillments[0].lineItemIds).toEqual(order.lineItems.map((line) => line.id));
    expect(emulated.fulfillmentStatus).toBe("FULFILLED");
  });

  it("finds the lines still to ship after the first pages of already fulfilled ones", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
    const order = await createOrder(domain, { lineItems: lines(LONG) });
    await sync(store.id);
    // The merchant already shipped the first 240 lines from Shopify's admin.
    const emulated = emulator.state.shop(domain)!.ordersById.get(order.id)!;
    const shippedBefore = order.lineItems.slice(0, 240).map((line) => line.id);
    emulated.fulfillments.push({
      id: 99_000_001,
      status: "SUCCESS",
      trackingCompany: "FedEx",
      trackingNumber: "794600000001",
      trackingUrl: null,
      notifyCustomer: false,
      createdAt: new Date().toISOString(),
      lineItemIds: shippedBefore,
    });
    const id = await shipmentWithTracking(store.id, order);
    expect(await writeBackTracking(deps(), [id], null)).toEqual({ created: 1, failed: 0 });
    expect(emulated.fulfillments).toHaveLength(2);
    expect(emulated.fulfillments[1].lineItemIds).toEqual(order.lineItems.slice(240).map((line) => line.id));
    expect(emulated.fulfillmentStatus).toBe("FULFILLED");
  });
});

describe(`shop money and presentment money (${driverName})`, () => {
  it("an order paid in USD on a BRL shop is declared in USD, with the USD amounts; the order row keeps BRL", async () => {
    const domain = "loja-dolar.myshopify.com";
    const store = await connect(domain);
    const usdLines = lines(3, (i) => (i === 0 ? { presentmentUnitPrice: "2.00" } : {}));
    const order = await createOrder(domain, {
      lineItems: usdLines,
      presentmentCurrency: "USD",
      presentmentRate: 0.18,
    });
    await sync(store.id);
    const { order: row, shipment, items } = await imported(store.id, order);
    // Line 1 pinned at US$ 2.00; lines 2 and 3 converted: 10.37 × 0.18 = 1.8666 → 1.87, 10.74 × 0.18 = 1.9332 → 1.93.
    expect(items.map((item) => [item.quantity, item.unitValue, item.currency])).toEqual([
      [1, "2.00", "USD"],
      [2, "1.87", "USD"],
      [3, "1.93", "USD"],
    ]);
    expect({ declaredValue: shipment.declaredValue, currency: shipment.currency }).toEqual({
      declaredValue: declared([
        { quantity: 1, price: "2.00" },
        { quantity: 2, price: "1.87" },
        { quantity: 3, price: "1.93" },
      ]),
      currency: "USD",
    });
    expect({ currency: row.currency, totalPrice: row.totalPrice }).toEqual({
      currency: "BRL",
      totalPrice: order.totalPrice,
    });
  });

  it("the control API refuses a foreign presentment currency without a rate, and bad amounts", async () => {
    const domain = "loja-dolar.myshopify.com";
    const before = emulator.state.shop(domain)!.orders.length;
    const post = (order: unknown) =>
      fetch(`${emulator.url}/__emulator/shops/${domain}/orders`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ order }),
      });
    const noRate = await post({ presentmentCurrency: "USD" });
    expect(noRate.status).toBe(400);
    expect((await noRate.json()).error).toBe("order.presentmentRate: required with a foreign presentmentCurrency");
    const badAmount = await post({ presentmentCurrency: "USD", presentmentRate: 0.2, presentmentTotalPrice: "1e9" });
    expect(badAmount.status).toBe(400);
    expect((await post({ presentmentCurrency: "usd\u0000", presentmentRate: 0.2 })).status).toBe(400);
    expect((await post({ presentmentCurrency: "USD", presentmentRate: -1 })).status).toBe(400);
    expect(emulator.state.shop(domain)!.orders.length).toBe(before);
  });
});

describe(`bulk honours the NF-e metafield settings (${driverName})`, () => {
  it("reads the key from a custom namespace and key", async () => {
    const domain = "loja-fiscal.myshopify.com";
    const store = await connect(domain);
    const order = await createOrder(domain, {
      lineItems: lines(2),
      metafields: [
        { namespace: "nfe", key: "access_key", type: "single_line_text_field", value: "not the configured one" },
        { namespace: "fiscal", key: "chave_nfe", type: "single_line_text_field", value: VALID_NFE_KEY },
      ],
    });
    const saved = { ...process.env };
    process.env.NFE_METAFIELD_NAMESPACE = "fiscal";
    process.env.NFE_METAFIELD_KEY = "chave_nfe";
    try {
      await sync(store.id, { bulkThreshold: 0 });
    } finally {
      process.env.NFE_METAFIELD_NAMESPACE = saved.NFE_METAFIELD_NAMESPACE;
      process.env.NFE_METAFIELD_KEY = saved.NFE_METAFIELD_KEY;
      if (saved.NFE_METAFIELD_NAMESPACE === undefined) delete process.env.NFE_METAFIELD_NAMESPACE;
      if (saved.NFE_METAFIELD_KEY === undefined) delete process.env.NFE_METAFIELD_KEY;
    }
    const log = emulator.state.requestLog.filter((entry) => entry.shop === domain);
    expect(log.some((entry) => entry.operation === "BulkOperationRunQuery")).toBe(true);
    const { shipment } = await imported(store.id, order);
    expect(shipment.nfeKey).toBe(VALID_NFE_KEY);
  });
});
