// The UPS client against the UPS emulator (in-process): auth and token refresh, rates, labels in
// both formats, void, pickups, tracking, paperless invoices, every fault, and every request the
// client sent checked against UPS's published schemas (contracts/ups).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { isValidTrackingNumber } from "@/domain/tracking";
import {
  CarrierApiError,
  type CarrierClient,
  type CarrierShipment,
  type RateRequest,
  type SentRequest,
} from "@/server/carriers/api";
import { createUpsClient } from "@/server/carriers/ups";
import { createCarrierEmulator, type CarrierEmulator } from "@/emulator/carriers/server";
import { createUpsModule } from "@/emulator/carriers/ups";
import { hasUpsContract, upsContractProblems, upsTokenProblems } from "@/emulator/carriers/ups/contract";

/** Wednesday 2 Dec 2026, 09:00 in São Paulo. */
const START = Date.parse("2026-12-02T12:00:00Z");
const ACCOUNT = { clientId: "ups-client-id", clientSecret: "ups-client-secret", accountNumber: "A1B2C3" };

let emulator: CarrierEmulator;
let advancedMinutes = 0;
const sent: SentRequest[] = [];

function client(
  overrides: { clientSecret?: string; accountNumber?: string; clientClockFollows?: boolean } = {},
): CarrierClient {
  return createUpsClient({
    account: {
      id: "acc-ups",
      carrier: "ups",
      environment: "test",
      credentials: {
        clientId: ACCOUNT.clientId,
        clientSecret: overrides.clientSecret ?? ACCOUNT.clientSecret,
        accountNumber: overrides.accountNumber ?? ACCOUNT.accountNumber,
      },
    },
    endpoints: emulator.endpoints("ups"),
    // Well under the emulator's 1.5 s hold, with room for a loaded CI machine.
    timeoutMs: 1000,
    now: () => new Date(START + (overrides.clientClockFollows === false ? 0 : advancedMinutes) * 60_000),
    onRequest: (request) => sent.push(request),
  });
}

function advance(minutes: number) {
  emulator.advance(minutes);
  advancedMinutes += minutes;
}

const shipment = (reference: string, overrides: Partial<CarrierShipment> = {}): CarrierShipment => ({
  reference,
  orderName: "#1042",
  serviceCode: "65",
  shipDate: "2026-12-02",
  shipper: {
    name: "Mariana Souza",
    company: "Ateliê Paulista Artesanato Ltda",
    taxId: "12.345.678/0001-95",
    address1: "Rua Augusta, 1500",
    address2: "Sala 12",
    city: "São Paulo",
    state: "SP",
    postalCode: "01304-001",
    countryCode: "BR",
    phone: "+55 11 3456-7890",
    email: "expedicao@ateliepaulista.com.br",
  },
  recipient: {
    name: "John Carter",
    company: null,
    address1: "350 Fifth Avenue",
    address2: "Apt 21B",
    city: "New York",
    state: "NY",
    postalCode: "10118",
    countryCode: "US",
    phone: "+1 212 555 0147",
    email: "john.carter@example.com",
  },
  parcels: [{ weightKg: 1.35, lengthCm: 30, widthCm: 20, heightCm: 12 }],
  currency: "USD",
  declaredValue: "154.80",
  items: [
    {
      description: "Handwoven cotton scarf, natural indigo dye",
      hsCode: "6214.90.00",
      originCountry: "BR",
      quantity: 2,
      unitValue: "48.90",
      unitWeightKg: 0.25,
      sku: "SCARF-IND-01",
    },
    {
      description: "Hand-painted ceramic coffee mug",
      hsCode: "6912.00.00",
      originCountry: "BR",
      quantity: 1,
      unitValue: "57.00",
      unitWeightKg: 0.6,
      sku: null,
    },
  ],
  invoice: { number: "INV-2026-1042", date: "2026-12-01" },
  incoterm: "DAP",
  exportReason: "sale",
  nfeKey: "35261212345678000195550010000010421000010425",
  ...overrides,
});

function rateRequest(): RateRequest {
  const { shipDate, shipper, recipient, parcels, currency, declaredValue } = shipment("R");
  return { shipDate, shipper, recipient, parcels, currency, declaredValue };
}

const pickupAddress = {
  company: "Ateliê Paulista Artesanato Ltda",
  contact: "Mariana Souza",
  line: "Rua Augusta, 1500, Sala 12",
  city: "São Paulo",
  state: "SP",
  postalCode: "01304-001",
  countryCode: "BR",
  phone: "+55 11 3456-7890",
};

/** The value at a dotted path of a request body ("ShipmentRequest.Shipment.Shipper"). */
function at(value: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}
const record = (value: unknown, path: string) => at(value, path) as Record<string, unknown>;
const FORMS = "ShipmentRequest.Shipment.ShipmentServiceOptions.InternationalForms";

async function failure(promise: Promise<unknown>): Promise<CarrierApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CarrierApiError) return error;
    throw error;
  }
  throw new Error("expected a CarrierApiError");
}

beforeAll(async () => {
  emulator = createCarrierEmulator({ modules: [createUpsModule], holdMs: 1500, now: () => new Date(START) });
  await emulator.listen(0);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(() => {
  emulator.reset();
  advancedMinutes = 0;
  emulator.registerAccount({ carrier: "ups", ...ACCOUNT });
});

describe("UPS auth", () => {
  it("reuses one token across calls and fetches a new one after it expires", async () => {
    const ups = client();
    await ups.testConnection();
    await ups.rates(rateRequest());
    const tokens = () => emulator.requests("ups").filter((r) => r.operation === "token").length;
    expect(tokens()).toBe(1);
    advance(4 * 60 + 5);
    await ups.testConnection();
    expect(tokens()).toBe(2);
  });

  it("on a 401 for a token the client still thinks valid, fetches a new token once and retries", async () => {
    const ups = client({ clientClockFollows: false });
    await ups.testConnection();
    emulator.advance(5 * 60); // only the carrier's clock: the client's token dies unannounced
    await ups.testConnection();
    const log = emulator.requests("ups").map((r) => `${r.operation}:${r.status}`);
    expect(log).toEqual(["token:200", "pickupPending:200", "pickupPending:401", "token:200", "pickupPending:200"]);
  });

  it("refuses unknown credentials and a wrong account number", async () => {
    expect((await failure(client({ clientSecret: "wrong" }).testConnection())).code).toBe("unauthorized");
    expect((await failure(client({ accountNumber: "Z9Z9Z9" }).testConnection())).code).toBe("forbidden");
  });
});

describe("UPS rates and labels", () => {
  it("answers live rates under our service names, skipping services we do not list", async () => {
    const rates = await client().rates(rateRequest());
    expect(rates.map((r) => r.serviceName).sort()).toEqual(
      ["Standard", "Worldwide Expedited", "Worldwide Express", "Worldwide Express Plus", "Worldwide Saver"].sort(),
    );
    const saver = rates.find((r) => r.serviceCode === "65")!;
    expect(saver).toMatchObject({ price: "420.00", currency: "BRL", transitDays: 3, estimatedDelivery: "2026-12-07" });
  });

  it("buys a PDF label: UPS's GIF on a 4×6 page, a valid 1Z number, the charges", async () => {
    const bought = await client().createShipment(shipment("REF-PDF-1"), {
      labelFormat: "pdf",
      paperlessDocumentId: null,
    });
    expect(isValidTrackingNumber("ups", bought.trackingNumber)).toBe(true);
    expect(bought.carrierShipmentId).toBe(bought.trackingNumber);
    expect(bought.charges).toEqual({ amount: "420.00", currency: "BRL" });
    expect(Buffer.from(bought.label.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bought.label.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    const ship = sent.find((r) => r.operation === "ship")!.body;
    const forms = record(ship, FORMS);
    expect(forms.Comments).toBe("NF-e 35261212345678000195550010000010421000010425");
    expect(forms.ReasonForExport).toBe("SALE");
    expect((forms.Product as { CommodityCode: string }[]).map((p) => p.CommodityCode)).toEqual([
      "62149000",
      "69120000",
    ]);
    expect(at(ship, "ShipmentRequest.Shipment.Shipper.TaxIdentificationNumber")).toBe("12345678000195");
    expect(at(ship, "ShipmentRequest.Shipment.ReferenceNumber")).toEqual([{ Value: "REF-PDF-1" }]);
  });

  it("buys a ZPL label for two parcels: one ^XA…^XZ per package", async () => {
    const bought = await client().createShipment(
      shipment("REF-ZPL-1", {
        parcels: [shipment("x").parcels[0], { weightKg: 2, lengthCm: 25, widthCm: 25, heightCm: 25 }],
      }),
      { labelFormat: "zpl", paperlessDocumentId: null },
    );
    const zpl = Buffer.from(bought.label.bytes).toString("utf8").trim();
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.endsWith("^XZ")).toBe(true);
    expect(zpl.match(/\^XA/g)).toHaveLength(2);
    expect(zpl).toContain(`^BCN,220,N,N,N^FD${bought.trackingNumber}^FS`);
    expect(isValidTrackingNumber("ups", bought.trackingNumber)).toBe(true);
  });

  it("refuses what does not fit UPS's fields before sending it", async () => {
    const error = await failure(
      client().createShipment(shipment("REF-LONG", { invoice: { number: "X".repeat(36), date: "2026-12-01" } }), {
        labelFormat: "pdf",
        paperlessDocumentId: null,
      }),
    );
    expect(error.code).toBe("invalidRequest");
    expect(sent.some((r) => r.operation === "ship" && JSON.stringify(r.body).includes("X".repeat(36)))).toBe(false);
  });

  it("a US ZIP UPS cannot find is invalidPostalCode", async () => {
    const s = shipment("REF-ZIP", { recipient: { ...shipment("x").recipient, postalCode: "1011" } });
    const error = await failure(client().createShipment(s, { labelFormat: "pdf", paperlessDocumentId: null }));
    expect(error.code).toBe("invalidPostalCode");
    expect(error.carrierMessage).toContain("120207");
  });
});

describe("UPS void", () => {
  it("voids once and refuses the second void; refuses once the parcel moves", async () => {
    const ups = client();
    const bought = await ups.createShipment(shipment("REF-VOID"), { labelFormat: "zpl", paperlessDocumentId: null });
    await ups.voidShipment({ ...bought, shipDate: "2026-12-02" });
    expect(emulator.module("ups").snapshot()).toMatchObject({
      shipments: [{ shipmentId: bought.carrierShipmentId, voided: true }],
    });
    expect((await failure(ups.voidShipment({ ...bought, shipDate: "2026-12-02" }))).code).toBe("alreadyVoided");
    const moving = await ups.createShipment(shipment("REF-VOID-2"), { labelFormat: "zpl", paperlessDocumentId: null });
    advance(3 * 60);
    expect((await failure(ups.voidShipment({ ...moving, shipDate: "2026-12-02" }))).code).toBe("inTransit");
    expect(
      (
        await failure(
          ups.voidShipment({
            trackingNumber: "1ZA1B2C36500000000",
            carrierShipmentId: "1ZA1B2C36599999990",
            shipDate: "2026-12-02",
          }),
        )
      ).code,
    ).toBe("unknownShipment");
  });
});

describe("UPS pickups", () => {
  it("answers availability, books a pickup (same PRN again), cancels it, refuses unknown and repeated cancels", async () => {
    const ups = client();
    const availability = await ups.pickupAvailability({
      date: "2026-12-03",
      address: pickupAddress,
      serviceCode: "65",
    });
    expect(availability).toEqual({ available: true, cutoffTime: "17:00", minWindowMinutes: 60 });
    expect(
      (await ups.pickupAvailability({ date: "2026-12-05", address: pickupAddress, serviceCode: "65" })).available,
    ).toBe(false);
    const booking = {
      date: "2026-12-03",
      readyTime: "10:00",
      closeTime: "17:00",
      packages: 2,
      totalWeightKg: 3.4,
      address: pickupAddress,
      pieces: [{ serviceCode: "65", destinationCountry: "US", quantity: 2 }],
      trackingNumbers: [],
      reference: "PU-2026-12-03-1",
    };
    const booked = await ups.schedulePickup(booking);
    expect(booked.confirmationNumber).toMatch(/^\d{11}$/);
    expect((await ups.schedulePickup(booking)).confirmationNumber).toBe(booked.confirmationNumber);
    const cancel = {
      confirmationNumber: booked.confirmationNumber,
      date: booking.date,
      location: null,
      address: pickupAddress,
    };
    await ups.cancelPickup(cancel);
    expect((await failure(ups.cancelPickup(cancel))).code).toBe("pickupNotFound");
    expect((await failure(ups.cancelPickup({ ...cancel, confirmationNumber: "29290000000" }))).code).toBe(
      "pickupNotFound",
    );
  });

  it("refuses a window shorter than the lead time, a weekend and a past date", async () => {
    const ups = client();
    const base = {
      date: "2026-12-03",
      readyTime: "16:30",
      closeTime: "17:00",
      packages: 1,
      totalWeightKg: 1,
      address: pickupAddress,
      pieces: [{ serviceCode: "65", destinationCountry: "US", quantity: 1 }],
      trackingNumbers: [],
      reference: "PU-X",
    };
    expect((await failure(ups.schedulePickup(base))).carrierMessage).toContain("9560132");
    expect((await failure(ups.schedulePickup({ ...base, date: "2026-12-06", readyTime: "09:00" }))).code).toBe(
      "pickupNotAvailable",
    );
    expect((await failure(ups.schedulePickup({ ...base, date: "2026-12-01", readyTime: "09:00" }))).code).toBe(
      "pickupNotAvailable",
    );
  });
});

describe("UPS tracking", () => {
  it("follows the parcel to delivered as the carrier's clock moves", async () => {
    const ups = client();
    const bought = await ups.createShipment(shipment("REF-TRK"), { labelFormat: "zpl", paperlessDocumentId: null });
    const status = async () => {
      const [result] = await ups.track([bought.trackingNumber]);
      if (!result.found) throw new Error("not found");
      return result;
    };
    expect((await status()).status).toBe("label_created");
    advance(3 * 60);
    expect((await status()).status).toBe("in_transit");
    advance(22 * 60);
    expect((await status()).status).toBe("out_for_delivery");
    advance(6 * 60);
    const delivered = await status();
    expect(delivered.status).toBe("delivered");
    expect(delivered.events.map((e) => e.code)).toEqual(["KB", "OT", "SR", "XA", "MP"]);
    expect(delivered.events[0].occurredAt).toBe("2026-12-03T15:00:00-03:00");
    expect(delivered.events[0].location).toBe("New York, US");
    expect(await ups.track(["1ZA1B2C36500000001"])).toEqual([{ trackingNumber: "1ZA1B2C36500000001", found: false }]);
  });

  it("an exception scenario ends in UPS's exception status", async () => {
    const ups = client();
    const bought = await ups.createShipment(shipment("REF-EXC"), { labelFormat: "zpl", paperlessDocumentId: null });
    advance(3 * 60);
    expect(emulator.module("ups").setTrackingScenario!(bought.trackingNumber, "exception")).toBe(true);
    advance(6 * 60);
    const [result] = await ups.track([bought.trackingNumber]);
    expect(result).toMatchObject({ found: true, status: "exception" });
    if (result.found) expect(result.events[0].code).toBe("UD");
  });
});

describe("UPS faults", () => {
  it("serverError: unavailable on a rate, outcomeUnknown on a purchase", async () => {
    const ups = client();
    await ups.testConnection();
    emulator.queueFault({ carrier: "ups", operation: "pickupAvailability", kind: "serverError" });
    expect(
      (await failure(ups.pickupAvailability({ date: "2026-12-03", address: pickupAddress, serviceCode: null }))).code,
    ).toBe("unavailable");
    emulator.queueFault({ carrier: "ups", operation: "ship", kind: "serverError" });
    const error = await failure(
      ups.createShipment(shipment("REF-500"), { labelFormat: "pdf", paperlessDocumentId: null }),
    );
    expect(error.code).toBe("outcomeUnknown");
    // serverError fails before doing the work: nothing was bought under the reference.
    expect(await ups.findShipments("REF-500", "2026-12-02", "pdf")).toEqual([]);
  });

  it("timeout on ship: outcomeUnknown, and the lookup by reference finds what UPS did create", async () => {
    const ups = client();
    emulator.queueFault({ carrier: "ups", operation: "ship", kind: "timeout" });
    const error = await failure(
      ups.createShipment(shipment("REF-LOST"), { labelFormat: "pdf", paperlessDocumentId: null }),
    );
    expect(error.code).toBe("outcomeUnknown");
    const found = await ups.findShipments("REF-LOST", "2026-12-02", "pdf");
    expect(found).toHaveLength(1);
    expect(isValidTrackingNumber("ups", found[0].trackingNumber)).toBe(true);
    const pdf = await PDFDocument.load(found[0].label!.bytes);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 });
    const zpl = await ups.findShipments("REF-LOST", "2026-12-02", "zpl");
    expect(Buffer.from(zpl[0].label!.bytes).toString("utf8")).toContain(found[0].trackingNumber);
  });

  it("unauthorized: one new token and one retry, then unauthorized", async () => {
    const ups = client();
    await ups.testConnection();
    emulator.queueFault({ carrier: "ups", operation: "rate", kind: "unauthorized", count: 2 });
    expect((await failure(ups.rates(rateRequest()))).code).toBe("unauthorized");
    expect(emulator.requests("ups").map((r) => `${r.operation}:${r.status}`)).toEqual([
      "token:200",
      "pickupPending:200",
      "rate:401",
      "token:200",
      "rate:401",
    ]);
  });

  it("rateLimit: rateLimited with UPS's Retry-After", async () => {
    emulator.queueFault({ carrier: "ups", operation: "rate", kind: "rateLimit" });
    const error = await failure(client().rates(rateRequest()));
    expect(error.code).toBe("rateLimited");
    expect(error.retryAfterMs).toBe(2000);
  });

  it("pickupNotAvailable and invalidPostalCode faults answer UPS's refusals", async () => {
    const ups = client();
    emulator.queueFault({ carrier: "ups", operation: "pickupCreate", kind: "pickupNotAvailable" });
    const booking = {
      date: "2026-12-03",
      readyTime: "10:00",
      closeTime: "17:00",
      packages: 1,
      totalWeightKg: 1,
      address: pickupAddress,
      pieces: [{ serviceCode: "65", destinationCountry: "US", quantity: 1 }],
      trackingNumbers: [],
      reference: "PU-F",
    };
    expect((await failure(ups.schedulePickup(booking))).code).toBe("pickupNotAvailable");
    emulator.queueFault({ carrier: "ups", operation: "ship", kind: "invalidPostalCode" });
    expect(
      (await failure(ups.createShipment(shipment("REF-F"), { labelFormat: "pdf", paperlessDocumentId: null }))).code,
    ).toBe("invalidPostalCode");
  });

  it("a timeout on a pickup booking is outcomeUnknown; the retry gets the same PRN", async () => {
    const ups = client();
    emulator.queueFault({ carrier: "ups", operation: "pickupCreate", kind: "timeout" });
    const booking = {
      date: "2026-12-03",
      readyTime: "10:00",
      closeTime: "17:00",
      packages: 1,
      totalWeightKg: 1,
      address: pickupAddress,
      pieces: [{ serviceCode: "65", destinationCountry: "US", quantity: 1 }],
      trackingNumbers: [],
      reference: "PU-T",
    };
    expect((await failure(ups.schedulePickup(booking))).code).toBe("outcomeUnknown");
    const again = await ups.schedulePickup(booking);
    expect(emulator.module("ups").snapshot()).toMatchObject({ pickups: [{ prn: again.confirmationNumber }] });
  });
});

describe("UPS paperless invoice", () => {
  it("refuses an invoice over CIE's 1 MB before sending it", async () => {
    const pdf = new Uint8Array(1024 * 1024 + 1);
    pdf.set(Buffer.from("%PDF-1.7"));
    expect((await failure(client().uploadInvoice(shipment("REF-BIG"), pdf))).code).toBe("invalidRequest");
    expect(sent.some((r) => r.operation === "upload" && JSON.stringify(r.body).includes("REF-BIG"))).toBe(false);
  });

  it("uploads our invoice and attaches its document id to the ship request", async () => {
    const ups = client();
    const invoice = await PDFDocument.create();
    invoice.addPage([595, 842]);
    const id = await ups.uploadInvoice(shipment("REF-PPL"), await invoice.save());
    expect(id).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}\.\d{2}\.\d{2}\.\d{6}$/);
    const bought = await ups.createShipment(shipment("REF-PPL"), { labelFormat: "pdf", paperlessDocumentId: id });
    const state = emulator.module("ups").snapshot() as {
      shipments: { shipmentId: string; documentIds: string[] }[];
      documents: { id: string }[];
    };
    expect(state.documents.map((d) => d.id)).toEqual([id]);
    expect(state.shipments.find((s) => s.shipmentId === bought.carrierShipmentId)?.documentIds).toEqual([id]);
    const ship = sent.filter((r) => r.operation === "ship").at(-1)!.body;
    expect(record(ship, FORMS).FormType).toEqual(["01", "07"]);
    const unknown = await failure(
      ups.createShipment(shipment("REF-PPL-2"), {
        labelFormat: "pdf",
        paperlessDocumentId: "2026-12-02-09.00.00.999999",
      }),
    );
    expect(unknown.code).toBe("invalidRequest");
  });
});

describe("UPS contract", () => {
  // Runs after the tests above (vitest keeps a file's order): `sent` holds every request they made.
  it("every request the client sent in these tests conforms to UPS's schemas", () => {
    const operations = new Set(sent.map((r) => r.operation));
    for (const op of [
      "token",
      "rate",
      "ship",
      "label",
      "pickupAvailability",
      "pickupCreate",
      "upload",
      "track",
      "lookup",
      "void",
      "pickupCancel",
    ]) {
      expect(operations).toContain(op);
    }
    const failures = sent.flatMap((request) => {
      const problems =
        request.operation === "token"
          ? upsTokenProblems(request.body as Record<string, string>)
          : hasUpsContract(request.operation)
            ? upsContractProblems(request.operation, request.body)
            : request.body === undefined
              ? []
              : ["a body on an operation that takes none"];
      return problems.map((problem) => `${request.operation}: ${problem}`);
    });
    expect(failures).toEqual([]);
    // What the client reports of its requests never carries the secret (nor does any URL).
    expect(JSON.stringify(sent)).not.toContain(ACCOUNT.clientSecret);
  });

  it("catches a wrong request, and the emulator answers UPS's error for it", async () => {
    await client().createShipment(shipment("REF-GOOD"), { labelFormat: "pdf", paperlessDocumentId: null });
    const good = sent.filter((r) => r.operation === "ship").at(-1)!.body;
    expect(upsContractProblems("ship", good)).toEqual([]);

    const missing = structuredClone(good);
    delete record(missing, "ShipmentRequest.Shipment.Shipper").Name;
    expect(upsContractProblems("ship", missing)).toContain(
      "/ShipmentRequest/Shipment/Shipper: must have required property 'Name'",
    );
    const tooLong = structuredClone(good);
    record(tooLong, FORMS).InvoiceNumber = "X".repeat(36);
    expect(upsContractProblems("ship", tooLong)).toContain(
      "/ShipmentRequest/Shipment/ShipmentServiceOptions/InternationalForms/InvoiceNumber: must NOT have more than 35 characters",
    );
    const wrongEnum = structuredClone(good);
    record(wrongEnum, "ShipmentRequest.Shipment").WorldEase = { MasterShipmentChgType: "XYZ" };
    expect(upsContractProblems("ship", wrongEnum)).toContain(
      "/ShipmentRequest/Shipment/WorldEase/MasterShipmentChgType: must be equal to one of the allowed values",
    );

    const base = emulator.endpoints("ups").baseUrl;
    const tokenAnswer = await fetch(`${base}/security/v1/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${ACCOUNT.clientId}:${ACCOUNT.clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    const { access_token } = (await tokenAnswer.json()) as { access_token: string };
    const answer = await fetch(`${base}/api/shipments/v2409/ship`, {
      method: "POST",
      headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/json" },
      body: JSON.stringify(missing),
    });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { response: { errors: { code: string; message: string }[] } };
    expect(body.response.errors[0].code).toBe("10002");
    expect(body.response.errors[0].message).toContain("must have required property 'Name'");
    expect((emulator.module("ups").snapshot() as { shipments: unknown[] }).shipments).toHaveLength(1);

    const unknownPath = await fetch(`${base}/api/shipments/v9999/nothing`, {
      headers: { Authorization: `Bearer ${access_token}` },
    });
    expect(unknownPath.status).toBe(404);
    expect(await unknownPath.json()).toEqual({
      response: { errors: [{ code: "404", message: "Resource not found" }] },
    });
  });
});
