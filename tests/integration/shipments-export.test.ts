// The CSV export is the Shipment Management view: the same filters (the store filter among them),
// search and order, read in keyset batches. Two stores, so an export that drops the store filter
// shows the other store's rows.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { orders, shipments, stores } from "@/server/db/schema";
import { listShipments, shipmentsForExport, shipmentsTable } from "@/server/queries/shipments";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
const storeIds: Record<"a" | "b", string> = { a: "", b: "" };
const today = originNow().date;

type Status = "draft" | "ready" | "pickup_scheduled" | "shipped" | "cancelled";
interface Seed {
  name: string;
  store: "a" | "b";
  status: Status;
  carrier: string | null;
  country: string;
  customer: string | null;
  value: string | null;
  pickupDate?: string;
  cancelledInShopify?: boolean;
  nfeKey?: string;
  trackingStatus?: "in_transit" | "exception";
  /** Minutes after a fixed instant; equal values make ties the keyset must step through. */
  minute: number;
}

const SEEDS: Seed[] = [
  {
    name: "#A1",
    store: "a",
    status: "ready",
    carrier: "fedex",
    country: "US",
    customer: "Ana",
    value: "10.00",
    minute: 0,
  },
  {
    name: "#A2",
    store: "a",
    status: "pickup_scheduled",
    carrier: "ups",
    country: "DE",
    customer: null,
    value: "20.00",
    pickupDate: today,
    minute: 1,
  },
  {
    name: "#A3",
    store: "a",
    status: "shipped",
    carrier: "dhl",
    country: "US",
    customer: "Caio",
    value: "20.00",
    cancelledInShopify: true,
    trackingStatus: "in_transit",
    minute: 1,
  },
  {
    name: "#A4",
    store: "a",
    status: "ready",
    carrier: null,
    country: "JP",
    customer: "Duda",
    value: null,
    pickupDate: addDays(today, 3),
    nfeKey: "35261112345678000195550010000012341000012345",
    minute: 2,
  },
  {
    name: "#B1",
    store: "b",
    status: "ready",
    carrier: "fedex",
    country: "US",
    customer: "Bea",
    value: "10.00",
    trackingStatus: "exception",
    minute: 0,
  },
  {
    name: "#B2",
    store: "b",
    status: "pickup_scheduled",
    carrier: "correios",
    country: "FR",
    customer: "Eva",
    value: "30.00",
    pickupDate: addDays(today, -3),
    minute: 1,
  },
  {
    name: "#B3",
    store: "b",
    status: "cancelled",
    carrier: "ups",
    country: "DE",
    customer: null,
    value: "5.00",
    minute: 2,
  },
  {
    name: "#B4",
    store: "b",
    status: "draft",
    carrier: "fedex",
    country: "US",
    customer: "Fia",
    value: "1.00",
    minute: 0,
  },
];
// The default view: cancelled shipments only come with a status filter that names them.
const VIEW = SEEDS.filter((seed) => seed.status !== "draft" && seed.status !== "cancelled").map((seed) => seed.name);
const CANCELLED = SEEDS.filter((seed) => seed.status === "cancelled").map((seed) => seed.name);

beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  for (const key of ["a", "b"] as const) {
    const [store] = await db
      .insert(stores)
      .values({ shopDomain: `loja-${key}.myshopify.com`, name: `Loja ${key.toUpperCase()}` })
      .returning();
    storeIds[key] = store.id;
  }
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 12, minute, 0, 123));
  for (const seed of SEEDS) {
    const [order] = await db
      .insert(orders)
      .values({
        storeId: storeIds[seed.store],
        shopifyGid: `gid://shopify/Order/${seed.name.slice(1)}`,
        name: seed.name,
        shopifyCreatedAt: new Date(),
        shopifyUpdatedAt: new Date(),
        currency: "USD",
        totalPrice: "100.00",
        customerName: seed.customer,
        shippingCountry: seed.country,
      })
      .returning();
    await db.insert(shipments).values({
      orderId: order.id,
      storeId: storeIds[seed.store],
      status: seed.status,
      carrier: seed.carrier,
      destinationCountry: seed.country,
      declaredValue: seed.value,
      currency: "USD",
      pickupDate: seed.pickupDate ?? null,
      nfeKey: seed.nfeKey ?? null,
      cancelledInShopifyAt: seed.cancelledInShopify ? new Date() : null,
      trackingStatus: seed.trackingStatus ?? null,
      createdAt: at(seed.minute),
    });
  }
  // Microseconds, as defaultNow() stores them: a cursor that lost them (a JavaScript Date) would
  // skip or repeat rows.
  await db.update(shipments).set({ createdAt: sql`${shipments.createdAt} + interval '456 microseconds'` });
});
afterAll(async () => {
  await testDb?.cleanup();
});

async function exported(params: SearchParams, batchSize?: number): Promise<string[]> {
  const names: string[] = [];
  const state = parseTableState(params, shipmentsTable);
  for await (const row of shipmentsForExport(testDb.db, state, batchSize)) names.push(row[0] as string);
  return names;
}

async function listed(params: SearchParams): Promise<string[]> {
  const page = await listShipments(testDb.db, parseTableState({ ...params, perPage: "100" }, shipmentsTable));
  return page.rows.map((row) => row.orderName);
}

describe(`the CSV export of Shipment Management (${driverName})`, () => {
  it("exports only the chosen store's shipments", async () => {
    expect(await exported({ store: storeIds.a, sort: "order.asc" })).toEqual(["#A1", "#A2", "#A3", "#A4"]);
    expect(await exported({ store: storeIds.b, sort: "order.asc" })).toEqual(["#B1", "#B2"]);
    expect(await exported({ store: `${storeIds.a},${storeIds.b}`, sort: "order.asc" })).toEqual(VIEW);
  });

  it("honours every filter of the view, each narrowing it, as the page lists it", async () => {
    const cases: Record<keyof typeof shipmentsTable.filters, SearchParams> = {
      status: { status: "ready,shipped" },
      carrier: { carrier: "ups" },
      destination: { destination: "US,FR" },
      pickup: { pickup: "today,overdue" },
      attention: { attention: "cancelled_in_shopify" },
      tracking: { tracking: "in_transit,exception" },
      store: { store: storeIds.b, carrier: "ups,correios" },
    };
    // A filter added to the spec without a case here fails the type check above and this line.
    expect(Object.keys(cases).sort()).toEqual(Object.keys(shipmentsTable.filters).sort());
    for (const [name, params] of Object.entries(cases)) {
      const names = await exported(params, 2);
      expect(names, name).toEqual(await listed(params));
      expect(names.length, name).toBeGreaterThan(0);
      expect(names.length, name).toBeLessThan(VIEW.length);
    }
    expect(await exported({ store: storeIds.b, carrier: "ups,correios", sort: "order.asc" })).toEqual(["#B2"]);
    expect(
      await exported({
        store: storeIds.b,
        carrier: "ups,correios",
        status: "pickup_scheduled,cancelled",
        sort: "order.asc",
      }),
    ).toEqual(["#B2", "#B3"]);
  });

  it("leaves cancelled shipments out, as the page does, until the status filter names them", async () => {
    expect(CANCELLED.length).toBeGreaterThan(0);
    expect(await exported({ sort: "order.asc" })).toEqual(VIEW);
    expect(await exported({ status: "cancelled", sort: "order.asc" })).toEqual(CANCELLED);
    expect(await exported({ status: "cancelled", sort: "order.asc" })).toEqual(
      await listed({ status: "cancelled", sort: "order.asc" }),
    );
  });

  it("honours the search", async () => {
    expect(await exported({ q: "3526111234" })).toEqual(["#A4"]);
    expect(await exported({ q: "bea" })).toEqual(["#B1"]);
  });

  it("keeps the view's order over keyset batches, through ties and empty values, for every sort", async () => {
    for (const id of shipmentsTable.sortable) {
      for (const direction of ["asc", "desc"]) {
        const params = { sort: `${id}.${direction}` };
        const view = await listed(params);
        expect(view).toHaveLength(VIEW.length);
        for (const batchSize of [1, 2, 3, 1000])
          expect(await exported(params, batchSize), `${id}.${direction}`).toEqual(view);
      }
    }
  });
});
