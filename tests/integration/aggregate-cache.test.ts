// The aggregate cache stays exact: a change committed on another connection (PostgreSQL: the
// pool, not the listening connection; PGlite: its one connection) drops the figures that read the
// changed table before the next request's read, a sync page's transaction included, and a lost
// subscription stores nothing until it listens again.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableState } from "@/lib/table/params";
import { readThrough, openAggregates, type Aggregates } from "@/server/db/aggregates";
import { DATA_CHANGES_APPLICATION_NAME, queryRows } from "@/server/db/client";
import { orders, quotes, shipments, stores, syncRuns } from "@/server/db/schema";
import { countShipmentsByStage, listShipments, shipmentsTable, type RowCounter } from "@/server/queries/shipments";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let aggregates: Aggregates;
let storeId: string;
let orderNumber = 1000;

/** A request's barrier, as cachedAggregate runs it once per request. */
const barrier = async () => {
  await aggregates.subscription.barrier();
  return true;
};

/** Counts of the drafts tab, through the cache; `loads` says how often the database was asked. */
let loads = 0;
function stageCounts() {
  return readThrough(aggregates, barrier, ["shipments"], "stageCounts", () => {
    loads++;
    return countShipmentsByStage(testDb.db);
  });
}

async function addShipment(status: "draft" | "ready", db = testDb.db) {
  orderNumber++;
  const [order] = await db
    .insert(orders)
    .values({
      storeId,
      shopifyGid: `gid://shopify/Order/${orderNumber}`,
      name: `#${orderNumber}`,
      shopifyCreatedAt: new Date(),
      shopifyUpdatedAt: new Date(),
      currency: "BRL",
      totalPrice: "100.00",
      customerName: "Ana Lima",
      shippingCountry: "US",
    })
    .returning();
  const [shipment] = await db
    .insert(shipments)
    .values({ orderId: order.id, storeId, status, carrier: "ups", destinationCountry: "US" })
    .returning();
  return shipment.id;
}

beforeAll(async () => {
  testDb = await createTestDb();
  const [store] = await testDb.db
    .insert(stores)
    .values({ shopDomain: "loja-cache.myshopify.com", name: "Loja do Cache" })
    .returning();
  storeId = store.id;
  await addShipment("draft");
  await addShipment("ready");
  aggregates = await openAggregates(testDb);
});
afterAll(async () => {
  await aggregates?.subscription.close();
  await testDb?.cleanup();
});

describe(`aggregate cache invalidation (${driverName})`, () => {
  it("answers repeated reads from the cache, and a committed change at once with the new figure", async () => {
    const before = await stageCounts();
    const loadsBefore = loads;
    expect(await stageCounts()).toEqual(before);
    expect(loads).toBe(loadsBefore);

    await addShipment("draft");
    expect(await stageCounts()).toEqual({ drafts: before.drafts + 1, shipments: before.shipments });
    expect(loads).toBe(loadsBefore + 1);
  });

  it("keeps a figure when only a table it does not read changes", async () => {
    await stageCounts();
    const loadsBefore = loads;
    const [shipment] = await queryRows<{ id: string }>(testDb.db, sql`select id from shipments limit 1`);
    await testDb.db.insert(quotes).values({
      shipmentId: shipment.id,
      carrier: "ups",
      service: "Saver",
      chargeableWeightKg: "1.000",
      price: "50.00",
      transitDays: 3,
    });
    await stageCounts();
    expect(loads).toBe(loadsBefore);
  });

  it("is never stale after a sync page commits (read before, during and after its transaction)", async () => {
    const before = await stageCounts();
    const [run] = await testDb.db
      .insert(syncRuns)
      .values({ storeId, trigger: "manual", status: "running" })
      .returning();
    let during: typeof before | undefined;
    await testDb.db.transaction(async (tx) => {
      await addShipment("ready", tx as unknown as typeof testDb.db);
      await addShipment("draft", tx as unknown as typeof testDb.db);
      await tx.update(syncRuns).set({ created: 2 }).where(eq(syncRuns.id, run.id));
      // PGlite has one connection: a read now would see the transaction's own rows. On
      // PostgreSQL it reads on another connection and must not see them (nor be kept after commit).
      if (driverName === "postgres") during = await stageCounts();
    });
    if (during) expect(during).toEqual(before);
    expect(await stageCounts()).toEqual({ drafts: before.drafts + 1, shipments: before.shipments + 1 });
  });

  it("keys table counts by their SQL and parameters, each dropped by a change", async () => {
    const countRows: RowCounter = (query, count) =>
      readThrough(
        aggregates,
        barrier,
        ["shipments", "orders"],
        `count ${query.sql} ${JSON.stringify(query.params)}`,
        count,
      );
    const ready = parseTableState({ status: "ready" }, shipmentsTable);
    const all = parseTableState({}, shipmentsTable);
    const readyBefore = (await listShipments(testDb.db, ready, countRows)).rowCount;
    const allBefore = (await listShipments(testDb.db, all, countRows)).rowCount;
    expect(readyBefore).not.toBe(allBefore + 1); // two different keys, two different figures
    await addShipment("ready");
    expect((await listShipments(testDb.db, ready, countRows)).rowCount).toBe(readyBefore + 1);
    expect((await listShipments(testDb.db, all, countRows)).rowCount).toBe(allBefore + 1);
    // The same figures as the uncached query.
    expect((await listShipments(testDb.db, ready, countRows)).rowCount).toBe(
      (await listShipments(testDb.db, ready)).rowCount,
    );
  });

  it.runIf(driverName === "postgres")(
    "stores nothing while the listening connection is lost, and listens again",
    async () => {
      await stageCounts();
      // What a restarted database or a dropped connection does to the listener.
      await testDb.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and application_name = ${DATA_CHANGES_APPLICATION_NAME}`,
      );
      for (let attempt = 0; attempt < 100 && aggregates.cache.stats().entries > 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(aggregates.cache.stats().entries).toBe(0);
      // Listening again, it is exact again: a change is heard.
      const before = await stageCounts();
      await addShipment("draft");
      expect(await stageCounts()).toEqual({ drafts: before.drafts + 1, shipments: before.shipments });
    },
  );
});
