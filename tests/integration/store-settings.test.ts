// Stores › Customs defaults & test orders below the UI, on PGlite or PostgreSQL: settings saved and
// audited (admins only, hostile input refused with nothing changed), the commercial invoice printing
// the resolved terms (the shipment's own, else the store's default, never a silent one), and test
// shipments that no pickup or document ever reaches.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readPdf } from "@/documents/testing/pdf-reader";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { auditEvents, orders, pickups, shipmentDocuments, shipments, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { issueDocuments } from "@/server/services/documents";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { schedulePickups } from "@/server/services/pickups";
import { updateStoreSettings } from "@/server/services/store-settings";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { giveDimensions } from "../helpers/carrier-labels";
import { completeShipperFromNfeKey, prepareForExport } from "../helpers/export-setup";
import { createFakeCarrier, fakeDirectory } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "settings-test-key", apiSecret: "settings-test-secret" };
const SHOP = "loja-aduana.myshopify.com";
// Wednesday 2 December 2026, 09:00 in São Paulo; the 3rd is a business day.
const NOW = new Date("2026-12-02T12:00:00Z");
const WINDOW = { date: "2026-12-03", readyTime: "09:00", closeTime: "17:00" };

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let storeId: string;
let admin: { id: string; name: string; role: "admin" };
let operator: { id: string; name: string; role: "operator" };
// Pickups and documents go through the fake carriers.
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
const documentDeps = () => ({ db: testDb.db, carriers: directory, now: () => NOW, sleep: async () => {} });

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Aduana", orders: 60, seed: 20261126 });
  process.env.APP_URL = "http://127.0.0.1:3997";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  directory = await fakeDirectory(testDb.db, {
    ups: createFakeCarrier("ups"),
    fedex: createFakeCarrier("fedex"),
    dhl: createFakeCarrier("dhl"),
  });
  const made = await testDb.db
    .insert(users)
    .values([
      { email: "admin@example.com", name: "Ana Admin", passwordHash: "x", role: "admin" },
      { email: "op@example.com", name: "Otto Operator", passwordHash: "x", role: "operator" },
    ])
    .returning();
  admin = { id: made[0].id, name: made[0].name, role: "admin" };
  operator = { id: made[1].id, name: made[1].name, role: "operator" };
  const deps = { db: testDb.db, shopify };
  await connectThroughEmulator(deps, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  storeId = store.id;
  // Synced with defaults and rates, so the demo's complete orders are ready; each test then sets
  // the defaults it is about.
  await prepareForExport(testDb.db, store.id);
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun(deps, run.id, { sleep: async () => {} });
  await completeShipperFromNfeKey(testDb.db, store, admin.id);
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function storeSettings() {
  const [row] = await testDb.db
    .select({
      defaultIncoterm: stores.defaultIncoterm,
      defaultExportReason: stores.defaultExportReason,
      testOrders: stores.testOrders,
      updatedAt: stores.updatedAt,
    })
    .from(stores)
    .where(eq(stores.id, storeId));
  return row;
}

const settingsAudits = () =>
  testDb.db.select().from(auditEvents).where(eq(auditEvents.action, "store.settings_updated"));

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Ready shipments without documents whose order Shopify has not fulfilled, oldest order first (with dimensions, as carriers need). */
async function readyShipments() {
  const rows = await testDb.db
    .select({ id: shipments.id, orderName: orders.name })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        eq(shipments.storeId, storeId),
        eq(shipments.status, "ready"),
        eq(shipments.isTest, false),
        sql`${shipments.documentsGeneratedAt} is null`,
        ne(orders.fulfillmentStatus, "FULFILLED"),
      ),
    )
    .orderBy(orders.name);
  if (rows.length > 0)
    await giveDimensions(
      testDb.db,
      rows.map((row) => row.id),
    );
  return rows;
}

async function invoiceText(shipmentId: string) {
  const [stored] = await testDb.db
    .select({ invoicePdf: shipmentDocuments.invoicePdf })
    .from(shipmentDocuments)
    .where(eq(shipmentDocuments.shipmentId, shipmentId));
  return (await readPdf(stored.invoicePdf)).map((page) => page.text).join("\n");
}

/** The value printed in the invoice's box labelled `label` (the text between it and the next box's label). */
function boxValue(text: string, label: string, next: string): string {
  const start = text.indexOf(label);
  expect(start, label).toBeGreaterThanOrEqual(0);
  return text
    .slice(start + label.length, text.indexOf(next, start + label.length))
    .replace(/\s+/g, " ")
    .trim();
}

describe(`store settings (${driverName})`, () => {
  beforeEach(async () => {
    await testDb.db
      .update(stores)
      .set({ defaultIncoterm: null, defaultExportReason: null, testOrders: "skip" })
      .where(eq(stores.id, storeId));
    await testDb.db.delete(auditEvents).where(eq(auditEvents.action, "store.settings_updated"));
  });

  it("saves an admin's defaults and policy, audited with before and after; unchanged writes nothing", async () => {
    const input = { storeId, defaultIncoterm: "DAP", defaultExportReason: "gift", testOrders: "import" };
    expect(await updateStoreSettings(testDb.db, admin, input)).toEqual({
      changed: true,
      settings: { defaultIncoterm: "DAP", defaultExportReason: "gift", testOrders: "import" },
    });
    expect(await storeSettings()).toMatchObject({
      defaultIncoterm: "DAP",
      defaultExportReason: "gift",
      testOrders: "import",
    });
    const [audit] = await settingsAudits();
    expect(audit).toMatchObject({
      actorId: admin.id,
      entityType: "store",
      entityId: storeId,
      before: { defaultIncoterm: null, defaultExportReason: null, testOrders: "skip" },
      after: { defaultIncoterm: "DAP", defaultExportReason: "gift", testOrders: "import" },
    });

    expect((await updateStoreSettings(testDb.db, admin, input)).changed).toBe(false);
    expect(await settingsAudits()).toHaveLength(1);

    // Empty = no default any more.
    await updateStoreSettings(testDb.db, admin, { ...input, defaultIncoterm: "", defaultExportReason: "" });
    expect(await storeSettings()).toMatchObject({ defaultIncoterm: null, defaultExportReason: null });
    expect(await settingsAudits()).toHaveLength(2);
  });

  it("refuses an operator and changes nothing", async () => {
    const before = await storeSettings();
    await expectAppError(
      updateStoreSettings(testDb.db, operator, {
        storeId,
        defaultIncoterm: "DDP",
        defaultExportReason: "sale",
        testOrders: "import",
      }),
      "storeSettings.errors.adminOnly",
    );
    expect(await storeSettings()).toEqual(before);
    expect(await settingsAudits()).toHaveLength(0);
  });

  it("refuses unknown values and hostile input with the precise reason, changing nothing", async () => {
    const before = await storeSettings();
    const valid = { storeId, defaultIncoterm: "DAP", defaultExportReason: "sale", testOrders: "skip" };
    const cases: [unknown, string, string | undefined][] = [
      [{ ...valid, defaultIncoterm: "FOB" }, "storeSettings.errors.incotermInvalid", "defaultIncoterm"],
      [{ ...valid, defaultIncoterm: "DAP".repeat(400_000) }, "storeSettings.errors.incotermInvalid", "defaultIncoterm"],
      [
        { ...valid, defaultExportReason: "sale\u0000" },
        "storeSettings.errors.exportReasonInvalid",
        "defaultExportReason",
      ],
      [{ ...valid, defaultExportReason: 1e308 }, "storeSettings.errors.exportReasonInvalid", "defaultExportReason"],
      [{ ...valid, testOrders: "send_to_carrier" }, "storeSettings.errors.testOrdersInvalid", "testOrders"],
      [
        JSON.parse(`{"storeId":"${storeId}","testOrders":"skip","__proto__":{"isAdmin":true}}`),
        "storeSettings.errors.unknownField",
        undefined,
      ],
      [{ ...valid, shipper: "{}" }, "storeSettings.errors.unknownField", undefined],
      [[valid], "storeSettings.errors.invalidForm", undefined],
      [{ ...valid, storeId: "00000000-0000-4000-8000-000000000000" }, "errors.notFound", undefined],
    ];
    for (const [input, code, field] of cases) {
      const error = await expectAppError(updateStoreSettings(testDb.db, admin, input), code);
      expect(error.field, code).toBe(field);
    }
    expect(await storeSettings()).toEqual(before);
    expect(await settingsAudits()).toHaveLength(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe(`customs terms on the commercial invoice (${driverName})`, () => {
  it("prints the store's default terms, as labels, for a shipment without its own", async () => {
    await updateStoreSettings(testDb.db, admin, {
      storeId,
      defaultIncoterm: "DDU",
      defaultExportReason: "gift",
      testOrders: "skip",
    });
    const [shipment] = await readyShipments();
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row).toMatchObject({ incoterm: null, exportReason: null });
    await issueDocuments(documentDeps(), [shipment.id], admin);
    const text = await invoiceText(shipment.id);
    expect(boxValue(text, "INCOTERM", "CURRENCY")).toBe("DDU");
    expect(boxValue(text, "REASON FOR EXPORT", "NF-E KEY")).toBe("Gift");
  });

  it("prints the shipment's own terms over the store's default", async () => {
    const [, shipment] = await readyShipments();
    await testDb.db
      .update(shipments)
      .set({ incoterm: "DDP", exportReason: "personal_use" })
      .where(eq(shipments.id, shipment.id));
    await issueDocuments(documentDeps(), [shipment.id], admin);
    const text = await invoiceText(shipment.id);
    expect(boxValue(text, "INCOTERM", "CURRENCY")).toBe("DDP");
    expect(boxValue(text, "REASON FOR EXPORT", "NF-E KEY")).toBe("Personal Use");
  });

  it("refuses to issue without either, naming what is missing, and changes nothing", async () => {
    // Defense in depth: saving the settings re-judges the store's shipments (they would become
    // drafts), so the defaults are changed under them directly, as a stale state would be.
    const setDefaults = (incoterm: string | null, exportReason: string | null) =>
      testDb.db
        .update(stores)
        .set({ defaultIncoterm: incoterm, defaultExportReason: exportReason })
        .where(eq(stores.id, storeId));
    await setDefaults("DAP", null);
    const [first, second] = await readyShipments();
    const error = await expectAppError(
      issueDocuments(documentDeps(), [first.id, second.id], admin),
      "storeSettings.errors.termsMissing",
    );
    // The whole selection is checked before any number is used: the first one read is named.
    expect(error.values).toMatchObject({ missing: "exportReason" });
    expect([first.orderName, second.orderName]).toContain(error.values!.order);

    await setDefaults(null, null);
    const both = await expectAppError(
      issueDocuments(documentDeps(), [first.id], admin),
      "storeSettings.errors.termsMissing",
    );
    expect(both.values).toEqual({ order: first.orderName, missing: "both" });
    for (const id of [first.id, second.id]) {
      const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, id));
      expect(row).toMatchObject({ trackingNumber: null, documentsGeneratedAt: null });
      expect(await testDb.db.select().from(shipmentDocuments).where(eq(shipmentDocuments.shipmentId, id))).toEqual([]);
    }
  });
});

describe(`test shipments (${driverName})`, () => {
  it("are refused by pickups and documents, alone or in a selection, and nothing changes", async () => {
    await updateStoreSettings(testDb.db, admin, {
      storeId,
      defaultIncoterm: "DAP",
      defaultExportReason: "sale",
      testOrders: "import",
    });
    const [test, real] = await readyShipments();
    // What the sync does with a test order under the "import" setting.
    await testDb.db.update(shipments).set({ isTest: true }).where(eq(shipments.id, test.id));
    const [before] = await testDb.db.select().from(shipments).where(eq(shipments.id, test.id));
    const pickupsBefore = await testDb.db.select().from(pickups);

    for (const ids of [[test.id], [real.id, test.id]]) {
      const refused = await expectAppError(
        schedulePickups({ db: testDb.db, carriers: directory, now: () => NOW }, ids, WINDOW, operator.id),
        "storeSettings.errors.testOrder",
      );
      expect(refused.values).toEqual({ order: test.orderName });
      await expectAppError(issueDocuments(documentDeps(), ids, operator), "storeSettings.errors.testOrder");
    }

    const [after] = await testDb.db.select().from(shipments).where(eq(shipments.id, test.id));
    expect(after).toEqual(before);
    const [untouched] = await testDb.db.select().from(shipments).where(eq(shipments.id, real.id));
    expect(untouched).toMatchObject({ status: "ready", pickupId: null, trackingNumber: null });
    expect(await testDb.db.select().from(pickups)).toEqual(pickupsBefore);
    expect(await testDb.db.select().from(shipmentDocuments).where(eq(shipmentDocuments.shipmentId, test.id))).toEqual(
      [],
    );
  });
});
