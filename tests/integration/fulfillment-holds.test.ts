// Drafts on hold in Shopify, on PGlite or Postgres against the emulator: holds placed after a sync
// with notes in the store's language, notes replaced when what is missing changes, our hold released
// when the draft is completed by each path (Edit Draft, a bulk change, a re-sync that brings the
// NF-e key, a quote that changes the carrier) and on cancel, another app's hold left alone, the
// store setting, a store without the read_locales scope, and a failure recorded then retried.
import type { Shopify } from "@shopify/shopify-api";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOLD_HANDLES } from "@/domain/fulfillment-holds";
import { VALID_NFE_KEY } from "@/domain/test-orders";
import { createShop } from "@/emulator/control";
import type { EmuFulfillmentHold } from "@/emulator/model";
import { createEmulator, type Emulator } from "@/emulator/server";
import { auditEvents, orders, shipments, stores, syncRuns } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { bulkUpdateDrafts, saveDraft } from "@/server/services/drafts";
import { queueHoldRetry, queueStoreHolds, reconcileHolds } from "@/server/services/fulfillment-holds";
import { pickQuote, quoteShipmentById, quotesForShipment } from "@/server/services/quotes";
import { updateStoreSettings } from "@/server/services/store-settings";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createUser } from "@/server/services/users";
import { createShopify } from "@/server/shopify/api";
import { draftFormFor } from "../helpers/draft-form";
import { prepareForExport } from "../helpers/export-setup";
import { fakeDirectory } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "holds-key", apiSecret: "holds-secret" };
const SHOP = "loja-retencao.myshopify.com";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let storeId: string;
let ana: string;
let admin: string;

async function sync() {
  const { run } = await requestSync(testDb.db, storeId, "manual", null);
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
}

// Shopify's 5xx answers are retried without waiting here (throttling is waited out as in production).
const deps = () => ({ db: testDb.db, shopify, graphql: { backoffMs: 0 } });
/** A round as the background loop runs it; `now` later than any retry due time when given. */
const reconcile = (now?: Date) => reconcileHolds(deps(), { limit: 500, now });

async function control(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${emulator.url}/__emulator/shops/${SHOP}${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const emulatorOrderId = (gid: string) => Number(gid.split("/").pop());

/** The holds on the order's fulfillment order, read through the emulator's control API. */
async function holdsInShopify(shipmentId: string) {
  const [row] = await testDb.db
    .select({ gid: orders.shopifyGid })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(shipments.id, shipmentId));
  const { body } = await control(`/orders/${emulatorOrderId(row.gid)}/holds`);
  return body as { holds: EmuFulfillmentHold[]; status: string };
}

const ours = (holds: EmuFulfillmentHold[]) => holds.filter((hold) => hold.appKey === APP.apiKey);

async function shipment(id: string) {
  const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, id));
  return row;
}

/** The drafts in their orders' number order (the same picks on every run and both databases). */
async function drafts() {
  const rows = await testDb.db
    .select({ shipment: shipments })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(eq(shipments.status, "draft"))
    .orderBy(asc(orders.name));
  return rows.map((row) => row.shipment);
}

/** Every draft is on hold in Shopify (ours, with its notes) unless its order has nothing left to ship there. */
async function expectEveryDraftHeldWhereShopifyCan() {
  for (const draft of await drafts()) {
    const inShopify = await holdsInShopify(draft.id);
    expect(inShopify.status).toBe(draft.holdNotes === null ? "CLOSED" : "ON_HOLD");
    expect(ours(inShopify.holds).map((hold) => hold.reasonNotes)).toEqual(
      draft.holdNotes === null ? [] : [draft.holdNotes],
    );
    expect(draft.holdDueAt).toBeNull();
  }
}

/** A draft on hold in Shopify that misses exactly these fields. */
async function heldDraftMissing(...fields: string[]) {
  const found = (await drafts()).find(
    (draft) =>
      draft.holdNotes !== null &&
      draft.missingFields.length === fields.length &&
      fields.every((f) => draft.missingFields.includes(f)),
  );
  if (!found) throw new Error(`no held draft missing exactly ${fields.join(", ")}`);
  return found;
}

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  // Shopify Plus: its bucket (10x) keeps the holds and the re-syncs below from waiting on each other.
  createShop(emulator.state, { domain: SHOP, orders: 60, seed: 20261126, primaryLocale: "pt-BR", plan: "plus" });
  process.env.APP_URL = "http://127.0.0.1:3996";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  storeId = store.id;
  await prepareForExport(testDb.db, storeId);
  const user = (email: string, role: "operator" | "admin") =>
    createUser(testDb.db, { email, name: email.split("@")[0], role, password: "password-123" }, null);
  ana = (await user("ana@x.com", "operator")).user.id;
  admin = (await user("admin@x.com", "admin")).user.id;
  await sync();
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

describe(`fulfillment holds (${driverName})`, () => {
  it("records the store's language and asks for read_locales", async () => {
    const [store] = await testDb.db.select().from(stores).where(eq(stores.id, storeId));
    expect(store.locale).toBe("pt-BR");
    expect(store.fulfillmentHolds).toBe(true);
    expect(store.scopes?.split(",")).toContain("read_locales");
  });

  it("puts every draft on hold after the sync, in Portuguese, and leaves ready shipments alone", async () => {
    const queued = await drafts();
    expect(queued.length).toBeGreaterThan(10);
    expect(queued.every((draft) => draft.holdDueAt !== null)).toBe(true);
    const outcome = await reconcile();
    expect(outcome.failed).toBe(0);
    expect(outcome.held).toBeGreaterThan(10);
    // Every draft is looked at; those whose order has nothing left to ship in Shopify are not held.
    expect(outcome.held + outcome.unchanged).toBe(queued.length);
    await expectEveryDraftHeldWhereShopifyCan();
    const nfeOnly = await heldDraftMissing("nfeKey");
    expect(nfeOnly).toMatchObject({ holdNotes: "ShipSmart: falta Chave da NF-e", holdError: null, holdDueAt: null });
    const inShopify = await holdsInShopify(nfeOnly.id);
    expect(inShopify.status).toBe("ON_HOLD");
    expect(ours(inShopify.holds)).toEqual([
      expect.objectContaining({
        handle: HOLD_HANDLES[0],
        reason: "OTHER",
        reasonNotes: "ShipSmart: falta Chave da NF-e",
        notifyMerchant: false,
      }),
    ]);
    const [ready] = await testDb.db.select().from(shipments).where(eq(shipments.status, "ready")).limit(1);
    expect((await holdsInShopify(ready.id)).holds).toEqual([]);
    // A second round has nothing to do, and asks Shopify nothing.
    const before = emulator.state.requestLog.length;
    expect(await reconcile()).toEqual({ held: 0, released: 0, unchanged: 0, failed: 0 });
    expect(emulator.state.requestLog.length).toBe(before);
  });

  it("waits while the store's sync runs (a hold changes the order a sync is paging), and goes after it", async () => {
    const draft = await heldDraftMissing("nfeKey");
    await saveDraft(testDb.db, draftFormFor(draft, { "items.0.hsCode": "" }), ana);
    const { run } = await requestSync(testDb.db, storeId, "manual", null);
    await testDb.db.update(syncRuns).set({ status: "running" }).where(eq(syncRuns.id, run.id));
    try {
      expect(await reconcile()).toEqual({ held: 0, released: 0, unchanged: 0, failed: 0 });
      expect((await shipment(draft.id)).holdDueAt).not.toBeNull();
    } finally {
      await testDb.db.update(syncRuns).set({ status: "queued" }).where(eq(syncRuns.id, run.id));
    }
    await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
    expect((await reconcile()).failed).toBe(0);
    expect(await shipment(draft.id)).toMatchObject({ holdDueAt: null });
    // Back as it was, for the tests below.
    const changed = await shipment(draft.id);
    await saveDraft(testDb.db, draftFormFor(changed, { "items.0.hsCode": draft.customsItems[0].hsCode ?? "" }), ana);
    expect((await reconcile()).failed).toBe(0);
  });

  it("an operator's change looks at its own shipments only; the round clears what has nothing to do", async () => {
    const [ready] = await testDb.db.select().from(shipments).where(eq(shipments.status, "ready")).limit(1);
    await testDb.db
      .update(shipments)
      .set({ holdDueAt: sql`now()` })
      .where(eq(shipments.id, ready.id));
    const draft = await heldDraftMissing("nfeKey");
    expect(await reconcileHolds(deps(), { shipmentIds: [draft.id], limit: 1 })).toEqual({
      held: 0,
      released: 0,
      unchanged: 0,
      failed: 0,
    });
    expect((await shipment(ready.id)).holdDueAt).not.toBeNull();
    expect(await reconcile()).toEqual({ held: 0, released: 0, unchanged: 0, failed: 0 });
    expect((await shipment(ready.id)).holdDueAt).toBeNull();
  });

  it("replaces the notes when what is missing changes, never leaving the order unheld", async () => {
    const draft = await heldDraftMissing("nfeKey", "hsCode");
    expect(draft.holdNotes).toBe("ShipSmart: faltam Chave da NF-e e Código HS");
    const changes = Object.fromEntries(draft.customsItems.map((_, index) => [`items.${index}.hsCode`, "6109.10"]));
    const saved = await saveDraft(testDb.db, draftFormFor(draft, changes), ana);
    expect(saved.missingFields).toEqual(["nfeKey"]);
    expect((await shipment(draft.id)).holdDueAt).not.toBeNull();
    expect(await reconcile()).toMatchObject({ held: 1, failed: 0 });
    const { holds, status } = await holdsInShopify(draft.id);
    expect(status).toBe("ON_HOLD");
    expect(ours(holds)).toEqual([
      expect.objectContaining({ handle: HOLD_HANDLES[1], reasonNotes: "ShipSmart: falta Chave da NF-e" }),
    ]);
    expect((await shipment(draft.id)).holdNotes).toBe("ShipSmart: falta Chave da NF-e");
  });

  it("releases exactly our hold when Edit Draft completes the draft, leaving another app's hold", async () => {
    const draft = await heldDraftMissing("nfeKey");
    const [row] = await testDb.db.select({ gid: orders.shopifyGid }).from(orders).where(eq(orders.id, draft.orderId));
    const placed = await control(`/orders/${emulatorOrderId(row.gid)}/holds`, {
      method: "POST",
      body: { appKey: "fraud-app", appTitle: "Fraud check", handle: HOLD_HANDLES[0], reasonNotes: "Risk review" },
    });
    expect(placed.status).toBe(201);
    await saveDraft(testDb.db, draftFormFor(draft, { nfeKey: VALID_NFE_KEY }), ana);
    expect((await shipment(draft.id)).status).toBe("ready");
    expect(await reconcile()).toMatchObject({ released: 1, failed: 0 });
    const { holds, status } = await holdsInShopify(draft.id);
    expect(holds).toEqual([expect.objectContaining({ appKey: "fraud-app", reasonNotes: "Risk review" })]);
    // Still held, by the other app: not ours to release.
    expect(status).toBe("ON_HOLD");
    expect(await shipment(draft.id)).toMatchObject({ holdNotes: null, holdDueAt: null, holdError: null });
  });

  it("releases on a bulk change that completes drafts", async () => {
    const targets = (await drafts())
      .filter(
        (draft) => draft.holdNotes !== null && draft.missingFields.length === 1 && draft.missingFields[0] === "nfeKey",
      )
      .slice(0, 2);
    expect(targets).toHaveLength(2);
    const result = await bulkUpdateDrafts(
      testDb.db,
      targets.map((draft) => draft.id),
      { carrier: "ups", service: "Worldwide Saver" },
      ana,
    );
    expect(result).toEqual({ updated: 2, promoted: 2 });
    expect(await reconcile()).toMatchObject({ released: 2, failed: 0 });
    for (const target of targets) expect(ours((await holdsInShopify(target.id)).holds)).toEqual([]);
  });

  it("releases when a quote changes the carrier to one that needs no NF-e key", async () => {
    const draft = (await drafts()).find(
      (candidate) =>
        candidate.holdNotes !== null &&
        candidate.carrier === "correios" &&
        candidate.missingFields.length === 1 &&
        candidate.missingFields[0] === "nfeKey",
    );
    if (!draft) throw new Error("no Correios draft missing only the NF-e key");
    await quoteShipmentById({ db: testDb.db, carriers: await fakeDirectory(testDb.db, {}) }, draft.id);
    const fedex = (await quotesForShipment(testDb.db, draft.id)).find((quote) => quote.carrier === "fedex")!;
    await pickQuote(testDb.db, fedex.id, draft.version, ana);
    expect(await reconcile()).toMatchObject({ released: 1, failed: 0 });
    expect(ours((await holdsInShopify(draft.id)).holds)).toEqual([]);
  });

  it("releases when a re-sync brings the NF-e key from Shopify", async () => {
    const draft = await heldDraftMissing("nfeKey");
    const [row] = await testDb.db.select({ gid: orders.shopifyGid }).from(orders).where(eq(orders.id, draft.orderId));
    const id = emulatorOrderId(row.gid);
    const order = emulator.state.shop(SHOP)!.ordersById.get(id)!;
    const patched = await control(`/orders/${id}`, {
      method: "PATCH",
      body: {
        metafields: [
          ...order.metafields,
          { namespace: "nfe", key: "access_key", type: "single_line_text_field", value: VALID_NFE_KEY },
        ],
      },
    });
    expect(patched.status).toBe(200);
    await sync();
    expect((await shipment(draft.id)).status).toBe("ready");
    expect(await reconcile()).toMatchObject({ released: 1, failed: 0 });
    expect(ours((await holdsInShopify(draft.id)).holds)).toEqual([]);
  });

  it("lets go of the hold when the order is cancelled in Shopify", async () => {
    const draft = await heldDraftMissing("nfeKey");
    const [row] = await testDb.db.select({ gid: orders.shopifyGid }).from(orders).where(eq(orders.id, draft.orderId));
    expect((await control(`/orders/${emulatorOrderId(row.gid)}/cancel`, { method: "POST" })).status).toBe(200);
    await sync();
    expect((await shipment(draft.id)).status).toBe("cancelled");
    expect(await reconcile()).toMatchObject({ released: 1, failed: 0 });
    const { holds, status } = await holdsInShopify(draft.id);
    expect(status).toBe("CLOSED");
    expect(ours(holds)).toEqual([]);
    expect((await shipment(draft.id)).holdNotes).toBeNull();
  });

  it("records a failure with its reason, retries it later, and the Retry makes it due now", async () => {
    const draft = await heldDraftMissing("nfeKey");
    const changes = { "items.0.hsCode": "" };
    let expectedNotes = "";
    await control("/faults", { method: "POST", body: { errorRate: 1 } });
    try {
      // The save judges the US$ limit with today's rate, which the import lacked: the key may no longer be needed.
      const { missingFields } = await saveDraft(testDb.db, draftFormFor(draft, changes), ana);
      expect(missingFields).toContain("hsCode");
      expectedNotes =
        missingFields.length === 1 ? "ShipSmart: falta Código HS" : "ShipSmart: faltam Chave da NF-e e Código HS";
      const failedAt = new Date();
      expect(await reconcileHolds(deps(), { shipmentIds: [draft.id], limit: 1, now: failedAt })).toMatchObject({
        failed: 1,
      });
      const failed = await shipment(draft.id);
      expect(failed).toMatchObject({ holdError: "network", holdAttempts: 1 });
      // The old hold stays in Shopify (nothing was changed), and the retry is a minute away.
      expect(failed.holdNotes).toBe("ShipSmart: falta Chave da NF-e");
      expect(failed.holdDueAt!.getTime() - failedAt.getTime()).toBe(60_000);
      const events = await testDb.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, draft.id), eq(auditEvents.action, "shipment.hold_failed")));
      expect(events).toHaveLength(1);
    } finally {
      await control("/faults", { method: "DELETE" });
    }
    // Not due yet: a round now leaves it.
    expect(await reconcileHolds(deps(), { shipmentIds: [draft.id], limit: 1 })).toMatchObject({ failed: 0, held: 0 });
    await queueHoldRetry(testDb.db, [draft.id]);
    expect(await reconcileHolds(deps(), { shipmentIds: [draft.id], limit: 1 })).toMatchObject({ held: 1 });
    const retried = await shipment(draft.id);
    expect(retried).toMatchObject({ holdError: null, holdAttempts: 0, holdDueAt: null });
    expect(retried.holdNotes).toBe(expectedNotes);
    expect(ours((await holdsInShopify(draft.id)).holds).map((hold) => hold.reasonNotes)).toEqual([retried.holdNotes]);
  });

  it("releases every hold of a store that turns holds off, and holds again when turned back on", async () => {
    const settings = { storeId, defaultIncoterm: "DAP", defaultExportReason: "sale", testOrders: "skip" };
    const held = (await drafts()).filter((draft) => draft.holdNotes !== null);
    expect(held.length).toBeGreaterThan(5);
    await updateStoreSettings(testDb.db, { id: admin, role: "admin" }, { ...settings, fulfillmentHolds: "off" });
    expect(await reconcile()).toMatchObject({ released: held.length, failed: 0 });
    const after = await testDb.db
      .select()
      .from(shipments)
      .where(
        inArray(
          shipments.id,
          held.map((d) => d.id),
        ),
      );
    expect(after.every((row) => row.holdNotes === null)).toBe(true);
    expect(ours((await holdsInShopify(held[0].id)).holds)).toEqual([]);
    await updateStoreSettings(testDb.db, { id: admin, role: "admin" }, { ...settings, fulfillmentHolds: "on" });
    const again = await reconcile();
    expect(again.failed).toBe(0);
    // The same drafts as before (the new defaults may have completed one of them meanwhile).
    expect(again.held).toBeGreaterThanOrEqual(held.length - 2);
    await expectEveryDraftHeldWhereShopifyCan();
  });

  it("leaves a store without read_locales queued, asking Shopify nothing, and holds once it is reconnected", async () => {
    await testDb.db
      .update(stores)
      .set({ scopes: sql`replace(${stores.scopes}, ',read_locales', '')`, locale: null })
      .where(eq(stores.id, storeId));
    const draft = await heldDraftMissing("nfeKey");
    await saveDraft(testDb.db, draftFormFor(draft, { "items.0.hsCode": "" }), ana);
    const before = emulator.state.requestLog.length;
    expect(await reconcile()).toEqual({ held: 0, released: 0, unchanged: 0, failed: 0 });
    expect(emulator.state.requestLog.length).toBe(before);
    // Queued (the drafts table says "Hold queued"; the Stores row asks for the reconnect), no failure.
    const waiting = await shipment(draft.id);
    expect(waiting.holdDueAt).not.toBeNull();
    expect(waiting.holdError).toBeNull();
    await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
    expect(await reconcile()).toMatchObject({ held: 1, failed: 0 });
    expect(await shipment(draft.id)).toMatchObject({ holdError: null, holdDueAt: null });
  });

  it("writes the notes in English for a store whose language is not Portuguese", async () => {
    await testDb.db.update(stores).set({ locale: "en" }).where(eq(stores.id, storeId));
    await queueStoreHolds(testDb.db, storeId);
    expect((await reconcile()).failed).toBe(0);
    const draft = await heldDraftMissing("nfeKey");
    expect(draft.holdNotes).toBe("ShipSmart: NF-e key missing");
    const two = (await drafts()).find(
      (candidate) => candidate.holdNotes !== null && candidate.missingFields.length === 2,
    );
    expect(two?.holdNotes).toMatch(/^ShipSmart: [\w -]+ and [\w -]+ missing$/);
    await expectEveryDraftHeldWhereShopifyCan();
  });
});
