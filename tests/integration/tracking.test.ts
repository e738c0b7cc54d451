// The tracking poll below the UI, on PGlite or Postgres: labels polled to delivered with their
// events stored once, shipment status moves, exceptions, the claim (two pollers never track the
// same shipment), rate limits and failing accounts kept to their account, batches and pacing by
// the carrier's limits, and the events sent to Shopify (a failure recorded, then sent again).
import type { Shopify } from "@shopify/shopify-api";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateTrackingNumber } from "@/domain/tracking";
import type { TrackingStatus } from "@/domain/statuses";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import type { ApiCarrier, TrackingEvent, TrackingResult } from "@/server/carriers/api";
import { auditEvents, orders, shipments, stores, trackingEvents } from "@/server/db/schema";
import { parseTableState } from "@/lib/table/params";
import { getOverview } from "@/server/queries/overview";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { writeBackTracking } from "@/server/services/fulfillment";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { pollTracking, type TrackingDeps } from "@/server/services/tracking/poll";
import { createShopify } from "@/server/shopify/api";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "tracking-test-key", apiSecret: "tracking-test-secret" };
const SHOP = "loja-rastreio.myshopify.com";
const LABEL_AT = new Date("2026-12-01T12:00:00Z");
const HOUR = 3_600_000;
const later = (hours: number) => new Date(LABEL_AT.getTime() + hours * HOUR);

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let storeId: string;
let fakes: Record<ApiCarrier, FakeCarrier>;
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
let pool: { id: string; orderGid: string }[];
let sequence = 0;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Rastreio", orders: 60, seed: 14 });
  process.env.APP_URL = "http://127.0.0.1:3997";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  storeId = store.id;
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
  // Shipments whose order Shopify still has to fulfil (a write-back can create a fulfillment).
  pool = await testDb.db
    .select({ id: shipments.id, orderGid: orders.shopifyGid })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(ne(orders.fulfillmentStatus, "FULFILLED"), sql`${orders.cancelledAt} is null`))
    .orderBy(asc(orders.name));
  fakes = { ups: createFakeCarrier("ups"), fedex: createFakeCarrier("fedex"), dhl: createFakeCarrier("dhl") };
  directory = await fakeDirectory(testDb.db, { ups: fakes.ups, fedex: fakes.fedex });
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

beforeEach(async () => {
  // Each test starts from an empty queue and fresh fakes' call logs.
  await testDb.db
    .update(shipments)
    .set({ trackingNextCheckAt: null, trackingLeaseUntil: null })
    .where(sql`true`);
  for (const fake of Object.values(fakes)) fake.calls.length = 0;
});

const deps = (now: Date, extra: Partial<TrackingDeps> = {}): TrackingDeps => ({
  db: testDb.db,
  carriers: directory,
  now: () => now,
  sleep: async () => {},
  ...extra,
});

/** Takes shipments from the pool and gives each a bought label, as documents do (label_created, due now). */
async function labelled(carrier: ApiCarrier, count: number, status: "ready" | "pickup_scheduled" = "ready") {
  const taken = pool.splice(0, count);
  if (taken.length < count) throw new Error("the test shop ran out of shipments");
  const made: { id: string; trackingNumber: string; orderGid: string }[] = [];
  for (const shipment of taken) {
    const trackingNumber = generateTrackingNumber(carrier, 500 + ++sequence);
    await testDb.db
      .update(shipments)
      .set({
        status,
        carrier,
        service: "Express",
        trackingNumber,
        carrierShipmentId: trackingNumber,
        documentsGeneratedAt: LABEL_AT,
        trackingStatus: "label_created",
        trackingNextCheckAt: LABEL_AT,
        trackingLeaseUntil: null,
        deliveredAt: null,
        fulfillmentState: "pending",
      })
      .where(eq(shipments.id, shipment.id));
    made.push({ id: shipment.id, trackingNumber, orderGid: shipment.orderGid });
  }
  return made;
}

const EVENTS: Record<string, TrackingEvent> = {
  created: {
    occurredAt: "2026-12-01T09:05:00-03:00",
    status: "label_created",
    code: "MP",
    description: "Shipper created a label",
    location: null,
  },
  picked: {
    occurredAt: "2026-12-01T17:40:00-03:00",
    status: "in_transit",
    code: "PU",
    description: "Pickup scan",
    location: "São Paulo, BR",
  },
  out: {
    occurredAt: "2026-12-03T08:10:00-05:00",
    status: "out_for_delivery",
    code: "OD",
    description: "Out for delivery",
    location: "Miami, FL, US",
  },
  delivered: {
    occurredAt: "2026-12-03T14:22:00-05:00",
    status: "delivered",
    code: "DL",
    description: "Delivered, front door",
    location: "Miami, FL, US",
  },
  exception: {
    occurredAt: "2026-12-02T10:00:00-05:00",
    status: "exception",
    code: "CA",
    description: "Customs clearance delay",
    location: "Miami, FL, US",
  },
};

function report(fake: FakeCarrier, trackingNumber: string, events: TrackingEvent[]): void {
  const status: TrackingStatus = events.at(-1)?.status ?? "label_created";
  const result: TrackingResult = { trackingNumber, found: true, status, events, estimatedDelivery: null };
  fake.tracking.set(trackingNumber, result);
}

async function row(id: string) {
  const [found] = await testDb.db.select().from(shipments).where(eq(shipments.id, id));
  return found;
}

async function storedEvents(id: string) {
  return testDb.db
    .select()
    .from(trackingEvents)
    .where(eq(trackingEvents.shipmentId, id))
    .orderBy(asc(trackingEvents.occurredAt));
}

const trackedNumbers = (fake: FakeCarrier) => fake.calls.filter((c) => c.operation === "track").map((c) => c.args[0]);

describe(`tracking poll (${driverName})`, () => {
  it("follows a label to delivered: events stored once, the shipment shipped, then no more checks", async () => {
    const [shipment] = await labelled("ups", 1, "pickup_scheduled");
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created]);
    expect(await pollTracking(deps(LABEL_AT), { limit: 50 })).toMatchObject({ claimed: 1, tracked: 1, newEvents: 1 });
    expect(await row(shipment.id)).toMatchObject({
      trackingStatus: "label_created",
      status: "pickup_scheduled",
      trackingCheckedAt: LABEL_AT,
      trackingNextCheckAt: later(2),
      trackingLeaseUntil: null,
    });
    // Not due before its next check.
    expect((await pollTracking(deps(later(1)), { limit: 50 })).claimed).toBe(0);

    report(fakes.ups, shipment.trackingNumber, [EVENTS.created, EVENTS.picked]);
    expect(await pollTracking(deps(later(2)), { limit: 50 })).toMatchObject({ claimed: 1, newEvents: 1 });
    expect(await row(shipment.id)).toMatchObject({
      trackingStatus: "in_transit",
      status: "shipped",
      trackingNextCheckAt: later(6),
    });

    report(fakes.ups, shipment.trackingNumber, [EVENTS.created, EVENTS.picked, EVENTS.out]);
    await pollTracking(deps(later(6)), { limit: 50 });
    expect(await row(shipment.id)).toMatchObject({ trackingStatus: "out_for_delivery", trackingNextCheckAt: later(7) });

    // The carrier lists newest first this time: order does not matter, and nothing is stored twice.
    report(fakes.ups, shipment.trackingNumber, [EVENTS.delivered, EVENTS.out, EVENTS.picked, EVENTS.created]);
    expect(await pollTracking(deps(later(7)), { limit: 50 })).toMatchObject({ claimed: 1, newEvents: 1 });
    const delivered = await row(shipment.id);
    expect(delivered).toMatchObject({ trackingStatus: "delivered", status: "shipped", trackingNextCheckAt: null });
    expect(delivered.deliveredAt).toEqual(new Date(EVENTS.delivered.occurredAt));
    const events = await storedEvents(shipment.id);
    expect(events.map((e) => [e.status, e.carrierCode, e.location])).toEqual([
      ["label_created", "MP", null],
      ["in_transit", "PU", "São Paulo, BR"],
      ["out_for_delivery", "OD", "Miami, FL, US"],
      ["delivered", "DL", "Miami, FL, US"],
    ]);

    // Delivered: never claimed again, even a day later; "Check now" does not ask either.
    expect((await pollTracking(deps(later(30)), { limit: 50 })).claimed).toBe(0);
    expect((await pollTracking(deps(later(30)), { limit: 50, shipmentIds: [shipment.id] })).claimed).toBe(0);
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, shipment.id), eq(auditEvents.action, "shipment.shipped_by_tracking")));
    expect(audit.after).toMatchObject({ status: "shipped", trackingStatus: "in_transit" });
  });

  it("polling the same answer twice stores nothing new", async () => {
    const [shipment] = await labelled("fedex", 1);
    report(fakes.fedex, shipment.trackingNumber, [EVENTS.created, EVENTS.picked]);
    await pollTracking(deps(LABEL_AT), { limit: 50 });
    const second = await pollTracking(deps(LABEL_AT), { limit: 50, shipmentIds: [shipment.id] });
    expect(second).toMatchObject({ claimed: 1, tracked: 1, newEvents: 0 });
    expect(await storedEvents(shipment.id)).toHaveLength(2);
  });

  it("marks an exception and checks it again within the hour, leaving the shipment's status alone", async () => {
    const exceptionsBefore = (await getOverview(testDb.db)).trackingExceptions;
    const [shipment] = await labelled("ups", 1);
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created, EVENTS.exception]);
    await pollTracking(deps(LABEL_AT), { limit: 50 });
    // The overview counts it, and its link (the table filtered by tracking status) lists it.
    expect((await getOverview(testDb.db)).trackingExceptions).toBe(exceptionsBefore + 1);
    const listed = await listShipments(
      testDb.db,
      parseTableState({ tracking: "exception", perPage: "100" }, shipmentsTable),
    );
    expect(listed.rows.map((r) => r.id)).toContain(shipment.id);
    expect(listed.rows.every((r) => r.trackingStatus === "exception")).toBe(true);
    expect(await row(shipment.id)).toMatchObject({
      trackingStatus: "exception",
      status: "ready",
      trackingNextCheckAt: later(1),
    });
  });

  it("skips malformed carrier events (no time, unknown status) and bounds their text", async () => {
    const [shipment] = await labelled("ups", 1);
    report(fakes.ups, shipment.trackingNumber, [
      EVENTS.created,
      { ...EVENTS.picked, occurredAt: "yesterday-ish" },
      { ...EVENTS.out, status: "teleported" as TrackingStatus },
      { ...EVENTS.picked, occurredAt: "2026-12-01T18:00:00-03:00", description: "x".repeat(5000) },
    ]);
    await pollTracking(deps(LABEL_AT), { limit: 50 });
    const events = await storedEvents(shipment.id);
    expect(events.map((e) => e.status)).toEqual(["label_created", "in_transit"]);
    expect(events[1].description).toHaveLength(500);
  });

  it("never lets two pollers track the same shipment", async () => {
    const made = await labelled("fedex", 6);
    for (const shipment of made) report(fakes.fedex, shipment.trackingNumber, [EVENTS.created]);
    const [a, b] = await Promise.all([
      pollTracking(deps(LABEL_AT), { limit: 4 }),
      pollTracking(deps(LABEL_AT), { limit: 4 }),
    ]);
    expect(a.claimed + b.claimed).toBe(6);
    const asked = (trackedNumbers(fakes.fedex) as string[][]).flat();
    expect(asked.sort()).toEqual(made.map((s) => s.trackingNumber).sort());
    const events = await testDb.db
      .select()
      .from(trackingEvents)
      .where(
        inArray(
          trackingEvents.shipmentId,
          made.map((s) => s.id),
        ),
      );
    expect(events).toHaveLength(6);
  });

  it("leaves a shipment another poller holds under a live lease, and takes it once the lease expires", async () => {
    const [shipment] = await labelled("ups", 1);
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created]);
    // A poller that claimed it and died (a crash between the claim and the answer).
    await testDb.db
      .update(shipments)
      .set({ trackingLeaseUntil: new Date(LABEL_AT.getTime() + 120_000) })
      .where(eq(shipments.id, shipment.id));
    expect((await pollTracking(deps(LABEL_AT), { limit: 50 })).claimed).toBe(0);
    expect((await pollTracking(deps(new Date(LABEL_AT.getTime() + 121_000)), { limit: 50 })).tracked).toBe(1);
  });

  it("bounds a poll by its claim limit, the most overdue first", async () => {
    const made = await labelled("ups", 3);
    await testDb.db
      .update(shipments)
      .set({ trackingNextCheckAt: later(-5) })
      .where(eq(shipments.id, made[2].id));
    for (const shipment of made) report(fakes.ups, shipment.trackingNumber, [EVENTS.created]);
    expect(await pollTracking(deps(LABEL_AT), { limit: 1 })).toMatchObject({ claimed: 1 });
    expect(trackedNumbers(fakes.ups)).toEqual([[made[2].trackingNumber]]);
  });

  it("asks in batches of the carrier's trackBatchSize, paced at its request rate", async () => {
    const made = await labelled("fedex", 5);
    for (const shipment of made) report(fakes.fedex, shipment.trackingNumber, [EVENTS.created]);
    const original = fakes.fedex.limits;
    Object.assign(fakes.fedex, { limits: { requestsPerSecond: 4, trackBatchSize: 2 } });
    const waits: number[] = [];
    // A virtual clock only the pacer's sleeps move: the gaps it asks for are exact.
    let clock = 0;
    try {
      const outcome = await pollTracking(
        deps(LABEL_AT, {
          clock: () => clock,
          sleep: async (ms) => {
            waits.push(ms);
            clock += ms;
          },
        }),
        { limit: 50 },
      );
      expect(outcome.tracked).toBe(5);
    } finally {
      Object.assign(fakes.fedex, { limits: original });
    }
    expect((trackedNumbers(fakes.fedex) as string[][]).map((batch) => batch.length)).toEqual([2, 2, 1]);
    // Three requests at 4 per second: the second and third each wait for their quarter second.
    expect(waits).toEqual([250, 250]);
  });

  it("postpones an account's shipments after a rate limit, recording it", async () => {
    const [shipment] = await labelled("ups", 1);
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created]);
    fakes.ups.failNext("track", "rateLimited");
    expect(await pollTracking(deps(LABEL_AT), { limit: 50 })).toMatchObject({ claimed: 1, tracked: 0, postponed: 1 });
    expect(await row(shipment.id)).toMatchObject({
      trackingStatus: "label_created",
      trackingCheckedAt: null,
      trackingLeaseUntil: null,
      trackingNextCheckAt: new Date(LABEL_AT.getTime() + 5 * 60_000),
    });
    const [audit] = await testDb.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "tracking.poll_failed"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({ entityType: "store", entityId: storeId });
    expect(audit.after).toMatchObject({ carrier: "ups", code: "rateLimited", shipments: 1 });
    // Once the wait is over it is tracked as usual.
    expect(await pollTracking(deps(new Date(LABEL_AT.getTime() + 5 * 60_000)), { limit: 50 })).toMatchObject({
      tracked: 1,
    });
  });

  it("keeps a failing account and a store without an account from blocking the others", async () => {
    const [ups] = await labelled("ups", 1);
    const [fedex] = await labelled("fedex", 1);
    const [dhl] = await labelled("dhl", 1); // the store has no DHL account in this directory
    report(fakes.ups, ups.trackingNumber, [EVENTS.created]);
    report(fakes.fedex, fedex.trackingNumber, [EVENTS.created, EVENTS.picked]);
    fakes.ups.failNext("track", "unauthorized");
    expect(await pollTracking(deps(LABEL_AT), { limit: 50 })).toMatchObject({ claimed: 3, tracked: 1, postponed: 2 });
    expect(await row(fedex.id)).toMatchObject({ trackingStatus: "in_transit", status: "shipped" });
    expect(await row(ups.id)).toMatchObject({ trackingStatus: "label_created", trackingNextCheckAt: later(1) });
    expect(await row(dhl.id)).toMatchObject({ trackingStatus: "label_created", trackingNextCheckAt: later(1) });
    const failures = await testDb.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, "tracking.poll_failed"))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    expect(failures.map((f) => (f.after as { code: string }).code).sort()).toEqual([
      "carriers.errors.noAccount",
      "unauthorized",
    ]);
  });

  it("asks again later for a number the carrier does not know yet, and gives up a week after the label", async () => {
    const [shipment] = await labelled("ups", 1);
    fakes.ups.tracking.delete(shipment.trackingNumber);
    await pollTracking(deps(LABEL_AT), { limit: 50 });
    expect(await row(shipment.id)).toMatchObject({ trackingStatus: "label_created", trackingNextCheckAt: later(2) });
    await pollTracking(deps(later(24 * 7)), { limit: 50 });
    expect(await row(shipment.id)).toMatchObject({ trackingNextCheckAt: null, deliveredAt: null });
    const [flag] = await testDb.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, shipment.id), eq(auditEvents.action, "shipment.tracking_not_found")));
    expect(flag.after).toMatchObject({ trackingNumber: shipment.trackingNumber });
  });

  it("sends each new event to Shopify on the order's fulfillment, and resends those that failed", async () => {
    const [shipment] = await labelled("ups", 1);
    expect(await writeBackTracking({ db: testDb.db, shopify }, [shipment.id], null)).toEqual({ created: 1, failed: 0 });
    const order = () => emulator.state.shop(SHOP)!.ordersById.get(Number(shipment.orderGid.split("/").pop()))!;
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created, EVENTS.picked]);
    expect(await pollTracking(deps(LABEL_AT, { shopify }), { limit: 50 })).toMatchObject({
      newEvents: 2,
      shopifyEventsSent: 2,
      shopifyEventsFailed: 0,
    });
    expect(order().fulfillments[0].events?.map((e) => [e.status, e.message, e.city])).toEqual([
      ["LABEL_PURCHASED", "Shipper created a label", null],
      ["IN_TRANSIT", "Pickup scan", "São Paulo, BR"],
    ]);
    expect(order().fulfillments[0].events?.[1].happenedAt).toBe(new Date(EVENTS.picked.occurredAt).toISOString());
    for (const event of await storedEvents(shipment.id)) expect(event.shopifyEventId).toMatch(/FulfillmentEvent\//);

    // The store's token is revoked: the delivery is stored, Shopify's refusal kept on the event.
    emulator.state.revokeTokens(SHOP);
    report(fakes.ups, shipment.trackingNumber, [EVENTS.created, EVENTS.picked, EVENTS.out, EVENTS.delivered]);
    expect(await pollTracking(deps(later(4), { shopify }), { limit: 50 })).toMatchObject({
      newEvents: 2,
      shopifyEventsSent: 0,
      shopifyEventsFailed: 2,
    });
    const failed = (await storedEvents(shipment.id)).slice(2);
    expect(failed.map((e) => [e.shopifyEventId, e.shopifyError])).toEqual([
      [null, "reconnect_needed"],
      [null, "reconnect_needed"],
    ]);
    // Delivered, but polled again to send what Shopify missed.
    expect(await row(shipment.id)).toMatchObject({ trackingStatus: "delivered", trackingNextCheckAt: later(5) });
    expect(order().fulfillments[0].events).toHaveLength(2);

    await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
    expect(await pollTracking(deps(later(5), { shopify }), { limit: 50 })).toMatchObject({
      newEvents: 0,
      shopifyEventsSent: 2,
      shopifyEventsFailed: 0,
    });
    expect(order().fulfillments[0].events?.map((e) => e.status)).toEqual([
      "LABEL_PURCHASED",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "DELIVERED",
    ]);
    for (const event of await storedEvents(shipment.id)) expect(event).toMatchObject({ shopifyError: null });
    expect(await row(shipment.id)).toMatchObject({ trackingNextCheckAt: null });
  });
});
