// The last mile against the three carrier emulators, through the real services, clients and
// database (PGlite or PostgreSQL): for UPS, FedEx and DHL Express in turn, an admin's account, live
// quotes, a pickup booked and cancelled, a label bought (PDF and ZPL) with the invoice uploaded
// paperless, a crash between the carrier's answer and our commit reconciled without a second label,
// a purchase timeout reconciled, tracking polled to delivered with the events in Shopify, a void —
// and every request the clients sent checked against the carrier's published contract.
import type { Shopify } from "@shopify/shopify-api";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARRIER_SERVICES } from "@/domain/carrier-services";
import { nextBusinessDay } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { isValidTrackingNumber } from "@/domain/tracking";
import { createShop } from "@/emulator/control";
import { createCarrierEmulator, type CarrierEmulator } from "@/emulator/carriers/server";
import { CARRIER_MODULES } from "@/emulator/carriers/modules";
import { dhlContractProblems, type DhlRequestKind } from "@/emulator/carriers/dhl/contract";
import { checkFedexRequest, type FedexOperation } from "@/emulator/carriers/fedex/contract";
import { hasUpsContract, upsContractProblems } from "@/emulator/carriers/ups/contract";
import { createEmulator, type Emulator } from "@/emulator/server";
import type { ApiCarrier, SentRequest } from "@/server/carriers/api";
import { carrierDirectory } from "@/server/carriers/directory";
import {
  labelPurchases,
  orders,
  pickups,
  quotes,
  shipmentDocuments,
  shipments,
  stores,
  trackingEvents,
  users,
} from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { assignStoreCarrierAccount, createCarrierAccount } from "@/server/services/carrier-accounts";
import { purchaseReference } from "@/server/services/carrier-shipment";
import { issueDocuments } from "@/server/services/documents";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { writeBackTracking } from "@/server/services/fulfillment";
import { cancelPickup, schedulePickups } from "@/server/services/pickups";
import { quoteShipmentById } from "@/server/services/quotes";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { pollTracking } from "@/server/services/tracking/poll";
import { voidLabel } from "@/server/services/void-label";
import { createShopify } from "@/server/shopify/api";
import { completeShipperFromNfeKey, prepareForExport } from "../helpers/export-setup";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "carrier-workflow-key", apiSecret: "carrier-workflow-secret" };
const SHOP = "loja-transportes.myshopify.com";
const CARRIERS: ApiCarrier[] = ["ups", "fedex", "dhl"];
const ACCOUNT_NUMBERS: Record<ApiCarrier, string> = { ups: "A1B2C3", fedex: "740561073", dhl: "123456789" };

let shopifyEmulator: Emulator;
let carriersEmulator: CarrierEmulator;
let shopify: Shopify;
let testDb: TestDb;
let operator: { id: string; name: string };
let storeId: string;
const sent: SentRequest[] = [];
const used = new Set<string>();

const directory = () => carrierDirectory(testDb.db, { timeoutMs: 4000, onRequest: (request) => sent.push(request) });
const deps = (extra: Record<string, unknown> = {}) => ({
  db: testDb.db,
  carriers: directory(),
  shopify,
  sleep: async () => {},
  ...extra,
});

/** A ready, unfulfilled shipment no other test used, moved to the carrier's first service. */
async function readyShipment(carrier: ApiCarrier) {
  const rows = await testDb.db
    .select({ id: shipments.id, orderName: orders.name, orderGid: orders.shopifyGid, parcels: shipments.parcels })
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
  const row = rows.find((candidate) => !used.has(candidate.id));
  if (!row) throw new Error("no ready shipment left");
  used.add(row.id);
  await testDb.db
    .update(shipments)
    .set({
      carrier,
      service: CARRIER_SERVICES[carrier][0].name,
      parcels: row.parcels.map((parcel) => ({ ...parcel, lengthCm: 30, widthCm: 20, heightCm: 10 })),
    })
    .where(eq(shipments.id, row.id));
  return row;
}

/** issueDocuments, with a refusal's values in its message (a failing run says what the carrier said). */
async function issue(extra: Record<string, unknown>, ids: string[]) {
  try {
    return await issueDocuments(deps(extra), ids, operator);
  } catch (error) {
    if (error instanceof AppError) error.message = `${error.code} ${JSON.stringify(error.values)}`;
    throw error;
  }
}

async function caught(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

const snapshot = (carrier: ApiCarrier) => JSON.stringify(carriersEmulator.module(carrier).snapshot());
const documentsOf = async (id: string) =>
  (await testDb.db.select().from(shipmentDocuments).where(eq(shipmentDocuments.shipmentId, id)))[0];
const shipmentOf = async (id: string) => (await testDb.db.select().from(shipments).where(eq(shipments.id, id)))[0];

beforeAll(async () => {
  shopifyEmulator = createEmulator({ app: APP });
  await shopifyEmulator.listen(0);
  createShop(shopifyEmulator.state, { domain: SHOP, name: "Loja Transportes", orders: 160, seed: 20261214 });
  carriersEmulator = createCarrierEmulator({ modules: CARRIER_MODULES, holdMs: 8000 });
  await carriersEmulator.listen(0);
  process.env.APP_URL = "http://127.0.0.1:3995";
  process.env.SHOPIFY_EMULATOR_URL = shopifyEmulator.url;
  process.env.CARRIER_EMULATOR_URL = carriersEmulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: shopifyEmulator.url });
  testDb = await createTestDb();
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "ops@example.com", name: "Otto Operator", passwordHash: "x", role: "admin" })
    .returning();
  operator = { id: user.id, name: user.name };
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, shopifyEmulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  storeId = store.id;
  await prepareForExport(testDb.db, store.id);
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
  await completeShipperFromNfeKey(testDb.db, store, operator.id);
  // What an admin does on the Carrier accounts page: one account per carrier, assigned to the store.
  for (const carrier of CARRIERS) {
    const credentials = {
      clientId: `${carrier}-client-${driverName}`,
      clientSecret: `${carrier}-secret`,
      accountNumber: ACCOUNT_NUMBERS[carrier],
    };
    carriersEmulator.registerAccount({ carrier, ...credentials });
    const account = await createCarrierAccount(
      testDb.db,
      { carrier, name: `${carrier} test`, environment: "test", ...credentials },
      operator,
    );
    await assignStoreCarrierAccount(testDb.db, { storeId, carrier, accountId: account.id }, operator);
  }
}, 300_000);

afterAll(async () => {
  delete process.env.CARRIER_EMULATOR_URL;
  await carriersEmulator?.close();
  await shopifyEmulator?.close();
  await testDb?.cleanup();
});

describe.each(CARRIERS)(`%s through its emulator (${driverName})`, (carrier) => {
  it("quotes live beside the rate cards", async () => {
    const shipment = await readyShipment(carrier);
    await quoteShipmentById({ db: testDb.db, carriers: directory() }, shipment.id);
    const stored = await testDb.db.select().from(quotes).where(eq(quotes.shipmentId, shipment.id));
    const live = stored.filter((quote) => quote.source === "live" && quote.carrier === carrier);
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((quote) => Number(quote.price) > 0 && quote.serviceCode)).toBe(true);
    expect(stored.some((quote) => quote.source === "rate_card")).toBe(true);
  });

  it("books a pickup at the carrier and cancels it there", async () => {
    const shipment = await readyShipment(carrier);
    const date = nextBusinessDay(originNow().date, { place: { state: "SP", city: "São Paulo" } });
    const [booked] = await schedulePickups(
      { db: testDb.db, carriers: directory() },
      [shipment.id],
      { date, readyTime: "09:00", closeTime: "16:00" },
      operator.id,
    );
    expect(booked.confirmationNumber).toBeTruthy();
    expect(snapshot(carrier)).toContain(booked.confirmationNumber);
    await cancelPickup({ db: testDb.db, carriers: directory() }, booked.id, operator.id);
    const [after] = await testDb.db.select().from(pickups).where(eq(pickups.id, booked.id));
    expect(after.status).toBe("cancelled");
    expect((await shipmentOf(shipment.id)).status).toBe("ready");
  });

  it("buys the label as PDF, the invoice uploaded paperless, and tracks it to delivered in Shopify", async () => {
    const shipment = await readyShipment(carrier);
    const outcome = await issue({}, [shipment.id]);
    expect(outcome.issued).toEqual([shipment.id]);
    const frozen = await shipmentOf(shipment.id);
    expect(isValidTrackingNumber(carrier, frozen.trackingNumber!)).toBe(true);
    const documents = await documentsOf(shipment.id);
    expect(Buffer.from(documents.labelPdf!).subarray(0, 5).toString()).toBe("%PDF-");
    expect(documents.labelFormat).toBe("pdf");
    // The demo store ships to destinations that take electronic invoices: the upload reached the carrier.
    if (documents.invoiceDelivery === "paperless") {
      expect(documents.paperlessDocumentId).toBeTruthy();
      if (!documents.paperlessDocumentId!.startsWith("inline:"))
        expect(snapshot(carrier)).toContain(documents.paperlessDocumentId!);
    }

    await writeBackTracking({ db: testDb.db, shopify }, [shipment.id], operator.id);
    // A day and a half later at the carrier (its clock only: the others' dates must stay today's).
    carriersEmulator.advance(31 * 60);
    const polled = await pollTracking(
      { db: testDb.db, carriers: directory(), shopify, now: () => carriersEmulator.now() },
      { limit: 10, shipmentIds: [shipment.id] },
    ).finally(() => carriersEmulator.advance(-31 * 60));
    expect(polled.tracked).toBe(1);
    const delivered = await shipmentOf(shipment.id);
    expect(delivered).toMatchObject({ trackingStatus: "delivered", status: "shipped" });
    expect(delivered.deliveredAt).not.toBeNull();
    const events = await testDb.db.select().from(trackingEvents).where(eq(trackingEvents.shipmentId, shipment.id));
    expect(events.map((event) => event.status)).toEqual(expect.arrayContaining(["in_transit", "delivered"]));
    expect(events.filter((event) => event.shopifyEventId).length).toBeGreaterThan(0);
    const { order } = (await (
      await fetch(`${shopifyEmulator.url}/__emulator/shops/${SHOP}/orders/${shipment.orderGid.split("/").pop()}`)
    ).json()) as { order: { fulfillments: { trackingNumber?: string; events?: { status: string }[] }[] } };
    const fulfillment = order.fulfillments.find((f) => JSON.stringify(f).includes(frozen.trackingNumber!));
    expect(fulfillment?.events?.some((event) => event.status === "DELIVERED")).toBe(true);
  });

  it("buys a ZPL label when that is the operator's print preference", async () => {
    const shipment = await readyShipment(carrier);
    await testDb.db.update(users).set({ labelFormat: "zpl" }).where(eq(users.id, operator.id));
    try {
      await issue({}, [shipment.id]);
    } finally {
      await testDb.db.update(users).set({ labelFormat: "pdf" }).where(eq(users.id, operator.id));
    }
    const documents = await documentsOf(shipment.id);
    expect(documents.labelFormat).toBe("zpl");
    const zpl = Buffer.from(documents.labelZpl!).toString("utf8");
    expect(zpl.trimStart().startsWith("^XA")).toBe(true);
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true);
  });

  it("never buys a second label after a crash between the carrier's answer and our commit", async () => {
    const shipment = await readyShipment(carrier);
    const crash = await caught(
      issueDocuments(
        deps({
          afterPurchase: () => {
            throw new Error("the process died here");
          },
        }),
        [shipment.id],
        operator,
      ),
    );
    expect(crash).toBeInstanceOf(Error);
    expect((await shipmentOf(shipment.id)).documentsGeneratedAt).toBeNull();
    const reference = purchaseReference(shipment.id, 1);
    expect(snapshot(carrier)).toContain(reference);

    const outcome = await issue({}, [shipment.id]);
    expect(outcome.issued).toEqual([shipment.id]);
    const intents = await testDb.db
      .select()
      .from(labelPurchases)
      .where(eq(labelPurchases.shipmentId, shipment.id))
      .orderBy(labelPurchases.attempt);
    const live = intents.filter((intent) => intent.status === "purchased");
    expect(live).toHaveLength(1);
    const frozen = await shipmentOf(shipment.id);
    expect(frozen.trackingNumber).toBe(live[0].trackingNumber);
    if (carrier === "fedex") {
      // FedEx cannot re-issue a label: the one the crash left behind was voided, and one bought anew.
      expect(intents.map((intent) => intent.status)).toEqual(["voided", "purchased"]);
    } else {
      // UPS and DHL re-issue it: the first purchase is the one kept, nothing bought twice.
      expect(intents).toHaveLength(1);
    }
  });

  it("reconciles a purchase whose answer timed out before trying again", async () => {
    const shipment = await readyShipment(carrier);
    carriersEmulator.queueFault({ carrier, operation: "ship", kind: "timeout" });
    const first = await caught(issueDocuments(deps(), [shipment.id], operator));
    expect(first).toBeInstanceOf(AppError);
    expect((first as AppError).code).toBe("labels.errors.carrier");
    expect((first as AppError).values).toMatchObject({ code: "outcomeUnknown" });
    const outcome = await issue({}, [shipment.id]);
    expect(outcome.issued).toEqual([shipment.id]);
    const intents = await testDb.db.select().from(labelPurchases).where(eq(labelPurchases.shipmentId, shipment.id));
    expect(intents.filter((intent) => intent.status === "purchased")).toHaveLength(1);
  });

  it("voids a label before pickup and the shipment is ready again", async () => {
    const shipment = await readyShipment(carrier);
    await issue({}, [shipment.id]);
    await voidLabel(deps(), shipment.id, operator.id);
    const after = await shipmentOf(shipment.id);
    expect(after).toMatchObject({ status: "ready", documentsGeneratedAt: null, trackingNumber: null });
    const intents = await testDb.db.select().from(labelPurchases).where(eq(labelPurchases.shipmentId, shipment.id));
    expect(intents.map((intent) => intent.status)).toEqual(["voided"]);
  });
});

describe(`the carriers' contracts (${driverName})`, () => {
  const problemsOf = (request: SentRequest): string[] => {
    if (request.body === undefined || request.operation === "token") return [];
    if (request.carrier === "ups") {
      const operation = request.operation;
      return hasUpsContract(operation) ? upsContractProblems(operation, request.body) : [];
    }
    if (request.carrier === "fedex") {
      // The ETD upload is multipart: its JSON part ("document") is what the contract describes.
      const body = request.operation === "upload" ? (request.body as { document: unknown }).document : request.body;
      return checkFedexRequest(request.operation as FedexOperation, body).map((problem) => JSON.stringify(problem));
    }
    const kinds: Record<string, DhlRequestKind> = { ship: "shipment", rate: "rate", pickupCreate: "pickup" };
    const kind = kinds[request.operation];
    return kind ? dhlContractProblems(kind, request.body) : [];
  };

  it("every request the clients sent in this file satisfies its carrier's published contract", () => {
    expect(sent.length).toBeGreaterThan(20);
    for (const carrier of CARRIERS) expect(sent.some((request) => request.carrier === carrier)).toBe(true);
    const problems = sent.flatMap((request) =>
      problemsOf(request).map((problem) => `${request.carrier} ${request.operation}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
