// Saving the Edit Draft form on real drafts produced by a sync: promotion, partial progress,
// a wrong NF-e key refused, and optimistic locking against a concurrent edit.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VALID_NFE_KEY } from "@/domain/test-orders";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { auditEvents, shipments, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { saveDraft } from "@/server/services/drafts";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createUser } from "@/server/services/users";
import { createShopify } from "@/server/shopify/api";
import { draftFormFor } from "../helpers/draft-form";
import { prepareForExport } from "../helpers/export-setup";
import { fakeDirectory } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "drafts-key", apiSecret: "drafts-secret" };
const SHOP = "loja-rascunhos.myshopify.com";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let ana: string;
let otavio: string;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, orders: 60, seed: 20261126 });
  process.env.APP_URL = "http://127.0.0.1:3999";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  await prepareForExport(testDb.db, store.id);
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

async function draftMissingOnly(field: string) {
  const drafts = await testDb.db.select().from(shipments).where(eq(shipments.status, "draft"));
  const found = drafts.find((d) => d.missingFields.length === 1 && d.missingFields[0] === field);
  if (!found) throw new Error(`no draft missing only ${field}`);
  return found;
}

describe(`Edit Draft (${driverName})`, () => {
  it("a pasted NF-e key completes a draft, which becomes a ready shipment, audited", async () => {
    const draft = await draftMissingOnly("nfeKey");
    const spaced = VALID_NFE_KEY.replace(/(.{4})/g, "$1 ").trim();
    const result = await saveDraft(testDb.db, draftFormFor(draft, { nfeKey: `NFe ${spaced}` }), ana);
    expect(result).toMatchObject({ status: "ready", missingFields: [], problems: [], promoted: true });
    // The US$ value the limit was judged on, with its PTAX rate.
    expect(result.usd).toMatchObject({ currency: "BRL", rate: { source: "bcb_ptax", bulletin: "Fechamento PTAX" } });
    expect(result.usd.usdCents).toBeGreaterThan(0);
    const [saved] = await testDb.db.select().from(shipments).where(eq(shipments.id, draft.id));
    expect(saved).toMatchObject({ status: "ready", nfeKey: VALID_NFE_KEY, version: draft.version + 1, updatedBy: ana });
    // The NF-e number read from the key (digits 26–34: 000012345).
    expect(saved.invoiceNumber).toBe("12345");
    expect(saved.operatorEdited).toContain("nfeKey");
    const events = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "shipment"), eq(auditEvents.entityId, draft.id)));
    expect(events.map((e) => e.action)).toEqual(["shipment.promoted"]);
  });

  it("refuses a wrong key with the precise problem and saves nothing", async () => {
    const draft = await draftMissingOnly("nfeKey");
    const wrong = VALID_NFE_KEY.slice(0, 43) + String((Number(VALID_NFE_KEY[43]) + 1) % 10);
    await expect(saveDraft(testDb.db, draftFormFor(draft, { nfeKey: wrong }), ana)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "nfe.errors.checkDigit" && error.field === "nfeKey",
    );
    const [unchanged] = await testDb.db.select().from(shipments).where(eq(shipments.id, draft.id));
    expect(unchanged).toEqual(draft);
  });

  it("keeps partial progress: still a draft, with what remains", async () => {
    const draft = (await testDb.db.select().from(shipments).where(eq(shipments.status, "draft"))).find(
      (d) => d.missingFields.includes("nfeKey") && d.missingFields.length > 1,
    )!;
    const result = await saveDraft(testDb.db, draftFormFor(draft, { nfeKey: VALID_NFE_KEY }), ana);
    expect(result.status).toBe("draft");
    expect(result.missingFields).not.toContain("nfeKey");
    expect(result.missingFields.length).toBe(draft.missingFields.length - 1);
  });

  it("refuses a stale save from a second operator and overwrites nothing", async () => {
    const draft = await draftMissingOnly("nfeKey");
    const otavioForm = draftFormFor(draft, { "recipient.name": "Someone Else" });
    await saveDraft(testDb.db, draftFormFor(draft, { nfeKey: VALID_NFE_KEY }), ana);
    await expect(saveDraft(testDb.db, otavioForm, otavio)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "errors.staleDraft" && error.values?.name === "Ana",
    );
    const [saved] = await testDb.db.select().from(shipments).where(eq(shipments.id, draft.id));
    expect((saved.recipient as { name: string }).name).not.toBe("Someone Else");
    expect(saved.updatedBy).toBe(ana);
    const [{ n }] = await testDb.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.id, otavio));
    expect(n).toBe(1);
  });
});

describe(`quotes, rate cards and bulk changes (${driverName})`, () => {
  it("quotes a draft from the seeded rate cards and picking one sets the carrier and re-checks it", async () => {
    const { quoteShipmentById, quotesForShipment, pickQuote } = await import("@/server/services/quotes");
    const draft = (await testDb.db.select().from(shipments).where(eq(shipments.status, "draft"))).find(
      (d) => d.carrier === "correios" && d.missingFields.length === 1 && d.missingFields[0] === "nfeKey",
    )!;
    const carriers = await fakeDirectory(testDb.db, {});
    const { available } = await quoteShipmentById({ db: testDb.db, carriers }, draft.id);
    expect(available).toBeGreaterThan(1);
    const list = await quotesForShipment(testDb.db, draft.id);
    expect(list.map((q) => Number(q.price))).toEqual([...list.map((q) => Number(q.price))].sort((a, b) => a - b));
    const fedex = list.find((q) => q.carrier === "fedex")!;
    const result = await pickQuote(testDb.db, fedex.id, draft.version, ana);
    // FedEx below the simplified-export limit needs no NF-e key: the draft is complete.
    expect(result).toMatchObject({ carrier: "fedex", status: "ready" });
    const [saved] = await testDb.db.select().from(shipments).where(eq(shipments.id, draft.id));
    expect(saved).toMatchObject({ carrier: "fedex", service: fedex.service, chosenQuoteId: fedex.id, status: "ready" });
    await expect(pickQuote(testDb.db, fedex.id, draft.version, ana)).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === "errors.staleQuote",
    );
  });

  it("refuses a rate card with a negative price and saves nothing", async () => {
    const { loadRateCards, updateRateCard } = await import("@/server/services/quotes");
    const [card] = await loadRateCards(testDb.db);
    const zones = structuredClone(card.zones);
    zones.europe!.basePrice = -5;
    await expect(updateRateCard(testDb.db, card.id, zones, ana)).rejects.toBeInstanceOf(AppError);
    const [again] = await loadRateCards(testDb.db);
    expect(again.zones).toEqual(card.zones);
    expect(again.isDefault).toBe(true);
  });

  it("applies one carrier to many drafts, each re-evaluated", async () => {
    const { bulkUpdateDrafts } = await import("@/server/services/drafts");
    const targets = (await testDb.db.select().from(shipments).where(eq(shipments.status, "draft")))
      .filter((d) => d.missingFields.length === 1 && d.missingFields[0] === "nfeKey")
      .slice(0, 2);
    expect(targets.length).toBe(2);
    const result = await bulkUpdateDrafts(
      testDb.db,
      targets.map((d) => d.id),
      { carrier: "ups", service: "Worldwide Saver" },
      ana,
    );
    expect(result).toEqual({ updated: 2, promoted: 2 });
    for (const target of targets) {
      const [saved] = await testDb.db.select().from(shipments).where(eq(shipments.id, target.id));
      expect(saved).toMatchObject({ carrier: "ups", status: "ready", version: target.version + 1 });
    }
  });
});
