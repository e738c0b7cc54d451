// "Get quotes" with carrier accounts, on PGlite or Postgres: the store's accounts answer live rates
// (the in-memory fakes of tests/helpers/fake-carrier.ts behind real account rows) beside the rate
// cards; a failing or silent carrier keeps its rate-card quotes and comes back as a notice; a
// carrier without an account is not asked; missing data is named; a live quote can be picked.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyShipper } from "@/domain/shipper";
import type { RateRequest } from "@/server/carriers/api";
import { orders, quotes, shipments, stores, users } from "@/server/db/schema";
import { pickQuote, quoteShipmentById, quotesForShipment } from "@/server/services/quotes";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { createFakeCarrier, fakeDirectory, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

// Friday 4 December 2026, 10:00 in São Paulo: the next business day is Monday 7 December.
const NOW = new Date("2026-12-04T13:00:00Z");
const PARCEL = { weightKg: 2, lengthCm: 30, widthCm: 20, heightCm: 10 };
const RECIPIENT = {
  name: "Jane Doe",
  company: null,
  phone: "+1 212 555 0100",
  email: null,
  address1: "1 Main St",
  address2: null,
  city: "New York",
  province: "New York",
  provinceCode: "NY",
  postalCode: "10001",
  countryCode: "US",
};

let testDb: TestDb;
let storeId: string;
let actorId: string;
let sequence = 0;

async function addShipment(overrides: Partial<typeof shipments.$inferInsert> = {}) {
  const key = `q${++sequence}`;
  const [order] = await testDb.db
    .insert(orders)
    .values({
      storeId,
      shopifyGid: `gid://shopify/Order/${key}`,
      name: `#${key}`,
      shopifyCreatedAt: new Date(),
      shopifyUpdatedAt: new Date(),
      currency: "USD",
      totalPrice: "180.00",
    })
    .returning();
  const [shipment] = await testDb.db
    .insert(shipments)
    .values({
      orderId: order.id,
      storeId,
      status: "draft",
      parcels: [PARCEL],
      recipient: RECIPIENT,
      destinationCountry: "US",
      declaredValue: "180.00",
      currency: "USD",
      ...overrides,
    })
    .returning();
  return shipment;
}

const stored = (shipmentId: string) => testDb.db.select().from(quotes).where(eq(quotes.shipmentId, shipmentId));

let ups: FakeCarrier;
let fedex: FakeCarrier;
let directory: Awaited<ReturnType<typeof fakeDirectory>>;
const deps = (carriers = directory) => ({ db: testDb.db, carriers, now: () => NOW, liveTimeoutMs: 200 });

beforeAll(async () => {
  testDb = await createTestDb();
  const shipper = {
    ...emptyShipper(),
    legalName: "Loja Exemplo Ltda",
    address1: "Av. Paulista, 1000",
    city: "São Paulo",
    state: "SP",
    postalCode: "01310-100",
    phone: "+55 11 3000 0000",
  };
  const [store] = await testDb.db
    .insert(stores)
    .values({ shopDomain: "loja-quotes.myshopify.com", name: "Loja Quotes", shipper })
    .returning();
  storeId = store.id;
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "quotes@example.com", name: "Quinn", passwordHash: "x", role: "operator" })
    .returning();
  actorId = user.id;
});

beforeEach(async () => {
  ups = createFakeCarrier("ups");
  ups.rateAnswer = [
    {
      serviceCode: "65",
      serviceName: "UPS Worldwide Saver",
      price: "412.30",
      currency: "USD",
      transitDays: 2,
      estimatedDelivery: "2026-12-09",
    },
    {
      serviceCode: "08",
      serviceName: "UPS Worldwide Expedited",
      price: "298.10",
      currency: "USD",
      transitDays: 4,
      estimatedDelivery: null,
    },
  ];
  fedex = createFakeCarrier("fedex");
  fedex.rateAnswer = [
    {
      serviceCode: "FEDEX_INTERNATIONAL_PRIORITY",
      serviceName: "FedEx International Priority",
      price: "1890.55",
      currency: "BRL",
      transitDays: 3,
      estimatedDelivery: "2026-12-10",
    },
  ];
  directory = await fakeDirectory(testDb.db, { ups, fedex });
});

afterAll(async () => {
  await testDb?.cleanup();
});

describe(`live quotes beside the rate cards (${driverName})`, () => {
  it("stores each account's live rates as answered, with their source, account and service code, beside the rate cards", async () => {
    const shipment = await addShipment();
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome).toMatchObject({ live: 3, notices: [], missing: [], blockers: [], carrierBlockers: [] });

    const [request] = ups.calls.filter((call) => call.operation === "rates").map((call) => call.args[0] as RateRequest);
    expect(request).toEqual({
      shipDate: "2026-12-07",
      shipper: { city: "São Paulo", state: "SP", postalCode: "01310-100", countryCode: "BR" },
      recipient: { city: "New York", state: "NY", postalCode: "10001", countryCode: "US" },
      parcels: [PARCEL],
      currency: "USD",
      declaredValue: "180.00",
    });
    expect(fedex.calls.map((call) => call.operation)).toEqual(["rates"]);

    const rows = await stored(shipment.id);
    const live = rows.filter((row) => row.source === "live");
    expect(
      live
        .map((row) => [
          row.carrier,
          row.service,
          row.serviceCode,
          row.price,
          row.currency,
          row.carrierAccountId,
          row.estimatedDelivery,
        ])
        .sort(),
    ).toEqual(
      [
        ["ups", "Worldwide Saver", "65", "412.30", "USD", directory.accountIds.ups, "2026-12-09"],
        ["ups", "Worldwide Expedited", "08", "298.10", "USD", directory.accountIds.ups, null],
        [
          "fedex",
          "International Priority",
          "FEDEX_INTERNATIONAL_PRIORITY",
          "1890.55",
          "BRL",
          directory.accountIds.fedex,
          "2026-12-10",
        ],
      ].sort(),
    );
    const cards = rows.filter((row) => row.source === "rate_card");
    expect(new Set(cards.map((row) => row.carrier))).toEqual(new Set(["ups", "fedex", "dhl", "correios"]));
    expect(cards.every((row) => row.carrierAccountId === null && row.serviceCode === null)).toBe(true);
    expect(outcome.available).toBe(rows.length);

    // The card reads the account's name beside each live rate.
    const listed = await quotesForShipment(testDb.db, shipment.id);
    expect(listed.find((row) => row.serviceCode === "65")?.accountName).toBe("Fake ups");
    expect(listed.find((row) => row.source === "rate_card")?.accountName).toBeNull();
  });

  it("keeps a failing carrier's rate-card quotes and says why its live rates are missing, in both languages", async () => {
    fedex.failNext("rates", "rateLimited");
    const shipment = await addShipment();
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome.notices).toEqual([{ carrier: "fedex", code: "rateLimited", message: "fake rateLimited" }]);
    const rows = await stored(shipment.id);
    expect(rows.filter((row) => row.carrier === "fedex").map((row) => row.source)).toEqual(
      expect.arrayContaining(["rate_card"]),
    );
    expect(rows.some((row) => row.carrier === "fedex" && row.source === "live")).toBe(false);
    expect(rows.filter((row) => row.carrier === "ups" && row.source === "live")).toHaveLength(2);
    const values = { carrier: "FedEx", message: "fake rateLimited" };
    expect(createTranslator({ locale: "en", messages: en })("carriers.errors.rateLimited", values)).toBe(
      "FedEx is receiving too many requests from this account. Try again in a minute.",
    );
    expect(createTranslator({ locale: "pt-BR", messages: ptBR })("carriers.errors.rateLimited", values)).toBe(
      "A FedEx está recebendo pedidos demais desta conta. Tente de novo em um minuto.",
    );
  });

  it("gives up on a carrier that does not answer in time, as unavailable, and keeps the other's live rates", async () => {
    ups.rates = () => new Promise(() => undefined);
    const shipment = await addShipment();
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome.notices).toEqual([{ carrier: "ups", code: "unavailable", message: expect.any(String) }]);
    const live = (await stored(shipment.id)).filter((row) => row.source === "live");
    expect(live.map((row) => row.carrier)).toEqual(["fedex"]);
  });

  it("drops an answer it cannot read instead of showing it as a price", async () => {
    fedex.rateAnswer = [{ ...fedex.rateAnswer[0], price: "12,50 reais" }];
    const shipment = await addShipment();
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome.notices).toEqual([{ carrier: "fedex", code: "unavailable", message: "unreadable rate answer" }]);
    expect((await stored(shipment.id)).some((row) => row.carrier === "fedex" && row.source === "live")).toBe(false);
  });

  it("asks no carrier the store has no account with: rate cards only, no notice", async () => {
    const shipment = await addShipment();
    const outcome = await quoteShipmentById(deps(await fakeDirectory(testDb.db, {})), shipment.id);
    expect(outcome).toMatchObject({ live: 0, notices: [], missing: [] });
    const rows = await stored(shipment.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.source === "rate_card")).toBe(true);
  });

  it("names the fields the carriers need instead of asking them with made-up values", async () => {
    const shipment = await addShipment({
      parcels: [PARCEL, { weightKg: 1, lengthCm: null, widthCm: 10, heightCm: 10 }],
      recipient: { ...RECIPIENT, postalCode: null },
    });
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome.missing).toEqual([{ field: "recipientPostalCode" }, { field: "parcelDimensions", parcel: 2 }]);
    expect(ups.calls).toEqual([]);
    expect(fedex.calls).toEqual([]);
    expect((await stored(shipment.id)).every((row) => row.source === "rate_card")).toBe(true);
    const t = createTranslator({ locale: "en", messages: en, namespace: "quotes" });
    expect(t("liveNeeds", { field: t("fields.parcelDimensions", { parcel: 2 }) })).toBe(
      "No live rates: the carriers need the length, width and height of parcel 2.",
    );
  });

  it("points at the parcel without a weight when no rate card can price the shipment", async () => {
    const shipment = await addShipment({ parcels: [PARCEL, { weightKg: null }] });
    const outcome = await quoteShipmentById(deps(), shipment.id);
    expect(outcome.available).toBe(0);
    expect(outcome.blockers).toEqual([{ code: "missingWeight", parcel: 2 }]);
    expect(outcome.missing).toContainEqual({ field: "parcelWeight", parcel: 2 });
    const t = createTranslator({ locale: "pt-BR", messages: ptBR, namespace: "quotes" });
    expect(t("blockers.missingWeight", { parcel: 2 })).toBe(
      "O volume 2 está sem peso: nenhuma transportadora cota sem ele.",
    );
  });

  it("names each carrier's weight limit a parcel is over, and why a carrier is absent when others quote", async () => {
    const tooHeavy = await addShipment({ parcels: [{ weightKg: 75 }] });
    const none = await quoteShipmentById(deps(await fakeDirectory(testDb.db, {})), tooHeavy.id);
    expect(none.available).toBe(0);
    expect(none.blockers).toEqual([
      {
        code: "overLimit",
        parcel: 1,
        weightKg: 75,
        limits: expect.arrayContaining([
          { carrier: "fedex", limitKg: 68 },
          { carrier: "ups", limitKg: 70 },
          { carrier: "dhl", limitKg: 70 },
          { carrier: "correios", limitKg: 30 },
        ]),
      },
    ]);
    expect(await stored(tooHeavy.id)).toEqual([]);

    const overCorreios = await addShipment({ parcels: [{ weightKg: 40 }] });
    const some = await quoteShipmentById(deps(await fakeDirectory(testDb.db, {})), overCorreios.id);
    expect(some.available).toBeGreaterThan(0);
    expect(some.blockers).toEqual([]);
    expect(some.carrierBlockers).toEqual([
      { code: "overLimit", parcel: 1, weightKg: 40, limits: [{ carrier: "correios", limitKg: 30 }] },
    ]);
    expect((await stored(overCorreios.id)).some((row) => row.carrier === "correios")).toBe(false);
  });

  it("names a missing, domestic or unknown destination instead of pricing it", async () => {
    const cardsOnly = deps(await fakeDirectory(testDb.db, {}));
    const cases = [
      [null, { code: "noDestination" }],
      ["BR", { code: "domesticDestination" }],
      ["XX", { code: "unknownCountry", country: "XX" }],
    ] as const;
    for (const [country, blocker] of cases) {
      const shipment = await addShipment({ destinationCountry: country });
      const outcome = await quoteShipmentById(cardsOnly, shipment.id);
      expect(outcome.available, String(country)).toBe(0);
      expect(outcome.blockers, String(country)).toEqual([blocker]);
    }
    // Without a weight either: both are named at once, the weight first.
    const neither = await addShipment({ destinationCountry: null, parcels: [{ weightKg: null }] });
    expect((await quoteShipmentById(cardsOnly, neither.id)).blockers).toEqual([
      { code: "missingWeight", parcel: 1 },
      { code: "noDestination" },
    ]);
  });

  it("picking a live quote sets the carrier and our name of its service", async () => {
    const shipment = await addShipment();
    await quoteShipmentById(deps(), shipment.id);
    const live = (await stored(shipment.id)).find((row) => row.serviceCode === "08")!;
    const result = await pickQuote(testDb.db, live.id, shipment.version, actorId);
    expect(result).toMatchObject({ carrier: "ups", service: "Worldwide Expedited" });
    const [saved] = await testDb.db.select().from(shipments).where(eq(shipments.id, shipment.id));
    expect(saved).toMatchObject({ carrier: "ups", service: "Worldwide Expedited", chosenQuoteId: live.id });
  });
});
