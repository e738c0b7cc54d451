// The search box and deep pages of Shipment Management and the drafts tab, against a reference
// computed here from the seeded rows: the same rows, order and counts, whatever the query shape
// (shipments.search_text, kept by the triggers of migration 0008).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { parseTableState } from "@/lib/table/params";
import { orders, shipments, stores } from "@/server/db/schema";
import {
  countHiddenCancelled,
  draftsTable,
  listDrafts,
  listShipments,
  shipmentsForExport,
  shipmentsTable,
} from "@/server/queries/shipments";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;

const CUSTOMERS = ["Ana Silva", "João Souza", "MARIA SILVEIRA", "Hans Müller", "Chloé Dupont", "Zoë Park"];
const STATUSES = ["ready", "pickup_scheduled", "shipped", "cancelled", "draft"] as const;
const CARRIERS = ["correios", "fedex", "ups", null] as const;

interface Seeded {
  id: string;
  orderName: string;
  customer: string;
  nfeKey: string | null;
  status: (typeof STATUSES)[number];
  carrier: string | null;
  createdAt: Date;
}

const seeded: Seeded[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  const [store] = await db.insert(stores).values({ shopDomain: "busca.myshopify.com", name: "Loja Busca" }).returning();
  const base = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 60; i++) {
    const name = `#${2000 + i}`;
    const customer = CUSTOMERS[i % CUSTOMERS.length];
    const [order] = await db
      .insert(orders)
      .values({
        storeId: store.id,
        shopifyGid: `gid://shopify/Order/${9000 + i}`,
        name,
        shopifyCreatedAt: new Date(base),
        shopifyUpdatedAt: new Date(base),
        currency: "BRL",
        totalPrice: "10.00",
        customerName: customer,
        shippingCountry: "US",
      })
      .returning();
    const status = STATUSES[i % STATUSES.length];
    // Every third shipment shares its creation time with the previous one: ties the id orders.
    const createdAt = new Date(base + Math.floor(i / 3) * 2 * 60_000 + (i % 3 === 2 ? 0 : (i % 3) * 60_000));
    const nfeKey = i % 4 === 0 ? `3526${String(i).padStart(40, "7")}` : null;
    const [shipment] = await db
      .insert(shipments)
      .values({
        orderId: order.id,
        storeId: store.id,
        status,
        carrier: CARRIERS[i % CARRIERS.length],
        destinationCountry: "US",
        nfeKey,
        declaredValue: "10.00",
        currency: "BRL",
        createdAt,
      })
      .returning();
    seeded.push({ id: shipment.id, orderName: name, customer, nfeKey, status, carrier: shipment.carrier, createdAt });
  }
});
afterAll(async () => {
  await testDb?.cleanup();
});

/** What ILIKE '%q%' on any of the three means, for these (ASCII-foldable) names. */
function matches(row: Seeded, q: string): boolean {
  const needle = q.toLowerCase();
  return [row.orderName, row.customer, row.nfeKey ?? ""].some((text) => text.toLowerCase().includes(needle));
}

/** Newest first, ties by id descending: the default order. */
function newestFirst(a: Seeded, b: Seeded): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function expected(keep: (row: Seeded) => boolean): Seeded[] {
  return seeded.filter(keep).sort(newestFirst);
}

describe(`the search box (${driverName})`, () => {
  const searches = ["a", "silva", "SILV", "ü", "#2017", "20", "3526", "7777", "Zoë Park", "nobody", "a_", "%"];

  it("finds what the order number, customer name or NF-e key contains, in the default order", async () => {
    for (const q of searches) {
      const want = expected((row) => row.status !== "draft" && row.status !== "cancelled" && matches(row, q));
      const page = await listShipments(testDb.db, parseTableState({ q, perPage: "100" }, shipmentsTable));
      expect({ q, ids: page.rows.map((row) => row.id), count: page.rowCount }).toEqual({
        q,
        ids: want.map((row) => row.id),
        count: want.length,
      });
      const hidden = await countHiddenCancelled(testDb.db, parseTableState({ q }, shipmentsTable));
      expect({ q, hidden }).toEqual({
        q,
        hidden: seeded.filter((r) => r.status === "cancelled" && matches(r, q)).length,
      });
    }
  });

  it("combines the search with filters, on both tabs", async () => {
    const ready = await listShipments(
      testDb.db,
      parseTableState({ q: "silva", status: "ready", perPage: "100" }, shipmentsTable),
    );
    const wantReady = expected((row) => row.status === "ready" && matches(row, "silva"));
    expect(ready.rows.map((row) => row.id)).toEqual(wantReady.map((row) => row.id));
    expect(ready.rowCount).toBe(wantReady.length);

    const drafts = await listDrafts(
      testDb.db,
      parseTableState({ q: "a", carrier: "correios", perPage: "100" }, draftsTable),
    );
    const wantDrafts = expected((row) => row.status === "draft" && row.carrier === "correios" && matches(row, "a"));
    expect(drafts.rows.map((row) => row.id)).toEqual(wantDrafts.map((row) => row.id));
    expect(drafts.rowCount).toBe(wantDrafts.length);
  });

  it("follows an order renamed or re-addressed in Shopify, and an NF-e key set on the shipment", async () => {
    const row = seeded.find((r) => r.status === "ready")!;
    const [shipment] = await testDb.db.select().from(shipments).where(eq(shipments.id, row.id));
    await testDb.db
      .update(orders)
      .set({ name: "#RENAMED-1", customerName: "Xavier Quintal" })
      .where(eq(orders.id, shipment.orderId));
    await testDb.db.update(shipments).set({ nfeKey: "99998888777766665555" }).where(eq(shipments.id, row.id));
    for (const q of ["renamed-1", "xavier", "99998888"]) {
      const page = await listShipments(testDb.db, parseTableState({ q }, shipmentsTable));
      expect({ q, ids: page.rows.map((r) => r.id) }).toEqual({ q, ids: [row.id] });
    }
    const old = await listShipments(testDb.db, parseTableState({ q: row.orderName }, shipmentsTable));
    expect(old.rows.map((r) => r.id)).not.toContain(row.id);
    // Back as it was, for the other tests.
    await testDb.db
      .update(orders)
      .set({ name: row.orderName, customerName: row.customer })
      .where(eq(orders.id, shipment.orderId));
    await testDb.db.update(shipments).set({ nfeKey: row.nfeKey }).where(eq(shipments.id, row.id));
  });

  it("never matches across two of the fields", async () => {
    const row = seeded.find((r) => r.status === "ready")!;
    const spanning = `${row.orderName.slice(-2)} ${row.customer.slice(0, 3)}`;
    const page = await listShipments(testDb.db, parseTableState({ q: spanning }, shipmentsTable));
    expect(page.rowCount).toBe(0);
  });
});

describe(`deep pages (${driverName})`, () => {
  it("give the same rows as one long page, page after page, for every sort", async () => {
    const sorts = [
      "createdAt.desc",
      "createdAt.asc",
      "order.asc",
      "customer.desc",
      "status.asc",
      "carrier.asc",
      "value.desc",
      "pickup.asc",
    ];
    for (const sort of sorts) {
      const all = await listShipments(testDb.db, parseTableState({ sort, perPage: "100" }, shipmentsTable));
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(all.rowCount / 10) + 1; page++) {
        const one = await listShipments(
          testDb.db,
          parseTableState({ sort, page: String(page), perPage: "10" }, shipmentsTable),
        );
        expect(one.rowCount).toBe(all.rowCount);
        paged.push(...one.rows.map((row) => row.id));
      }
      expect({ sort, ids: paged }).toEqual({ sort, ids: all.rows.map((row) => row.id) });
    }
    const defaultOrder = await listShipments(testDb.db, parseTableState({ perPage: "100" }, shipmentsTable));
    expect(defaultOrder.rows.map((row) => row.id)).toEqual(
      expected((row) => row.status !== "draft" && row.status !== "cancelled").map((row) => row.id),
    );
  });
});

describe(`the CSV export's keyset batches (${driverName})`, () => {
  it("give the view's rows in the view's order, for every sort, NULLs included", async () => {
    // pickup and carrier hold NULLs here (no pickup date at all; every fourth carrier).
    const sorts = [
      "createdAt.desc",
      "createdAt.asc",
      "pickup.asc",
      "pickup.desc",
      "carrier.asc",
      "carrier.desc",
      "value.asc",
    ];
    for (const sort of sorts) {
      for (const params of [{ sort }, { sort, status: "ready,cancelled", q: "a" }]) {
        const state = parseTableState(params, shipmentsTable);
        const view = await listShipments(testDb.db, { ...state, perPage: 100 });
        const exported: unknown[] = [];
        for await (const row of shipmentsForExport(testDb.db, state, 3)) exported.push(row[0]);
        expect({ params, orders: exported }).toEqual({ params, orders: view.rows.map((row) => row.orderName) });
      }
    }
  });
});
