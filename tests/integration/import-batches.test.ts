// The pipelined import of a bulk result (import-batches.ts), on PGlite or Postgres: the next batch
// is mapped while one is written, but the pages commit one after another, in order, the watermark
// moves with the last one only, and a failure stops the import with nothing written after it.
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

beforeAll(async () => {
  testDb = await createTestDb();
  await seedRates(testDb.db);
  const nodes: ShopifyOrderNode[] = [];
  for await (const { order, oddity } of corpus(160)) if (!oddity) nodes.push(order);
  batches = [nodes.slice(0, 40), nodes.slice(40, 80), nodes.slice(80, 120)];
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
  it("writes every batch, in order, and moves the watermark once, to the newest order of all", async () => {
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

  it("stops at a failed write: the pages before it committed, none after, the watermark unmoved", async () => {
    const { store, run } = await storeAndRun("falha.myshopify.com");
    let writes = 0;
    let committedBeforeFailure = -1;
    const failing = importBatches(testDb.db, store, run.id, yielding(batches), {
      watermarkOf: newest,
      beforeWrite: async () => {
        if (++writes < 2) return;
        committedBeforeFailure = await storedOrders(store.id);
        throw new Error("lease lost");
      },
    });
    await expect(failing).rejects.toThrow("lease lost");
    expect(writes).toBe(2);
    expect(committedBeforeFailure).toBeGreaterThan(0);
    expect(await storedOrders(store.id)).toBe(committedBeforeFailure);
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
