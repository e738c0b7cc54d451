// Shipment Management below the UI, on PGlite or Postgres against the emulator: pickups under the
// carrier rules, documents issued and parsed back, bulk PDFs, tracking written back to Shopify
// (and a failure kept with a retry), and the overview's figures.
import type { Shopify } from "@shopify/shopify-api";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "@/documents/testing/pdf-reader";
import { originNow } from "@/domain/local-time";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import type { CarrierDirectory } from "@/server/carriers/directory";
import { orders, pickups, shipmentDocuments, shipments, stores, syncRuns, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { parseTableState } from "@/lib/table/params";
import { getOverview } from "@/server/queries/overview";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { documentFile, issueDocuments } from "@/server/services/documents";
import { writeBackTracking } from "@/server/services/fulfillment";
import { cancelPickup, reschedulePickup, schedulePickups } from "@/server/services/pickups";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { createShopify } from "@/server/shopify/api";
import { giveDimensions, withRealLabels } from "../helpers/carrier-labels";
import { completeShipperFromNfeKey, prepareForExport } from "../helpers/export-setup";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "shipping-test-key", apiSecret: "shipping-test-secret" };
const DEMO = "loja-demo.myshopify.com";
const BIG = "loja-grande.myshopify.com";
// Wednesday 23 December 2026, 09:00 in São Paulo: Christmas (Friday) is two days away.
const NOW = new Date("2026-12-23T12:00:00Z");
// The contact a carrier pickup names (Shopify has no signatory to offer).
const PICKUP_CONTACT = { signatoryName: "Sofia Souza", signatoryTitle: "Sócia" };

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
// Pickups and documents go through the fake carriers' directory.
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
let fakes: Record<"ups" | "fedex" | "dhl", FakeCarrier>;
let operator: { id: string; name: string };
const shopDeps = () => ({ db: testDb.db, shopify });
const pickupDeps = () => ({ db: testDb.db, carriers: directory, now: () => NOW });
const documentDeps = () => ({ db: testDb.db, carriers: directory, now: () => NOW, sleep: async () => {} });
/** The fake's sale behind a shipment's tracking number. */
const saleOf = (carrier: "ups" | "fedex" | "dhl", trackingNumber: string | null) =>
  [...fakes[carrier].sold.values()].flat().find((sale) => sale.trackingNumber === trackingNumber);

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: DEMO, name: "Loja Demo Artesanato", orders: 60, seed: 20261126 });
  createShop(emulator.state, { domain: BIG, name: "Loja Grande", orders: 260, seed: 7, plan: "plus" });
  process.env.APP_URL = "http://127.0.0.1:3998";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  fakes = {
    ups: withRealLabels(createFakeCarrier("ups")),
    fedex: withRealLabels(createFakeCarrier("fedex")),
    dhl: withRealLabels(createFakeCarrier("dhl")),
  };
  directory = await fakeDirectory(testDb.db, fakes);
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "op@example.com", name: "Olivia Operator", passwordHash: "x", role: "operator" })
    .returning();
  operator = { id: user.id, name: user.name };
  for (const domain of [DEMO, BIG]) {
    await connectThroughEmulator(shopDeps(), domain, emulator.url);
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, domain));
    await prepareForExport(testDb.db, store.id);
    const { run } = await requestSync(testDb.db, store.id, "manual", null);
    await executeRun(shopDeps(), run.id, { sleep: async () => {} });
    await completeShipperFromNfeKey(testDb.db, store, operator.id, PICKUP_CONTACT);
  }
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

/** Ready shipments, by default those whose order is still unfulfilled in Shopify. */
async function readyShipments(domain: string, carrier?: string, fulfilledInShopify = false) {
  return testDb.db
    .select({ id: shipments.id, carrier: shipments.carrier, orderGid: orders.shopifyGid, orderName: orders.name })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(
      and(
        eq(stores.shopDomain, domain),
        eq(shipments.status, "ready"),
        carrier ? eq(shipments.carrier, carrier) : undefined,
        fulfilledInShopify ? eq(orders.fulfillmentStatus, "FULFILLED") : ne(orders.fulfillmentStatus, "FULFILLED"),
      ),
    )
    .orderBy(orders.name);
}

async function expectAppError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (field) expect((error as AppError).field).toBe(field);
  return error as AppError;
}

describe(`pickups (${driverName})`, () => {
  it("refuses a national holiday with the holiday's name and changes nothing", async () => {
    const [shipment] = await readyShipments(DEMO, "ups");
    const error = await expectAppError(
      schedulePickups(
        pickupDeps(),
        [shipment.id],
        { date: "2026-12-25", readyTime: "09:00", closeTime: "17:00" },
        operator.id,
      ),
      "pickups.problems.holiday",
      "date",
    );
    expect(error.values).toMatchObject({ carrier: "UPS", holiday: "Natal" });
    const [after] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(after).toMatchObject({ status: "ready", pickupId: null });
    expect(await testDb.db.select().from(pickups)).toHaveLength(0);
  });

  it("applies each carrier's rule: FedEx only today or the next business day, UPS its lead time", async () => {
    const [fedex] = await readyShipments(DEMO, "fedex");
    const [ups] = await readyShipments(DEMO, "ups");
    // 28 Dec is two business days after 23 Dec (Christmas in between).
    await expectAppError(
      schedulePickups(
        pickupDeps(),
        [fedex.id],
        { date: "2026-12-28", readyTime: "09:00", closeTime: "17:00" },
        operator.id,
      ),
      "pickups.problems.tooFarAheadBusinessDays",
      "date",
    );
    // UPS answers a lead time of 60 minutes for the address: the window must exceed it.
    fakes.ups.availability = { available: true, cutoffTime: "17:00", minWindowMinutes: 60 };
    await expectAppError(
      schedulePickups(
        pickupDeps(),
        [ups.id],
        { date: "2026-12-24", readyTime: "10:00", closeTime: "11:00" },
        operator.id,
      ),
      "pickups.problems.windowTooShort",
      "closeTime",
    );
    // A selection is all or nothing: the valid FedEx booking is not made when UPS refuses.
    await expectAppError(
      schedulePickups(
        pickupDeps(),
        [fedex.id, ups.id],
        { date: "2026-12-24", readyTime: "10:00", closeTime: "11:00" },
        operator.id,
      ),
      "pickups.problems.windowTooShort",
    );
    expect(await testDb.db.select().from(pickups)).toHaveLength(0);
  });

  it("books one pickup per carrier, reschedules with a new confirmation and cancels back to ready", async () => {
    const [fedex] = await readyShipments(DEMO, "fedex");
    const [ups1, ups2] = await readyShipments(DEMO, "ups");
    const window = { date: "2026-12-24", readyTime: "09:00", closeTime: "17:00" };
    const booked = await schedulePickups(pickupDeps(), [fedex.id, ups1.id, ups2.id], window, operator.id);
    expect(booked.map((pickup) => pickup.carrier).sort()).toEqual(["fedex", "ups"]);
    for (const pickup of booked) {
      expect(pickup).toMatchObject({ status: "scheduled", pickupDate: "2026-12-24", readyTime: "09:00" });
      // The confirmation is the one the carrier gave, booked with the account that is recorded.
      const carrier = pickup.carrier as "ups" | "fedex";
      expect(fakes[carrier].pickups.get(pickup.confirmationNumber)).toEqual({ cancelled: false });
      expect(pickup.carrierAccountId).toBe(directory.accountIds[carrier]);
    }
    const upsBooking = fakes.ups.calls.filter((call) => call.operation === "schedulePickup").at(-1)!;
    expect(upsBooking.args[0]).toMatchObject({ ...window, packages: expect.any(Number) });
    expect((upsBooking.args[0] as { packages: number }).packages).toBeGreaterThanOrEqual(2);
    const moved = await testDb.db
      .select({ status: shipments.status, pickupId: shipments.pickupId, pickupDate: shipments.pickupDate })
      .from(shipments)
      .where(inArray(shipments.id, [fedex.id, ups1.id, ups2.id]));
    expect(moved.every((row) => row.status === "pickup_scheduled" && row.pickupId)).toBe(true);
    expect(moved.map((row) => row.pickupDate)).toEqual(["2026-12-24", "2026-12-24", "2026-12-24"]);

    // Booking again is refused: the operator reschedules instead.
    await expectAppError(
      schedulePickups(pickupDeps(), [ups1.id], window, operator.id),
      "pickups.errors.alreadyScheduled",
    );

    const upsPickup = booked.find((pickup) => pickup.carrier === "ups")!;
    const next = await reschedulePickup(
      pickupDeps(),
      upsPickup.id,
      { date: "2026-12-28", readyTime: "13:00", closeTime: "18:00" },
      operator.id,
    );
    expect(next.confirmationNumber).not.toBe(upsPickup.confirmationNumber);
    // The old booking is cancelled at the carrier too, the new one stands.
    expect(fakes.ups.pickups.get(upsPickup.confirmationNumber)).toEqual({ cancelled: true });
    expect(fakes.ups.pickups.get(next.confirmationNumber)).toEqual({ cancelled: false });
    const [old] = await testDb.db.select().from(pickups).where(eq(pickups.id, upsPickup.id));
    expect(old.status).toBe("cancelled");
    const onNew = await testDb.db.select().from(shipments).where(eq(shipments.pickupId, next.id));
    expect(onNew.map((row) => row.id).sort()).toEqual([ups1.id, ups2.id].sort());
    expect(onNew.every((row) => row.pickupDate === "2026-12-28")).toBe(true);

    const { released } = await cancelPickup(pickupDeps(), next.id, operator.id);
    expect(released).toBe(2);
    expect(fakes.ups.pickups.get(next.confirmationNumber)).toEqual({ cancelled: true });
    const again = await testDb.db
      .select()
      .from(shipments)
      .where(inArray(shipments.id, [ups1.id, ups2.id]));
    expect(again.every((row) => row.status === "ready" && row.pickupId === null && row.pickupDate === null)).toBe(true);
    await expectAppError(cancelPickup(pickupDeps(), next.id, operator.id), "pickups.errors.notScheduled");
  });

  it("undoes the carrier booking when the database refuses the change", async () => {
    const [shipment] = await readyShipments(DEMO, "ups");
    const ups = fakes.ups;
    // The shipment is taken by someone else between the read and the booking.
    const spy: CarrierDirectory = {
      ...directory,
      async forStore(storeId, carrier) {
        const found = await directory.forStore(storeId, carrier);
        const client = {
          ...found.client,
          schedulePickup: async (booking: Parameters<typeof found.client.schedulePickup>[0]) => {
            await testDb.db.update(shipments).set({ status: "cancelled" }).where(eq(shipments.id, shipment.id));
            return found.client.schedulePickup(booking);
          },
        };
        return { ...found, client };
      },
    };
    const callsBefore = ups.calls.length;
    const knownBefore = new Set(ups.pickups.keys());
    await expectAppError(
      schedulePickups(
        { db: testDb.db, carriers: spy, now: () => NOW },
        [shipment.id],
        { date: "2026-12-24", readyTime: "09:00", closeTime: "17:00" },
        operator.id,
      ),
      "pickups.errors.changedMeanwhile",
    );
    const calls = ups.calls.slice(callsBefore);
    expect(calls.map((call) => call.operation)).toEqual(["pickupAvailability", "schedulePickup", "cancelPickup"]);
    // The one booking made is the one cancelled again, and nothing of it is recorded here.
    const booked = [...ups.pickups.keys()].filter((number) => !knownBefore.has(number));
    expect(booked).toHaveLength(1);
    expect(calls[2].args[0]).toMatchObject({ confirmationNumber: booked[0], date: "2026-12-24" });
    expect(ups.pickups.get(booked[0])).toEqual({ cancelled: true });
    expect(await testDb.db.select().from(pickups).where(eq(pickups.confirmationNumber, booked[0]))).toHaveLength(0);
    await testDb.db.update(shipments).set({ status: "ready" }).where(eq(shipments.id, shipment.id));
  });
});

describe(`documents and tracking (${driverName})`, () => {
  it("stores the carrier's label as issued and an invoice that carries the shipment's data", async () => {
    const [shipment] = await readyShipments(DEMO, "ups");
    await giveDimensions(testDb.db, [shipment.id]);
    const outcome = await issueDocuments(documentDeps(), [shipment.id], operator);
    expect(outcome).toMatchObject({ issued: [shipment.id], alreadyIssued: [], failed: [] });
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    const sale = saleOf("ups", row.trackingNumber)!;
    expect(sale).toBeDefined();
    expect(row).toMatchObject({ fulfillmentState: "pending", status: "ready", trackingStatus: "label_created" });
    expect(row.documentsGeneratedAt).toBeInstanceOf(Date);

    const [stored] = await testDb.db
      .select()
      .from(shipmentDocuments)
      .where(eq(shipmentDocuments.shipmentId, shipment.id));
    expect(Buffer.from(stored.labelPdf!).equals(Buffer.from(sale.label.bytes))).toBe(true);
    const invoice = await readPdf(stored.invoicePdf);
    const items = row.customsItems as { description: string; hsCode: string }[];
    const invoiceText = invoice.map((page) => page.text).join("\n");
    expect(invoiceText).toContain("COMMERCIAL INVOICE");
    expect(invoiceText).toContain(row.trackingNumber);
    expect(invoiceText).toContain(items[0].description.slice(0, 20));
    // The declaration is signed by the store's signatory (Stores › Shipper details), not the operator.
    expect(invoiceText).toContain(PICKUP_CONTACT.signatoryName);
    expect(invoiceText.replace(/\s/g, "")).toContain(row.nfeKey ?? "DAP");

    // Issuing again changes nothing, and a re-download is byte-identical.
    const again = await issueDocuments(documentDeps(), [shipment.id], operator);
    expect(again).toMatchObject({ issued: [], alreadyIssued: [shipment.id] });
    const first = await documentFile(testDb.db, [shipment.id], "all", "pdf");
    const second = await documentFile(testDb.db, [shipment.id], "all", "pdf");
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    // The fake's label is one page whatever the parcels; then the invoice.
    expect(await readPdf(first.bytes)).toHaveLength(1 + stored.invoicePages);
  });

  it("creates the fulfillment in Shopify with the tracking number, company and URL", async () => {
    const [shipment] = await testDb.db
      .select({ id: shipments.id, trackingNumber: shipments.trackingNumber, gid: orders.shopifyGid })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(shipments.fulfillmentState, "pending"));
    const outcome = await writeBackTracking(shopDeps(), [shipment.id], operator.id);
    expect(outcome).toEqual({ created: 1, failed: 0 });
    const order = emulator.state.shop(DEMO)!.ordersById.get(Number(shipment.gid.split("/").pop()))!;
    expect(order.fulfillments).toHaveLength(1);
    expect(order.fulfillments[0]).toMatchObject({
      trackingCompany: "UPS",
      trackingNumber: shipment.trackingNumber,
      trackingUrl: `https://www.ups.com/track?tracknum=${shipment.trackingNumber}`,
    });
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row).toMatchObject({ fulfillmentState: "created", fulfillmentError: null });
    expect(row.shopifyFulfillmentId).toMatch(/^gid:\/\/shopify\/Fulfillment\//);
    // Sending again does nothing: the fulfillment exists.
    expect(await writeBackTracking(shopDeps(), [shipment.id], operator.id)).toEqual({ created: 0, failed: 0 });
  });

  it("keeps a failed write-back on the shipment, and Retry succeeds once the store is reconnected", async () => {
    const [shipment] = await readyShipments(DEMO, "fedex");
    await giveDimensions(testDb.db, [shipment.id]);
    await issueDocuments(documentDeps(), [shipment.id], operator);
    emulator.state.revokeTokens(DEMO);
    expect(await writeBackTracking(shopDeps(), [shipment.id], operator.id)).toEqual({ created: 0, failed: 1 });
    const [failed] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(failed).toMatchObject({ fulfillmentState: "failed", fulfillmentError: "reconnect_needed" });
    expect(saleOf("fedex", failed.trackingNumber)).toBeDefined();

    await connectThroughEmulator(shopDeps(), DEMO, emulator.url);
    expect(await writeBackTracking(shopDeps(), [shipment.id], operator.id)).toEqual({ created: 1, failed: 0 });
    const order = emulator.state.shop(DEMO)!.ordersById.get(Number(shipment.orderGid.split("/").pop()))!;
    expect(order.fulfillments[0]).toMatchObject({ trackingCompany: "FedEx", trackingNumber: failed.trackingNumber });
  });

  it("refuses a pickup or label for an order already fulfilled in Shopify (it would ship twice)", async () => {
    const fulfilled = [
      ...(await readyShipments(DEMO, undefined, true)),
      ...(await readyShipments(BIG, undefined, true)),
    ];
    expect(fulfilled.length).toBeGreaterThan(0);
    const [shipment] = fulfilled;
    await expectAppError(
      issueDocuments(documentDeps(), [shipment.id], operator),
      "documents.errors.fulfilledInShopify",
    );
    await expectAppError(
      schedulePickups(
        pickupDeps(),
        [shipment.id],
        { date: "2026-12-24", readyTime: "09:00", closeTime: "17:00" },
        operator.id,
      ),
      "documents.errors.fulfilledInShopify",
    );
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row).toMatchObject({ status: "ready", trackingNumber: null, pickupId: null });
  });

  it("refuses to issue for a store whose shipper details are incomplete, naming the store", async () => {
    const [big] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, BIG));
    await testDb.db.update(stores).set({ shipper: null }).where(eq(stores.id, big.id));
    const [shipment] = await readyShipments(BIG);
    const error = await expectAppError(
      issueDocuments(documentDeps(), [shipment.id], operator),
      "documents.errors.shipperIncomplete",
    );
    expect(error.values).toMatchObject({ store: "Loja Grande" });
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row.trackingNumber).toBeNull();
    await testDb.db.update(stores).set({ shipper: big.shipper }).where(eq(stores.id, big.id));
  });

  it("merges 50 shipments into one PDF: each carrier label then its invoice (Correios: the invoice only)", async () => {
    const ready = (await readyShipments(BIG)).slice(0, 50);
    expect(ready).toHaveLength(50);
    const ids = ready.map((shipment) => shipment.id);
    await giveDimensions(testDb.db, ids);
    const outcome = await issueDocuments(documentDeps(), ids, operator);
    expect(outcome.failed).toEqual([]);
    expect(outcome.issued).toHaveLength(50);
    const issued = await testDb.db
      .select({ carrier: shipments.carrier, trackingNumber: shipments.trackingNumber })
      .from(shipments)
      .where(inArray(shipments.id, ids));
    const labelled = issued.filter((row) => row.carrier !== "correios");
    // Each fake numbers its own sales, so a number is unique per carrier.
    expect(new Set(labelled.map((row) => `${row.carrier}:${row.trackingNumber}`)).size).toBe(labelled.length);
    for (const row of labelled) expect(saleOf(row.carrier as "ups", row.trackingNumber)).toBeDefined();
    for (const row of issued.filter((item) => item.carrier === "correios")) expect(row.trackingNumber).toBeNull();

    const stored = await testDb.db
      .select({ invoicePages: shipmentDocuments.invoicePages })
      .from(shipmentDocuments)
      .where(inArray(shipmentDocuments.shipmentId, ids));
    const invoicePages = stored.reduce((sum, row) => sum + row.invoicePages, 0);
    const pages = await readPdf((await documentFile(testDb.db, ids, "all", "pdf")).bytes);
    expect(pages).toHaveLength(labelled.length + invoicePages);
    expect(pages.filter((page) => page.width === 288)).toHaveLength(labelled.length);
    const labels = await documentFile(testDb.db, ids, "labels", "pdf");
    expect(await readPdf(labels.bytes)).toHaveLength(labelled.length);
  });
});

describe(`overview (${driverName})`, () => {
  it("counts drafts, ready shipments and today's pickups the way the tables do", async () => {
    const [shipment] = await readyShipments(DEMO, "dhl").then(async (dhl) => (dhl.length ? dhl : readyShipments(DEMO)));
    const now = new Date();
    const today = originNow(now).date;
    // The overview counts pickups on today's date whatever the clock; the row is inserted directly.
    const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
    const [pickup] = await testDb.db
      .insert(pickups)
      .values({
        storeId: store.id,
        carrier: "ups",
        pickupDate: today,
        readyTime: "09:00",
        closeTime: "17:00",
        confirmationNumber: "T1",
      })
      .returning();
    await testDb.db
      .update(shipments)
      .set({ status: "pickup_scheduled", pickupId: pickup.id, pickupDate: today })
      .where(eq(shipments.id, shipment.id));

    const overview = await getOverview(testDb.db, now);
    const count = async (status: "draft" | "ready") =>
      (
        await testDb.db
          .select({ n: sql<number>`count(*)::int` })
          .from(shipments)
          .where(eq(shipments.status, status))
      )[0].n;
    expect(overview.draftsWaiting).toBe(await count("draft"));
    expect(overview.readyToShip).toBe(await count("ready"));
    expect(overview.pickupsToday).toEqual({ pickups: 1, shipments: 1 });
    // The table's pickup filter shows exactly those shipments.
    const onToday = await listShipments(testDb.db, parseTableState({ pickup: "today" }, shipmentsTable));
    expect(onToday.rows.map((row) => row.id)).toEqual([shipment.id]);
    const unscheduled = await listShipments(
      testDb.db,
      parseTableState({ pickup: "none", perPage: "100" }, shipmentsTable),
    );
    expect(unscheduled.rows.some((row) => row.id === shipment.id)).toBe(false);
    expect(unscheduled.rows.every((row) => row.pickupDate === null)).toBe(true);
    expect(overview.stores.map((s) => [s.name, s.health])).toEqual([
      ["Loja Demo Artesanato", "healthy"],
      ["Loja Grande", "healthy"],
    ]);
    // Each store's newest run, as an instant.
    const [newest] = await testDb.db
      .select({ at: syncRuns.createdAt })
      .from(syncRuns)
      .where(eq(syncRuns.storeId, overview.stores[0].id))
      .orderBy(desc(syncRuns.createdAt))
      .limit(1);
    expect(overview.stores[0].lastRunAt?.getTime()).toBe(newest.at.getTime());
    expect(overview.perDay).toHaveLength(14);
    expect(overview.perDay.at(-1)!.day).toBe(today);
  });
});
