// What the import stores, judged against orderRow (the order row the mapping digest covers) on
// PGlite or Postgres: the lines and the address the insert takes out of the raw snapshot (issue 16)
// are the values orderRow gives, odd orders included (no line connection, nulls, huge numbers,
// control characters, lone surrogates), and a new shipment's search text, computed by the insert,
// is what the trigger of migration 0008 computes.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { queryRows } from "@/server/db/client";
import { stores } from "@/server/db/schema";
import { importPage, orderRow } from "@/server/services/sync/import-page";
import { requestSync } from "@/server/services/sync/runs";
import { corpus } from "../helpers/mapping-corpus";
import { seedRates, setCustomsDefaults } from "../helpers/export-setup";
import { createTestDb, type TestDb } from "../helpers/test-db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  await seedRates(testDb.db);
});

afterAll(async () => {
  await testDb?.cleanup();
});

describe("an imported page", () => {
  it("stores each order as orderRow gives it, and each shipment's search text as the trigger would", async () => {
    const [store] = await testDb.db
      .insert(stores)
      .values({ shopDomain: "armazem.myshopify.com", name: "Armazém", originCountry: "BR" })
      .returning();
    await setCustomsDefaults(testDb.db, store.id);
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    const nodes: ShopifyOrderNode[] = [];
    for await (const { order } of corpus(800)) nodes.push(order);
    await importPage(testDb.db, store, run.id, nodes, null, { now: new Date("2026-11-21T12:00:00Z") });

    const stored = await queryRows<{ gid: string; lines: unknown; address: unknown; raw: unknown }>(
      testDb.db,
      sql`select shopify_gid as gid, lines, shipping_address as address, raw from orders where store_id = ${store.id}`,
    );
    expect(stored.length).toBeGreaterThan(300);
    const byGid = new Map(nodes.map((node) => [String(node.id), node]));
    for (const row of stored) {
      const expected = orderRow(store.id, byGid.get(row.gid)!);
      // As jsonb gives them back: what JSON carried of orderRow's values.
      const json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));
      expect({ lines: row.lines, address: row.address, raw: row.raw }).toEqual({
        lines: json(expected.lines),
        address: json(expected.shippingAddress),
        raw: json(expected.raw),
      });
    }

    const [search] = await queryRows<{ shipments: number; differing: number; otherDay: number }>(
      testDb.db,
      sql`select count(*)::int as shipments,
            count(*) filter (where s.search_text is distinct from shipment_search_text(o.name, o.customer_name, s.nfe_key))::int as differing,
            count(*) filter (where s.order_created_at is distinct from o.shopify_created_at)::int as "otherDay"
          from shipments s join orders o on o.id = s.order_id where s.store_id = ${store.id}`,
    );
    expect(search.shipments).toBeGreaterThan(300);
    expect(search.differing).toBe(0);
    // The order's creation instant too, which the tallies' day is read from (migration 0010).
    expect(search.otherDay).toBe(0);
  });

  it("has the trigger fill the search text of a shipment inserted without it", async () => {
    const [store] = await testDb.db
      .insert(stores)
      .values({ shopDomain: "gatilho.myshopify.com", name: "Gatilho" })
      .returning();
    const [order] = await queryRows<{ id: string }>(
      testDb.db,
      sql`insert into orders (store_id, shopify_gid, name, shopify_created_at, shopify_updated_at, currency, total_price, customer_name)
          values (${store.id}, 'gid://shopify/Order/1', '#Ação-1', now(), now(), 'BRL', 1, 'Ágata ÇÃO') returning id`,
    );
    const [shipment] = await queryRows<{ searchText: string; copied: boolean }>(
      testDb.db,
      sql`insert into shipments (order_id, store_id, nfe_key) values (${order.id}, ${store.id}, 'ABC')
          returning search_text as "searchText",
            order_created_at = (select shopify_created_at from orders where id = ${order.id}) as copied`,
    );
    expect(shipment.searchText).toBe("#ação-1\u001fágata ção\u001fabc");
    expect(shipment.copied).toBe(true);
    await testDb.db.delete(stores).where(eq(stores.id, store.id));
  });
});
