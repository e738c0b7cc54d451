import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableState } from "@/lib/table/params";
import type { SyncCounters } from "@/domain/sync-counts";
import { orders, quotes, shipments, stores, syncRunItems, syncRuns } from "@/server/db/schema";
import { listQuotes, quotesTable } from "@/server/queries/quotes";
import {
  countShipmentsByStage,
  draftsTable,
  listDrafts,
  listShipments,
  shipmentsForExport,
  shipmentsTable,
} from "@/server/queries/shipments";
import { listStores, storesTable } from "@/server/queries/stores";
import { findRun, lastRunsOfStores, listSyncRuns, runsProgress, syncRunsTable } from "@/server/queries/sync-runs";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe(`list pages on empty tables (${driverName})`, () => {
  it("return no rows and a zero count", async () => {
    const db = testDb.db;
    expect(await listShipments(db, parseTableState({}, shipmentsTable))).toEqual({ rows: [], rowCount: 0 });
    expect(await listDrafts(db, parseTableState({}, draftsTable))).toEqual({ rows: [], rowCount: 0 });
    expect(await listQuotes(db, parseTableState({}, quotesTable))).toEqual({ rows: [], rowCount: 0 });
    expect(await listStores(db, parseTableState({}, storesTable))).toEqual({ rows: [], rowCount: 0 });
    expect(await listSyncRuns(db, parseTableState({}, syncRunsTable))).toEqual({ rows: [], rowCount: 0 });
    expect(await countShipmentsByStage(db)).toEqual({ drafts: 0, shipments: 0 });
  });
});

describe(`list pages with data (${driverName})`, () => {
  beforeAll(async () => {
    const db = testDb.db;
    const [store] = await db
      .insert(stores)
      .values({ shopDomain: "loja.myshopify.com", name: "Loja Bonita" })
      .returning();
    const specs = [
      { name: "#1001", customer: "Jane Doe", status: "ready", carrier: "fedex", country: "US", nfe: null },
      { name: "#1002", customer: "Hans Müller", status: "draft", carrier: "correios", country: "DE", nfe: null },
      {
        name: "#1003",
        customer: "山田太郎",
        status: "pickup_scheduled",
        carrier: "ups",
        country: "JP",
        nfe: "35261112345678000195550010000012341000012345",
      },
      { name: "#1004", customer: "Jean Dupont", status: "draft", carrier: null, country: "FR", nfe: null },
    ] as const;
    for (const spec of specs) {
      const [order] = await db
        .insert(orders)
        .values({
          storeId: store.id,
          shopifyGid: `gid://shopify/Order/${spec.name.slice(1)}`,
          name: spec.name,
          shopifyCreatedAt: new Date(),
          shopifyUpdatedAt: new Date(),
          currency: "USD",
          totalPrice: "100.00",
          customerName: spec.customer,
          shippingCountry: spec.country,
        })
        .returning();
      const [shipment] = await db
        .insert(shipments)
        .values({
          orderId: order.id,
          storeId: store.id,
          status: spec.status,
          carrier: spec.carrier,
          destinationCountry: spec.country,
          nfeKey: spec.nfe,
          missingFields: spec.status === "draft" ? ["nfeKey"] : [],
          declaredValue: "100.00",
          currency: "USD",
        })
        .returning();
      await db.insert(quotes).values({
        shipmentId: shipment.id,
        carrier: "fedex",
        service: "International Priority",
        chargeableWeightKg: "1.5",
        price: "210.40",
        transitDays: 4,
      });
    }
    await db
      .insert(syncRuns)
      .values({ storeId: store.id, trigger: "manual", status: "succeeded", fetched: 4, created: 4, drafts: 2 });
  });

  it("keeps drafts out of Shipment Management and shipments out of Drafts", async () => {
    const managed = await listShipments(testDb.db, parseTableState({ sort: "order.asc" }, shipmentsTable));
    expect(managed.rows.map((row) => row.orderName)).toEqual(["#1001", "#1003"]);
    const drafts = await listDrafts(testDb.db, parseTableState({ sort: "order.asc" }, draftsTable));
    expect(drafts.rows.map((row) => row.orderName)).toEqual(["#1002", "#1004"]);
    expect(drafts.rows[0].missingFields).toEqual(["nfeKey"]);
    expect(await countShipmentsByStage(testDb.db)).toEqual({ drafts: 2, shipments: 2 });
  });

  it("searches by order number, customer and NF-e key, and filters by status and carrier", async () => {
    const byKey = await listShipments(testDb.db, parseTableState({ q: "3526111234" }, shipmentsTable));
    expect(byKey.rows.map((row) => row.orderName)).toEqual(["#1003"]);
    const byCustomer = await listDrafts(testDb.db, parseTableState({ q: "müller" }, draftsTable));
    expect(byCustomer.rows.map((row) => row.orderName)).toEqual(["#1002"]);
    const byStatus = await listShipments(testDb.db, parseTableState({ status: "pickup_scheduled" }, shipmentsTable));
    expect(byStatus.rowCount).toBe(1);
    const byCarrier = await listDrafts(testDb.db, parseTableState({ carrier: "correios" }, draftsTable));
    expect(byCarrier.rows.map((row) => row.orderName)).toEqual(["#1002"]);
  });

  it("exports every row of the filtered view, in the view's order, in batches", async () => {
    const state = parseTableState({ sort: "order.asc" }, shipmentsTable);
    const exported: unknown[][] = [];
    for await (const row of shipmentsForExport(testDb.db, state, 1)) exported.push(row);
    const view = await listShipments(testDb.db, { ...state, perPage: 100 });
    expect(exported.map((row) => row[0])).toEqual(view.rows.map((row) => row.orderName));
    expect(exported[0]).toEqual([
      "#1001",
      "Loja Bonita",
      "Jane Doe",
      "US",
      "fedex",
      null,
      "ready",
      "100.00",
      "USD",
      null, // tracking number
      null, // pickup date
      null, // pickup confirmation
      view.rows[0].createdAt,
    ]);
    const filtered: unknown[][] = [];
    for await (const row of shipmentsForExport(testDb.db, parseTableState({ carrier: "ups" }, shipmentsTable)))
      filtered.push(row);
    expect(filtered.map((row) => row[0])).toEqual(["#1003"]);
  });

  it("lists quotes, stores and sync runs", async () => {
    expect((await listQuotes(testDb.db, parseTableState({}, quotesTable))).rowCount).toBe(4);
    const storesPage = await listStores(testDb.db, parseTableState({ q: "bonita" }, storesTable));
    expect(storesPage.rows.map((row) => row.shopDomain)).toEqual(["loja.myshopify.com"]);
    const runs = await listSyncRuns(testDb.db, parseTableState({ status: "succeeded" }, syncRunsTable));
    expect(runs.rows).toHaveLength(1);
    expect(runs.rows[0]).toMatchObject({ storeName: "Loja Bonita", fetched: 4, drafts: 2, skippedNoAddress: 0 });
  });

  it("shows a run with the same counters in Sync history, its page and the panel, and counts what can be archived", async () => {
    const db = testDb.db;
    const [store] = await db.select({ id: stores.id }).from(stores).limit(1);
    const [run] = await db
      .insert(syncRuns)
      .values({ storeId: store.id, trigger: "manual", status: "failed", fetched: 5, skippedNoAddress: 3, complete: 1 })
      .returning({ id: syncRuns.id });
    await db.insert(syncRunItems).values(
      ["#2001", "#2002", "#2003"].map((orderName, index) => ({
        runId: run.id,
        orderGid: `gid://shopify/Order/${2001 + index}`,
        orderName,
        outcome: "skipped_no_address" as const,
        reason: "no_shipping_address",
        archivedAt: index === 0 ? new Date() : null,
      })),
    );
    const counters = (row: SyncCounters) => {
      const { fetched, complete, drafts, updated, skippedNoAddress, skippedDomestic, skippedTest } = row;
      return { fetched, complete, drafts, updated, skippedNoAddress, skippedDomestic, skippedTest, failed: row.failed };
    };
    const listed = (await listSyncRuns(db, parseTableState({ status: "failed" }, syncRunsTable))).rows;
    const page = await findRun(db, run.id);
    const [panel] = await runsProgress(db, [run.id]);
    expect(listed).toHaveLength(1);
    expect(counters(listed[0])).toEqual(counters(page!));
    expect(counters(panel)).toEqual(counters(page!));
    expect(counters(page!)).toMatchObject({ fetched: 5, complete: 1, skippedNoAddress: 3 });
    // Two of the three are still open in Shopify: the archive bar offers those, never the archived one.
    expect(page!.archivable).toBe(2);
    // Stores' "Last sync" reads the newest finished run of the store.
    expect(await lastRunsOfStores(db, [store.id])).toEqual({ [store.id]: { id: run.id, fetched: 5 } });
    expect(await lastRunsOfStores(db, [])).toEqual({});
  });
});
