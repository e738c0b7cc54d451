// An order cancelled in Shopify after its pickup was booked or its documents issued, on PGlite or
// Postgres against the emulator: the sync flags it (never applies or ignores it), Shipment
// Management counts and filters exactly the open flags, and Cancel pickup / Void label resolve it.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableState } from "@/lib/table/params";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { CarrierApiError } from "@/server/carriers/api";
import { auditEvents, orders, pickups, shipments, stores, syncRunItems, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getOverview } from "@/server/queries/overview";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";
import { documentFile, issueDocuments } from "@/server/services/documents";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { cancelPickup, schedulePickups } from "@/server/services/pickups";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { voidLabel } from "@/server/services/void-label";
import { createShopify } from "@/server/shopify/api";
import { giveDimensions, withRealLabels } from "../helpers/carrier-labels";
import { completeShipperFromNfeKey, prepareForExport } from "../helpers/export-setup";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "cancel-test-key", apiSecret: "cancel-test-secret" };
const DEMO = "loja-demo.myshopify.com";
// Wednesday 23 December 2026, 09:00 in São Paulo; the 24th is a business day for every carrier.
const NOW = new Date("2026-12-23T12:00:00Z");
const WINDOW = { date: "2026-12-24", readyTime: "09:00", closeTime: "17:00" };
// The contact a carrier pickup names (Shopify has no signatory to offer).
const PICKUP_CONTACT = { signatoryName: "Sofia Souza", signatoryTitle: "Sócia" };

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
// Pickups, labels and voids go through the fake carriers' directory.
let ups: FakeCarrier;
let fedex: FakeCarrier;
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
let operator: { id: string; name: string };
let storeId: string;
const shopDeps = () => ({ db: testDb.db, shopify });
const deps = () => ({ db: testDb.db, carriers: directory, now: () => NOW });
const labelDeps = () => ({ db: testDb.db, carriers: directory, now: () => NOW, sleep: async () => {} });

/**
 * The store as an admin leaves it before shipping: connected, synced, shipper details complete.
 * (Any further store setting that shipping needs belongs here, in this one place.)
 */
async function prepareStore() {
  await connectThroughEmulator(shopDeps(), DEMO, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
  await prepareForExport(testDb.db, store.id);
  await sync();
  await completeShipperFromNfeKey(testDb.db, store, operator.id, PICKUP_CONTACT);
  return store.id;
}

/** Syncs the store and returns the run's items by order gid. */
async function sync() {
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun(shopDeps(), run.id, { sleep: async () => {} });
  const items = await testDb.db.select().from(syncRunItems).where(eq(syncRunItems.runId, run.id));
  return new Map(items.map((item) => [item.orderGid, item]));
}

/** What the merchant does in Shopify admin, through the emulator's control API. */
async function shopifyControl(path: string, method: "POST" | "PATCH", body?: unknown) {
  const response = await fetch(`${emulator.url}/__emulator/shops/${DEMO}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { order: { cancelledAt: string } };
}
const numericId = (gid: string) => gid.split("/").pop();
const cancelInShopify = (gid: string) => shopifyControl(`/orders/${numericId(gid)}/cancel`, "POST");

/** Ready shipments not yet fulfilled in Shopify, one per call, never the same twice. */
const used = new Set<string>();
async function nextReady(carrier: string) {
  const rows = await testDb.db
    .select({ id: shipments.id, gid: orders.shopifyGid, orderName: orders.name })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(eq(shipments.status, "ready"), eq(shipments.carrier, carrier), ne(orders.fulfillmentStatus, "FULFILLED")),
    )
    .orderBy(orders.name);
  const row = rows.find((candidate) => !used.has(candidate.id))!;
  used.add(row.id);
  return row;
}

async function shipment(id: string) {
  const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, id));
  return row;
}

/** The overview's alert and the table filtered to it, which must always agree. */
async function flaggedCounts() {
  const overview = await getOverview(testDb.db, NOW);
  const state = parseTableState({ attention: "cancelled_in_shopify", perPage: "100" }, shipmentsTable);
  const page = await listShipments(testDb.db, state);
  return { overview: overview.cancelledInShopify, table: page.rowCount, ids: page.rows.map((row) => row.id) };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

// Shipments built up by the tests below, in order.
const cases: Record<"pickupOnly" | "documented" | "documentedOnly", { id: string; gid: string; orderName: string }> =
  {} as never;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: DEMO, name: "Loja Demo Artesanato", orders: 60, seed: 20261126 });
  process.env.APP_URL = "http://127.0.0.1:3997";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  ups = withRealLabels(createFakeCarrier("ups"));
  fedex = withRealLabels(createFakeCarrier("fedex"));
  directory = await fakeDirectory(testDb.db, {
    ups,
    fedex,
    dhl: withRealLabels(createFakeCarrier("dhl")),
  });
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "op@example.com", name: "Olivia Operator", passwordHash: "x", role: "operator" })
    .returning();
  operator = { id: user.id, name: user.name };
  storeId = await prepareStore();
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

describe(`a cancellation in Shopify after the pickup or documents (${driverName})`, () => {
  it("flags the shipment with Shopify's date and says why on the sync item; nothing else moves", async () => {
    expect(storeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    cases.pickupOnly = await nextReady("ups");
    cases.documented = await nextReady("fedex");
    cases.documentedOnly = await nextReady("fedex");
    await schedulePickups(deps(), [cases.pickupOnly.id], WINDOW, operator.id);
    await schedulePickups(deps(), [cases.documented.id], WINDOW, operator.id);
    await giveDimensions(testDb.db, [cases.documented.id, cases.documentedOnly.id]);
    const issued = await issueDocuments(labelDeps(), [cases.documented.id, cases.documentedOnly.id], operator);
    expect(issued.issued).toHaveLength(2);
    expect(await flaggedCounts()).toEqual({ overview: 0, table: 0, ids: [] });

    const cancelledAt: Record<string, string> = {};
    for (const { gid } of Object.values(cases)) cancelledAt[gid] = (await cancelInShopify(gid)).order.cancelledAt;
    const before = await shipment(cases.documented.id);
    const items = await sync();

    expect(items.get(cases.pickupOnly.gid)).toMatchObject({ outcome: "cancelled", reason: "cancelled_after_pickup" });
    expect(items.get(cases.documented.gid)).toMatchObject({
      outcome: "cancelled",
      reason: "cancelled_after_documents",
    });
    expect(items.get(cases.documentedOnly.gid)).toMatchObject({
      outcome: "cancelled",
      reason: "cancelled_after_documents",
    });
    for (const { id, gid } of Object.values(cases)) {
      const flagged = await shipment(id);
      expect(flagged.cancelledInShopifyAt?.toISOString()).toBe(new Date(cancelledAt[gid]).toISOString());
    }
    const after = await shipment(cases.documented.id);
    // Flagged, not applied: same status, pickup, tracking; one version further.
    expect(after).toMatchObject({
      status: "pickup_scheduled",
      pickupId: before.pickupId,
      trackingNumber: before.trackingNumber,
      version: before.version + 1,
    });
    expect((await shipment(cases.documentedOnly.id)).status).toBe("ready");
  });

  it("records a second sync of the same cancelled order as already flagged, without touching it", async () => {
    const before = await shipment(cases.pickupOnly.id);
    await shopifyControl(`/orders/${numericId(cases.pickupOnly.gid)}`, "PATCH", { note: "Customer called again" });
    const items = await sync();
    expect(items.get(cases.pickupOnly.gid)).toMatchObject({ outcome: "unchanged", reason: "already_flagged" });
    expect(await shipment(cases.pickupOnly.id)).toEqual(before);
  });

  it("counts in the overview exactly the shipments the attention filter lists", async () => {
    const counts = await flaggedCounts();
    expect(counts.overview).toBe(3);
    expect(counts.table).toBe(3);
    expect(counts.ids.sort()).toEqual(
      Object.values(cases)
        .map((row) => row.id)
        .sort(),
    );
  });

  it("refuses to move a flagged shipment forward (no new pickup, no documents)", async () => {
    await expectAppError(
      schedulePickups(deps(), [cases.documentedOnly.id], WINDOW, operator.id),
      "cancelledInShopify.errors.orderCancelled",
    );
    await expectAppError(
      issueDocuments(labelDeps(), [cases.pickupOnly.id], operator),
      "cancelledInShopify.errors.orderCancelled",
    );
    expect((await shipment(cases.pickupOnly.id)).documentsGeneratedAt).toBeNull();
  });

  it("Cancel pickup ends a flagged shipment cancelled (not ready) and it is no longer counted", async () => {
    const { pickupId } = await shipment(cases.pickupOnly.id);
    const result = await cancelPickup(deps(), pickupId!, operator.id);
    expect(result).toEqual({ released: 0, cancelled: 1, alreadyCancelledAtCarrier: false, carrier: "UPS" });
    expect(await shipment(cases.pickupOnly.id)).toMatchObject({ status: "cancelled", pickupId: null });
    const [pickup] = await testDb.db.select().from(pickups).where(eq(pickups.id, pickupId!));
    expect(pickup.status).toBe("cancelled");
    // Cancelled at the carrier as well.
    expect(ups.pickups.get(pickup.confirmationNumber)).toEqual({ cancelled: true });
    const counts = await flaggedCounts();
    expect(counts).toMatchObject({ overview: 2, table: 2 });
    expect(counts.ids).not.toContain(cases.pickupOnly.id);
    // The next sync sees a cancelled shipment.
    await shopifyControl(`/orders/${numericId(cases.pickupOnly.gid)}`, "PATCH", { note: "Refunded" });
    expect((await sync()).get(cases.pickupOnly.gid)).toMatchObject({ reason: "already_cancelled" });
  });

  it("a carrier that refuses the void changes nothing and says why; the pickup stays booked", async () => {
    const before = await shipment(cases.documented.id);
    const calls: string[] = [];
    const { cancelPickup: cancel, schedulePickup: schedule, voidShipment } = fedex;
    fedex.cancelPickup = async (pickup) => {
      calls.push("cancelPickup");
      return cancel(pickup);
    };
    fedex.schedulePickup = async (booking) => {
      calls.push(`schedulePickup ${booking.date} ${booking.readyTime}-${booking.closeTime}`);
      return schedule(booking);
    };
    fedex.voidShipment = async () => {
      calls.push("voidShipment");
      throw new CarrierApiError("inTransit", "fedex", "Shipment already picked up");
    };
    const error = await expectAppError(
      voidLabel({ db: testDb.db, carriers: directory }, cases.documented.id, operator.id),
      "labels.errors.voidRefused",
    ).finally(() => Object.assign(fedex, { cancelPickup: cancel, schedulePickup: schedule, voidShipment }));
    expect(error.values).toMatchObject({ carrier: "FedEx", order: cases.documented.orderName, code: "inTransit" });
    // The pickup was cancelled for the void, then booked again in the same window when it failed.
    expect(calls).toEqual(["cancelPickup", "voidShipment", "schedulePickup 2026-12-24 09:00-17:00"]);
    const after = await shipment(cases.documented.id);
    expect(after).toMatchObject({
      status: "pickup_scheduled",
      pickupId: before.pickupId,
      trackingNumber: before.trackingNumber,
      version: before.version,
    });
    const [pickup] = await testDb.db.select().from(pickups).where(eq(pickups.id, before.pickupId!));
    expect(pickup.status).toBe("scheduled");
    const voids = await testDb.db.select().from(auditEvents).where(eq(auditEvents.action, "shipment.label_voided"));
    expect(voids).toHaveLength(0);
    expect((await flaggedCounts()).overview).toBe(2);
  });

  it("Void label cancels the pickup, voids at the carrier, cancels the shipment and keeps its documents", async () => {
    const before = await shipment(cases.documented.id);
    const result = await voidLabel({ db: testDb.db, carriers: directory }, cases.documented.id, operator.id);
    expect(result).toMatchObject({ trackingNumber: before.trackingNumber, pickupCancelled: true, status: "cancelled" });
    const voided = fedex.calls.filter((call) => call.operation === "voidShipment").at(-1)!;
    expect(voided.args[0]).toMatchObject({ trackingNumber: before.trackingNumber });
    expect([...fedex.sold.values()].flat().find((sale) => sale.trackingNumber === before.trackingNumber)!.voided).toBe(
      true,
    );
    expect(await shipment(cases.documented.id)).toMatchObject({
      status: "cancelled",
      pickupId: null,
      trackingNumber: before.trackingNumber,
    });
    const [pickup] = await testDb.db.select().from(pickups).where(eq(pickups.id, before.pickupId!));
    expect(pickup.status).toBe("cancelled");
    const { bytes, orderNames } = await documentFile(testDb.db, [cases.documented.id], "all", "pdf");
    expect(orderNames).toEqual([cases.documented.orderName]);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "shipment.label_voided"), eq(auditEvents.entityId, cases.documented.id)));
    expect(audit).toMatchObject({ actorId: operator.id, entityType: "shipment" });
    expect(audit.after).toMatchObject({ carrier: "fedex", trackingNumber: before.trackingNumber, status: "cancelled" });
    expect(await flaggedCounts()).toMatchObject({ overview: 1, table: 1, ids: [cases.documentedOnly.id] });
  });

  it("voids a label without a pickup, and refuses a second void or a shipment without a label", async () => {
    const voidDeps = { db: testDb.db, carriers: directory };
    await voidLabel(voidDeps, cases.documentedOnly.id, operator.id);
    expect((await shipment(cases.documentedOnly.id)).status).toBe("cancelled");
    expect(await flaggedCounts()).toEqual({ overview: 0, table: 0, ids: [] });
    await expectAppError(voidLabel(voidDeps, cases.documentedOnly.id, operator.id), "labels.errors.notVoidable");
    const unlabelled = await nextReady("ups");
    await expectAppError(voidLabel(voidDeps, unlabelled.id, operator.id), "labels.errors.notVoidable");
    expect((await shipment(unlabelled.id)).status).toBe("ready");
    await expectAppError(voidLabel(voidDeps, "00000000-0000-4000-8000-000000000000", operator.id), "errors.notFound");
  });
});
