// Pickups through the store's carrier account, on PGlite or Postgres, with the in-memory fakes of
// tests/helpers/fake-carrier.ts behind real account rows: the carrier's availability is asked before
// anything is booked (a refusal books nothing), its cut-off and minimum window count, the booking
// names the shipper and the pieces, the account and FedEx location are stored and the cancel uses
// them; no account and Correios are refused; a booking that cannot be recorded is cancelled again.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyShipper } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import type { PickupBookingRequest } from "@/server/carriers/api";
import { auditEvents, orders, pickups, shipments, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { cancelPickup, reschedulePickup, schedulePickups } from "@/server/services/pickups";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

// Monday 7 December 2026, 09:00 in São Paulo.
const NOW = new Date("2026-12-07T12:00:00Z");
const WINDOW = { date: "2026-12-08", readyTime: "09:00", closeTime: "17:00" };
const SHIPPER: ShipperProfile = {
  ...emptyShipper(),
  legalName: "Loja Exemplo Ltda",
  signatoryName: "Sofia Souza",
  phone: "+55 11 3000 0000",
  address1: "Av. Paulista, 1000",
  address2: "Sala 5",
  city: "São Paulo",
  state: "SP",
  postalCode: "01310-100",
};

let testDb: TestDb;
let actorId: string;
let storeId: string;
let sequence = 0;
let ups: FakeCarrier;
let fedex: FakeCarrier;
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
const deps = () => ({ db: testDb.db, carriers: directory, now: () => NOW });

async function addStore(shipper: ShipperProfile) {
  const [store] = await testDb.db
    .insert(stores)
    .values({ shopDomain: `loja-${++sequence}.myshopify.com`, name: `Loja ${sequence}`, shipper })
    .returning();
  return store.id;
}

async function addShipment(overrides: Partial<typeof shipments.$inferInsert> = {}, store = storeId) {
  const key = `p${++sequence}`;
  const [order] = await testDb.db
    .insert(orders)
    .values({
      storeId: store,
      shopifyGid: `gid://shopify/Order/${key}`,
      name: `#${key}`,
      shopifyCreatedAt: new Date(),
      shopifyUpdatedAt: new Date(),
      currency: "USD",
      totalPrice: "100.00",
    })
    .returning();
  const [shipment] = await testDb.db
    .insert(shipments)
    .values({
      orderId: order.id,
      storeId: store,
      status: "ready",
      carrier: "ups",
      service: "Worldwide Saver",
      destinationCountry: "US",
      parcels: [{ weightKg: 1.5 }, { weightKg: 2 }],
      ...overrides,
    })
    .returning();
  return shipment;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const bookings = (fake: FakeCarrier) =>
  fake.calls.filter((call) => call.operation === "schedulePickup").map((call) => call.args[0] as PickupBookingRequest);

async function snapshot() {
  return {
    shipments: await testDb.db.select().from(shipments).orderBy(shipments.id),
    pickups: await testDb.db.select().from(pickups).orderBy(pickups.id),
    audit: (await testDb.db.select().from(auditEvents)).length,
  };
}

beforeAll(async () => {
  testDb = await createTestDb();
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "pickups@example.com", name: "Pat", passwordHash: "x", role: "operator" })
    .returning();
  actorId = user.id;
  storeId = await addStore(SHIPPER);
});

beforeEach(async () => {
  ups = createFakeCarrier("ups");
  fedex = createFakeCarrier("fedex");
  directory = await fakeDirectory(testDb.db, { ups, fedex });
});

afterAll(async () => {
  await testDb?.cleanup();
});

describe(`pickups through the carrier account (${driverName})`, () => {
  it("books with the shipper's address, the pieces and the labels' tracking numbers, and stores the account", async () => {
    const labelled = await addShipment({ trackingNumber: "1Z999AA10123456784" });
    const other = await addShipment({ destinationCountry: "DE", parcels: [{ weightKg: 3 }] });
    const [pickup] = await schedulePickups(deps(), [labelled.id, other.id], WINDOW, actorId);
    const availability = ups.calls.find((call) => call.operation === "pickupAvailability");
    expect(availability?.args[0]).toMatchObject({ date: "2026-12-08", serviceCode: "65" });
    const [booking] = bookings(ups);
    expect(booking).toMatchObject({
      ...WINDOW,
      packages: 3,
      totalWeightKg: 6.5,
      address: {
        company: "Loja Exemplo Ltda",
        contact: "Sofia Souza",
        line: "Av. Paulista, 1000, Sala 5",
        city: "São Paulo",
        state: "SP",
        postalCode: "01310-100",
        countryCode: "BR",
        phone: "+55 11 3000 0000",
      },
      trackingNumbers: ["1Z999AA10123456784"],
    });
    expect(booking.pieces).toEqual(
      expect.arrayContaining([
        { serviceCode: "65", destinationCountry: "US", quantity: 2 },
        { serviceCode: "65", destinationCountry: "DE", quantity: 1 },
      ]),
    );
    expect(booking.reference).toMatch(/^SSP-PU-[0-9a-f]{24}$/);
    expect(booking.reference.length).toBeLessThanOrEqual(35);
    expect(pickup).toMatchObject({
      carrier: "ups",
      carrierAccountId: directory.accountIds.ups,
      carrierLocation: null,
      confirmationNumber: expect.stringMatching(/^PU/),
    });
    expect(ups.pickups.get(pickup.confirmationNumber)).toEqual({ cancelled: false });
  });

  it("refuses a date the carrier cannot collect on, on the date field, and books nothing", async () => {
    ups.availability = { available: false };
    const shipment = await addShipment();
    const before = await snapshot();
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error).toMatchObject({ code: "pickups.problems.notAvailable", field: "date" });
    expect(createTranslator({ locale: "en", messages: en })("pickups.problems.notAvailable", error.values)).toBe(
      "UPS cannot collect at this address on 2026-12-08. Choose another day.",
    );
    expect(createTranslator({ locale: "pt-BR", messages: ptBR })("pickups.problems.notAvailable", error.values)).toBe(
      "A UPS não pode coletar neste endereço em 2026-12-08. Escolha outro dia.",
    );
    expect(bookings(ups)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("applies the carrier's own minimum window and same-day cut-off", async () => {
    ups.availability = { available: true, cutoffTime: "08:30", minWindowMinutes: 240 };
    const shipment = await addShipment();
    const short = await refusal(
      schedulePickups(deps(), [shipment.id], { date: "2026-12-08", readyTime: "10:00", closeTime: "13:00" }, actorId),
    );
    expect(short).toMatchObject({ code: "pickups.problems.windowTooShort", field: "closeTime" });
    expect(short.values).toMatchObject({ minimum: 240 });
    const late = await refusal(
      schedulePickups(deps(), [shipment.id], { date: "2026-12-07", readyTime: "10:00", closeTime: "17:00" }, actorId),
    );
    expect(late.code).toBe("pickups.problems.afterCutoff");
    expect(bookings(ups)).toEqual([]);
  });

  it("refuses a selection as a whole when one carrier refuses: the other carrier books nothing either", async () => {
    fedex.availability = { available: false };
    const viaUps = await addShipment();
    const viaFedex = await addShipment({ carrier: "fedex", service: "International Priority" });
    const error = await refusal(schedulePickups(deps(), [viaUps.id, viaFedex.id], WINDOW, actorId));
    expect(error.code).toBe("pickups.problems.notAvailable");
    expect(bookings(ups)).toEqual([]);
    expect(bookings(fedex)).toEqual([]);
  });

  it("stores FedEx's location and cancels through the same account with it", async () => {
    const shipment = await addShipment({ carrier: "fedex", service: "International Priority" });
    const [pickup] = await schedulePickups(deps(), [shipment.id], WINDOW, actorId);
    expect(pickup).toMatchObject({ carrierAccountId: directory.accountIds.fedex, carrierLocation: "SAOA" });
    const result = await cancelPickup(deps(), pickup.id, actorId);
    expect(result).toMatchObject({ released: 1, alreadyCancelledAtCarrier: false });
    const cancel = fedex.calls.find((call) => call.operation === "cancelPickup");
    expect(cancel?.args[0]).toMatchObject({
      confirmationNumber: pickup.confirmationNumber,
      date: "2026-12-08",
      location: "SAOA",
    });
    expect(fedex.pickups.get(pickup.confirmationNumber)).toEqual({ cancelled: true });
    const [after] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(after).toMatchObject({ status: "ready", pickupId: null });
  });

  it("cancels ours when the carrier no longer has the pickup, and says so", async () => {
    const shipment = await addShipment();
    const [pickup] = await schedulePickups(deps(), [shipment.id], WINDOW, actorId);
    ups.pickups.get(pickup.confirmationNumber)!.cancelled = true;
    const result = await cancelPickup(deps(), pickup.id, actorId);
    expect(result).toMatchObject({ released: 1, alreadyCancelledAtCarrier: true, carrier: "UPS" });
    const [row] = await testDb.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(row.status).toBe("cancelled");
  });

  it("reports any other carrier failure on cancel, translated, and keeps the pickup", async () => {
    const shipment = await addShipment();
    const [pickup] = await schedulePickups(deps(), [shipment.id], WINDOW, actorId);
    ups.failNext("cancelPickup", "unavailable");
    const error = await refusal(cancelPickup(deps(), pickup.id, actorId));
    expect(error).toMatchObject({ code: "carriers.errors.unavailable", values: { carrier: "UPS" } });
    const [row] = await testDb.db.select().from(pickups).where(eq(pickups.id, pickup.id));
    expect(row.status).toBe("scheduled");
  });

  it("reschedules by booking the new one and cancelling the old one at the carrier", async () => {
    const shipment = await addShipment();
    const [first] = await schedulePickups(deps(), [shipment.id], WINDOW, actorId);
    const next = await reschedulePickup(deps(), first.id, { ...WINDOW, date: "2026-12-09" }, actorId);
    expect(next).toMatchObject({ pickupDate: "2026-12-09", carrierAccountId: directory.accountIds.ups });
    expect(ups.pickups.get(first.confirmationNumber)).toEqual({ cancelled: true });
    expect(ups.pickups.get(next.confirmationNumber)).toEqual({ cancelled: false });
    const [booked1, booked2] = bookings(ups);
    expect(booked1.reference).not.toBe(booked2.reference);
  });

  it("refuses a carrier the store has no account with, naming what to configure", async () => {
    const shipment = await addShipment({ carrier: "dhl", service: "Express Worldwide" });
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error.code).toBe("carriers.errors.noAccount");
  });

  it("refuses Correios: its parcels are posted at an agency", async () => {
    const shipment = await addShipment({ carrier: "correios", service: "Exporta Fácil" });
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error.code).toBe("pickups.errors.correios");
    expect(createTranslator({ locale: "en", messages: en })("pickups.errors.correios", error.values)).toContain(
      "Correios parcels are taken to an agency",
    );
  });

  it("refuses a shipper profile without a contact, naming the field, before asking the carrier", async () => {
    const store = await addStore({ ...SHIPPER, signatoryName: null });
    const shipment = await addShipment({}, store);
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error.code).toBe("pickups.errors.shipper.signatoryName");
    expect(ups.calls).toEqual([]);
  });

  it("translates a carrier's refusal of the booking itself", async () => {
    ups.failNext("schedulePickup", "pickupNotAvailable");
    const shipment = await addShipment();
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error).toMatchObject({ code: "carriers.errors.pickupNotAvailable", field: "date" });
    expect(
      await testDb.db.select().from(pickups).where(eq(pickups.carrierAccountId, directory.accountIds.ups!)),
    ).toEqual([]);
  });

  it("cancels the booking at the carrier again when it cannot be recorded", async () => {
    const shipment = await addShipment();
    // Someone else moves the shipment on between our read and our write: the update finds it no longer ready.
    const realSchedule = ups.schedulePickup;
    ups.schedulePickup = async (booking) => {
      const booked = await realSchedule(booking);
      await testDb.db.update(shipments).set({ status: "draft" }).where(eq(shipments.id, shipment.id));
      return booked;
    };
    const error = await refusal(schedulePickups(deps(), [shipment.id], WINDOW, actorId));
    expect(error.code).toBe("pickups.errors.changedMeanwhile");
    expect([...ups.pickups.values()]).toEqual([{ cancelled: true }]);
    expect(
      await testDb.db.select().from(pickups).where(eq(pickups.carrierAccountId, directory.accountIds.ups!)),
    ).toEqual([]);
  });
});
