import { describe, expect, it } from "vitest";
import type { CarrierShipment, PickupBookingRequest } from "../api";
import {
  addressLines,
  buildPickupRequest,
  buildRateRequest,
  buildShipmentRequest,
  contentDescription,
  dhlDateTime,
  DhlRequestProblem,
  exportReason,
} from "./requests";

const shipment: CarrierShipment = {
  reference: "SS-1042-1",
  orderName: "#1042",
  serviceCode: "P",
  shipDate: "2026-12-02",
  shipper: {
    name: "Marina Costa",
    company: "Ateliê Paulista Ltda",
    taxId: "12.345.678/0001-95",
    address1: "Avenida Paulista, 1578",
    address2: null,
    city: "São Paulo",
    state: "SP",
    postalCode: "01310-200",
    countryCode: "BR",
    phone: "+55 11 3251-0000",
    email: null,
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
  declaredValue: "79.80",
  items: [
    {
      description: "Tote bag",
      hsCode: "4202.22.00",
      originCountry: "BR",
      quantity: 2,
      unitValue: "39.90",
      unitWeightKg: 0.25,
      sku: null,
    },
  ],
  invoice: { number: "INV-42", date: "2026-12-02" },
  incoterm: "DAP",
  exportReason: "gift",
  nfeKey: "35261212345678000195550010000004211000004210",
};
const options = { accountNumber: "960000001", labelFormat: "zpl" as const, shipTime: "09:00", invoicePdfBase64: null };

describe("dhlDateTime", () => {
  it("writes São Paulo's fixed offset and refuses malformed input", () => {
    expect(dhlDateTime("2026-12-02", "09:30")).toBe("2026-12-02T09:30:00 GMT-03:00");
    expect(() => dhlDateTime("2026-12-2", "09:30")).toThrow(DhlRequestProblem);
    expect(() => dhlDateTime("2026-12-02", "24:00")).toThrow(DhlRequestProblem);
  });
});

describe("addressLines", () => {
  it("re-wraps the street into DHL's 45-character lines, refusing what needs more than three", () => {
    expect(addressLines("Rua A, 1", "Casa 2")).toEqual(["Rua A, 1 Casa 2"]);
    const long = addressLines("Avenida Brigadeiro Faria Lima, 3477, Torre Sul", "Andar 14, Conjunto 141, Itaim Bibi");
    expect(long.every((line) => line.length <= 45)).toBe(true);
    expect(long.join(" ")).toBe("Avenida Brigadeiro Faria Lima, 3477, Torre Sul Andar 14, Conjunto 141, Itaim Bibi");
    expect(() => addressLines("word ".repeat(40), null)).toThrow(DhlRequestProblem);
    expect(() => addressLines("   ", null)).toThrow(DhlRequestProblem);
  });
});

describe("exportReason", () => {
  it.each([
    ["sale", "commercial_purpose_or_sale", "commercial"],
    ["gift", "gift", "personal"],
    ["sample", "sample", "commercial"],
    ["return", "return", "commercial"],
    ["repair", "temporary", "commercial"],
    ["personal_use", "personal_belongings_or_personal_use", "personal"],
  ])("%s → %s (%s)", (ours, type, kind) => {
    expect(exportReason(ours)).toMatchObject({ type, shipment: kind });
    expect(exportReason(ours).text.length).toBeLessThanOrEqual(30);
  });
  it("refuses a reason it does not know", () => {
    expect(() => exportReason("toString")).toThrow(DhlRequestProblem);
  });
});

describe("contentDescription", () => {
  it("joins the items, shortened at a word to 70 characters", () => {
    expect(contentDescription(shipment.items)).toBe("Tote bag");
    const many = Array.from({ length: 10 }, (_, i) => ({
      ...shipment.items[0],
      description: `Handmade item number ${i}`,
    }));
    const text = contentDescription(many);
    expect(text.length).toBeLessThanOrEqual(70);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("buildShipmentRequest", () => {
  const body = buildShipmentRequest(shipment, options);
  it("puts the CNPJ, the NF-e key and our reference where CARRIERS.md says", () => {
    expect(body.customerDetails.shipperDetails.registrationNumbers).toEqual([
      { typeCode: "CNP", number: "12345678000195", issuerCountryCode: "BR" },
    ]);
    expect(body.content.exportDeclaration.remarks).toEqual([{ value: `NF-e ${shipment.nfeKey}` }]);
    expect(body.customerReferences).toEqual([{ typeCode: "CU", value: "SS-1042-1" }]);
    expect(body.content.packages[0].customerReferences).toEqual([{ typeCode: "CU", value: "SS-1042-1" }]);
  });
  it("maps the customs data", () => {
    expect(body.content).toMatchObject({
      incoterm: "DAP",
      declaredValue: 79.8,
      declaredValueCurrency: "USD",
      isCustomsDeclarable: true,
      unitOfMeasurement: "metric",
    });
    expect(body.content.exportDeclaration).toMatchObject({
      invoice: { number: "INV-42", date: "2026-12-02" },
      exportReasonType: "gift",
      shipmentType: "personal",
    });
    expect(body.content.exportDeclaration.lineItems).toEqual([
      {
        number: 1,
        description: "Tote bag",
        price: 39.9,
        quantity: { value: 2, unitOfMeasurement: "PCS" },
        commodityCodes: [{ typeCode: "outbound", value: "42022200" }],
        exportReasonType: "gift",
        manufacturerCountry: "BR",
        weight: { netValue: 0.5, grossValue: 0.5 },
      },
    ]);
  });
  it("leaves out a one-letter province code, which DHL refuses (provinceCode is 2 to 35 characters)", () => {
    const berlin = { ...shipment.recipient, city: "Berlin", state: "B", postalCode: "10115", countryCode: "DE" };
    const address = buildShipmentRequest({ ...shipment, recipient: berlin }, options).customerDetails.receiverDetails
      .postalAddress;
    expect(address).not.toHaveProperty("provinceCode");
    expect(address).toMatchObject({ cityName: "Berlin", postalCode: "10115", countryCode: "DE" });
  });
  it("asks for the 4×6 label in the chosen format; a private recipient's company is their name", () => {
    expect(body.outputImageProperties).toEqual({
      encodingFormat: "zpl",
      imageOptions: [{ typeCode: "label", templateName: "ARCH_6X4", isRequested: true }],
    });
    expect(body.customerDetails.receiverDetails.contactInformation.companyName).toBe("Jordan Miller");
    expect(body.customerDetails.receiverDetails.typeCode).toBe("private");
    expect(body.plannedShippingDateAndTime).toBe("2026-12-02T09:00:00 GMT-03:00");
  });
  it("attaches an inline invoice with Paperless Trade only when given", () => {
    expect(body).not.toHaveProperty("documentImages");
    const paperless = buildShipmentRequest(shipment, { ...options, invoicePdfBase64: "JVBERi0=" });
    expect(paperless.valueAddedServices).toEqual([{ serviceCode: "WY" }]);
    expect(paperless.documentImages).toEqual([{ typeCode: "INV", imageFormat: "PDF", content: "JVBERi0=" }]);
  });
  it.each<[string, Partial<CarrierShipment>]>([
    ["a reference over 35", { reference: "R".repeat(36) }],
    ["an unknown incoterm", { incoterm: "XYZ" }],
    ["a short NF-e key", { nfeKey: "123" }],
    ["a CNPJ without 14 digits", { shipper: { ...shipment.shipper, taxId: "123" } }],
    ["a fractional quantity", { items: [{ ...shipment.items[0], quantity: 1.5 }] }],
    ["a short HS code", { items: [{ ...shipment.items[0], hsCode: "42" }] }],
    ["a malformed amount", { declaredValue: "79,80" }],
    ["no phone", { recipient: { ...shipment.recipient, phone: null } }],
    ["a city over 45", { recipient: { ...shipment.recipient, city: "C".repeat(46) } }],
    ["a postal code over 12", { recipient: { ...shipment.recipient, postalCode: "1".repeat(13) } }],
    ["no parcels", { parcels: [] }],
    ["an invoice number over 35", { invoice: { number: "I".repeat(36), date: "2026-12-02" } }],
  ])("refuses %s", (_, change) => {
    expect(() => buildShipmentRequest({ ...shipment, ...change }, options)).toThrow(DhlRequestProblem);
  });
});

describe("buildRateRequest", () => {
  it("sends the lane, the declared value and the packages", () => {
    const body = buildRateRequest(
      {
        shipDate: "2026-12-02",
        shipper: shipment.shipper,
        recipient: shipment.recipient,
        parcels: shipment.parcels,
        currency: "USD",
        declaredValue: "79.80",
      },
      "960000001",
      "10:15",
    );
    expect(body).toEqual({
      customerDetails: {
        shipperDetails: { postalCode: "01310-200", cityName: "São Paulo", countryCode: "BR", provinceCode: "SP" },
        receiverDetails: { postalCode: "10011", cityName: "New York", countryCode: "US", provinceCode: "NY" },
      },
      accounts: [{ typeCode: "shipper", number: "960000001" }],
      plannedShippingDateAndTime: "2026-12-02T10:15:00 GMT-03:00",
      unitOfMeasurement: "metric",
      isCustomsDeclarable: true,
      monetaryAmount: [{ typeCode: "declaredValue", value: 79.8, currency: "USD" }],
      packages: [{ weight: 1.4, dimensions: { length: 30, width: 22, height: 12 } }],
    });
  });
});

describe("buildPickupRequest", () => {
  const booking: PickupBookingRequest = {
    date: "2026-12-02",
    readyTime: "10:00",
    closeTime: "14:00",
    packages: 3,
    totalWeightKg: 4.5,
    address: {
      company: "Ateliê",
      contact: "Marina",
      line: "Avenida Paulista, 1578",
      city: "São Paulo",
      state: "SP",
      postalCode: "01310-200",
      countryCode: "BR",
      phone: "+55 11 3251-0000",
    },
    pieces: [{ serviceCode: "P", destinationCountry: "US", quantity: 3 }],
    trackingNumbers: [],
    reference: "PU-1",
  };
  it("books the ready time with the close time and an equal weight per package", () => {
    const body = buildPickupRequest(booking, "960000001");
    expect(body.plannedPickupDateAndTime).toBe("2026-12-02T10:00:00 GMT-03:00");
    expect(body.closeTime).toBe("14:00");
    expect(body.shipmentDetails).toEqual([
      {
        productCode: "P",
        isCustomsDeclarable: true,
        unitOfMeasurement: "metric",
        packages: [{ weight: 1.5 }, { weight: 1.5 }, { weight: 1.5 }],
      },
    ]);
    expect(body.customerDetails.shipperDetails.contactInformation).toEqual({
      phone: "+55 11 3251-0000",
      companyName: "Ateliê",
      fullName: "Marina",
    });
  });
  it("refuses pieces that do not add up, and a malformed close time", () => {
    expect(() => buildPickupRequest({ ...booking, packages: 2 }, "960000001")).toThrow(DhlRequestProblem);
    expect(() => buildPickupRequest({ ...booking, closeTime: "2pm" }, "960000001")).toThrow(DhlRequestProblem);
  });
});
