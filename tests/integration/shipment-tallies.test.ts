// The shipment tallies (migration 0010) against counting the rows themselves: after inserts,
// updates of every key column, deletes, a store's deletion, a rolled-back transaction, concurrent
// writers and compactions, every count the pages take from the tallies equals the table's count,
// and the overview's chart equals counting by the order's São Paulo day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { addDays } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { parseTableState } from "@/lib/table/params";
import { queryRows } from "@/server/db/client";
import { orders, shipmentDayTallies, shipments, shipmentTallies, stores } from "@/server/db/schema";
import { getOverview } from "@/server/queries/overview";
import { compactShipmentTallies, dayTallies, readShipmentTallies } from "@/server/queries/shipment-tallies";
import {
  countHiddenCancelled,
  countShipmentsByStage,
  draftsTable,
  listDrafts,
  listShipments,
  shipmentsTable,
} from "@/server/queries/shipments";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let storeIds: string[] = [];

const STATUSES = ["draft", "ready", "pickup_scheduled", "shipped", "cancelled"] as const;
const CARRIERS = ["fedex", "ups", "dhl", "correios", null] as const;
const COUNTRIES = ["US", "CA", "DE", null] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A small deterministic generator, so a failure replays. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}
const random = generator(16);

async function addShipments(count: number, storeId: string, now = Date.now()) {
  const db = testDb.db;
  const made = await db
    .insert(orders)
    .values(
      Array.from({ length: count }, () => {
        // Around midnight in São Paulo (03:00 UTC) too, where a UTC day would differ.
        const created = new Date(
          now - Math.floor(random.next() * 20) * DAY_MS - Math.floor(random.next() * 6) * 3600e3,
        );
        return {
          storeId,
          shopifyGid: `gid://shopify/Order/${crypto.randomUUID()}`,
          name: `#${Math.floor(random.next() * 1e6)}`,
          shopifyCreatedAt: created,
          shopifyUpdatedAt: created,
          currency: "USD",
          totalPrice: "10.00",
        };
      }),
    )
    .returning({ id: orders.id });
  await db.insert(shipments).values(
    made.map((order) => ({
      orderId: order.id,
      storeId,
      status: random.pick(STATUSES),
      carrier: random.pick(CARRIERS),
      destinationCountry: random.pick(COUNTRIES),
    })),
  );
}

/** Counts by the rows themselves, as the pages counted before the tallies. */
async function countRows(statuses: readonly string[], where?: ReturnType<typeof and>) {
  const [{ total }] = await testDb.db
    .select({ total: sql<number>`count(*)::int` })
    .from(shipments)
    .where(and(inArray(shipments.status, [...statuses] as never), where));
  return total;
}

async function expectCountsMatch() {
  const db = testDb.db;
  const views = [
    {},
    { status: "ready" },
    { status: "ready,shipped", carrier: "fedex" },
    { carrier: "ups,dhl", destination: "US" },
    { destination: "CA,DE", store: storeIds[1] },
    { store: storeIds.join(","), status: "cancelled" },
    { status: "pickup_scheduled", carrier: "correios", destination: "DE", store: storeIds[0] },
  ];
  for (const view of views) {
    const state = parseTableState(view, shipmentsTable);
    const statuses = state.filters.status ?? ["ready", "pickup_scheduled", "shipped"];
    const where = and(
      state.filters.carrier && inArray(shipments.carrier, state.filters.carrier),
      state.filters.destination && inArray(shipments.destinationCountry, state.filters.destination),
      state.filters.store && inArray(shipments.storeId, state.filters.store),
    );
    expect((await listShipments(db, state)).rowCount, JSON.stringify(view)).toBe(await countRows(statuses, where));
    const hidden = state.filters.status ? 0 : await countRows(["cancelled"], where);
    expect(await countHiddenCancelled(db, state), JSON.stringify(view)).toBe(hidden);
    if (!state.filters.status) {
      const drafts = parseTableState(view, draftsTable);
      expect((await listDrafts(db, drafts)).rowCount, JSON.stringify(view)).toBe(await countRows(["draft"], where));
    }
  }
  expect(await countShipmentsByStage(db)).toEqual({
    drafts: await countRows(["draft"]),
    shipments: await countRows(["ready", "pickup_scheduled", "shipped", "cancelled"]),
  });
  // The chart: the former join on the orders, by the order's São Paulo day.
  const firstDay = "2000-01-01";
  const expected = await queryRows<{ day: string; carrier: string | null; count: number }>(
    db,
    sql`select to_char(o.shopify_created_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as day,
          s.carrier, count(*)::int as count
        from shipments s join orders o on o.id = s.order_id
        where s.status in ('ready', 'pickup_scheduled', 'shipped') group by 1, 2`,
  );
  const key = (row: { day: string; carrier: string | null }) => `${row.day} ${row.carrier}`;
  const sorted = <T extends { day: string; carrier: string | null }>(rows: T[]) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  expect(sorted(await dayTallies(db, ["ready", "pickup_scheduled", "shipped"], firstDay))).toEqual(sorted(expected));
}

beforeAll(async () => {
  testDb = await createTestDb();
  const made = await testDb.db
    .insert(stores)
    .values([0, 1, 2].map((index) => ({ shopDomain: `tally-${index}.myshopify.com`, name: `Tally ${index}` })))
    .returning({ id: stores.id });
  storeIds = made.map((store) => store.id);
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe(`shipment tallies (${driverName})`, () => {
  it("count like the rows after inserts, updates of every key column and deletes", async () => {
    for (const storeId of storeIds) await addShipments(120, storeId);
    await expectCountsMatch();

    const db = testDb.db;
    // One statement moving many rows between keys, another leaving every key as it was.
    await db.update(shipments).set({ status: "shipped" }).where(eq(shipments.status, "pickup_scheduled"));
    await db.update(shipments).set({ version: sql`${shipments.version} + 1` });
    await db
      .update(shipments)
      .set({ carrier: sql`case when ${shipments.carrier} = 'ups' then 'dhl' else ${shipments.carrier} end` });
    await db.update(shipments).set({ destinationCountry: null }).where(eq(shipments.destinationCountry, "DE"));
    await db.update(shipments).set({ storeId: storeIds[2] }).where(eq(shipments.carrier, "correios"));
    await db.delete(shipments).where(eq(shipments.status, "draft"));
    await expectCountsMatch();
  });

  it("leave out what a rolled-back transaction wrote", async () => {
    const before = await readShipmentTallies(testDb.db);
    await expect(
      testDb.db.transaction(async (tx) => {
        await tx.update(shipments).set({ status: "cancelled" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await readShipmentTallies(testDb.db)).toEqual(before);
    await expectCountsMatch();
  });

  it("add up writers that commit concurrently, and compactions among them", async () => {
    const db = testDb.db;
    await Promise.all([
      addShipments(80, storeIds[0]),
      addShipments(80, storeIds[1]),
      // Writers of disjoint rows (rows both updated would deadlock on the rows themselves).
      db
        .update(shipments)
        .set({ status: "ready" })
        .where(and(eq(shipments.carrier, "fedex"), eq(shipments.destinationCountry, "US"))),
      compactShipmentTallies(db),
      db.transaction(async (tx) => {
        await tx.update(shipments).set({ status: "cancelled" }).where(eq(shipments.destinationCountry, "CA"));
        await tx.update(shipments).set({ carrier: "ups" }).where(eq(shipments.destinationCountry, "CA"));
      }),
      compactShipmentTallies(db),
    ]);
    await expectCountsMatch();
  });

  it("fold into one row per key on compaction, the counts unchanged", async () => {
    const db = testDb.db;
    const before = await readShipmentTallies(db);
    await compactShipmentTallies(db);
    const [{ rows, keys }] = await queryRows<{ rows: number; keys: number }>(
      db,
      sql`select count(*)::int as rows,
            count(distinct (store_id, status, carrier, destination_country))::int as keys from ${shipmentTallies}`,
    );
    expect(rows).toBe(keys);
    expect(rows).toBe(before.length);
    const sortKey = (t: (typeof before)[number]) => `${t.storeId} ${t.status} ${t.carrier} ${t.destinationCountry}`;
    expect((await readShipmentTallies(db)).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      before.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
    await expectCountsMatch();
  });

  it("lose a deleted store's shipments (its orders and shipments go by cascade), and the overview agrees", async () => {
    const db = testDb.db;
    await db.delete(stores).where(eq(stores.id, storeIds[1]));
    await expectCountsMatch();
    const overview = await getOverview(db);
    expect(overview.draftsWaiting).toBe(await countRows(["draft"]));
    expect(overview.readyToShip).toBe(await countRows(["ready"]));
    await compactShipmentTallies(db);
    const [{ left }] = await queryRows<{ left: number }>(
      db,
      sql`select count(*)::int as left from ${shipmentTallies} where store_id = ${storeIds[1]}`,
    );
    expect(left).toBe(0);
  });

  it("count a view of several pickup buckets as their OR (one count per bucket, added)", async () => {
    const db = testDb.db;
    const today = originNow().date;
    const dates = [today, addDays(today, -3), addDays(today, 2), null];
    const all = await db.select({ id: shipments.id }).from(shipments);
    for (const [index, { id }] of all.entries()) {
      await db
        .update(shipments)
        .set({ pickupDate: dates[index % dates.length] })
        .where(eq(shipments.id, id));
    }
    const views = [
      { pickup: "today,overdue" },
      { pickup: "today,upcoming,none", carrier: "fedex,ups,dhl" },
      { pickup: "overdue,none", status: "pickup_scheduled,cancelled" },
      { pickup: "today,upcoming,overdue,none", q: "1" },
    ];
    for (const view of views) {
      const state = parseTableState(view, shipmentsTable);
      const buckets = sql.join(
        state.filters.pickup!.map((bucket) =>
          bucket === "today"
            ? sql`pickup_date = ${today}::date`
            : bucket === "upcoming"
              ? sql`pickup_date > ${today}::date`
              : bucket === "overdue"
                ? sql`(status = 'pickup_scheduled' and pickup_date < ${today}::date)`
                : sql`pickup_date is null`,
        ),
        sql` or `,
      );
      const statuses = state.filters.status ?? ["ready", "pickup_scheduled", "shipped"];
      const [{ total }] = await queryRows<{ total: number }>(
        db,
        sql`select count(*)::int as total from shipments
            where status::text in (${sql.join(
              statuses.map((status) => sql`${status}`),
              sql`, `,
            )})
              and (${buckets})
              ${
                state.filters.carrier
                  ? sql`and carrier in (${sql.join(
                      state.filters.carrier.map((c) => sql`${c}`),
                      sql`, `,
                    )})`
                  : sql``
              }
              ${state.q ? sql`and search_text like ${`%${state.q}%`}` : sql``}`,
      );
      expect(total, JSON.stringify(view)).toBeGreaterThan(0);
      expect((await listShipments(db, state)).rowCount, JSON.stringify(view)).toBe(total);
    }
  });

  it("start again from zero when shipments are truncated", async () => {
    const db = testDb.db;
    await db.execute(sql`truncate ${shipments} cascade`);
    expect(await readShipmentTallies(db)).toEqual([]);
    expect(await db.select().from(shipmentDayTallies)).toEqual([]);
    await addShipments(30, storeIds[0]);
    await expectCountsMatch();
  });
});
