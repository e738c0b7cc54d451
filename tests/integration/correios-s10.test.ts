// "Record S10 code" below the UI, on PGlite or Postgres: a Correios shipment with issued
// documents takes the code from the agency receipt (check digit verified), moves to shipped and
// its tracking reaches Shopify through the usual write-back; wrong codes, wrong carriers, a code
// already recorded (here or on another shipment) are refused with the precise reason.
import type { Shopify } from "@shopify/shopify-api";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTrackingNumber } from "@/domain/tracking";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { auditEvents, orders, shipments, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordCorreiosTracking } from "@/server/services/correios-tracking";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { writeBackTracking } from "@/server/services/fulfillment";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { pollTracking } from "@/server/services/tracking/poll";
import { createShopify } from "@/server/shopify/api";
import { createFakeCarrier, fakeDirectory } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "s10-test-key", apiSecret: "s10-test-secret" };
const SHOP = "loja-correios.myshopify.com";

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let operatorId: string;
let pool: { id: string; orderGid: string; orderName: string }[];

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Correios", orders: 20, seed: 10 });
  process.env.APP_URL = "http://127.0.0.1:3996";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "op@example.com", name: "Olivia Operator", passwordHash: "x", role: "operator" })
    .returning();
  operatorId = user.id;
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
  pool = await testDb.db
    .select({ id: shipments.id, orderGid: orders.shopifyGid, orderName: orders.name })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(ne(orders.fulfillmentStatus, "FULFILLED"), sql`${orders.cancelledAt} is null`))
    .orderBy(asc(orders.name));
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

/** A shipment as documents leave a Correios one: invoice issued, no tracking number. */
async function issuedCorreios(overrides: Partial<typeof shipments.$inferInsert> = {}) {
  const shipment = pool.shift()!;
  await testDb.db
    .update(shipments)
    .set({
      status: "ready",
      carrier: "correios",
      service: "Exporta Fácil Standard",
      trackingNumber: null,
      documentsGeneratedAt: new Date("2026-12-01T12:00:00Z"),
      ...overrides,
    })
    .where(eq(shipments.id, shipment.id));
  return shipment;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const CODE = generateTrackingNumber("correios", 40_000_001, { correiosService: "LB" });

describe(`Correios S10 (${driverName})`, () => {
  it("records a valid code typed loosely: the shipment is shipped and its tracking reaches Shopify", async () => {
    const shipment = await issuedCorreios();
    const typed = `${CODE.slice(0, 2).toLowerCase()} ${CODE.slice(2, 5)}-${CODE.slice(5, 11)} ${CODE.slice(11)}`;
    expect(await recordCorreiosTracking(testDb.db, { shipmentId: shipment.id, code: typed }, operatorId)).toEqual({
      order: shipment.orderName,
      trackingNumber: CODE,
    });
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row).toMatchObject({
      trackingNumber: CODE,
      status: "shipped",
      fulfillmentState: "pending",
      updatedBy: operatorId,
      trackingNextCheckAt: null,
    });
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, shipment.id), eq(auditEvents.action, "shipment.s10_recorded")));
    expect(audit).toMatchObject({ actorId: operatorId, after: { status: "shipped", trackingNumber: CODE } });

    expect(await writeBackTracking({ db: testDb.db, shopify }, [shipment.id], operatorId)).toEqual({
      created: 1,
      failed: 0,
    });
    const order = emulator.state.shop(SHOP)!.ordersById.get(Number(shipment.orderGid.split("/").pop()))!;
    expect(order.fulfillments[0]).toMatchObject({
      trackingCompany: "Correios",
      trackingNumber: CODE,
      trackingUrl: `https://rastreamento.correios.com.br/app/index.php?objetos=${CODE}`,
    });

    // Correios is never polled (no API): the poller does not claim it, even when asked directly.
    const fake = createFakeCarrier("ups");
    const directory = await fakeDirectory(testDb.db, { ups: fake });
    const polled = await pollTracking(
      { db: testDb.db, carriers: directory, sleep: async () => {} },
      { limit: 10, shipmentIds: [shipment.id] },
    );
    expect(polled.claimed).toBe(0);
    expect(fake.calls).toHaveLength(0);

    // Recorded once: a second code is refused, naming the one it has.
    const again = await refusal(
      recordCorreiosTracking(
        testDb.db,
        { shipmentId: shipment.id, code: generateTrackingNumber("correios", 7) },
        operatorId,
      ),
    );
    expect(again).toMatchObject({ code: "correios.errors.alreadyRecorded", values: { code: CODE } });
  });

  it("refuses a wrong check digit and a malformed code with different reasons, changing nothing", async () => {
    const shipment = await issuedCorreios();
    const wrongDigit = `${CODE.slice(0, 10)}${(Number(CODE[10]) + 1) % 10}BR`;
    expect(
      await refusal(recordCorreiosTracking(testDb.db, { shipmentId: shipment.id, code: wrongDigit }, operatorId)),
    ).toMatchObject({ code: "correios.errors.checkDigit", field: "code" });
    for (const code of ["LB12345BR", "1Z999AA10123456784", "LB123456785US", "", "x".repeat(100_000)]) {
      expect(
        await refusal(recordCorreiosTracking(testDb.db, { shipmentId: shipment.id, code }, operatorId)),
      ).toMatchObject({ code: "correios.errors.format" });
    }
    const [row] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(row).toMatchObject({ trackingNumber: null, status: "ready" });
  });

  it("refuses another carrier's shipment, one without documents, a cancelled one and a code in use", async () => {
    const code = generateTrackingNumber("correios", 40_000_002, { correiosService: "LB" });
    const ups = await issuedCorreios({ carrier: "ups" });
    expect(await refusal(recordCorreiosTracking(testDb.db, { shipmentId: ups.id, code }, operatorId))).toMatchObject({
      code: "correios.errors.notCorreios",
    });
    const undocumented = await issuedCorreios({ documentsGeneratedAt: null });
    expect(
      await refusal(recordCorreiosTracking(testDb.db, { shipmentId: undocumented.id, code }, operatorId)),
    ).toMatchObject({ code: "correios.errors.documentsFirst" });
    const cancelled = await issuedCorreios({ status: "cancelled" });
    expect(
      await refusal(recordCorreiosTracking(testDb.db, { shipmentId: cancelled.id, code }, operatorId)),
    ).toMatchObject({ code: "correios.errors.cancelled" });
    const other = await issuedCorreios();
    expect(
      await refusal(recordCorreiosTracking(testDb.db, { shipmentId: other.id, code: CODE }, operatorId)),
    ).toMatchObject({ code: "correios.errors.codeInUse", field: "code" });
    expect(
      await refusal(
        recordCorreiosTracking(testDb.db, { shipmentId: "00000000-0000-4000-8000-000000000000", code }, operatorId),
      ),
    ).toMatchObject({ code: "errors.notFound" });
  });
});
