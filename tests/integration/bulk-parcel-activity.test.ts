// "Edit weight & dimensions" on selected drafts — one transaction for all of them, each
// re-evaluated, bad input and drafts changed meanwhile refused with nothing changed — and the
// shipment's activity log read from every table that keeps part of its story, in order and paged.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkParcelFormSchema, parcelChangesOf } from "@/domain/bulk-parcel";
import { parseSubmission } from "@/domain/form-submission";
import { createShop } from "@/emulator/control";
import type { EmuOrder } from "@/emulator/model";
import { createEmulator, type Emulator } from "@/emulator/server";
import {
  auditEvents,
  labelPurchases,
  orders,
  pickups,
  shipments,
  stores,
  trackingEvents,
  type Shipment,
} from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { shipmentActivity } from "@/server/queries/activity";
import { recordAudit } from "@/server/queries/audit";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { bulkEditParcels } from "@/server/services/drafts";
import { quoteShipmentById } from "@/server/services/quotes";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createUser } from "@/server/services/users";
import { createShopify } from "@/server/shopify/api";
import { createEmulatorOrder, lines } from "../helpers/emulator-orders";
import { prepareForExport } from "../helpers/export-setup";
import { fakeDirectory } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "bulk-key", apiSecret: "bulk-secret" };
const SHOP = "loja-volumes.myshopify.com";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let storeId: string;
let ana: string;
let otavio: string;
/** Orders whose one line weighs 80 kg: above FedEx's 68 kg piece, so each is a draft missing the weight. */
const heavy: EmuOrder[] = [];
/** An order whose line has no weight: the parcel's weight alone does not complete it. */
let unweighed: EmuOrder;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, orders: 0 });
  process.env.APP_URL = "http://127.0.0.1:3996";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  storeId = store.id;
  await prepareForExport(testDb.db, store.id);
  for (let index = 0; index < 4; index++) {
    heavy.push(
      await createEmulatorOrder(emulator, SHOP, {
        lineItems: lines(1, () => ({ quantity: 1, unitPrice: "120.00", weight: { value: 80, unit: "KILOGRAMS" } })),
      }),
    );
  }
  // A line without a weight: the parcel weight alone cannot complete this one (the invoice needs the line's).
  unweighed = await createEmulatorOrder(emulator, SHOP, {
    lineItems: lines(1, () => ({ quantity: 1, unitPrice: "80.00", weight: null })),
  });
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
  ana = (
    await createUser(testDb.db, { email: "ana@x.com", name: "Ana", role: "operator", password: "password-123" }, null)
  ).user.id;
  otavio = (
    await createUser(testDb.db, { email: "ot@x.com", name: "Otávio", role: "operator", password: "password-123" }, null)
  ).user.id;
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

async function shipmentOf(order: EmuOrder): Promise<Shipment> {
  const [row] = await testDb.db
    .select({ shipment: shipments })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(orders.storeId, storeId), eq(orders.shopifyGid, `gid://shopify/Order/${order.id}`)));
  return row.shipment;
}

const reload = async (ids: string[]) =>
  (await testDb.db.select().from(shipments).where(inArray(shipments.id, ids))).sort((a, b) => a.id.localeCompare(b.id));

/** The dialog's submission for these drafts, parsed as the action parses it. */
function submission(drafts: Shipment[], fields: Record<string, string>) {
  const parsed = parseSubmission(bulkParcelFormSchema, [
    ...drafts.map((draft): [string, string] => ["drafts", `${draft.id}:${draft.version}`]),
    ...Object.entries(fields),
  ]);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.fieldErrors)}`);
  return { drafts: parsed.data.drafts, changes: parcelChangesOf(parsed.data) };
}

describe(`bulk weight & dimensions (${driverName})`, () => {
  it("starts from drafts that miss the weight", async () => {
    for (const order of heavy) {
      expect(await shipmentOf(order)).toMatchObject({ status: "draft", carrier: "fedex", missingFields: ["weight"] });
    }
    expect((await shipmentOf(unweighed)).missingFields).toEqual(["weight"]);
  });

  it("refuses a weight above a selected draft's carrier limit, naming the order, and changes nothing", async () => {
    const selected = [await shipmentOf(heavy[0]), await shipmentOf(unweighed)];
    const before = await reload(selected.map((s) => s.id));
    const { drafts, changes } = submission(selected, { weightKg: "68,5" });
    await expect(bulkEditParcels(testDb.db, drafts, changes, ana)).rejects.toSatisfy(
      (error) =>
        error instanceof AppError &&
        error.code === "bulkParcel.errors.overCarrierLimit" &&
        error.field === "weightKg" &&
        error.values?.carrier === "FedEx" &&
        error.values?.limitKg === 68,
    );
    expect(await reload(selected.map((s) => s.id))).toEqual(before);
    const audits = await testDb.db
      .select()
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.entityId,
          selected.map((s) => s.id),
        ),
      );
    expect(audits).toEqual([]);
  });

  it("refuses the whole edit when one selected draft no longer exists", async () => {
    const selected = [await shipmentOf(heavy[0])];
    const { drafts, changes } = submission(selected, { weightKg: "10" });
    const gone = { id: crypto.randomUUID(), version: 1 };
    await expect(bulkEditParcels(testDb.db, [...drafts, gone], changes, ana)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "errors.notFound",
    );
    expect(await reload([selected[0].id])).toEqual(selected);
  });

  it("refuses the whole edit when a draft was saved by someone else since it was selected", async () => {
    const selected = [await shipmentOf(heavy[1]), await shipmentOf(heavy[2])];
    const { drafts, changes } = submission(selected, { weightKg: "12", lengthCm: "40", widthCm: "30", heightCm: "20" });
    // Otávio saves heavy[2] meanwhile: the bulk edit, based on the version shown before, must not overwrite it.
    await testDb.db
      .update(shipments)
      .set({ version: selected[1].version + 1, updatedBy: otavio })
      .where(eq(shipments.id, selected[1].id));
    await expect(bulkEditParcels(testDb.db, drafts, changes, ana)).rejects.toSatisfy(
      (error) =>
        error instanceof AppError && error.code === "bulkParcel.errors.stale" && error.values?.name === "Otávio",
    );
    const [first] = await reload([selected[0].id]);
    expect(first).toEqual(selected[0]);
  });

  it("applies to every selected draft in one go, re-evaluates each and audits it", async () => {
    const selected = [
      await shipmentOf(heavy[0]),
      await shipmentOf(heavy[1]),
      await shipmentOf(heavy[2]),
      await shipmentOf(unweighed),
    ];
    const { drafts, changes } = submission(selected, {
      weightKg: "12,5",
      lengthCm: "40",
      widthCm: "30",
      heightCm: "20",
    });
    expect(await bulkEditParcels(testDb.db, drafts, changes, ana)).toEqual({ updated: 4, ready: 3 });
    const after = await reload(selected.map((s) => s.id));
    for (const saved of after) {
      const was = selected.find((s) => s.id === saved.id)!;
      expect(saved.parcels).toEqual([{ weightKg: 12.5, lengthCm: 40, widthCm: 30, heightCm: 20 }]);
      expect(saved.version).toBe(was.version + 1);
      expect(saved.updatedBy).toBe(ana);
      expect(saved.operatorEdited).toContain("parcels");
    }
    // The heavy ones are complete now; the one whose line has no weight still says so.
    expect(after.find((s) => s.id === selected[0].id)).toMatchObject({ status: "ready", missingFields: [] });
    expect(after.find((s) => s.id === selected[3].id)).toMatchObject({ status: "draft", missingFields: ["weight"] });
    const audits = await testDb.db
      .select()
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.entityId,
          selected.map((s) => s.id),
        ),
      );
    expect(audits.map((a) => a.action).sort()).toEqual([
      "shipment.draft_saved",
      "shipment.promoted",
      "shipment.promoted",
      "shipment.promoted",
    ]);
    expect(audits[0].after).toMatchObject({ bulk: true, fields: ["weightKg", "lengthCm", "widthCm", "heightCm"] });
  });

  it("refuses a draft that became a shipment since it was selected", async () => {
    const ready = await shipmentOf(heavy[0]);
    const { drafts, changes } = submission([ready], { weightKg: "3" });
    await expect(bulkEditParcels(testDb.db, drafts, changes, ana)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "bulkParcel.errors.notDraft",
    );
    expect(await reload([ready.id])).toEqual([ready]);
  });

  it("lets only one of two simultaneous edits of the same drafts through; the other changes nothing", async () => {
    const selected = [await shipmentOf(unweighed), await shipmentOf(heavy[3])];
    const first = submission(selected, { weightKg: "5" });
    const second = submission([...selected].reverse(), { weightKg: "7" });
    const outcomes = await Promise.allSettled([
      bulkEditParcels(testDb.db, first.drafts, first.changes, ana),
      bulkEditParcels(testDb.db, second.drafts, second.changes, otavio),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const lost = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(((lost[0] as PromiseRejectedResult).reason as AppError).code).toBe("bulkParcel.errors.stale");
    // Both drafts carry the winner's weight, each moved by one version only.
    const weight = won[0] === outcomes[0] ? 5 : 7;
    for (const saved of await reload(selected.map((s) => s.id))) {
      expect(saved.parcels[0].weightKg).toBe(weight);
      expect(saved.version).toBe(selected.find((s) => s.id === saved.id)!.version + 1);
    }
  });

  it("changes only what was filled in", async () => {
    const draft = await shipmentOf(unweighed);
    const weightKg = draft.parcels[0].weightKg;
    expect(weightKg).toBeGreaterThan(0);
    const { drafts, changes } = submission([draft], { lengthCm: "10", widthCm: "10", heightCm: "10" });
    expect(await bulkEditParcels(testDb.db, drafts, changes, ana)).toEqual({ updated: 1, ready: 0 });
    const [saved] = await reload([draft.id]);
    // The weight is kept, the sides are set; the line without a weight still keeps it a draft.
    expect(saved.parcels).toEqual([{ weightKg, lengthCm: 10, widthCm: 10, heightCm: 10 }]);
    expect(saved.missingFields).toEqual(["weight"]);
  });
});

describe(`a shipment's activity (${driverName})`, () => {
  it("lists what every table keeps about the shipment, newest first, with who did it", async () => {
    const shipment = await shipmentOf(heavy[1]);
    // Quotes asked by Ana (audited now); the rate cards answer.
    await quoteShipmentById({ db: testDb.db, carriers: await fakeDirectory(testDb.db, {}) }, shipment.id, ana);
    const now = Date.now();
    // A pickup audited before audits named their shipments: found through the shipment's pickup.
    const [pickup] = await testDb.db
      .insert(pickups)
      .values({
        storeId,
        carrier: "fedex",
        pickupDate: "2026-12-03",
        readyTime: "09:00",
        closeTime: "17:00",
        confirmationNumber: "PU-OLD",
        createdBy: ana,
      })
      .returning();
    await testDb.db.update(shipments).set({ pickupId: pickup.id }).where(eq(shipments.id, shipment.id));
    await recordAudit(testDb.db, {
      actorId: ana,
      action: "pickup.scheduled",
      entityType: "pickup",
      entityId: pickup.id,
      after: { date: "2026-12-03", readyTime: "09:00", closeTime: "17:00", confirmationNumber: "PU-OLD" },
    });
    // Another store's shipment on a pickup audit naming other shipments: not this one's.
    await recordAudit(testDb.db, {
      actorId: ana,
      action: "pickup.cancelled",
      entityType: "pickup",
      entityId: crypto.randomUUID(),
      before: { confirmationNumber: "PU-ELSEWHERE" },
      after: { shipmentIds: [crypto.randomUUID()] },
    });
    await testDb.db.insert(labelPurchases).values({
      shipmentId: shipment.id,
      carrier: "fedex",
      attempt: 1,
      reference: "SS-test-1",
      status: "failed",
      error: "Address not serviceable",
      requestedAt: new Date(now + 1_000),
      completedAt: new Date(now + 2_000),
      requestedBy: ana,
    });
    await testDb.db.insert(trackingEvents).values([
      {
        shipmentId: shipment.id,
        occurredAt: new Date(now + 3_000),
        status: "in_transit",
        carrierCode: "DP",
        description: "Departed FedEx hub",
        location: "Memphis",
        shopifyEventId: "gid://shopify/FulfillmentEvent/1",
      },
      {
        shipmentId: shipment.id,
        occurredAt: new Date(now + 4_000),
        status: "delivered",
        carrierCode: "DL",
        description: "Delivered",
      },
    ]);
    // Something a future version records: still a line, never an error.
    await recordAudit(testDb.db, {
      actorId: null,
      action: "shipment.teleported",
      entityType: "shipment",
      entityId: shipment.id,
    });

    const { entries, older } = await shipmentActivity(testDb.db, shipment.id, { limit: 50 });
    expect(older).toBeNull();
    const times = entries.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const kinds = entries.map((entry) => entry.kind);
    // Oldest first when reversed: the sync, the bulk edit, the quotes, the pickup, then the dated ones.
    expect(kinds.slice().reverse()).toEqual([
      "syncedDraft",
      "promoted",
      "quoted",
      "pickupScheduled",
      "other",
      "labelFailed",
      "tracking",
      "tracking",
    ]);
    const byKind = (kind: string) => entries.find((entry) => entry.kind === kind)!;
    expect(byKind("syncedDraft")).toMatchObject({ actor: { kind: "system" } });
    expect(byKind("syncedDraft").syncRunId).toMatch(/^[0-9a-f-]{36}$/);
    expect(byKind("promoted")).toMatchObject({
      actor: { kind: "user", name: "Ana" },
      fields: ["weightKg", "lengthCm", "widthCm", "heightCm"],
    });
    expect(byKind("quoted")).toMatchObject({ actor: { kind: "user", name: "Ana" } });
    expect(Number(byKind("quoted").values.count)).toBeGreaterThan(0);
    expect(byKind("pickupScheduled")).toMatchObject({ day: "2026-12-03", values: { confirmation: "PU-OLD" } });
    expect(byKind("labelFailed")).toMatchObject({ values: { carrier: "FedEx", reason: "Address not serviceable" } });
    expect(entries[0]).toMatchObject({ kind: "tracking", trackingStatus: "delivered", actor: { name: "FedEx" } });
    expect(entries[1]).toMatchObject({ trackingStatus: "in_transit", shopify: { sent: true } });
    expect(entries.some((entry) => entry.kind === "pickupCancelled")).toBe(false);
  });

  it("pages by keyset: every entry once, in the same order", async () => {
    const shipment = await shipmentOf(heavy[1]);
    const all = (await shipmentActivity(testDb.db, shipment.id, { limit: 50 })).entries.map((entry) => entry.key);
    const paged: string[] = [];
    let cursor = null;
    for (let page = 0; page < 10; page++) {
      const result: Awaited<ReturnType<typeof shipmentActivity>> = await shipmentActivity(testDb.db, shipment.id, {
        limit: 3,
        before: cursor,
      });
      paged.push(...result.entries.map((entry) => entry.key));
      cursor = result.older;
      if (!cursor) break;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(6);
  });

  it("is empty for a shipment that does not exist", async () => {
    expect(await shipmentActivity(testDb.db, crypto.randomUUID())).toEqual({ entries: [], older: null });
  });
});
