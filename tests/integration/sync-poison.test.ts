// Poison orders, against the emulator on PGlite or Postgres: an order the database refuses is a
// failed item whose reason quotes nothing of the order (the database's message here quotes the
// recipient, as a real one quoting a query's parameters would), the watermark moves past it, and
// later runs read it again by id until it imports or is gone. A run error is a fixed sentence.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { EmuOrder } from "@/emulator/model";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { orders, shipments, stores, syncOrderRetries, syncRunItems, syncRuns } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { createEmulatorOrder, lines, NEW_YORK } from "../helpers/emulator-orders";
import { seedRates, setCustomsDefaults } from "../helpers/export-setup";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "poison-test-key", apiSecret: "poison-test-secret" };
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });

/** The poisoned recipient: none of this may reach a stored reason, a run error or the log. */
const RECIPIENT = {
  name: "Marina Veneno Sousa",
  phone: "+5511987654321",
  email: "marina.veneno@example.com",
  address1: "Rua do Veneno 1234",
};
const PII = [RECIPIENT.name, "Veneno", "987654321", RECIPIENT.email, RECIPIENT.address1];

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  process.env.APP_URL = "http://127.0.0.1:3996";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await seedRates(testDb.db);
  // The database refuses the poisoned recipient's order with a message quoting its values, as
  // Postgres and drizzle do with a failed query's parameters.
  await testDb.db.execute(
    sql.raw(`create function refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.customer_name like '%Veneno%' then
          raise exception using errcode = 'numeric_value_out_of_range',
            message = format('numeric field overflow: %s %s %s', new.customer_name, new.customer_email, new.shipping_address::text);
        end if;
        return new;
      end $$`),
  );
  await testDb.db.execute(
    sql.raw(
      "create trigger refuse_poison before insert or update on orders for each row execute function refuse_poison()",
    ),
  );
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function connect(domain: string) {
  createShop(emulator.state, { domain, plan: "plus" });
  await connectThroughEmulator(deps(), domain, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
  await setCustomsDefaults(testDb.db, store.id);
  return store;
}

async function sync(storeId: string, options = {}) {
  const { run } = await requestSync(testDb.db, storeId, "manual", null);
  return (await executeRun(deps(), run.id, { sleep: async () => {}, ...options }))!;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** A complete FedEx order last updated `days` ago, for `recipient` (the New York one by default). */
function order(domain: string, days: number, recipient: Partial<typeof RECIPIENT> = {}) {
  return createEmulatorOrder(emulator, domain, {
    createdAt: daysAgo(days),
    updatedAt: daysAgo(days),
    email: recipient.email ?? "emily@example.com",
    shippingAddress: { ...NEW_YORK, ...recipient },
    lineItems: lines(1, () => ({ quantity: 1, unitPrice: "20.00" })),
  });
}

const poisoned = (domain: string, days: number) => order(domain, days, RECIPIENT);
const gidOf = (o: EmuOrder) => `gid://shopify/Order/${o.id}`;

async function itemsOf(runId: string, o: EmuOrder) {
  return testDb.db
    .select()
    .from(syncRunItems)
    .where(and(eq(syncRunItems.runId, runId), eq(syncRunItems.orderGid, gidOf(o))));
}

async function retryOf(storeId: string, o: EmuOrder) {
  const [row] = await testDb.db
    .select()
    .from(syncOrderRetries)
    .where(and(eq(syncOrderRetries.storeId, storeId), eq(syncOrderRetries.orderGid, gidOf(o))));
  return row;
}

async function shipmentOf(storeId: string, o: EmuOrder) {
  const [row] = await testDb.db
    .select({ status: shipments.status })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(orders.storeId, storeId), eq(orders.shopifyGid, gidOf(o))));
  return row;
}

/** Every column of the store's runs and their items, as text. */
async function everythingStoredAboutRuns(storeId: string) {
  const runs = await testDb.db.select().from(syncRuns).where(eq(syncRuns.storeId, storeId));
  const items = await testDb.db
    .select()
    .from(syncRunItems)
    .where(
      inArray(
        syncRunItems.runId,
        runs.map((run) => run.id),
      ),
    );
  const retries = await testDb.db.select().from(syncOrderRetries).where(eq(syncOrderRetries.storeId, storeId));
  return JSON.stringify({ runs, items, retries });
}

const logged = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls
    .map((call) => call.map((part) => (part instanceof Error ? part.stack : String(part))).join(" "))
    .join("\n");

describe(`poison orders (${driverName})`, () => {
  it("fail alone with a PII-free reason, the watermark moves on, later runs retry them until they import", async () => {
    const store = await connect("loja-veneno-a.myshopify.com");
    const domain = store.shopDomain;
    const before = await order(domain, 3);
    const poison = await poisoned(domain, 2);
    const after = await order(domain, 1);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});

    const first = await sync(store.id);
    expect(first).toMatchObject({ status: "succeeded", fetched: 3, failed: 1, created: 2, error: null });
    const [item] = await itemsOf(first.id, poison);
    expect(item).toMatchObject({
      outcome: "failed",
      reason: "value_out_of_range",
      detail: {
        message: "A value of the order is out of the range the database can store.",
        sqlstate: "22003",
        retried: true,
      },
    });
    expect(await shipmentOf(store.id, before)).toMatchObject({ status: "ready" });
    expect(await shipmentOf(store.id, after)).toMatchObject({ status: "ready" });
    const [{ watermark }] = await testDb.db
      .select({ watermark: stores.syncWatermark })
      .from(stores)
      .where(eq(stores.id, store.id));
    expect(watermark!.getTime()).toBeGreaterThan(Date.parse(poison.updatedAt));
    expect(await retryOf(store.id, poison)).toMatchObject({ reason: "value_out_of_range", attempts: 1 });

    // Nothing of the recipient in any stored column, nor in the server log (which names the SQLSTATE).
    const stored = await everythingStoredAboutRuns(store.id);
    for (const value of PII) expect(stored).not.toContain(value);
    const log = logged(errors);
    expect(log).toContain("SQLSTATE 22003");
    expect(log).toContain(gidOf(poison));
    for (const value of PII) expect(log).not.toContain(value);

    // Unchanged in Shopify and behind the watermark: only the retry by id reads it again.
    const second = await sync(store.id);
    expect(second).toMatchObject({ status: "succeeded", failed: 1 });
    expect(await itemsOf(second.id, poison)).toMatchObject([{ outcome: "failed", reason: "value_out_of_range" }]);
    expect(await retryOf(store.id, poison)).toMatchObject({ attempts: 2 });

    // Fixed in Shopify (the control API): it imports and leaves the retry list.
    const fixed = await fetch(`${emulator.url}/__emulator/shops/${domain}/orders/${poison.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ shippingAddress: { ...NEW_YORK, name: "Marina Sousa" }, email: "marina@example.com" }),
    });
    expect(fixed.status).toBe(200);
    const third = await sync(store.id);
    expect(third).toMatchObject({ status: "succeeded", failed: 0 });
    expect(await shipmentOf(store.id, poison)).toMatchObject({ status: "ready" });
    expect(await retryOf(store.id, poison)).toBeUndefined();
    for (const value of PII) expect(await everythingStoredAboutRuns(store.id)).not.toContain(value);
  });

  it("an order the database takes again is imported by the retry, though Shopify never changed it", async () => {
    const store = await connect("loja-veneno-b.myshopify.com");
    const poison = await poisoned(store.shopDomain, 2);
    await order(store.shopDomain, 1); // the newest: the watermark passes the poison
    vi.spyOn(console, "error").mockImplementation(() => {});
    const first = await sync(store.id);
    expect(first).toMatchObject({ status: "succeeded", failed: 1 });

    // The database now accepts it (as after a fix of ours); Shopify's copy is as it was.
    await testDb.db.execute(sql.raw("alter table orders disable trigger refuse_poison"));
    let next;
    try {
      next = await sync(store.id);
    } finally {
      await testDb.db.execute(sql.raw("alter table orders enable trigger refuse_poison"));
    }
    expect(next).toMatchObject({ status: "succeeded", failed: 0, created: 1 });
    expect(await itemsOf(next.id, poison)).toMatchObject([{ outcome: "created_ready" }]);
    expect(await retryOf(store.id, poison)).toBeUndefined();
  });

  it("an order deleted in Shopify leaves the retry list; a run retries a bounded number, least recently tried first", async () => {
    const store = await connect("loja-veneno-c.myshopify.com");
    const domain = store.shopDomain;
    const poisons = [await poisoned(domain, 4), await poisoned(domain, 3), await poisoned(domain, 2)];
    await order(domain, 1); // the newest: the watermark's page reads it again, never a poison
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await sync(store.id)).toMatchObject({ failed: 3 });

    const bounded = await sync(store.id, { retriesPerRun: 2 });
    expect(bounded).toMatchObject({ status: "succeeded", failed: 2 });
    const attempts = await Promise.all(poisons.map(async (p) => (await retryOf(store.id, p)).attempts));
    expect([...attempts].sort()).toEqual([1, 2, 2]);
    const waiting = poisons.find((_, index) => attempts[index] === 1)!;
    const nextRun = await sync(store.id, { retriesPerRun: 1 });
    expect(await itemsOf(nextRun.id, waiting)).toHaveLength(1); // the one the bounded run left

    const shop = emulator.state.shop(domain)!;
    const deleted = poisons[0];
    shop.orders.splice(shop.orders.indexOf(shop.ordersById.get(deleted.id)!), 1);
    shop.ordersById.delete(deleted.id);
    await sync(store.id);
    expect(await retryOf(store.id, deleted)).toBeUndefined();
    expect(await retryOf(store.id, poisons[1])).toBeDefined();
  });
});

describe(`run errors (${driverName})`, () => {
  it("store a fixed sentence and code, never the database's message or the order's values", async () => {
    const store = await connect("loja-erro.myshopify.com");
    await order(store.shopDomain, 1);
    // Every write of a run item fails, with a message that quotes customer data.
    await testDb.db.execute(
      sql.raw(`create function refuse_items() returns trigger language plpgsql as $$
        begin
          raise exception 'cannot insert item for % %', '${RECIPIENT.name}', '${RECIPIENT.email}';
        end $$`),
    );
    await testDb.db.execute(
      sql.raw(
        "create trigger refuse_items before insert on sync_run_items for each row execute function refuse_items()",
      ),
    );
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const run = await sync(store.id);
      expect(run).toMatchObject({
        status: "failed",
        errorCode: "unexpected",
        error: "The sync stopped on an unexpected error; the details are in the server log.",
      });
      for (const value of PII) expect(await everythingStoredAboutRuns(store.id)).not.toContain(value);
      const log = logged(errors);
      expect(log).toContain("SQLSTATE P0001");
      expect(log).toMatch(/\n\s+at /); // the stack, server-side
      for (const value of PII) expect(log).not.toContain(value);
    } finally {
      await testDb.db.execute(sql.raw("drop trigger refuse_items on sync_run_items"));
      await testDb.db.execute(sql.raw("drop function refuse_items()"));
    }
  });
});
