// Export data a customs officer and a carrier would accept, from the emulated Shopify to the
// shipment: the US$ 1,000 rule with the stored PTAX rate, hostile values bounded or refused one
// order at a time, a poison order failed alone, test orders skipped and counted, customs terms
// never assumed, and an invalid NF-e key kept with its reason.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "@/domain/roles";
import { previousPtaxDay } from "@/domain/ptax";
import { originNow } from "@/domain/local-time";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { problemMessage } from "@/domain/problem-messages";
import { VALID_NFE_KEY } from "@/domain/test-orders";
import { createShop } from "@/emulator/control";
import type { EmuOrder } from "@/emulator/model";
import { createEmulator, type Emulator } from "@/emulator/server";
import en from "@/i18n/messages/en.json";
import pt from "@/i18n/messages/pt-BR.json";
import { exchangeRates, orders, shipments, stores, syncRunItems, users } from "@/server/db/schema";
import { reevaluateOpenShipments } from "@/server/services/reevaluate";
import { updateStoreSettings } from "@/server/services/store-settings";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { createEmulatorOrder, lines } from "../helpers/emulator-orders";
import { seedRates, setCustomsDefaults } from "../helpers/export-setup";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "export-test-key", apiSecret: "export-test-secret" };
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });
let admin: string;
/** The bulletin the rule takes today: the closing of the last PTAX day before today. */
const rateDay = previousPtaxDay(originNow().date);

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  process.env.APP_URL = "http://127.0.0.1:3997";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  // USD at exactly 5.4000 on the day the rule looks at.
  await seedRates(testDb.db, { rates: [{ currency: "USD", date: rateDay, buy: 5.4, sell: 5.4006 }] });
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "admin@example.com", name: "Ada Admin", passwordHash: "x", role: "admin" })
    .returning();
  admin = user.id;
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function connect(domain: string, defaults = true) {
  createShop(emulator.state, { domain, plan: "plus" });
  await connectThroughEmulator(deps(), domain, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
  if (defaults) await setCustomsDefaults(testDb.db, store.id);
  return store;
}

async function sync(storeId: string) {
  const { run } = await requestSync(testDb.db, storeId, "manual", null);
  return (await executeRun(deps(), run.id, { sleep: async () => {} }))!;
}

/** A complete FedEx order to New York: one line of `price` BRL, no NF-e key. */
function fedexOrder(domain: string, price: string, fields: Partial<EmuOrder> = {}) {
  return createEmulatorOrder(emulator, domain, {
    lineItems: lines(1, () => ({ quantity: 1, unitPrice: price })),
    ...fields,
  });
}

async function shipmentOf(storeId: string, order: EmuOrder) {
  const [row] = await testDb.db
    .select({ shipment: shipments })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(orders.storeId, storeId), eq(orders.shopifyGid, `gid://shopify/Order/${order.id}`)));
  return row?.shipment;
}

async function itemOf(runId: string, order: EmuOrder) {
  const [item] = await testDb.db
    .select()
    .from(syncRunItems)
    .where(and(eq(syncRunItems.runId, runId), eq(syncRunItems.orderGid, `gid://shopify/Order/${order.id}`)));
  return item;
}

const say = (messages: typeof en, locale: Locale, problem: ShipmentProblem) => {
  const t = createTranslator({ locale, messages });
  const { key, values, labelKey } = problemMessage(problem);
  return t(key as never, { ...values, label: t(labelKey as never) } as never) as string;
};

describe(`the US$ 1,000 rule with PTAX (${driverName})`, () => {
  it("a BRL 6,000 FedEx order without a key is a draft that shows the conversion; BRL 5,000 is ready", async () => {
    const store = await connect("loja-ptax.myshopify.com");
    const expensive = await fedexOrder(store.shopDomain, "6000.00");
    const cheap = await fedexOrder(store.shopDomain, "5000.00");
    const run = await sync(store.id);
    expect(run).toMatchObject({ status: "succeeded", failed: 0 });

    const draft = (await shipmentOf(store.id, expensive))!;
    expect(draft).toMatchObject({ status: "draft", missingFields: ["nfeKey"], declaredValue: "6000.00" });
    // 6,000.00 ÷ 5.4000 = 1,111.11
    expect(draft.declaredValueUsdCents).toBe(111111);
    expect(draft.exchangeRate).toEqual({
      currency: "BRL",
      buyBrl: "1",
      usdBuyBrl: "5.4",
      date: rateDay,
      bulletin: "Fechamento PTAX",
      source: "bcb_ptax",
    });
    const [problem] = draft.problems as ShipmentProblem[];
    expect(say(en, "en", problem)).toBe(
      `NF-e key required above US$ 1,000 (BRL 6,000.00 = US$ 1,111.11 at PTAX of ${rateDay})`,
    );
    expect(say(pt, "pt-BR", problem)).toBe(
      `Chave da NF-e obrigatória acima de US$ 1.000 (BRL 6.000,00 = US$ 1.111,11 pela PTAX de ${rateDay})`,
    );
    // The sync's item says the same.
    expect((await itemOf(run.id, expensive)).detail).toMatchObject({ missing: ["nfeKey"], problems: [problem] });

    // 5,000.00 ÷ 5.4000 = 925.93: within the limit, ready without a key.
    expect(await shipmentOf(store.id, cheap)).toMatchObject({ status: "ready", declaredValueUsdCents: 92593 });
  });
});

describe(`hostile orders (${driverName})`, () => {
  it("are bounded or refused one at a time; the rest are imported", async () => {
    const store = await connect("loja-hostil.myshopify.com");
    const domain = store.shopDomain;
    const longName = await fedexOrder(domain, "100.00", {
      shippingAddress: { ...(await fedexOrder(domain, "1.00")).shippingAddress!, name: "A".repeat(5000) },
    });
    const nul = await fedexOrder(domain, "100.00", {
      note: "nota\u0000",
      customAttributes: [{ key: "gift\u0000", value: "x\u0000\uD800" }],
      lineItems: lines(1, () => ({ title: "Vaso\u0000 de barro", quantity: 1, unitPrice: "100.00" })),
    });
    const overflow = await fedexOrder(domain, "9999.99", {
      lineItems: lines(1, () => ({ quantity: 2_147_483_647, unitPrice: "9999.99" })),
      totalPrice: "100.00",
    });
    const fine = await fedexOrder(domain, "120.00");
    const run = await sync(store.id);
    expect(run.status).toBe("succeeded");

    const named = (await shipmentOf(store.id, longName))!;
    expect(named.status).toBe("draft");
    expect((named.recipient as { name: string }).name).toHaveLength(100);
    expect(named.problems).toContainEqual({
      field: "recipientName",
      code: "tooLong",
      values: { part: "name", length: 5000, max: 100 },
    });

    const cleaned = (await shipmentOf(store.id, nul))!;
    expect(cleaned.status).toBe("ready");
    expect((cleaned.customsItems as { description: string }[])[0].description).toBe("Vaso de barro");

    expect(await shipmentOf(store.id, overflow)).toBeUndefined();
    expect(await itemOf(run.id, overflow)).toMatchObject({ outcome: "failed", reason: "value_out_of_range" });
    expect(await shipmentOf(store.id, fine)).toMatchObject({ status: "ready", declaredValue: "120.00" });
  });

  it("a poison order the database refuses is failed alone, and the next sync goes past it", async () => {
    const store = await connect("loja-veneno.myshopify.com");
    const domain = store.shopDomain;
    const before = await fedexOrder(domain, "10.00");
    const poison = await fedexOrder(domain, "20.00");
    const after = await fedexOrder(domain, "30.00");
    const gid = `gid://shopify/Order/${poison.id}`;
    // The database refuses this one order, whatever the reason (a constraint, a value it cannot store).
    await testDb.db.execute(
      sql.raw(`create function refuse_poison() returns trigger language plpgsql as $$
        begin
          if new.shopify_gid = '${gid}' then raise exception 'refused by the test'; end if;
          return new;
        end $$`),
    );
    await testDb.db.execute(
      sql.raw(
        "create trigger refuse_poison before insert or update on orders for each row execute function refuse_poison()",
      ),
    );
    try {
      const run = await sync(store.id);
      expect(run).toMatchObject({ status: "succeeded", fetched: 3, failed: 1, created: 2 });
      // A code and a fixed sentence: the database's own message may quote the order's values.
      expect(await itemOf(run.id, poison)).toMatchObject({ outcome: "failed", reason: "storage_failed" });
      expect((await itemOf(run.id, poison)).detail).toEqual({
        message: "The database could not store the order.",
        sqlstate: "P0001",
        retried: true,
      });
      expect(await shipmentOf(store.id, before)).toMatchObject({ status: "ready" });
      expect(await shipmentOf(store.id, after)).toMatchObject({ status: "ready" });

      // The watermark moved past the page: a later order is imported by the next sync, which
      // reads the poison again by id (still refused) without stumbling on it.
      const later = await fedexOrder(domain, "40.00");
      const next = await sync(store.id);
      expect(next).toMatchObject({ status: "succeeded", failed: 1 });
      expect(await shipmentOf(store.id, later)).toMatchObject({ status: "ready" });
    } finally {
      await testDb.db.execute(sql.raw("drop trigger refuse_poison on orders"));
      await testDb.db.execute(sql.raw("drop function refuse_poison()"));
    }
  });
});

describe(`test orders, customs terms and keys as Shopify gave them (${driverName})`, () => {
  it("test orders are skipped and counted by default, or imported marked Test", async () => {
    const store = await connect("loja-teste.myshopify.com");
    const testOrder = await fedexOrder(store.shopDomain, "50.00", { test: true });
    const real = await fedexOrder(store.shopDomain, "50.00");
    const run = await sync(store.id);
    expect(run).toMatchObject({ skippedTest: 1, created: 1 });
    expect(await itemOf(run.id, testOrder)).toMatchObject({ outcome: "skipped_test", reason: "test_order" });
    expect(await shipmentOf(store.id, testOrder)).toBeUndefined();
    expect(await shipmentOf(store.id, real)).toMatchObject({ isTest: false });

    await testDb.db.update(stores).set({ testOrders: "import" }).where(eq(stores.id, store.id));
    const another = await fedexOrder(store.shopDomain, "50.00", { test: true });
    const next = await sync(store.id);
    expect(next.skippedTest).toBe(0);
    expect(await shipmentOf(store.id, another)).toMatchObject({ status: "ready", isTest: true });
  });

  it("without customs defaults every shipment is a draft listing incoterm and reason for export", async () => {
    const store = await connect("loja-termos.myshopify.com", false);
    const order = await fedexOrder(store.shopDomain, "80.00");
    await sync(store.id);
    expect(await shipmentOf(store.id, order)).toMatchObject({
      status: "draft",
      missingFields: ["incoterm", "exportReason"],
      incoterm: null,
      exportReason: null,
    });
    // The admin sets the store's defaults: the open shipments follow at once, without a sync.
    const result = await updateStoreSettings(
      testDb.db,
      { id: admin, role: "admin" },
      {
        storeId: store.id,
        defaultIncoterm: "DDP",
        defaultExportReason: "gift",
        testOrders: "skip",
      },
    );
    expect(result.changed).toBe(true);
    expect(await shipmentOf(store.id, order)).toMatchObject({ status: "ready", missingFields: [], incoterm: null });
  });

  it("an invalid NF-e key read from Shopify stays on the shipment with its reason", async () => {
    const store = await connect("loja-chave.myshopify.com");
    const wrong = VALID_NFE_KEY.slice(0, 43) + "8";
    const order = await fedexOrder(store.shopDomain, "100.00", {
      metafields: [{ namespace: "nfe", key: "access_key", type: "single_line_text_field", value: wrong }],
    });
    await sync(store.id);
    const shipment = (await shipmentOf(store.id, order))!;
    expect(shipment).toMatchObject({ status: "draft", nfeKey: wrong, missingFields: ["nfeKey"], invoiceNumber: null });
    expect(shipment.problems).toEqual([{ field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } }]);
  });

  it("a draft that waited for a PTAX rate is judged again when the rate arrives", async () => {
    const store = await connect("loja-sem-taxa.myshopify.com");
    await testDb.db.delete(exchangeRates);
    const order = await fedexOrder(store.shopDomain, "100.00");
    await sync(store.id);
    const waiting = (await shipmentOf(store.id, order))!;
    expect(waiting).toMatchObject({ status: "draft", missingFields: ["nfeKey"], declaredValueUsdCents: null });
    expect(waiting.problems).toEqual([
      expect.objectContaining({ field: "nfeKey", code: "noRate", values: expect.objectContaining({ why: "no_rate" }) }),
    ]);
    await seedRates(testDb.db, { rates: [{ currency: "USD", date: rateDay, buy: 5.4, sell: 5.4006 }] });
    expect(await reevaluateOpenShipments(testDb.db, { waitingForRate: true })).toMatchObject({ changed: 1 });
    // 100.00 ÷ 5.4000 = 18.52: within the limit, ready without a key.
    expect(await shipmentOf(store.id, order)).toMatchObject({ status: "ready", declaredValueUsdCents: 1852 });
  });

  it("an order with an address but nothing to ship is its own skip, not 'no shipping address'", async () => {
    const store = await connect("loja-digital.myshopify.com");
    const order = await fedexOrder(store.shopDomain, "30.00", {
      lineItems: lines(1, () => ({ requiresShipping: false, unitPrice: "30.00" })),
    });
    const run = await sync(store.id);
    expect(run).toMatchObject({ skippedNotShippable: 1, skippedNoAddress: 0 });
    expect(await itemOf(run.id, order)).toMatchObject({ outcome: "skipped_not_shippable", reason: "nothing_to_ship" });
  });
});
