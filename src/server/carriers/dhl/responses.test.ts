import { describe, expect, it } from "vitest";
import {
  DhlAnswerProblem,
  dhlErrorCode,
  dhlEventStatus,
  parseDhlError,
  parseImage,
  parsePickup,
  parsePickupCapabilities,
  parseRates,
  parseShipment,
  parseTracking,
  trackedNumbers,
} from "./responses";

describe("parseDhlError", () => {
  it("splits DHL's '<code>: text' detail and keeps the additional details", () => {
    expect(parseDhlError({ detail: "8007: The Shipper Account is invalid.", status: 400 })).toEqual({
      code: "8007",
      message: "The Shipper Account is invalid.",
    });
    expect(
      parseDhlError({ detail: "Multiple problems found, see Additional Details", additionalDetails: ["a", "b"] }),
    ).toEqual({
      code: null,
      message: "Multiple problems found, see Additional Details | a | b",
    });
    expect(parseDhlError("nonsense")).toEqual({ code: null, message: "No error details" });
  });
});

describe("dhlErrorCode", () => {
  const code = (status: number, detail: string) => dhlErrorCode(status, parseDhlError({ detail }));
  it.each([
    [401, "Invalid Credentials", "unauthorized"],
    [403, "Forbidden", "forbidden"],
    [400, "8007: The Shipper Account is invalid.", "forbidden"],
    [429, "Too many requests", "rateLimited"],
    [400, "Invalid postal code provided", "invalidPostalCode"],
    [404, "Cancellation of booking was not successful. Requested Pickup was not found", "pickupNotFound"],
    [422, "Pickup not available: after the cut-off time 17:00", "pickupNotAvailable"],
    [404, "No shipments found", "unknownShipment"],
    [400, "#/content/exportDeclaration/lineItems/0: required key [weight] not found", "invalidRequest"],
  ])("%i %s → %s", (status, detail, expected) => {
    expect(code(status, detail)).toBe(expected);
  });
});

const product = (code: string, extra: Record<string, unknown> = {}) => ({
  productCode: code,
  productName: code,
  weight: {},
  totalPrice: [
    { currencyType: "BILLC", priceCurrency: "BRL", price: 327.36 },
    { currencyType: "PULCL", priceCurrency: "USD", price: 60 },
  ],
  deliveryCapabilities: { totalTransitDays: 4, estimatedDeliveryDateAndTime: "2026-12-06T23:59:00" },
  pickupCapabilities: {
    nextBusinessDay: false,
    localCutoffDateAndTime: "2026-12-02T17:00:00",
    pickupEarliest: "09:00:00",
    pickupLatest: "18:00:00",
  },
  ...extra,
});

describe("parseRates", () => {
  it("keeps our products at the billed price and skips the others", () => {
    expect(parseRates({ products: [product("P"), product("K")] })).toEqual([
      {
        serviceCode: "P",
        serviceName: "Express Worldwide",
        price: "327.36",
        currency: "BRL",
        transitDays: 4,
        estimatedDelivery: "2026-12-06",
      },
    ]);
  });
  it("refuses an answer without products", () => {
    expect(() => parseRates({})).toThrow(DhlAnswerProblem);
  });
});

describe("parsePickupCapabilities", () => {
  it("available on the day with its cut-off; not when DHL moves it to the next business day", () => {
    expect(parsePickupCapabilities({ products: [product("P")] }, "2026-12-02", "P")).toEqual({
      available: true,
      cutoffTime: "17:00",
      minWindowMinutes: 120,
    });
    const moved = product("P", {
      pickupCapabilities: { nextBusinessDay: true, localCutoffDateAndTime: "2026-12-03T17:00:00" },
    });
    expect(parsePickupCapabilities({ products: [moved] }, "2026-12-02", "P").available).toBe(false);
    expect(parsePickupCapabilities({ products: [product("P")] }, "2026-12-03", "P").available).toBe(false);
    expect(parsePickupCapabilities({ products: [product("K")] }, "2026-12-02", "P")).toEqual({ available: false });
  });
});

describe("parseShipment", () => {
  const pdf = Buffer.from("%PDF-1.7 label").toString("base64");
  const body = {
    shipmentTrackingNumber: "1234567890",
    documents: [
      { typeCode: "waybillDoc", imageFormat: "PDF", content: Buffer.from("%PDF waybill").toString("base64") },
      { typeCode: "label", imageFormat: "PDF", content: pdf },
    ],
    shipmentCharges: [{ currencyType: "BILLC", priceCurrency: "BRL", price: 327.4 }],
  };
  it("keeps the label, not the waybill doc, with DHL's charges", () => {
    const parsed = parseShipment(body, "pdf");
    expect(Buffer.from(parsed.label).toString()).toBe("%PDF-1.7 label");
    expect(parsed).toMatchObject({ trackingNumber: "1234567890", charges: { amount: "327.40", currency: "BRL" } });
  });
  it("refuses an answer without the label in the asked format or without an AWB", () => {
    expect(() => parseShipment(body, "zpl")).toThrow(DhlAnswerProblem);
    expect(() => parseShipment({ ...body, shipmentTrackingNumber: undefined }, "pdf")).toThrow(DhlAnswerProblem);
  });
});

describe("parseImage, parsePickup, trackedNumbers", () => {
  it("read their documents and numbers", () => {
    const content = Buffer.from("%PDF").toString("base64");
    expect(Buffer.from(parseImage({ documents: [{ typeCode: "waybill", content }] }, "waybill")!).toString()).toBe(
      "%PDF",
    );
    expect(parseImage({ documents: [] }, "waybill")).toBeNull();
    expect(parsePickup({ dispatchConfirmationNumbers: ["PRG261202000001"] })).toBe("PRG261202000001");
    expect(() => parsePickup({ dispatchConfirmationNumbers: [] })).toThrow(DhlAnswerProblem);
    expect(trackedNumbers({ shipments: [{ shipmentTrackingNumber: "1" }, { shipmentTrackingNumber: "2" }] })).toEqual([
      "1",
      "2",
    ]);
  });
});

describe("dhlEventStatus", () => {
  it.each([
    ["PL", "label_created"],
    ["RW", "label_created"],
    ...["PU", "DF", "AF", "AR", "PA", "TR", "CC", "CD", "CI", "CU", "CM"].map((code) => [code, "in_transit"]),
    ["WC", "out_for_delivery"],
    ...["OK", "DD", "DL"].map((code) => [code, "delivered"]),
    ...["BA", "BN", "CA", "NH", "MS", "OH", "HP"].map((code) => [code, "exception"]),
  ])("%s → %s", (code, status) => {
    expect(dhlEventStatus(code)).toBe(status);
  });
  it("knows no other code", () => {
    expect(dhlEventStatus("ZZ")).toBeNull();
    expect(dhlEventStatus("constructor")).toBeNull();
  });
});

describe("parseTracking", () => {
  const event = (time: string, typeCode: string) => ({
    date: "2026-12-02",
    time,
    GMTOffset: "-03:00",
    typeCode,
    description: typeCode,
    serviceArea: [{ code: "SAO", description: "SAO PAULO - BRAZIL" }],
  });
  it("orders the events, keeps the status through unknown codes, and marks the missing numbers", () => {
    const [found, missing] = parseTracking(
      {
        shipments: [
          {
            shipmentTrackingNumber: "1234567890",
            estimatedDeliveryDate: "2026-12-06",
            events: [event("14:00:00", "ZZ"), event("12:00:00", "PU"), event("18:00:00", "WC")],
          },
        ],
      },
      ["1234567890", "0000000000"],
    );
    expect(found).toEqual({
      trackingNumber: "1234567890",
      found: true,
      status: "out_for_delivery",
      estimatedDelivery: "2026-12-06",
      events: [
        {
          occurredAt: "2026-12-02T12:00:00-03:00",
          status: "in_transit",
          code: "PU",
          description: "PU",
          location: "SAO PAULO - BRAZIL",
        },
        {
          occurredAt: "2026-12-02T14:00:00-03:00",
          status: "in_transit",
          code: "ZZ",
          description: "ZZ",
          location: "SAO PAULO - BRAZIL",
        },
        {
          occurredAt: "2026-12-02T18:00:00-03:00",
          status: "out_for_delivery",
          code: "WC",
          description: "WC",
          location: "SAO PAULO - BRAZIL",
        },
      ],
    });
    expect(missing).toEqual({ trackingNumber: "0000000000", found: false });
  });
  it("a shipment without events is label created", () => {
    expect(parseTracking({ shipments: [{ shipmentTrackingNumber: "1", events: [] }] }, ["1"])[0]).toMatchObject({
      status: "label_created",
      events: [],
    });
  });
});
