// Buying labels through the purchase protocol, on PGlite or Postgres, with in-memory carriers
// (tests/helpers/fake-carrier.ts) and the Shopify emulator: the label stored as issued (PDF, ZPL),
// paperless or printed invoices, refusals, timeouts and a crash reconciled without a second sale,
// FedEx-like lookups without a label, bulk outcomes, downloads, packing slips and void.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "@/documents/testing/pdf-reader";
import { CARRIER_SERVICES } from "@/domain/carrier-services";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import type { ApiCarrier, CarrierShipment } from "@/server/carriers/api";
import {
  auditEvents,
  labelPurchases,
  orders,
  pickups,
  shipmentDocuments,
  shipments,
  stores,
  users,
} from "@/server/db/schema";
import { AppError, httpStatusOf } from "@/server/errors";
import { purchaseReference } from "@/server/services/carrier-shipment";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { documentFile, issueDocuments } from "@/server/services/documents";
import { writeBackTracking } from "@/server/services/fulfillment";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { voidLabel } from "@/server/services/void-label";
import { createShopify } from "@/server/shopify/api";
import { withRealLabels, zplLabel } from "../helpers/carrier-labels";
import { completeShipperFromNfeKey, prepareForExport } from "../helpers/export-setup";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "labels-test-key", apiSecret: "labels-test-secret" };
const DEMO = "loja-etiquetas.myshopify.com";
const NOW = new Date("2026-12-01T13:00:00Z");

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let operator: { id: string; name: string };
let fakes: Record<ApiCarrier, FakeCarrier>;
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
const used = new Set<string>();

const deps = (extra: Partial<Parameters<typeof issueDocuments>[0]> = {}) => ({
  db: testDb.db,
  carriers: directory,
  now: () => NOW,
  sleep: async () => {},
  ...extra,
});

async function setLabelFormat(format: "pdf" | "zpl") {
  await testDb.db.update(users).set({ labelFormat: format }).where(eq(users.id, operator.id));
}

/**
 * A ready shipment not used by another test, moved to `carrier` (its first service) with
 * dimensions, and optionally another destination.
 */
async function readyShipment(carrier: ApiCarrier, countryCode?: string) {
  const rows = await testDb.db
    .select({ shipment: shipments, orderName: orders.name, orderGid: orders.shopifyGid })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        eq(shipments.status, "ready"),
        inArray(shipments.carrier, ["ups", "fedex", "dhl"]),
        ne(orders.fulfillmentStatus, "FULFILLED"),
      ),
    )
    .orderBy(orders.name);
  const row = rows.find((candidate) => !used.has(candidate.shipment.id));
  if (!row) throw new Error(`no ready ${carrier} shipment left`);
  used.add(row.shipment.id);
  await testDb.db
    .update(shipments)
    .set({
      carrier,
      service: CARRIER_SERVICES[carrier][0].name,
      parcels: row.shipment.parcels.map((parcel) => ({ ...parcel, lengthCm: 30, widthCm: 20, heightCm: 10 })),
      ...(countryCode ? { recipient: { ...row.shipment.recipient!, countryCode } } : {}),
    })
    .where(eq(shipments.id, row.shipment.id));
  return { id: row.shipment.id, orderName: row.orderName, orderGid: row.orderGid };
}

const intents = (shipmentId: string) =>
  testDb.db
    .select()
    .from(labelPurchases)
    .where(eq(labelPurchases.shipmentId, shipmentId))
    .orderBy(labelPurchases.attempt);
const shipmentRow = async (id: string) => (await testDb.db.select().from(shipments).where(eq(shipments.id, id)))[0];
const documentsRow = async (id: string) =>
  (await testDb.db.select().from(shipmentDocuments).where(eq(shipmentDocuments.shipmentId, id)))[0];
const sales = (carrier: ApiCarrier, shipmentId: string, attempt = 1) =>
  fakes[carrier].sold.get(purchaseReference(shipmentId, attempt)) ?? [];

async function caught(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: DEMO, name: "Loja Etiquetas", orders: 120, seed: 20261201 });
  process.env.APP_URL = "http://127.0.0.1:3996";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "op@example.com", name: "Olivia Operator", passwordHash: "x", role: "operator" })
    .returning();
  operator = { id: user.id, name: user.name };
  const shopDeps = { db: testDb.db, shopify };
  await connectThroughEmulator(shopDeps, DEMO, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, DEMO));
  await prepareForExport(testDb.db, store.id);
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun(shopDeps, run.id, { sleep: async () => {} });
  await completeShipperFromNfeKey(testDb.db, store, operator.id);
  fakes = {
    ups: withRealLabels(createFakeCarrier("ups")),
    fedex: withRealLabels(createFakeCarrier("fedex")),
    dhl: withRealLabels(createFakeCarrier("dhl")),
  };
  directory = await fakeDirectory(testDb.db, fakes);
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

describe(`buying a label (${driverName})`, () => {
  it("stores the carrier's PDF label as issued, uploads the invoice for a paperless destination and freezes the shipment", async () => {
    await setLabelFormat("pdf");
    const shipment = await readyShipment("ups", "US");
    const outcome = await issueDocuments(deps(), [shipment.id], operator);
    expect(outcome.issued).toEqual([shipment.id]);
    const [sale] = sales("ups", shipment.id);
    const row = await shipmentRow(shipment.id);
    expect(row).toMatchObject({
      trackingNumber: sale.trackingNumber,
      carrierShipmentId: sale.carrierShipmentId,
      trackingStatus: "label_created",
      fulfillmentState: "pending",
    });
    expect(row.trackingNextCheckAt).toEqual(NOW);
    const documents = await documentsRow(shipment.id);
    expect(Buffer.from(documents.labelPdf!).equals(Buffer.from(sale.label.bytes))).toBe(true);
    expect(documents).toMatchObject({
      labelFormat: "pdf",
      labelZpl: null,
      invoiceDelivery: "paperless",
      paperlessDocumentId: `DOC-${purchaseReference(shipment.id, 1)}`,
    });
    // The uploaded invoice carries our reference (the tracking number did not exist yet).
    const [invoice] = await readPdf(documents.invoicePdf);
    expect(invoice.items).toContain(purchaseReference(shipment.id, 1));
    const [intent] = await intents(shipment.id);
    expect(intent).toMatchObject({ status: "purchased", attempt: 1, trackingNumber: sale.trackingNumber });
    const create = fakes.ups.calls.filter((call) => call.operation === "createShipment").at(-1)!;
    expect(create.args[1]).toEqual({ labelFormat: "pdf", paperlessDocumentId: documents.paperlessDocumentId });
    expect(create.args[0]).toMatchObject({ reference: purchaseReference(shipment.id, 1), serviceCode: "65" });
  });

  it("buys in the user's ZPL format and stores the ZPL as issued", async () => {
    await setLabelFormat("zpl");
    const shipment = await readyShipment("dhl");
    await issueDocuments(deps(), [shipment.id], operator);
    const documents = await documentsRow(shipment.id);
    const [sale] = sales("dhl", shipment.id);
    expect(documents.labelFormat).toBe("zpl");
    expect(documents.labelPdf).toBeNull();
    expect(new TextDecoder().decode(documents.labelZpl!)).toBe(zplLabel(sale.trackingNumber));
    await setLabelFormat("pdf");
  });

  it("prints the invoice (with the tracking number) where the destination or the account does not take paperless", async () => {
    const abroad = await readyShipment("fedex", "AR");
    const uploadsBefore = fakes.fedex.calls.filter((call) => call.operation === "uploadInvoice").length;
    await issueDocuments(deps(), [abroad.id], operator);
    expect(fakes.fedex.calls.filter((call) => call.operation === "uploadInvoice")).toHaveLength(uploadsBefore);
    const printed = await documentsRow(abroad.id);
    expect(printed).toMatchObject({ invoiceDelivery: "printed", paperlessDocumentId: null });
    expect((await readPdf(printed.invoicePdf))[0].items).toContain(printed.trackingNumber);

    const notEnabled = await readyShipment("fedex", "US");
    fakes.fedex.failNext("uploadInvoice", "paperlessNotEnabled");
    await issueDocuments(deps(), [notEnabled.id], operator);
    expect(await documentsRow(notEnabled.id)).toMatchObject({ invoiceDelivery: "printed", paperlessDocumentId: null });
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, notEnabled.id), eq(auditEvents.action, "shipment.documents_issued")));
    expect(audit.after).toMatchObject({ printedBecause: "paperlessNotEnabled" });
  });

  it("a definitive refusal fails the intent, freezes nothing and names the order; the next attempt is attempt 2", async () => {
    const shipment = await readyShipment("ups");
    fakes.ups.failNext("createShipment", "invalidPostalCode");
    const error = (await caught(issueDocuments(deps(), [shipment.id], operator))) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("labels.errors.carrier");
    expect(error.values).toMatchObject({ order: shipment.orderName, carrier: "UPS", code: "invalidPostalCode" });
    expect(await shipmentRow(shipment.id)).toMatchObject({ trackingNumber: null, documentsGeneratedAt: null });
    expect(await documentsRow(shipment.id)).toBeUndefined();
    expect(await intents(shipment.id)).toMatchObject([{ status: "failed", error: "invalidPostalCode", attempt: 1 }]);

    await issueDocuments(deps(), [shipment.id], operator);
    expect((await intents(shipment.id)).map((intent) => [intent.attempt, intent.status])).toEqual([
      [1, "failed"],
      [2, "purchased"],
    ]);
    expect(sales("ups", shipment.id, 2)).toHaveLength(1);
  });

  it("a timeout leaves the intent pending; the next attempt finds the sale at the carrier and buys nothing more", async () => {
    const shipment = await readyShipment("ups");
    fakes.ups.failNext("createShipment", "outcomeUnknown", { after: true });
    const error = (await caught(issueDocuments(deps(), [shipment.id], operator))) as AppError;
    expect(error.values).toMatchObject({ code: "outcomeUnknown" });
    expect(await intents(shipment.id)).toMatchObject([{ status: "pending", attempt: 1 }]);
    expect(await shipmentRow(shipment.id)).toMatchObject({ documentsGeneratedAt: null });

    const creates = fakes.ups.calls.filter((call) => call.operation === "createShipment").length;
    await issueDocuments(deps(), [shipment.id], operator);
    expect(fakes.ups.calls.filter((call) => call.operation === "createShipment")).toHaveLength(creates);
    const sold = sales("ups", shipment.id);
    expect(sold).toHaveLength(1);
    expect(await shipmentRow(shipment.id)).toMatchObject({ trackingNumber: sold[0].trackingNumber });
    expect(await intents(shipment.id)).toMatchObject([{ status: "purchased", attempt: 1 }]);
  });

  it("a crash between the carrier's answer and our commit is reconciled: one sale for the reference", async () => {
    const shipment = await readyShipment("dhl");
    const crash = deps({
      afterPurchase: () => {
        throw new Error("process killed");
      },
    });
    await expect(issueDocuments(crash, [shipment.id], operator)).rejects.toThrow("process killed");
    expect(await intents(shipment.id)).toMatchObject([{ status: "pending" }]);
    expect(await shipmentRow(shipment.id)).toMatchObject({ documentsGeneratedAt: null });

    await issueDocuments(deps(), [shipment.id], operator);
    const sold = sales("dhl", shipment.id);
    expect(sold).toHaveLength(1);
    expect(sold[0].voided).toBe(false);
    const documents = await documentsRow(shipment.id);
    expect(documents.trackingNumber).toBe(sold[0].trackingNumber);
    expect(Buffer.from(documents.labelPdf!).equals(Buffer.from(sold[0].label.bytes))).toBe(true);
    expect(await intents(shipment.id)).toMatchObject([{ status: "purchased", attempt: 1 }]);
  });

  it("a lookup that finds the sale without its label (FedEx) voids it and buys attempt 2", async () => {
    const shipment = await readyShipment("fedex");
    const fedex = fakes.fedex;
    const find = fedex.findShipments.bind(fedex);
    fedex.findShipments = async (...args) => (await find(...args)).map((found) => ({ ...found, label: null }));
    try {
      fedex.failNext("createShipment", "outcomeUnknown", { after: true });
      await caught(issueDocuments(deps(), [shipment.id], operator));
      await issueDocuments(deps(), [shipment.id], operator);
    } finally {
      fedex.findShipments = find;
    }
    const [first] = sales("fedex", shipment.id, 1);
    const [second] = sales("fedex", shipment.id, 2);
    expect(first.voided).toBe(true);
    expect(second.voided).toBe(false);
    expect((await intents(shipment.id)).map((intent) => intent.status)).toEqual(["voided", "purchased"]);
    expect(await shipmentRow(shipment.id)).toMatchObject({ trackingNumber: second.trackingNumber });
  });

  it("bulk: one refused shipment does not stop the others, each gets its outcome", async () => {
    const batch = [await readyShipment("ups"), await readyShipment("dhl"), await readyShipment("ups")];
    fakes.ups.failNext("createShipment", "invalidRequest");
    const outcome = await issueDocuments(
      deps(),
      batch.map((shipment) => shipment.id),
      operator,
    );
    expect(outcome.results.map((result) => result.status)).toEqual(["failed", "issued", "issued"]);
    const [failed] = outcome.failed;
    expect(failed.order).toBe(batch[0].orderName);
    expect(failed.error.values).toMatchObject({ code: "invalidRequest", message: "fake invalidRequest" });
    const again = await issueDocuments(
      deps(),
      batch.map((shipment) => shipment.id),
      operator,
    );
    expect(again.results.map((result) => result.status)).toEqual(["issued", "alreadyIssued", "alreadyIssued"]);
  });

  it("Correios (no API): only our invoice is issued; the agency prints the label", async () => {
    const shipment = await readyShipment("dhl");
    await testDb.db
      .update(shipments)
      .set({ carrier: "correios", service: "Exporta Fácil Expresso" })
      .where(eq(shipments.id, shipment.id));
    const calls = Object.values(fakes).reduce((sum, fake) => sum + fake.calls.length, 0);
    expect((await issueDocuments(deps(), [shipment.id], operator)).issued).toEqual([shipment.id]);
    expect(Object.values(fakes).reduce((sum, fake) => sum + fake.calls.length, 0)).toBe(calls);
    const row = await shipmentRow(shipment.id);
    expect(row).toMatchObject({ trackingNumber: null, trackingStatus: null, fulfillmentState: null });
    expect(row.documentsGeneratedAt).toEqual(NOW);
    const documents = await documentsRow(shipment.id);
    expect(documents).toMatchObject({ labelPdf: null, labelZpl: null, trackingNumber: null, labelPages: 0 });
    expect((await readPdf(documents.invoicePdf))[0].items).toContain("COMMERCIAL INVOICE");
    expect(await intents(shipment.id)).toHaveLength(0);
    const error = (await caught(documentFile(testDb.db, [shipment.id], "labels", "pdf"))) as AppError;
    expect(error.code).toBe("labels.errors.noLabels");
  });

  it("refuses before buying anything when a parcel has only some of its dimensions, naming the order", async () => {
    const shipment = await readyShipment("dhl");
    const row = await shipmentRow(shipment.id);
    await testDb.db
      .update(shipments)
      .set({ parcels: row.parcels.map((parcel) => ({ ...parcel, lengthCm: 30, widthCm: null, heightCm: 10 })) })
      .where(eq(shipments.id, shipment.id));
    const creates = fakes.dhl.calls.length;
    const error = (await caught(issueDocuments(deps(), [shipment.id], operator))) as AppError;
    expect(error.code).toBe("labels.errors.parcelIncomplete");
    expect(error.values).toMatchObject({ order: shipment.orderName, parcel: 1, field: "dimensions" });
    expect(fakes.dhl.calls).toHaveLength(creates);
    expect(await intents(shipment.id)).toHaveLength(0);
  });

  it("sends a parcel without dimensions without them (the carrier bills the weight it measures)", async () => {
    const shipment = await readyShipment("dhl");
    const row = await shipmentRow(shipment.id);
    await testDb.db
      .update(shipments)
      .set({ parcels: row.parcels.map((parcel) => ({ ...parcel, lengthCm: null, widthCm: null, heightCm: null })) })
      .where(eq(shipments.id, shipment.id));
    const outcome = await issueDocuments(deps(), [shipment.id], operator);
    expect(outcome.issued).toContain(shipment.id);
    const sent = fakes.dhl.calls.filter((call) => call.operation === "createShipment").at(-1)!
      .args[0] as CarrierShipment;
    expect(sent.parcels[0]).toMatchObject({ lengthCm: null, widthCm: null, heightCm: null });
    expect(sent.parcels[0].weightKg).toBeGreaterThan(0);
  });
});

describe(`downloads and packing slips (${driverName})`, () => {
  it("concatenates ZPL labels in one file and refuses a PDF download of them, naming the orders", async () => {
    await setLabelFormat("zpl");
    const batch = [await readyShipment("ups"), await readyShipment("dhl")];
    const ids = batch.map((shipment) => shipment.id);
    await issueDocuments(deps(), ids, operator);
    await setLabelFormat("pdf");
    const file = await documentFile(testDb.db, ids, "labels", "zpl");
    expect(file.contentType).toBe("application/zpl");
    const numbers = await Promise.all(ids.map(async (id) => (await shipmentRow(id)).trackingNumber));
    expect(new TextDecoder().decode(file.bytes)).toBe(numbers.map((number) => `${zplLabel(number!)}\n`).join(""));
    const error = (await caught(documentFile(testDb.db, ids, "labels", "pdf"))) as AppError;
    expect(error.code).toBe("labels.errors.issuedAsZpl");
    expect(error.values).toEqual({ orders: batch.map((shipment) => shipment.orderName).join(", "), count: 2 });
    expect(httpStatusOf(error.code)).toBe(409);
  });

  it("merges PDF labels with packing slips, and prints a packing slip per order with its lines", async () => {
    const batch = [await readyShipment("fedex"), await readyShipment("ups")];
    const ids = batch.map((shipment) => shipment.id);
    await issueDocuments(deps(), ids, operator);
    const slips = await documentFile(testDb.db, ids, "packing-slips", "pdf");
    const pages = await readPdf(slips.bytes);
    expect(pages[0].items).toContain(`Order ${batch[0].orderName}`);
    expect(pages.at(-1)!.items).toContain(`Order ${batch[1].orderName}`);
    const [order] = await testDb.db.select().from(orders).where(eq(orders.shopifyGid, batch[0].orderGid));
    for (const line of order.lines.filter((item) => item.requiresShipping && item.sku)) {
      expect(pages.flatMap((page) => page.items)).toContain(line.sku);
    }
    const bundle = await readPdf((await documentFile(testDb.db, ids, "labels+slips", "pdf")).bytes);
    expect(bundle[0].items).toContain(`LABEL ${(await shipmentRow(ids[0])).trackingNumber}`);
    expect(bundle.length).toBe(pages.length + 2);
  });
});

describe(`void (${driverName})`, () => {
  it("cancels the pickup, voids the label, cancels the Shopify fulfillment and puts the shipment back to ready", async () => {
    const shipment = await readyShipment("ups");
    await issueDocuments(deps(), [shipment.id], operator);
    await writeBackTracking({ db: testDb.db, shopify }, [shipment.id], operator.id);
    const issued = await shipmentRow(shipment.id);
    expect(issued.fulfillmentState).toBe("created");
    // A pickup that collects only this shipment, booked with the same carrier.
    const booked = await fakes.ups.schedulePickup({} as never);
    const [pickup] = await testDb.db
      .insert(pickups)
      .values({
        storeId: issued.storeId,
        carrier: "ups",
        pickupDate: "2026-12-02",
        readyTime: "09:00",
        closeTime: "17:00",
        confirmationNumber: booked.confirmationNumber,
        carrierAccountId: directory.accountIds.ups,
      })
      .returning();
    await testDb.db
      .update(shipments)
      .set({ status: "pickup_scheduled", pickupId: pickup.id, pickupDate: pickup.pickupDate })
      .where(eq(shipments.id, shipment.id));

    const result = await voidLabel({ db: testDb.db, carriers: directory, shopify }, shipment.id, operator.id);
    expect(result).toMatchObject({ status: "ready", pickupCancelled: true, shopifyCancelFailed: false });
    expect(fakes.ups.pickups.get(booked.confirmationNumber)).toEqual({ cancelled: true });
    expect(sales("ups", shipment.id)[0].voided).toBe(true);
    expect(await shipmentRow(shipment.id)).toMatchObject({
      status: "ready",
      pickupId: null,
      trackingNumber: null,
      documentsGeneratedAt: null,
      trackingStatus: null,
      shopifyFulfillmentId: null,
    });
    expect(await documentsRow(shipment.id)).toBeUndefined();
    expect((await intents(shipment.id)).map((intent) => intent.status)).toEqual(["voided"]);
    const [cancelledPickup] = await testDb.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(cancelledPickup.status).toBe("cancelled");
    const order = emulator.state.shop(DEMO)!.ordersById.get(Number(shipment.orderGid.split("/").pop()))!;
    expect(order.fulfillments.map((fulfillment) => fulfillment.status)).toEqual(["CANCELLED"]);
    expect(order.fulfillmentStatus).toBe("UNFULFILLED");

    const second = (await caught(
      voidLabel({ db: testDb.db, carriers: directory, shopify }, shipment.id, operator.id),
    )) as AppError;
    expect(second.code).toBe("labels.errors.notVoidable");
    // A new label is attempt 2, under a new reference.
    await issueDocuments(deps(), [shipment.id], operator);
    expect(sales("ups", shipment.id, 2)).toHaveLength(1);
    expect((await intents(shipment.id)).map((intent) => intent.status)).toEqual(["voided", "purchased"]);
  });

  it("a refused void changes nothing and says why", async () => {
    const shipment = await readyShipment("dhl");
    await issueDocuments(deps(), [shipment.id], operator);
    fakes.dhl.failNext("voidShipment", "inTransit");
    const error = (await caught(
      voidLabel({ db: testDb.db, carriers: directory }, shipment.id, operator.id),
    )) as AppError;
    expect(error.code).toBe("labels.errors.voidRefused");
    expect(error.values).toMatchObject({ order: shipment.orderName, carrier: "DHL Express", code: "inTransit" });
    expect(await shipmentRow(shipment.id)).toMatchObject({ status: "ready", trackingStatus: "label_created" });
    expect(await documentsRow(shipment.id)).toBeDefined();
    expect((await intents(shipment.id)).map((intent) => intent.status)).toEqual(["purchased"]);
    const collected = await readyShipment("dhl");
    await issueDocuments(deps(), [collected.id], operator);
    await testDb.db
      .update(shipments)
      .set({ trackingStatus: "in_transit" })
      .where(inArray(shipments.id, [collected.id]));
    const refused = (await caught(
      voidLabel({ db: testDb.db, carriers: directory }, collected.id, operator.id),
    )) as AppError;
    expect(refused.code).toBe("labels.errors.notVoidable");
  });
});
