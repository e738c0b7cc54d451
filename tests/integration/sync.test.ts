// Sync Orders end to end below the UI: the real pipeline against the emulator, on PGlite or
// Postgres — counts, idempotence, one run per store, crash and resume, large first syncs,
// malformed orders, revoked sessions and webhooks.
import crypto from "node:crypto";
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { orderWebhookPayload, signWebhook } from "@/emulator/webhooks";
import { orders, shipments, stores, syncRunItems, syncRuns } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { handleShopifyWebhook } from "@/server/services/shopify-webhooks";
import { executeRun, SimulatedCrash } from "@/server/services/sync/execute-run";
import { claimRun, requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { prepareForExport } from "../helpers/export-setup";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "sync-test-key", apiSecret: "sync-test-secret" };
const DEMO = "loja-demo.myshopify.com";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });
const noSleep = { sleep: async () => {} };

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: DEMO, name: "Loja Demo Artesanato", orders: 60, seed: 20261126 });
  process.env.APP_URL = "http://127.0.0.1:3999";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function connect(
  domain: string,
  options: Parameters<typeof createShop>[1] extends infer T ? Partial<T> : never = {},
) {
  if (!emulator.state.shop(domain))
    createShop(emulator.state, { domain, ...options } as Parameters<typeof createShop>[1]);
  await connectThroughEmulator(deps(), domain, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
  await prepareForExport(testDb.db, store.id);
  return (await testDb.db.select().from(stores).where(eq(stores.id, store.id)))[0];
}

async function sync(storeId: string, options = {}) {
  const { run } = await requestSync(testDb.db, storeId, "manual", null);
  return (await executeRun(deps(), run.id, { ...noSleep, ...options }))!;
}

const count = async (table: typeof orders | typeof shipments, storeId: string) =>
  (
    await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.storeId, storeId))
  )[0].n;

describe(`Sync Orders on the demo store (${driverName})`, () => {
  it("imports exactly the expected ready, draft, skipped and domestic orders", async () => {
    const store = await connect(DEMO);
    const run = await sync(store.id);
    const emulated = emulator.state.shop(DEMO)!.orders;
    const noAddress = emulated.filter((o) => !o.shippingAddress).length;
    const domestic = emulated.filter((o) => o.shippingAddress?.countryCode === "BR").length;
    const international = emulated.length - noAddress - domestic;
    const cancelled = emulated.filter(
      (o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR" && o.cancelledAt,
    ).length;
    expect({ noAddress, domestic, international }).toEqual({ noAddress: 3, domestic: 9, international: 48 });

    expect(run).toMatchObject({
      status: "succeeded",
      fetched: 60,
      skippedNoAddress: 3,
      skippedDomestic: 9,
      failed: 0,
      created: international - cancelled,
    });
    // The demo store is deterministic: 14 complete FedEx/UPS orders, 31 drafts (mostly Correios and
    // DHL orders without an NF-e key, plus the deliberate gaps), 3 cancelled.
    expect({ complete: run.complete, drafts: run.drafts, cancelled }).toEqual({
      complete: 14,
      drafts: 31,
      cancelled: 3,
    });
    expect(run.complete + run.drafts).toBe(run.created);

    const byStatus = await testDb.db
      .select({ status: shipments.status, n: sql<number>`count(*)::int` })
      .from(shipments)
      .where(eq(shipments.storeId, store.id))
      .groupBy(shipments.status);
    const statusCount = Object.fromEntries(byStatus.map((row) => [row.status, row.n]));
    expect(statusCount).toEqual({ ready: run.complete, draft: run.drafts, ...(cancelled ? { cancelled } : {}) });

    // The deliberate gaps of the demo store end up as drafts that say what is missing.
    const missingHs = emulated.filter(
      (o) =>
        o.shippingAddress &&
        o.shippingAddress.countryCode !== "BR" &&
        !o.cancelledAt &&
        o.lineItems.some((l) => !l.hsCode),
    );
    expect(missingHs.length).toBeGreaterThanOrEqual(3);
    for (const order of missingHs) {
      const [row] = await testDb.db
        .select({ status: shipments.status, missing: shipments.missingFields })
        .from(shipments)
        .innerJoin(orders, eq(orders.id, shipments.orderId))
        .where(and(eq(orders.storeId, store.id), eq(orders.shopifyGid, `gid://shopify/Order/${order.id}`)));
      expect(row.status).toBe("draft");
      expect(row.missing).toContain("hsCode");
    }
    const items = await testDb.db.select().from(syncRunItems).where(eq(syncRunItems.runId, run.id));
    expect(items).toHaveLength(60);
  });

  it("changes nothing when synced again (no duplicates)", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
    const before = { orders: await count(orders, store.id), shipments: await count(shipments, store.id) };
    const run = await sync(store.id);
    expect(run.status).toBe("succeeded");
    expect(run.created).toBe(0);
    expect(run.updated).toBe(0);
    expect({ orders: await count(orders, store.id), shipments: await count(shipments, store.id) }).toEqual(before);
  });

  it("picks up a changed order, cancels the shipment of a cancelled one, and keeps the rest", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
    const shop = emulator.state.shop(DEMO)!;
    const target = shop.orders.find(
      (o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR" && !o.cancelledAt,
    )!;
    await fetch(`${emulator.url}/__emulator/shops/${DEMO}/orders/${target.id}/cancel`, { method: "POST" });
    const run = await sync(store.id);
    expect(run.status).toBe("succeeded");
    const [row] = await testDb.db
      .select({ status: shipments.status })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(orders.shopifyGid, `gid://shopify/Order/${target.id}`));
    expect(row.status).toBe("cancelled");
  });
});

describe(`runs (${driverName})`, () => {
  it("three simultaneous triggers make one run", async () => {
    const store = await connect("loja-tres.myshopify.com", { orders: 5, seed: 3 });
    const results = await Promise.all([1, 2, 3].map(() => requestSync(testDb.db, store.id, "manual", null)));
    expect(new Set(results.map((r) => r.run.id)).size).toBe(1);
    expect(results.filter((r) => !r.joined)).toHaveLength(1);
    await executeRun(deps(), results[0].run.id, noSleep);
    const runs = await testDb.db.select().from(syncRuns).where(eq(syncRuns.storeId, store.id));
    expect(runs).toHaveLength(1);
  });

  it("resumes after a crash mid-way with exactly one row per order", async () => {
    const store = await connect("loja-crash.myshopify.com", { orders: 80, seed: 11, plan: "plus" });
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    await expect(executeRun(deps(), run.id, { ...noSleep, crashAfterPages: 2 })).rejects.toBeInstanceOf(SimulatedCrash);
    const [afterCrash] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(afterCrash.status).toBe("running");
    const partial = await count(orders, store.id);
    expect(partial).toBeGreaterThan(0);

    // The process is gone: its lease expires and any worker may take the run over.
    expect(await claimRun(testDb.db, run.id)).toBeNull();
    await testDb.db
      .update(syncRuns)
      .set({ leaseExpiresAt: new Date(Date.now() - 1_000) })
      .where(eq(syncRuns.id, run.id));
    const resumed = (await executeRun(deps(), run.id, noSleep))!;
    expect(resumed.status).toBe("succeeded");
    const shop = emulator.state.shop("loja-crash.myshopify.com")!;
    const shippable = shop.orders.filter((o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR").length;
    expect(await count(orders, store.id)).toBe(shippable);
    expect(await count(shipments, store.id)).toBe(shippable);
  });

  it("imports a 5,000-order store on the Standard plan through a Bulk Operation", async () => {
    const store = await connect("loja-grande.myshopify.com", { orders: 5_000, seed: 5, plan: "standard" });
    const run = await sync(store.id, { bulkThreshold: 2_500 });
    expect(run).toMatchObject({ status: "succeeded", fetched: 5_000, failed: 0, error: null });
    const shop = emulator.state.shop("loja-grande.myshopify.com")!;
    const shippable = shop.orders.filter((o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR").length;
    expect(await count(orders, store.id)).toBe(shippable);
    const [{ watermark }] = await testDb.db
      .select({ watermark: stores.syncWatermark })
      .from(stores)
      .where(eq(stores.id, store.id));
    expect(watermark).not.toBeNull();
  }, 120_000);

  it("reports malformed orders and imports the rest", async () => {
    const domain = "loja-quebrada.myshopify.com";
    const store = await connect(domain, { orders: 30, seed: 8 });
    const broken = emulator.state
      .shop(domain)!
      .orders.filter((o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR")
      .slice(0, 2)
      .map((o) => o.id);
    emulator.state.shop(domain)!.faults.malformedOrderIds = broken;
    const run = await sync(store.id);
    expect(run.status).toBe("succeeded");
    expect(run.failed).toBe(2);
    const failedItems = await testDb.db
      .select()
      .from(syncRunItems)
      .where(and(eq(syncRunItems.runId, run.id), eq(syncRunItems.outcome, "failed")));
    expect(failedItems.map((item) => item.orderGid).sort()).toEqual(
      broken.map((id) => `gid://shopify/Order/${id}`).sort(),
    );
    for (const item of failedItems) expect((item.detail as { message?: string }).message).toMatch(/\S/);
    expect(run.created).toBeGreaterThan(0);
  });

  it("ends with 'reconnect needed' when Shopify refuses the session, losing nothing", async () => {
    const domain = "loja-revogada.myshopify.com";
    const store = await connect(domain, { orders: 10, seed: 9 });
    emulator.state.revokeTokens(domain);
    const run = await sync(store.id);
    expect(run).toMatchObject({ status: "failed", errorCode: "reconnect_needed" });
    const [row] = await testDb.db.select().from(stores).where(eq(stores.id, store.id));
    expect(row.status).toBe("reconnect_needed");
  });
});

describe(`webhooks feed the same pipeline (${driverName})`, () => {
  it("a new order's webhook creates its shipment once, even when delivered twice", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
    const response = await fetch(`${emulator.url}/__emulator/shops/${DEMO}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ seed: 4242 }),
    });
    const { order } = await response.json();
    const body = JSON.stringify(orderWebhookPayload(order));
    const deliver = (id: string, topic = "orders/create") =>
      handleShopifyWebhook(
        deps(),
        new Request("http://127.0.0.1:3999/api/webhooks/shopify", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-shopify-topic": topic,
            "x-shopify-shop-domain": DEMO,
            "x-shopify-api-version": "2026-07",
            "x-shopify-webhook-id": id,
            "x-shopify-hmac-sha256": signWebhook(body, APP.apiSecret),
          },
          body,
        }),
      );
    const id = crypto.randomUUID();
    expect((await deliver(id)).status).toBe(200);
    expect((await deliver(id)).status).toBe(200);
    expect((await deliver(crypto.randomUUID(), "orders/updated")).status).toBe(200);
    const rows = await testDb.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.storeId, store.id), eq(orders.shopifyGid, `gid://shopify/Order/${order.id}`)));
    const shippable = order.shippingAddress && order.shippingAddress.countryCode !== "BR";
    expect(rows).toHaveLength(shippable ? 1 : 0);
    const webhookRuns = await testDb.db
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.storeId, store.id), eq(syncRuns.trigger, "webhook")));
    expect(webhookRuns).toHaveLength(2); // the redelivery of the same webhook id did nothing
  });
});
