// The pipelined import of a bulk result (import-batches.ts), on PGlite or Postgres: the next batch
// is mapped while up to three are written, the watermark moves with the last one only, once every
// page before it committed, and a failure stops the import with no page started after it.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { queryRows } from "@/server/db/client";
import { stores, syncRuns } from "@/server/db/schema";
import { importBatches } from "@/server/services/sync/import-batches";
import { requestSync } from "@/server/services/sync/runs";
import { corpus } from "../helpers/mapping-corpus";
import { seedRates, setCustomsDefaults } from "../helpers/export-setup";
import { createTestDb, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let batches: ShopifyOrderNode[][];
let smallBatches: ShopifyOrderNode[][];

beforeAll(async () => {
  testDb = await createTestDb();
  await seedRates(testDb.db);
  const nodes: ShopifyOrderNode[] = [];
  for await (const { order, oddity } of corpus(160)) if (!oddity) nodes.push(order);
  batches = [nodes.slice(0, 40), nodes.slice(40, 80), nodes.slice(80, 120)];
  smallBatches = [0, 1, 2, 3, 4, 5].map((index) => nodes.slice(index * 20, index * 20 + 20));
});

afterAll(async () => {
  await testDb?.cleanup();
});

async function storeAndRun(domain: string) {
  const [store] = await testDb.db.insert(stores).values({ shopDomain: domain, name: domain }).returning();
  await setCustomsDefaults(testDb.db, store.id);
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  return { store, run };
}

const storedGids = async (storeId: string) =>
  (
    await queryRows<{ gid: string }>(testDb.db, sql`select shopify_gid as gid from orders where store_id = ${storeId}`)
  ).map((row) => row.gid);

const storedOrders = async (storeId: string) =>
  (
    await queryRows<{ count: number }>(
      testDb.db,
      sql`select count(*)::int as count from orders where store_id = ${storeId}`,
    )
  )[0].count;

async function* yielding(list: ShopifyOrderNode[][]) {
  yield* list;
}

const newest = (batch: ShopifyOrderNode[], previous: Date | null) =>
  batch.reduce((max, node) => {
    const at = new Date(node.updatedAt);
    return !max || at > max ? at : max;
  }, previous);

describe("importBatches", () => {
  it("writes every batch and moves the watermark once, to the newest order of all", async () => {
    const { store, run } = await storeAndRun("lotes.myshopify.com");
    const watermarks: (Date | null)[] = [];
    let writes = 0;
    await importBatches(testDb.db, store, run.id, yielding(batches), {
      watermarkOf: newest,
      beforeWrite: async () => {
        writes++;
        const [row] = await testDb.db.select().from(stores).where(eq(stores.id, store.id));
        watermarks.push(row.syncWatermark);
      },
      now: new Date("2026-11-21T12:00:00Z"),
    });
    expect(writes).toBe(3);
    // Before each write, no earlier page had moved the watermark.
    expect(watermarks).toEqual([null, null, null]);
    const [after] = await testDb.db.select().from(stores).where(eq(stores.id, store.id));
    expect(after.syncWatermark).toEqual(batches.reduce((max, batch) => newest(batch, max), null as Date | null));
    const [counted] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(counted.fetched).toBe(120);
  });

  it("writes up to three pages at once, and the last only once all the others committed", async () => {
    const { store, run } = await storeAndRun("paralelo.myshopify.com");
    let inFlight = 0;
    let mostInFlight = 0;
    let storedBeforeLast = -1;
    let writes = 0;
    await importBatches(testDb.db, store, run.id, yielding(smallBatches), {
      watermarkOf: newest,
      beforeWrite: async () => {
        if (++writes === smallBatches.length) {
          // The last page: every other one has committed.
          storedBeforeLast = await storedOrders(store.id);
          return;
        }
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        // Slow enough that the next batches are mapped and their writes started meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 150));
      },
      afterCommit: () => inFlight--,
    });
    expect(mostInFlight).toBe(3);
    expect(inFlight).toBe(0);
    const stored = await storedOrders(store.id);
    const lastPageGids = new Set(smallBatches.at(-1)!.map((node) => node.id));
    const storedOfLast = (await storedGids(store.id)).filter((gid) => lastPageGids.has(gid)).length;
    expect(storedBeforeLast).toBe(stored - storedOfLast);
    const [counted] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(counted.fetched).toBe(120);
  });

  it("stops at a failed write: the page started before it committed, none after, the watermark unmoved", async () => {
    const { store, run } = await storeAndRun("falha.myshopify.com");
    let writes = 0;
    const failing = importBatches(testDb.db, store, run.id, yielding(smallBatches), {
      watermarkOf: newest,
      beforeWrite: async () => {
        if (++writes < 2) return;
        throw new Error("lease lost");
      },
    });
    await expect(failing).rejects.toThrow("lease lost");
    expect(writes).toBe(2);
    const firstPage = new Set(smallBatches[0].map((node) => node.id));
    const stored = await storedGids(store.id);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((gid) => !firstPage.has(gid))).toEqual([]);
    const [after] = await testDb.db.select().from(stores).where(eq(stores.id, store.id));
    expect(after.syncWatermark).toBeNull();
  });

  it("leaves no write running when reading the batches fails", async () => {
    const { store, run } = await storeAndRun("leitura.myshopify.com");
    async function* breaking() {
      yield batches[0];
      yield batches[1];
      throw new Error("download failed");
    }
    await expect(importBatches(testDb.db, store, run.id, breaking(), { watermarkOf: newest })).rejects.toThrow(
      "download failed",
    );
    const stored = await storedOrders(store.id);
    // The first batch was written (the second arrived); the second was mapped, never written.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storedOrders(store.id)).toBe(stored);
    expect(stored).toBeGreaterThan(0);
    const [after] = await testDb.db.select().from(stores).where(eq(stores.id, store.id));
    expect(after.syncWatermark).toBeNull();
  });
});
