// The FedEx client against the FedEx emulator, in-process: OAuth (reuse, refresh, refusal), rates,
// labels (PDF and ZPL), void, pickups, tracking over time, each fault, the reconciliation after a
// lost answer, the paperless invoice, and FedEx's contract for every request the client sent.
import { PDFDocument } from "pdf-lib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isValidTrackingNumber } from "@/domain/tracking";
import { createCarrierEmulator, type CarrierEmulator } from "@/emulator/carriers/server";
import { createFedexModule } from "@/emulator/carriers/fedex";
import { checkFedexRequest, type FedexOperation } from "@/emulator/carriers/fedex/contract";
import {
  CarrierApiError,
  type CarrierClient,
  type CarrierShipment,
  type ClientOptions,
  type SentRequest,
} from "@/server/carriers/api";
import { createFedexClient } from "@/server/carriers/fedex";

const CREDENTIALS = { clientId: "l7fedexclient", clientSecret: "fedex-secret-123", accountNumber: "740561073" };

let emulator: CarrierEmulator;
const sent: SentRequest[] = [];
/** The client's own clock runs ahead of real time by this much (to prove early token renewal). */
let clientAheadMs = 0;

/** São Paulo's date `days` business days from today (UTC−3). */
function businessDay(days: number): string {
  const at = new Date(Date.now() - 3 * 3_600_000);
  let left = days;
  while (left > 0 || at.getUTCDay() === 0 || at.getUTCDay() === 6) {
    at.setUTCDate(at.getUTCDate() + 1);
    if (at.getUTCDay() !== 0 && at.getUTCDay() !== 6) left -= 1;
  }
  return at.toISOString().slice(0, 10);
}

function nextSaturday(): string {
  const at = new Date(Date.now() - 3 * 3_600_000);
  do at.setUTCDate(at.getUTCDate() + 1);
  while (at.getUTCDay() !== 6);
  return at.toISOString().slice(0, 10);
}

function client(overrides: Partial<ClientOptions> = {}, credentials = CREDENTIALS): CarrierClient {
  return createFedexClient({
    account: { id: "acct-fedex-1", carrier: "fedex", environment: "test", credentials },
    endpoints: emulator.endpoints("fedex"),
    timeoutMs: 1000,
    now: () => new Date(Date.now() + clientAheadMs),
    onRequest: (request) => sent.push(request),
    ...overrides,
  });
}

const SHIP_DATE = businessDay(1);
const NFE_KEY = "35261212345678000195550010000004211000004210";

function shipment(overrides: Partial<CarrierShipment> = {}): CarrierShipment {
  return {
    reference: `SS-${Math.random().toString(36).slice(2, 10)}-1`,
    orderName: "#1042",
    serviceCode: "FEDEX_INTERNATIONAL_PRIORITY",
    shipDate: SHIP_DATE,
    shipper: {
      name: "Ana Souza",
      company: "Café Paulista Exportação Ltda",
      address1: "Avenida Paulista, 1578",
      address2: "Conjunto 42",
      city: "São Paulo",
      state: "SP",
      postalCode: "01310-200",
      countryCode: "BR",
      phone: "+55 11 3456-7890",
      email: "expedicao@cafepaulista.com.br",
      taxId: "12.345.678/0001-95",
    },
    recipient: {
      name: "John Carter",
      company: null,
      address1: "350 Fifth Avenue",
      address2: "Suite 2100",
      city: "New York",
      state: "NY",
      postalCode: "10118",
      countryCode: "US",
      phone: "+1 212 555 0147",
      email: "john.carter@example.com",
    },
    parcels: [{ weightKg: 2.4, lengthCm: 30, widthCm: 20, heightCm: 15 }],
    currency: "USD",
    declaredValue: "189.70",
    items: [
      {
        description: "Roasted coffee beans, 500 g bag",
        hsCode: "0901.21.00",
        originCountry: "BR",
        quantity: 3,
        unitValue: "29.90",
        unitWeightKg: 0.5,
        sku: "CAF-500",
      },
      {
        description: "Ceramic coffee mug",
        hsCode: "6912.00.00",
        originCountry: "BR",
        quantity: 2,
        unitValue: "50.00",
        unitWeightKg: 0.45,
        sku: "MUG-01",
      },
    ],
    invoice: { number: "INV-2026-0042", date: businessDay(0) },
    incoterm: "DAP",
    exportReason: "sale",
    nfeKey: NFE_KEY,
    ...overrides,
  };
}

const PICKUP_ADDRESS = {
  company: "Café Paulista Exportação Ltda",
  contact: "Ana Souza",
  line: "Avenida Paulista, 1578",
  city: "São Paulo",
  state: "SP",
  postalCode: "01310-200",
  countryCode: "BR",
  phone: "+55 11 3456-7890",
};

function booking(date: string, readyTime = "10:00", closeTime = "17:00") {
  return {
    date,
    readyTime,
    closeTime,
    packages: 2,
    totalWeightKg: 4.8,
    address: PICKUP_ADDRESS,
    pieces: [{ serviceCode: "FEDEX_INTERNATIONAL_PRIORITY", destinationCountry: "US", quantity: 2 }],
    trackingNumbers: [],
    reference: "PU-store1-0001",
  };
}

async function failure(promise: Promise<unknown>): Promise<CarrierApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CarrierApiError);
  return error as CarrierApiError;
}

async function invoicePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText("Commercial invoice INV-2026-0042");
  return doc.save();
}

type FedexState = {
  shipments: {
    trackingNumber: string;
    pieces: string[];
    reference: string | null;
    documentIds: string[];
    voided: boolean;
  }[];
  pickups: { confirmationCode: string; cancelled: boolean }[];
  documents: { docId: string }[];
};
const state = () => emulator.module("fedex").snapshot() as FedexState;
const sentOf = (operation: string) => sent.filter((request) => request.operation === operation);

beforeAll(async () => {
  emulator = createCarrierEmulator({ modules: [createFedexModule], holdMs: 2500 });
  await emulator.listen(0);
  emulator.registerAccount({ carrier: "fedex", ...CREDENTIALS });
  // The emulator's first PDF label loads pdf-lib's fonts and bwip-js: done once here, so no test's
  // short client timeout is spent on it.
  await client({ timeoutMs: 30_000 }).createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.reset();
  sent.length = 0;
  clientAheadMs = 0;
});

// The contract check of every request the client sent in the test that just ran.
afterEach(() => {
  for (const request of sent) {
    const body = request.operation === "upload" ? (request.body as { document: unknown }).document : request.body;
    expect({
      operation: request.operation,
      problems: checkFedexRequest(request.operation as FedexOperation, body),
    }).toEqual({
      operation: request.operation,
      problems: [],
    });
  }
});

describe("FedEx OAuth", () => {
  it("reuses its token, renews it before it expires, and renews it once on a 401", async () => {
    const fedex = client();
    await fedex.testConnection();
    await fedex.rates(rateRequest());
    expect(sentOf("token")).toHaveLength(1);

    // Its own clock past the 60-minute lifetime: a new token before the call, no 401.
    clientAheadMs = 61 * 60_000;
    await fedex.rates(rateRequest());
    expect(sentOf("token")).toHaveLength(2);
    expect(emulator.requests("fedex").filter((r) => r.status === 401)).toHaveLength(0);

    // Only FedEx's clock moves: FedEx answers 401, the client renews once and the call succeeds.
    emulator.advance(2 * 61);
    const rates = await fedex.rates(rateRequest());
    expect(rates.length).toBeGreaterThan(0);
    expect(sentOf("token")).toHaveLength(3);
    const statuses = emulator.requests("fedex").map((r) => `${r.operation}:${r.status}`);
    expect(statuses.slice(-3)).toEqual(["rate:401", "token:200", "rate:200"]);
    // The secret never reaches the request log.
    expect(JSON.stringify(sent)).not.toContain(CREDENTIALS.clientSecret);
    expect(JSON.stringify(emulator.requests())).not.toContain(CREDENTIALS.clientSecret);
  });

  it("refuses unknown credentials and an account the credentials do not hold", async () => {
    const wrong = client({}, { ...CREDENTIALS, clientSecret: "not-the-secret" });
    expect((await failure(wrong.testConnection())).code).toBe("unauthorized");
    const otherAccount = client({}, { ...CREDENTIALS, accountNumber: "999999999" });
    const error = await failure(otherAccount.testConnection());
    expect(error.code).toBe("forbidden");
    expect(error.carrierMessage).toContain("ACCOUNTNUMBER.REGISTRATION.REQUIRED");
  });

  it("gives up after a second 401", async () => {
    emulator.queueFault({ carrier: "fedex", operation: "rate", kind: "unauthorized", count: 2 });
    expect((await failure(client().rates(rateRequest()))).code).toBe("unauthorized");
    expect(sentOf("rate")).toHaveLength(2);
  });
});

function rateRequest() {
  const { shipper, recipient, parcels, currency, declaredValue } = shipment();
  return { shipDate: SHIP_DATE, shipper, recipient, parcels, currency, declaredValue };
}

describe("FedEx rates", () => {
  it("answers the account's rates under our service names, skipping services we do not list", async () => {
    const rates = await client().rates(rateRequest());
    expect(rates.map((rate) => rate.serviceName).sort()).toEqual([
      "International Connect Plus",
      "International Economy",
      "International First",
      "International Priority",
      "International Priority Express",
    ]);
    const priority = rates.find((rate) => rate.serviceCode === "FEDEX_INTERNATIONAL_PRIORITY")!;
    expect(priority.price).toMatch(/^[0-9]+\.[0-9]{2}$/);
    expect(priority.currency).toBe("USD");
    expect(priority.transitDays).toBe(3);
    expect(priority.estimatedDelivery).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("FedEx labels", () => {
  it("buys a 4×6 PDF label with the customs data where FedEx takes it", async () => {
    const bought = await client().createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    expect(isValidTrackingNumber("fedex", bought.trackingNumber)).toBe(true);
    expect(bought.carrierShipmentId).toBe(bought.trackingNumber);
    expect(Buffer.from(bought.label.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bought.label.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    expect(bought.charges).toEqual({ amount: expect.stringMatching(/^[0-9]+\.[0-9]{2}$/), currency: "USD" });

    const body = sentOf("ship")[0].body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const requested = body.requestedShipment;
    expect(requested.shipper.tins).toEqual([{ number: "12345678000195", tinType: "BUSINESS_NATIONAL" }]);
    expect(requested.customsClearanceDetail.commercialInvoice.comments[0]).toBe(`NF-e ${NFE_KEY}`);
    expect(requested.customsClearanceDetail.commercialInvoice.customerReferences).toEqual([
      { customerReferenceType: "INVOICE_NUMBER", value: "INV-2026-0042" },
    ]);
    expect(requested.customsClearanceDetail.commercialInvoice.shipmentPurpose).toBe("SOLD");
    expect(requested.customsClearanceDetail.commercialInvoice.termsOfSale).toBe("DAP");
    expect(
      requested.customsClearanceDetail.commodities.map((c: { harmonizedCode: string }) => c.harmonizedCode),
    ).toEqual(["09012100", "69120000"]);
    expect(requested.labelSpecification).toMatchObject({ imageType: "PDF", labelStockType: "PAPER_4X6" });
  });

  it("buys a ZPL II label", async () => {
    const bought = await client().createShipment(shipment(), { labelFormat: "zpl", paperlessDocumentId: null });
    const zpl = Buffer.from(bought.label.bytes).toString("utf8");
    expect(bought.label.format).toBe("zpl");
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true);
    expect(zpl).toContain(`^BCN`);
    expect(zpl).toContain(`^FD${bought.trackingNumber}^FS`);
  });

  it("buys two parcels as one shipment: one PDF with a page per piece, or two ZPL labels", async () => {
    const parcels = [
      { weightKg: 2.4, lengthCm: 30, widthCm: 20, heightCm: 15 },
      { weightKg: 1.2, lengthCm: 20, widthCm: 20, heightCm: 10 },
    ];
    const fedex = client();
    const pdf = await fedex.createShipment(shipment({ parcels }), { labelFormat: "pdf", paperlessDocumentId: null });
    const merged = await PDFDocument.load(pdf.label.bytes);
    expect(merged.getPages().map((page) => page.getSize())).toEqual([
      { width: 288, height: 432 },
      { width: 288, height: 432 },
    ]);
    const zpl = await fedex.createShipment(shipment({ parcels }), { labelFormat: "zpl", paperlessDocumentId: null });
    const text = Buffer.from(zpl.label.bytes).toString("utf8");
    expect(text.match(/\^XA/g)).toHaveLength(2);
    expect(text.match(/\^XZ/g)).toHaveLength(2);
    expect(state().shipments.map((s) => s.pieces.length)).toEqual([2, 2]);
  });

  it("refuses before sending a value longer than FedEx takes", async () => {
    const long = shipment();
    long.shipper = { ...long.shipper, company: "Companhia Brasileira de Cafés Especiais do Sul" };
    const error = await failure(client().createShipment(long, { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(error.code).toBe("invalidRequest");
    expect(sentOf("ship")).toHaveLength(0);
  });
});

describe("FedEx void", () => {
  it("voids once, refuses a second void, an unknown shipment and one already picked up", async () => {
    const fedex = client();
    const bought = await fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const ref = {
      trackingNumber: bought.trackingNumber,
      carrierShipmentId: bought.carrierShipmentId,
      shipDate: SHIP_DATE,
    };
    await fedex.voidShipment(ref);
    expect(state().shipments[0].voided).toBe(true);
    expect((await failure(fedex.voidShipment(ref))).code).toBe("alreadyVoided");
    expect((await failure(fedex.voidShipment({ ...ref, trackingNumber: "794000999999" }))).code).toBe(
      "unknownShipment",
    );

    const picked = await fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    emulator.advance(3 * 60);
    const error = await failure(fedex.voidShipment({ ...ref, trackingNumber: picked.trackingNumber }));
    expect(error.code).toBe("inTransit");
  });
});

describe("FedEx pickups", () => {
  it("answers availability with the cut-off and access time, books and cancels", async () => {
    const fedex = client();
    const date = businessDay(1);
    const request = { date, address: PICKUP_ADDRESS, serviceCode: "FEDEX_INTERNATIONAL_PRIORITY" };
    expect(await fedex.pickupAvailability(request)).toEqual({
      available: true,
      cutoffTime: "16:00",
      minWindowMinutes: 120,
    });
    expect(await fedex.pickupAvailability({ ...request, date: nextSaturday() })).toEqual({ available: false });

    const booked = await fedex.schedulePickup(booking(date));
    expect(booked.confirmationNumber).toMatch(/^[0-9]{8}$/);
    expect(booked.location).toBe("SAOA");
    const cancel = {
      confirmationNumber: booked.confirmationNumber,
      date,
      location: booked.location,
      address: PICKUP_ADDRESS,
    };
    await fedex.cancelPickup(cancel);
    expect(state().pickups[0].cancelled).toBe(true);
    expect((await failure(fedex.cancelPickup(cancel))).code).toBe("pickupNotFound");
    expect((await failure(fedex.cancelPickup({ ...cancel, confirmationNumber: "99999999" }))).code).toBe(
      "pickupNotFound",
    );
  });

  it("refuses a weekend, a past date, a ready time after the cut-off and a window under the access time", async () => {
    const fedex = client();
    expect((await failure(fedex.schedulePickup(booking(nextSaturday())))).code).toBe("pickupNotAvailable");
    expect((await failure(fedex.schedulePickup(booking("2020-03-02")))).code).toBe("pickupNotAvailable");
    expect((await failure(fedex.schedulePickup(booking(businessDay(1), "16:30", "19:00")))).code).toBe(
      "pickupNotAvailable",
    );
    const short = await failure(fedex.schedulePickup(booking(businessDay(1), "10:00", "11:00")));
    expect(short.code).toBe("pickupNotAvailable");
    expect(short.carrierMessage).toContain("PICKUP.ACCESSTIME.INSUFFICIENT");
    expect(state().pickups).toHaveLength(0);
  });
});

describe("FedEx tracking", () => {
  it("follows a parcel from label created to delivered as the clock advances", async () => {
    const fedex = client();
    const { trackingNumber } = await fedex.createShipment(shipment(), {
      labelFormat: "pdf",
      paperlessDocumentId: null,
    });
    const statusAt = async () => {
      const [result] = await fedex.track([trackingNumber]);
      if (!result.found) throw new Error("not found");
      return result;
    };
    expect((await statusAt()).status).toBe("label_created");
    emulator.advance(3 * 60);
    expect((await statusAt()).status).toBe("in_transit");
    emulator.advance(22 * 60);
    expect((await statusAt()).status).toBe("out_for_delivery");
    emulator.advance(6 * 60);
    const delivered = await statusAt();
    expect(delivered.status).toBe("delivered");
    expect(delivered.events.map((event) => event.code)).toEqual(["OC", "PU", "IT", "CC", "OD", "DL"]);
    expect(delivered.events.map((event) => event.status)).toEqual([
      "label_created",
      "in_transit",
      "in_transit",
      "in_transit",
      "out_for_delivery",
      "delivered",
    ]);
    expect(delivered.estimatedDelivery).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await fedex.track(["794000999999"])).toEqual([{ trackingNumber: "794000999999", found: false }]);
  });

  it("reports an exception scenario with FedEx's exception code", async () => {
    const fedex = client();
    const { trackingNumber } = await fedex.createShipment(shipment(), {
      labelFormat: "pdf",
      paperlessDocumentId: null,
    });
    expect(emulator.module("fedex").setTrackingScenario!(trackingNumber, "exception")).toBe(true);
    emulator.advance(3 * 60);
    const [result] = await fedex.track([trackingNumber]);
    expect(result).toMatchObject({ found: true, status: "exception" });
    expect(result.found && result.events.at(-1)?.code).toBe("DE");
  });

  it("tracks more than 30 numbers in batches of 30", async () => {
    const numbers = Array.from({ length: 31 }, (_, i) => `7940009${String(i).padStart(5, "0")}`);
    const results = await client().track(numbers);
    expect(results).toHaveLength(31);
    expect(sentOf("track").map((r) => (r.body as { trackingInfo: unknown[] }).trackingInfo.length)).toEqual([30, 1]);
  });
});

describe("FedEx faults", () => {
  it("a 5xx: unavailable on a quote, outcome unknown on a purchase, and FedEx did nothing", async () => {
    const fedex = client();
    emulator.queueFault({ carrier: "fedex", operation: "rate", kind: "serverError" });
    expect((await failure(fedex.rates(rateRequest()))).code).toBe("unavailable");
    emulator.queueFault({ carrier: "fedex", operation: "ship", kind: "serverError" });
    const error = await failure(fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(error.code).toBe("outcomeUnknown");
    expect(state().shipments).toHaveLength(0);
    emulator.queueFault({ carrier: "fedex", operation: "pickupCreate", kind: "serverError" });
    expect((await failure(fedex.schedulePickup(booking(businessDay(1))))).code).toBe("outcomeUnknown");
  });

  it("a timeout on ship: outcome unknown, and the lookup by our reference finds what FedEx created", async () => {
    const fedex = client();
    const lost = shipment();
    emulator.queueFault({ carrier: "fedex", operation: "ship", kind: "timeout" });
    const error = await failure(fedex.createShipment(lost, { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(error.code).toBe("outcomeUnknown");
    const [created] = state().shipments;
    expect(created.reference).toBe(lost.reference);

    const found = await fedex.findShipments(lost.reference, lost.shipDate, "pdf");
    expect(found).toEqual([
      { trackingNumber: created.trackingNumber, carrierShipmentId: created.trackingNumber, label: null },
    ]);
    expect(await fedex.findShipments("SS-never-bought-1", lost.shipDate, "pdf")).toEqual([]);
    // Voided (the service's next step), it is no longer a live purchase under the reference.
    await fedex.voidShipment({
      trackingNumber: created.trackingNumber,
      carrierShipmentId: created.trackingNumber,
      shipDate: lost.shipDate,
    });
    expect(await fedex.findShipments(lost.reference, lost.shipDate, "pdf")).toEqual([]);
  });

  it("a timeout on a quote is unavailable", async () => {
    emulator.queueFault({ carrier: "fedex", operation: "rate", kind: "timeout" });
    expect((await failure(client().rates(rateRequest()))).code).toBe("unavailable");
  });

  it("rate limit, pickup not available and invalid postal code answer FedEx's refusals", async () => {
    const fedex = client();
    emulator.queueFault({ carrier: "fedex", operation: "rate", kind: "rateLimit" });
    const limited = await failure(fedex.rates(rateRequest()));
    expect(limited.code).toBe("rateLimited");
    expect(limited.retryAfterMs).toBe(10_000);

    emulator.queueFault({ carrier: "fedex", operation: "pickupCreate", kind: "pickupNotAvailable" });
    expect((await failure(fedex.schedulePickup(booking(businessDay(1))))).code).toBe("pickupNotAvailable");

    emulator.queueFault({ carrier: "fedex", operation: "ship", kind: "invalidPostalCode" });
    const postal = await failure(fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(postal.code).toBe("invalidPostalCode");
    expect(state().shipments).toHaveLength(0);

    // And a postal code that is really wrong, without a fault.
    const wrong = shipment();
    wrong.recipient = { ...wrong.recipient, postalCode: "NY-1011" };
    expect((await failure(fedex.createShipment(wrong, { labelFormat: "pdf", paperlessDocumentId: null }))).code).toBe(
      "invalidPostalCode",
    );
  });
});

describe("FedEx paperless invoice (ETD)", () => {
  it("uploads our invoice and attaches its document id to the shipment", async () => {
    const fedex = client();
    const documentId = await fedex.uploadInvoice(shipment(), await invoicePdf());
    expect(state().documents.map((doc) => doc.docId)).toEqual([documentId]);
    const upload = sentOf("upload")[0];
    expect(upload.url).toBe(`${emulator.endpoints("fedex").documentUrl}/documents/v1/etds/upload`);

    const bought = await fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: documentId });
    const held = state().shipments.find((s) => s.trackingNumber === bought.trackingNumber)!;
    expect(held.documentIds).toEqual([documentId]);
    const special = (sentOf("ship")[0].body as any).requestedShipment.shipmentSpecialServices; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(special.specialServiceTypes).toEqual(["ELECTRONIC_TRADE_DOCUMENTS"]);
    expect(special.etdDetail.attachedDocuments[0]).toMatchObject({ documentType: "COMMERCIAL_INVOICE", documentId });
  });

  it("refuses an unknown document id and an attachment that is not a PDF", async () => {
    const fedex = client();
    const error = await failure(
      fedex.createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: "0904000000009999" }),
    );
    expect(error.code).toBe("invalidRequest");
    expect(error.carrierMessage).toContain("ETD.DOCUMENT.NOTFOUND");
    expect((await failure(fedex.uploadInvoice(shipment(), new TextEncoder().encode("not a pdf")))).code).toBe(
      "invalidRequest",
    );
    expect(state().shipments).toHaveLength(0);
  });
});

describe("FedEx contract", () => {
  async function token(): Promise<string> {
    const response = await fetch(`${emulator.endpoints("fedex").baseUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: CREDENTIALS.clientId,
        client_secret: CREDENTIALS.clientSecret,
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  it("catches a missing required field, a value over its maximum length and a wrong enum, and the emulator answers FedEx's error", async () => {
    await client().createShipment(shipment(), { labelFormat: "pdf", paperlessDocumentId: null });
    const valid = sentOf("ship")[0].body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(checkFedexRequest("ship", valid)).toEqual([]);
    sent.length = 0; // what follows is sent on purpose, not by the client

    const wrong = structuredClone(valid);
    delete wrong.requestedShipment.shipper.contact.phoneNumber;
    wrong.requestedShipment.recipients[0].address.streetLines = ["x".repeat(36)];
    wrong.requestedShipment.labelSpecification.imageType = "GIF";
    const problems = checkFedexRequest("ship", wrong);
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        "/requestedShipment/shipper/contact/phoneNumber",
        "/requestedShipment/recipients/0/address/streetLines/0",
        "/requestedShipment/labelSpecification/imageType",
      ]),
    );

    const response = await fetch(`${emulator.endpoints("fedex").baseUrl}/ship/v1/shipments`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await token()}`,
        "content-type": "application/json",
        "x-customer-transaction-id": "t-1",
      },
      body: JSON.stringify(wrong),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      transactionId: string;
      customerTransactionId: string;
      errors: { code: string; message: string }[];
    };
    expect(body.transactionId).toEqual(expect.any(String));
    expect(body.customerTransactionId).toBe("t-1");
    expect(body.errors.length).toBeGreaterThanOrEqual(3);
    expect(new Set(body.errors.map((error) => error.code))).toEqual(new Set(["INVALID.INPUT.EXCEPTION"]));
    expect(body.errors.map((error) => error.message).join("\n")).toContain(
      "/requestedShipment/shipper/contact/phoneNumber",
    );
    expect(state().shipments).toHaveLength(1);
  });

  it("answers FedEx's 401 without a token and its 404 on an unknown path", async () => {
    const base = emulator.endpoints("fedex").baseUrl;
    const unauthenticated = await fetch(`${base}/rate/v1/rates/quotes`, { method: "POST", body: "{}" });
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as { errors: { code: string }[] }).errors[0].code).toBe(
      "NOT.AUTHORIZED.ERROR",
    );
    const missing = await fetch(`${base}/ship/v2/nothing`, {
      method: "POST",
      headers: { authorization: `Bearer ${await token()}` },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { code: string }[] }).errors[0].code).toBe("NOT.FOUND.ERROR");
  });
});
