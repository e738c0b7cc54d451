// Leases and the bulk first sync, against the emulator on PGlite or Postgres: a live lease keeps
// a second worker out however long a Bulk Operation is polled, a worker whose run was taken over
// writes nothing more, a Bulk Operation past its deadline is cancelled and fails the run, and the
// streamed bulk import gives exactly what the paged sync gives — split across concurrent bulk
// queries too, whose interruption moves no watermark and reruns without losing or doubling an order.
import type { Shopify } from "@shopify/shopify-api";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { orders, shipments, stores, syncRunItems, syncRuns } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { executeRun, SimulatedCrash } from "@/server/services/sync/execute-run";
import { claimRun, LEASE_MS, requestSync, runsToExecute } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { prepareForExport } from "../helpers/export-setup";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "lease-test-key", apiSecret: "lease-test-secret" };
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });
const realDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  process.env.APP_URL = "http://127.0.0.1:3995";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function connect(domain: string, options: { orders: number; seed: number; plan?: "plus" | "standard" }) {
  createShop(emulator.state, { domain, ...options });
  await connectThroughEmulator(deps(), domain, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
  await prepareForExport(testDb.db, store.id);
  return store;
}

const count = async (table: typeof orders | typeof shipments, storeId: string) =>
  (
    await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.storeId, storeId))
  )[0].n;

/** A clock the test moves: the worker's sleeps advance it, as a long real wait would. */
function virtualClock(start = Date.now()) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms), elapsed: () => at - start };
}

describe(`leases (${driverName})`, () => {
  it("a run whose lease is live cannot be claimed by a second worker, however long the bulk poll runs", async () => {
    const store = await connect("loja-lease-bulk.myshopify.com", { orders: 300, seed: 21, plan: "plus" });
    emulator.state.shop(store.shopDomain)!.faults.bulkRunningMs = 1_500; // a large shop's export takes a while
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    const clock = virtualClock();
    const secondWorker: unknown[] = [];
    const result = await executeRun(deps(), run.id, {
      bulkThreshold: 100,
      now: clock.now,
      async sleep() {
        // 20 s pass between polls; meanwhile another instance looks for work and tries to claim it.
        clock.advance(20_000);
        await realDelay(25);
        secondWorker.push(await claimRun(testDb.db, run.id, clock.now()));
        if ((await runsToExecute(testDb.db, clock.now())).includes(run.id)) secondWorker.push("listed");
      },
    });
    expect(secondWorker.every((attempt) => attempt === null)).toBe(true);
    expect(secondWorker.length).toBeGreaterThan(5);
    expect(clock.elapsed()).toBeGreaterThan(2 * 60_000); // far past the old 60-second staleness
    expect(result).toMatchObject({ status: "succeeded", fetched: 300, error: null });
    expect(await count(orders, store.id)).toBeGreaterThan(0);
  });

  it("a worker whose lease was taken over stops at once without writing", async () => {
    const store = await connect("loja-lease-takeover.myshopify.com", { orders: 400, seed: 22, plan: "plus" });
    emulator.state.shop(store.shopDomain)!.faults.latencyMs = 40;
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = executeRun(deps(), run.id, { sleep: async () => {} });
    const progress = async () => (await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.id)))[0];
    while ((await progress()).fetched === 0) await realDelay(10);

    // The first worker stalled (as far as the second one's clock tells): its lease ran out.
    const takeover = await claimRun(testDb.db, run.id, new Date(Date.now() + LEASE_MS + 1_000));
    expect(takeover).not.toBeNull();
    const snapshot = async () => ({
      run: await progress(),
      items: (
        await testDb.db
          .select({ n: sql<number>`count(*)::int` })
          .from(syncRunItems)
          .where(eq(syncRunItems.runId, run.id))
      )[0].n,
      orders: await count(orders, store.id),
      watermark: (await testDb.db.select().from(stores).where(eq(stores.id, store.id)))[0].syncWatermark,
    });
    const atTakeover = await snapshot();

    const stopped = await first;
    expect(stopped).toMatchObject({ status: "running", leaseOwner: takeover!.lease.owner, finishedAt: null });
    expect(await snapshot()).toEqual(atTakeover);
    expect(atTakeover.run.fetched).toBeLessThan(400);
    expect(warn.mock.calls.join(" ")).toContain("taken over");
    warn.mockRestore();
  });

  it("a Bulk Operation past its deadline is cancelled and the run fails with bulk_timeout", async () => {
    const store = await connect("loja-lease-timeout.myshopify.com", { orders: 150, seed: 23, plan: "plus" });
    const shop = emulator.state.shop(store.shopDomain)!;
    shop.faults.bulkRunningMs = 60_000; // never done within the test
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    const clock = virtualClock();
    const result = await executeRun(deps(), run.id, {
      bulkThreshold: 100,
      bulkTimeoutMs: 2 * 60 * 60 * 1000,
      now: clock.now,
      async sleep() {
        clock.advance(30 * 60 * 1000);
        await realDelay(5);
      },
    });
    expect(result).toMatchObject({
      status: "failed",
      errorCode: "bulk_timeout",
      error: "Shopify's bulk export did not finish within 120 minutes; it was cancelled.",
    });
    expect(clock.elapsed()).toBeGreaterThan(2 * 60 * 60 * 1000);
    expect(clock.elapsed()).toBeLessThanOrEqual(3 * 60 * 60 * 1000);
    expect([...shop.bulkOperations.values()].map((operation) => operation.status)).toEqual(["CANCELED"]);
    expect(await count(orders, store.id)).toBe(0);
    const [{ watermark }] = await testDb.db
      .select({ watermark: stores.syncWatermark })
      .from(stores)
      .where(eq(stores.id, store.id));
    expect(watermark).toBeNull();
    shop.faults.bulkRunningMs = 0;
  }, 20_000);
});

/** What a store's sync produced, without ids and times: shipments with their orders, and the run's items. */
async function outcome(storeId: string, runId: string) {
  const rows = await testDb.db
    .select({ order: orders, shipment: shipments })
    .from(orders)
    .leftJoin(shipments, eq(shipments.orderId, orders.id))
    .where(eq(orders.storeId, storeId))
    .orderBy(asc(orders.shopifyGid));
  const items = await testDb.db
    .select({ gid: syncRunItems.orderGid, outcome: syncRunItems.outcome, reason: syncRunItems.reason })
    .from(syncRunItems)
    .where(eq(syncRunItems.runId, runId))
    .orderBy(asc(syncRunItems.orderGid));
  const strip = <T extends Record<string, unknown>>(row: T | null, keys: string[]) =>
    row && Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
  return {
    rows: rows.map((row) => ({
      // raw is each query's own shape (the bulk one carries shipping-line ids, no cursors): compared apart.
      order: strip(row.order, ["id", "storeId", "createdAt", "updatedAt", "raw"]),
      shipment: strip(row.shipment, ["id", "orderId", "storeId", "createdAt", "updatedAt", "holdDueAt"]),
    })),
    items,
  };
}

describe(`streamed bulk import (${driverName})`, () => {
  it("gives the same orders, shipments and items as the paged sync of the same store", async () => {
    const paged = await connect("loja-igual-a.myshopify.com", { orders: 700, seed: 31, plan: "plus" });
    const bulk = await connect("loja-igual-b.myshopify.com", { orders: 0, seed: 31, plan: "plus" });
    // The very same orders in both shops.
    const twin = emulator.state.shop(bulk.shopDomain)!;
    for (const order of structuredClone(emulator.state.shop(paged.shopDomain)!.orders)) {
      twin.orders.push(order);
      twin.ordersById.set(order.id, order);
    }
    const sync = async (storeId: string, bulkThreshold: number) => {
      const { run } = await requestSync(testDb.db, storeId, "manual", null);
      return (await executeRun(deps(), run.id, { sleep: async () => {}, bulkThreshold }))!;
    };
    const pagedRun = await sync(paged.id, Number.POSITIVE_INFINITY);
    const bulkRun = await sync(bulk.id, 100);
    expect(emulator.state.shop(bulk.shopDomain)!.bulkOperations.size).toBe(1);
    expect(emulator.state.shop(paged.shopDomain)!.bulkOperations.size).toBe(0);
    const counters = (run: typeof pagedRun) => ({
      status: run.status,
      fetched: run.fetched,
      created: run.created,
      drafts: run.drafts,
      complete: run.complete,
      skippedNoAddress: run.skippedNoAddress,
      skippedDomestic: run.skippedDomestic,
      skippedTest: run.skippedTest,
      skippedNotShippable: run.skippedNotShippable,
      failed: run.failed,
    });
    expect(counters(bulkRun)).toEqual(counters(pagedRun));
    expect(bulkRun).toMatchObject({ status: "succeeded", fetched: 700 });
    const [bulkOutcome, pagedOutcome] = [await outcome(bulk.id, bulkRun.id), await outcome(paged.id, pagedRun.id)];
    expect(bulkOutcome.rows.length).toBeGreaterThan(300); // more than one batch of the bulk import
    expect(bulkOutcome).toEqual(pagedOutcome);
    const watermarks = await testDb.db
      .select({ id: stores.id, watermark: stores.syncWatermark })
      .from(stores)
      .where(sql`${stores.id} in (${paged.id}, ${bulk.id})`);
    expect(new Set(watermarks.map((row) => row.watermark!.toISOString())).size).toBe(1);
  }, 60_000);

  /** Two shops with the very same orders (the second one's copied from the first). */
  async function twins(prefix: string, orderCount: number, seed: number) {
    const a = await connect(`${prefix}-a.myshopify.com`, { orders: orderCount, seed, plan: "plus" });
    const b = await connect(`${prefix}-b.myshopify.com`, { orders: 0, seed, plan: "plus" });
    const twin = emulator.state.shop(b.shopDomain)!;
    for (const order of structuredClone(emulator.state.shop(a.shopDomain)!.orders)) {
      twin.orders.push(order);
      twin.ordersById.set(order.id, order);
    }
    return [a, b] as const;
  }

  const watermarkOf = async (storeId: string) =>
    (await testDb.db.select({ watermark: stores.syncWatermark }).from(stores).where(eq(stores.id, storeId)))[0]
      .watermark;

  it("split into three concurrent bulk queries, gives what one bulk query gives", async () => {
    const [single, split] = await twins("loja-partes", 900, 32);
    const sync = async (storeId: string, bulkParts: number) => {
      const { run } = await requestSync(testDb.db, storeId, "manual", null);
      return (await executeRun(deps(), run.id, { sleep: async () => {}, bulkThreshold: 100, bulkParts }))!;
    };
    const singleRun = await sync(single.id, 1);
    emulator.state.shop(split.shopDomain)!.faults.bulkRunningMs = 300; // each export takes a while
    const splitRun = await sync(split.id, 3);
    expect(splitRun).toMatchObject({ status: "succeeded", fetched: 900, failed: 0 });
    expect(splitRun.fetched).toBe(singleRun.fetched);

    // Three operations over contiguous date ranges, the last open-ended, all running at once.
    const operations = [...emulator.state.shop(split.shopDomain)!.bulkOperations.values()];
    const ranges = operations.map((op) => /orders\(query: "([^"]*)"/.exec(op.query)![1]);
    expect(ranges).toHaveLength(3);
    expect(ranges[0]).toMatch(/^updated_at:>='[^']+' updated_at:<'([^']+)'$/);
    const boundary = (range: string) => /updated_at:<'([^']+)'/.exec(range)![1];
    expect(ranges[1]).toBe(`updated_at:>='${boundary(ranges[0])}' updated_at:<'${boundary(ranges[1])}'`);
    expect(ranges[2]).toBe(`updated_at:>='${boundary(ranges[1])}'`);
    expect(operations.every((op) => op.createdAt <= operations[0].completedAt!)).toBe(true);
    expect(operations.every((op) => op.rootObjectCount > 0)).toBe(true);
    expect(operations.reduce((sum, op) => sum + op.rootObjectCount, 0)).toBe(900);

    const [singleOutcome, splitOutcome] = [
      await outcome(single.id, singleRun.id),
      await outcome(split.id, splitRun.id),
    ];
    expect(splitOutcome).toEqual(singleOutcome);
    expect((await watermarkOf(split.id))!.toISOString()).toBe((await watermarkOf(single.id))!.toISOString());
  }, 60_000);

  it("an interrupted split bulk sync moves no watermark, and its rerun loses and doubles no order", async () => {
    const store = await connect("loja-partes-crash.myshopify.com", { orders: 1_600, seed: 34, plan: "plus" });
    const options = { sleep: async () => {}, bulkThreshold: 100, bulkParts: 3 };
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    // Dies after the first committed batch of 500 (of the first part's orders).
    await expect(executeRun(deps(), run.id, { ...options, crashAfterPages: 1 })).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await watermarkOf(store.id)).toBeNull();
    expect(await count(orders, store.id)).toBeGreaterThan(0);
    const shop = emulator.state.shop(store.shopDomain)!;
    const shippable = shop.orders.filter((o) => o.shippingAddress && o.shippingAddress.countryCode !== "BR").length;
    expect(await count(orders, store.id)).toBeLessThan(shippable);

    await testDb.db
      .update(syncRuns)
      .set({ leaseExpiresAt: new Date(Date.now() - 1_000) })
      .where(eq(syncRuns.id, run.id));
    const resumed = (await executeRun(deps(), run.id, options))!;
    expect(resumed).toMatchObject({ status: "succeeded", failed: 0 });
    const [{ rows, gids }] = await testDb.db
      .select({ rows: sql<number>`count(*)::int`, gids: sql<number>`count(distinct ${orders.shopifyGid})::int` })
      .from(orders)
      .where(eq(orders.storeId, store.id));
    expect({ rows, gids }).toEqual({ rows: shippable, gids: shippable });
    expect(await count(shipments, store.id)).toBe(shippable);
    const newest = shop.orders.reduce((max, o) => (o.updatedAt > max ? o.updatedAt : max), "");
    expect((await watermarkOf(store.id))!.toISOString()).toBe(new Date(newest).toISOString());
  }, 60_000);
});
