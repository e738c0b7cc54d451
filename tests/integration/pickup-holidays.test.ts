// Pickups follow the holidays of the store's pickup address (its shipper's state and city), on PGlite
// or Postgres: 9 July is a São Paulo state holiday, 25 January a São Paulo city holiday; a refusal
// names the holiday in both languages, books nothing at the carrier and changes no row. The carrier is
// the in-memory fake behind a real account row (tests/helpers/fake-carrier.ts).
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "@/domain/roles";
import { emptyShipper } from "@/domain/shipper";
import type { PickupBookingRequest } from "@/server/carriers/api";
import type { CarrierDirectory } from "@/server/carriers/directory";
import { auditEvents, orders, pickups, shipments, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { reschedulePickup, schedulePickups } from "@/server/services/pickups";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

// Monday 6 July 2026, 09:00 in São Paulo; Thursday 9 July is the Revolução Constitucionalista.
const JULY = new Date("2026-07-06T12:00:00Z");
// Wednesday 20 January 2027; Monday 25 January is São Paulo's anniversary.
const JANUARY = new Date("2027-01-20T12:00:00Z");
const WINDOW = { readyTime: "09:00", closeTime: "17:00" };

let testDb: TestDb;
let actorId: string;
let ups: FakeCarrier;
let carriers: CarrierDirectory;
const booked = () =>
  ups.calls.filter((call) => call.operation === "schedulePickup").map((call) => call.args[0] as PickupBookingRequest);
const deps = (now: Date) => ({ db: testDb.db, carriers, now: () => now });
const shipmentOf: Record<string, string> = {};

async function addStore(key: string, place: { state: string | null; city: string | null }) {
  const shipper = {
    ...emptyShipper(),
    legalName: `Loja ${key}`,
    signatoryName: "Sofia Souza",
    phone: "+55 11 3000 0000",
    address1: "Rua A, 1",
    postalCode: "01310-100",
    ...place,
  };
  const [store] = await testDb.db
    .insert(stores)
    .values({ shopDomain: `loja-${key}.myshopify.com`, name: `Loja ${key}`, shipper })
    .returning();
  const [order] = await testDb.db
    .insert(orders)
    .values({
      storeId: store.id,
      shopifyGid: `gid://shopify/Order/${key}`,
      name: `#${key}`,
      shopifyCreatedAt: new Date(),
      shopifyUpdatedAt: new Date(),
      currency: "BRL",
      totalPrice: "100.00",
    })
    .returning();
  const [shipment] = await testDb.db
    .insert(shipments)
    .values({
      orderId: order.id,
      storeId: store.id,
      status: "ready",
      carrier: "ups",
      service: "Worldwide Saver",
      destinationCountry: "US",
      parcels: [{ weightKg: 1 }],
    })
    .returning();
  shipmentOf[key] = shipment.id;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const translate = (messages: typeof en, locale: Locale, error: AppError) =>
  createTranslator({ locale, messages, namespace: "pickups.problems" })(
    error.code.replace("pickups.problems.", "") as "holiday",
    error.values,
  );

async function snapshot() {
  return {
    shipments: await testDb.db.select().from(shipments).orderBy(shipments.id),
    pickups: await testDb.db.select().from(pickups).orderBy(pickups.id),
    audit: await testDb.db.select().from(auditEvents),
    booked: booked().length,
  };
}

beforeAll(async () => {
  testDb = await createTestDb();
  ups = createFakeCarrier("ups");
  carriers = await fakeDirectory(testDb.db, { ups });
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "op@example.com", name: "Olivia Operator", passwordHash: "x", role: "operator" })
    .returning();
  actorId = user.id;
  await addStore("sp", { state: "SP", city: "São Paulo" });
  await addStore("rj", { state: "RJ", city: "Rio de Janeiro" });
  await addStore("campinas", { state: "SP", city: "Campinas" });
  await addStore("sem-estado", { state: null, city: "São Paulo" });
  await addStore("sp2", { state: "sp", city: "SAO PAULO" });
});

afterAll(async () => {
  await testDb?.cleanup();
});

describe(`pickups on the pickup address's holidays (${driverName})`, () => {
  it("refuses 9 July for a São Paulo shipper, naming the state holiday, and changes nothing", async () => {
    const before = await snapshot();
    const error = await refusal(
      schedulePickups(deps(JULY), [shipmentOf.sp], { date: "2026-07-09", ...WINDOW }, actorId),
    );
    expect(error.code).toBe("pickups.problems.stateHoliday");
    expect(error.field).toBe("date");
    expect(error.values).toEqual({
      carrier: "UPS",
      holiday: "Revolução Constitucionalista",
      kind: "state",
      place: "São Paulo",
    });
    expect(translate(en, "en", error)).toBe(
      "UPS does not pick up on Revolução Constitucionalista, a São Paulo state holiday. Choose a business day.",
    );
    expect(translate(ptBR, "pt-BR", error)).toBe(
      "A UPS não coleta em Revolução Constitucionalista, feriado estadual de São Paulo. Escolha um dia útil.",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a selection with a São Paulo and a Rio store as a whole: nothing is booked anywhere", async () => {
    const before = await snapshot();
    const error = await refusal(
      schedulePickups(deps(JULY), [shipmentOf.rj, shipmentOf.sp], { date: "2026-07-09", ...WINDOW }, actorId),
    );
    expect(error.code).toBe("pickups.problems.stateHoliday");
    expect(await snapshot()).toEqual(before);
  });

  it("accepts 9 July for a Rio de Janeiro shipper", async () => {
    const [pickup] = await schedulePickups(deps(JULY), [shipmentOf.rj], { date: "2026-07-09", ...WINDOW }, actorId);
    expect(pickup).toMatchObject({ carrier: "ups", pickupDate: "2026-07-09", status: "scheduled" });
    const [after] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipmentOf.rj));
    expect(after).toMatchObject({ status: "pickup_scheduled", pickupId: pickup.id, pickupDate: "2026-07-09" });
    expect(booked().map((booking) => [booking.date, booking.address.state])).toEqual([["2026-07-09", "RJ"]]);
  });

  it("lets 9 July pass the holiday rules for a shipper without a state (national only), then refuses the booking for the missing state", async () => {
    const before = await snapshot();
    const error = await refusal(
      schedulePickups(deps(JULY), [shipmentOf["sem-estado"]], { date: "2026-07-09", ...WINDOW }, actorId),
    );
    expect(error.code).toBe("pickups.errors.shipper.state");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses 25 January in São Paulo city (however the city is written) but not in Campinas", async () => {
    for (const key of ["sp", "sp2"]) {
      const before = await snapshot();
      const error = await refusal(
        schedulePickups(deps(JANUARY), [shipmentOf[key]], { date: "2027-01-25", ...WINDOW }, actorId),
      );
      expect(error.code).toBe("pickups.problems.cityHoliday");
      expect(translate(en, "en", error)).toBe(
        "UPS does not pick up on Aniversário da Cidade, a São Paulo city holiday. Choose a business day.",
      );
      expect(translate(ptBR, "pt-BR", error)).toBe(
        "A UPS não coleta em Aniversário da Cidade, feriado municipal de São Paulo. Escolha um dia útil.",
      );
      expect(await snapshot()).toEqual(before);
    }
    const [pickup] = await schedulePickups(
      deps(JANUARY),
      [shipmentOf.campinas],
      { date: "2027-01-25", ...WINDOW },
      actorId,
    );
    expect(pickup.pickupDate).toBe("2027-01-25");
  });

  it("refuses to reschedule a São Paulo pickup onto 9 July, keeping the booked one", async () => {
    const [pickup] = await schedulePickups(deps(JULY), [shipmentOf.sp], { date: "2026-07-08", ...WINDOW }, actorId);
    const before = await snapshot();
    const error = await refusal(reschedulePickup(deps(JULY), pickup.id, { date: "2026-07-09", ...WINDOW }, actorId));
    expect(error.code).toBe("pickups.problems.stateHoliday");
    expect(await snapshot()).toEqual(before);
    const next = await reschedulePickup(deps(JULY), pickup.id, { date: "2026-07-10", ...WINDOW }, actorId);
    expect(next.pickupDate).toBe("2026-07-10");
  });
});
