// The DHL Express client (MyDHL API 3.1.1) against its emulator, in-process: auth, rates, labels,
// void, pickups, tracking, faults, paperless invoice, and every request checked against the contract.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import {
  CarrierApiError,
  type CarrierShipment,
  type ClientOptions,
  type PickupAddress,
  type SentRequest,
} from "@/server/carriers/api";
import { createDhlClient } from "@/server/carriers/dhl/client";
import type { buildShipmentRequest } from "@/server/carriers/dhl/requests";
import { createCarrierEmulator, type CarrierEmulator } from "@/emulator/carriers/server";
import { createDhlModule } from "@/emulator/carriers/dhl/module";
import { dhlContractProblems, type DhlRequestKind } from "@/emulator/carriers/dhl/contract";
import { addDays, isWeekend } from "@/domain/calendar";
import { originNow } from "@/domain/local-time";
import { isValidTrackingNumber } from "@/domain/tracking";

type ShipBody = ReturnType<typeof buildShipmentRequest>;
const ACCOUNT = { clientId: "dhl-api-key", clientSecret: "dhl-api-secret", accountNumber: "960000001" };
let emulator: CarrierEmulator;
const sent: SentRequest[] = [];
const headers: Headers[] = [];

/** The next weekday after today (São Paulo): within DHL's 10 days, never past the same-day cut-off. */
function nextWeekday(): string {
  let date = addDays(originNow().date, 1);
  while (isWeekend(date)) date = addDays(date, 1);
  return date;
}
const SHIP_DATE = nextWeekday();

function client(overrides: Partial<ClientOptions> & { credentials?: typeof ACCOUNT } = {}) {
  return createDhlClient({
    account: { id: "acct-dhl", carrier: "dhl", environment: "test", credentials: overrides.credentials ?? ACCOUNT },
    endpoints: emulator.endpoints("dhl"),
    // Well above a label's rendering on a busy machine, well below the emulator's hold of a "timeout".
    timeoutMs: 3000,
    onRequest: (request) => sent.push(request),
    fetch: async (input, init) => {
      headers.push(new Headers(init?.headers));
      return fetch(input, init);
    },
    ...overrides,
  });
}

let seq = 0;
function shipment(overrides: Partial<CarrierShipment> = {}): CarrierShipment {
  seq += 1;
  return {
    reference: `SS-DHL-${Date.now().toString(36)}-${seq}`,
    orderName: "#1042",
    serviceCode: "P",
    shipDate: SHIP_DATE,
    shipper: {
      name: "Marina Costa",
      company: "Ateliê Paulista Ltda",
      taxId: "12.345.678/0001-95",
      address1: "Avenida Paulista, 1578",
      address2: "Conjunto 82, Bela Vista",
      city: "São Paulo",
      state: "SP",
      postalCode: "01310-200",
      countryCode: "BR",
      phone: "+55 11 3251-0000",
      email: "envios@ateliepaulista.com.br",
    },
    recipient: {
      name: "Jordan Miller",
      company: null,
      address1: "245 W 17th St",
      address2: "Apt 4B",
      city: "New York",
      state: "NY",
      postalCode: "10011",
      countryCode: "US",
      phone: "+1 212 555 0134",
      email: "jordan@example.com",
    },
    parcels: [{ weightKg: 1.4, lengthCm: 30, widthCm: 22, heightCm: 12 }],
    currency: "USD",
    declaredValue: "184.70",
    items: [
      {
        description: "Cotton tote bag, hand-printed",
        hsCode: "4202.22.00",
        originCountry: "BR",
        quantity: 2,
        unitValue: "39.90",
        unitWeightKg: 0.25,
        sku: "TOTE-01",
      },
      {
        description: "Ceramic coffee mug",
        hsCode: "6912.00.00",
        originCountry: "BR",
        quantity: 3,
        unitValue: "34.97",
        unitWeightKg: 0.3,
        sku: "MUG-07",
      },
    ],
    invoice: { number: "INV-2026-0042", date: SHIP_DATE },
    incoterm: "DAP",
    exportReason: "sale",
    nfeKey: "35261212345678000195550010000004211000004210",
    ...overrides,
  };
}

const PICKUP_ADDRESS: PickupAddress = {
  company: "Ateliê Paulista Ltda",
  contact: "Marina Costa",
  line: "Avenida Paulista, 1578",
  city: "São Paulo",
  state: "SP",
  postalCode: "01310-200",
  countryCode: "BR",
  phone: "+55 11 3251-0000",
};

async function rejection(promise: Promise<unknown>): Promise<CarrierApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CarrierApiError);
  return error as CarrierApiError;
}

beforeAll(async () => {
  emulator = createCarrierEmulator({ modules: [createDhlModule], holdMs: 6000 });
  await emulator.listen(0);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset(); // the clock back to now, no faults left, no state
  emulator.registerAccount({ carrier: "dhl", ...ACCOUNT });
});

describe("auth", () => {
  it("sends HTTP Basic and DHL's headers on every call, with no token to expire", async () => {
    const dhl = client();
    const before = headers.length;
    await dhl.testConnection();
    emulator.advance(24 * 60);
    await dhl.rates({
      shipDate: SHIP_DATE,
      shipper: shipment().shipper,
      recipient: shipment().recipient,
      parcels: shipment().parcels,
      currency: "USD",
      declaredValue: "184.70",
    });
    const used = headers.slice(before);
    expect(used).toHaveLength(2);
    for (const h of used) {
      expect(h.get("Authorization")).toBe(`Basic ${Buffer.from("dhl-api-key:dhl-api-secret").toString("base64")}`);
      expect(h.get("x-version")).toBe("3.1.0");
      expect(h.get("Message-Reference")?.length).toBeGreaterThan(0);
      expect(h.get("Message-Reference")!.length).toBeLessThanOrEqual(36);
      expect(h.get("Message-Reference-Date")).toMatch(/GMT$/);
    }
    expect(sent.map((r) => r.url).join(" ")).not.toContain("dhl-api-secret");
  });

  it("bad credentials are unauthorized; a wrong account number is forbidden", async () => {
    const wrongSecret = client({ credentials: { ...ACCOUNT, clientSecret: "nope" } });
    expect((await rejection(wrongSecret.testConnection())).code).toBe("unauthorized");
    const wrongAccount = client({ credentials: { ...ACCOUNT, accountNumber: "960000999" } });
    const error = await rejection(wrongAccount.testConnection());
    expect(error.code).toBe("forbidden");
    expect(error.carrierMessage).toContain("8007");
  });
});

describe("rates", () => {
  it("answers our service names for the products we list, in the billing currency", async () => {
    const s = shipment();
    const rates = await client().rates({
      shipDate: SHIP_DATE,
      shipper: s.shipper,
      recipient: s.recipient,
      parcels: s.parcels,
      currency: "USD",
      declaredValue: "184.70",
    });
    expect(rates).toHaveLength(1); // "K" (EXPRESS 9:00) is not one of ours: skipped
    expect(rates[0]).toMatchObject({
      serviceCode: "P",
      serviceName: "Express Worldwide",
      currency: "BRL",
      transitDays: 4,
    });
    expect(Number(rates[0].price)).toBeCloseTo(240 + 62.4 * 1.4, 2);
    expect(rates[0].estimatedDelivery).toBe(addDays(SHIP_DATE, 4));
  });
});

describe("labels", () => {
  it("buys a 4×6 PDF label with a DHL waybill number and charges", async () => {
    const bought = await client().createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    expect(isValidTrackingNumber("dhl", bought.trackingNumber)).toBe(true);
    expect(bought.carrierShipmentId).toBe(bought.trackingNumber);
    expect(Buffer.from(bought.label.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bought.label.bytes);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    expect(bought.charges?.currency).toBe("BRL");
    const body = sent.filter((r) => r.operation === "ship").at(-1)!.body as ShipBody;
    expect(body.customerDetails.shipperDetails.registrationNumbers).toEqual([
      { typeCode: "CNP", number: "12345678000195", issuerCountryCode: "BR" },
    ]);
    expect(body.content.exportDeclaration.remarks).toEqual([
      { value: "NF-e 35261212345678000195550010000004211000004210" },
    ]);
    expect(body.content.exportDeclaration.lineItems[1]).toMatchObject({
      price: 34.97,
      quantity: { value: 3, unitOfMeasurement: "PCS" },
      commodityCodes: [{ typeCode: "outbound", value: "69120000" }],
      manufacturerCountry: "BR",
      weight: { netValue: 0.9 },
    });
    expect(body.content.exportDeclaration.exportReasonType).toBe("commercial_purpose_or_sale");
    expect(body.outputImageProperties).toEqual({
      encodingFormat: "pdf",
      imageOptions: [{ typeCode: "label", templateName: "ARCH_6X4", isRequested: true }],
    });
  });

  it("buys a ZPL label", async () => {
    const bought = await client().createShipment(shipment(), { labelFormat: "zpl", paperlessDocumentId: null });
    const zpl = Buffer.from(bought.label.bytes).toString("utf8");
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true);
    expect(zpl).toContain(`^BCN,220,N,N,N^FD${bought.trackingNumber}^FS`);
  });

  it("refuses before sending what DHL would refuse for length", async () => {
    const before = sent.length;
    const s = shipment({ invoice: { number: "X".repeat(36), date: SHIP_DATE } });
    const error = await rejection(client().createShipment(s, { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(error.code).toBe("invalidRequest");
    expect(sent.length).toBe(before);
  });
});

describe("void", () => {
  it("voids a label not yet collected; refuses after pickup and for an unknown AWB", async () => {
    const dhl = client();
    const bought = await dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const ref = {
      trackingNumber: bought.trackingNumber,
      carrierShipmentId: bought.carrierShipmentId,
      shipDate: SHIP_DATE,
    };
    await expect(dhl.voidShipment(ref)).resolves.toBeUndefined();
    emulator.advance(3 * 60); // picked up at +2 h
    expect((await rejection(dhl.voidShipment(ref))).code).toBe("inTransit");
    const unknown = await rejection(
      dhl.voidShipment({ ...ref, trackingNumber: "9999999999", carrierShipmentId: "9999999999" }),
    );
    expect(unknown.code).toBe("unknownShipment");
  });
});

describe("pickups", () => {
  it("availability, booking and cancel (twice: the second is refused)", async () => {
    const dhl = client();
    const availability = await dhl.pickupAvailability({ date: SHIP_DATE, address: PICKUP_ADDRESS, serviceCode: "P" });
    expect(availability).toEqual({ available: true, cutoffTime: "17:00", minWindowMinutes: 120 });
    const booking = {
      date: SHIP_DATE,
      readyTime: "10:00",
      closeTime: "14:00",
      packages: 2,
      totalWeightKg: 3,
      address: PICKUP_ADDRESS,
      pieces: [{ serviceCode: "P", destinationCountry: "US", quantity: 2 }],
      trackingNumbers: [],
      reference: "SS-PU-1",
    };
    const booked = await dhl.schedulePickup(booking);
    expect(booked.confirmationNumber).toMatch(/^PRG\d{12}$/);
    const cancel = {
      confirmationNumber: booked.confirmationNumber,
      date: SHIP_DATE,
      location: null,
      address: PICKUP_ADDRESS,
    };
    await dhl.cancelPickup(cancel);
    expect((await rejection(dhl.cancelPickup(cancel))).code).toBe("pickupNotFound");
    expect((await rejection(dhl.cancelPickup({ ...cancel, confirmationNumber: "PRG000000000000" }))).code).toBe(
      "pickupNotFound",
    );
    const tooShort = await rejection(dhl.schedulePickup({ ...booking, readyTime: "13:00", closeTime: "14:00" }));
    expect(tooShort.code).toBe("pickupNotAvailable");
  });
});

describe("tracking", () => {
  it("moves to delivered as the clock advances; an exception scenario", async () => {
    const dhl = client();
    const a = await dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const b = await dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const first = await dhl.track([a.trackingNumber, "0000000001"]);
    expect(first[0]).toMatchObject({ found: true, status: "label_created", events: [] });
    expect(first[1]).toEqual({ trackingNumber: "0000000001", found: false });
    emulator.advance(25 * 60);
    expect((await dhl.track([a.trackingNumber]))[0]).toMatchObject({ status: "out_for_delivery" });
    expect(emulator.module("dhl").setTrackingScenario!(b.trackingNumber, "exception")).toBe(true);
    emulator.advance(6 * 60);
    const [done, held] = await dhl.track([a.trackingNumber, b.trackingNumber]);
    expect(done.found && done.status).toBe("delivered");
    expect(done.found && done.events.map((e) => e.code)).toEqual(["PU", "DF", "CC", "AF", "WC", "OK"]);
    expect(held.found && held.status).toBe("exception");
    expect(held.found && held.events.at(-1)?.code).toBe("OH");
  });
});

describe("faults", () => {
  it("serverError: unavailable on reads, outcomeUnknown on a purchase and a booking", async () => {
    const dhl = client();
    emulator.queueFault({ carrier: "dhl", operation: "track", kind: "serverError" });
    expect((await rejection(dhl.track(["1234567890"]))).code).toBe("unavailable");
    emulator.queueFault({ carrier: "dhl", operation: "ship", kind: "serverError" });
    expect(
      (await rejection(dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null }))).code,
    ).toBe("outcomeUnknown");
    emulator.queueFault({ carrier: "dhl", operation: "pickupCreate", kind: "serverError" });
    const booking = {
      date: SHIP_DATE,
      readyTime: "10:00",
      closeTime: "14:00",
      packages: 1,
      totalWeightKg: 1,
      address: PICKUP_ADDRESS,
      pieces: [{ serviceCode: "P", destinationCountry: "US", quantity: 1 }],
      trackingNumbers: [],
      reference: "SS-PU-2",
    };
    expect((await rejection(dhl.schedulePickup(booking))).code).toBe("outcomeUnknown");
  });

  it("a timeout on ship is outcomeUnknown, and findShipments then finds what DHL bought", async () => {
    const dhl = client();
    const s = shipment();
    emulator.queueFault({ carrier: "dhl", operation: "ship", kind: "timeout" });
    expect((await rejection(dhl.createShipment(s, { labelFormat: "pdf", paperlessDocumentId: null }))).code).toBe(
      "outcomeUnknown",
    );
    const found = await dhl.findShipments(s.reference, s.shipDate, "pdf");
    expect(found).toHaveLength(1);
    expect(isValidTrackingNumber("dhl", found[0].trackingNumber)).toBe(true);
    expect(Buffer.from(found[0].label!.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(await dhl.findShipments("SS-NEVER-BOUGHT", s.shipDate, "pdf")).toEqual([]);
    const zpl = await dhl.findShipments(s.reference, s.shipDate, "zpl");
    expect(zpl).toEqual([
      { trackingNumber: found[0].trackingNumber, carrierShipmentId: found[0].trackingNumber, label: null },
    ]);
  });

  it("unauthorized → unauthorized, on any call", async () => {
    emulator.queueFault({ carrier: "dhl", operation: "track", kind: "unauthorized" });
    expect((await rejection(client().track(["1234567890"]))).code).toBe("unauthorized");
  });

  it("rateLimit → rateLimited with Retry-After", async () => {
    emulator.queueFault({ carrier: "dhl", operation: "rate", kind: "rateLimit" });
    const error = await rejection(client().testConnection());
    expect(error.code).toBe("rateLimited");
    expect(error.retryAfterMs).toBe(1000);
  });

  it("pickupNotAvailable: no same-day availability, and a refused booking", async () => {
    const dhl = client();
    emulator.queueFault({ carrier: "dhl", operation: "rate", kind: "pickupNotAvailable" });
    expect(
      (await dhl.pickupAvailability({ date: SHIP_DATE, address: PICKUP_ADDRESS, serviceCode: "P" })).available,
    ).toBe(false);
    emulator.queueFault({ carrier: "dhl", operation: "pickupCreate", kind: "pickupNotAvailable" });
    const booking = {
      date: SHIP_DATE,
      readyTime: "10:00",
      closeTime: "14:00",
      packages: 1,
      totalWeightKg: 1,
      address: PICKUP_ADDRESS,
      pieces: [{ serviceCode: "P", destinationCountry: "US", quantity: 1 }],
      trackingNumbers: [],
      reference: "SS-PU-3",
    };
    expect((await rejection(dhl.schedulePickup(booking))).code).toBe("pickupNotAvailable");
  });

  it("invalidPostalCode, as a fault and for a postal code DHL refuses", async () => {
    const dhl = client();
    emulator.queueFault({ carrier: "dhl", operation: "ship", kind: "invalidPostalCode" });
    expect(
      (await rejection(dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null }))).code,
    ).toBe("invalidPostalCode");
    const s = shipment();
    const bad = shipment({ recipient: { ...s.recipient, postalCode: "00000" } });
    expect((await rejection(dhl.createShipment(bad, { labelFormat: "pdf", paperlessDocumentId: null }))).code).toBe(
      "invalidPostalCode",
    );
  });
});

describe("paperless invoice", () => {
  it("travels inline with the shipment (WY + documentImages), as the emulator's snapshot shows", async () => {
    const dhl = client();
    const invoice = await PDFDocument.create();
    invoice.addPage([595, 842]);
    const pdf = await invoice.save();
    const s = shipment();
    const id = await dhl.uploadInvoice(s, pdf);
    expect(id).toMatch(/^inline:[0-9a-f]{64}$/);
    const bought = await dhl.createShipment(s, { labelFormat: "pdf", paperlessDocumentId: id });
    const state = emulator.module("dhl").snapshot() as {
      shipments: { trackingNumber: string; paperless: boolean; documents: { typeCode: string; sha256: string }[] }[];
    };
    const held = state.shipments.find((x) => x.trackingNumber === bought.trackingNumber)!;
    expect(held.paperless).toBe(true);
    expect(held.documents).toEqual([expect.objectContaining({ typeCode: "INV", sha256: id.slice("inline:".length) })]);
    const unknown = await rejection(
      dhl.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: "inline:" + "0".repeat(64) }),
    );
    expect(unknown.code).toBe("invalidRequest");
  });
});

describe("contract", () => {
  it("catches a wrong request, and the emulator answers DHL's error for it", async () => {
    await client().createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const good = sent.filter((r) => r.operation === "ship").at(-1)!.body as ShipBody;
    const wrong = structuredClone(good);
    delete (
      wrong.content.exportDeclaration.lineItems[0] as Partial<ShipBody["content"]["exportDeclaration"]["lineItems"][0]>
    ).weight;
    wrong.customerDetails.receiverDetails.postalAddress.cityName = "N".repeat(46);
    wrong.content.incoterm = "XYZ";
    const problems = dhlContractProblems("shipment", wrong);
    expect(problems).toEqual(
      expect.arrayContaining([
        "#/content/exportDeclaration/lineItems/0: required key [weight] not found",
        "Parameters not having correct format: cityName (maxLength=45)",
        '#/content/incoterm: "XYZ" is not a valid enum value',
      ]),
    );
    const response = await fetch(`${emulator.endpoints("dhl").baseUrl}/shipments`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from("dhl-api-key:dhl-api-secret").toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(wrong),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      instance: "/expressapi/shipments",
      title: "Bad request",
      detail: "Multiple problems found, see Additional Details",
    });
    expect(body.additionalDetails).toEqual(expect.arrayContaining(problems));
    const unknownPath = await fetch(`${emulator.endpoints("dhl").baseUrl}/no-such-thing`);
    expect(unknownPath.status).toBe(404);
  });
});

// Runs last (the tests of a file run in order): every request the client sent above.
describe("contract of every request sent", () => {
  it("each body conforms to DHL's schema", () => {
    const kinds: Record<string, DhlRequestKind> = {
      ship: "shipment",
      rate: "rate",
      pickupAvailability: "rate",
      pickupCreate: "pickup",
    };
    const checked = sent.filter((request) => request.body !== undefined);
    expect(checked.length).toBeGreaterThan(5);
    for (const request of checked) {
      expect(kinds[request.operation], request.operation).toBeDefined();
      expect(
        dhlContractProblems(kinds[request.operation], request.body),
        `${request.operation} ${request.url}`,
      ).toEqual([]);
    }
  });
});
