import { describe, expect, it } from "vitest";
import {
  parsePrn,
  parseRates,
  parseRecoveredLabels,
  parseReferenceLookup,
  parseShipResult,
  parseTracking,
  parseUploadedDocumentId,
  upsErrorCode,
  upsErrors,
  upsTrackingStatus,
  voidSucceeded,
} from "./responses";

describe("upsTrackingStatus", () => {
  it.each([
    ["D", "KB", "delivered"],
    ["X", "UD", "exception"],
    ["X", "SR", "exception"],
    ["M", "MP", "label_created"],
    ["MV", null, "label_created"],
    ["I", "OT", "out_for_delivery"],
    ["I", "OF", "out_for_delivery"],
    ["I", "SR", "in_transit"],
    ["I", null, "in_transit"],
    ["P", "XA", "in_transit"],
    ["U", "ZZ", "in_transit"],
    ["d", null, "delivered"],
  ] as const)("%s/%s → %s", (type, code, status) => {
    expect(upsTrackingStatus(type, code)).toBe(status);
  });

  it("an unknown letter maps to nothing (the event is skipped, not guessed)", () => {
    expect(upsTrackingStatus("Q", null)).toBeNull();
  });
});

describe("upsErrorCode", () => {
  it.each([
    ["120207", "invalidPostalCode"],
    ["9560131", "pickupNotAvailable"],
    ["190102", "voidWindowPassed"],
    ["190117", "alreadyVoided"],
    ["190118", "inTransit"],
    ["190100", "unknownShipment"],
    ["9590018", "paperlessNotEnabled"],
    ["9510113", "pickupNotFound"],
    ["9510114", "pickupNotFound"],
    ["250002", "unauthorized"],
    ["250003", "unauthorized"],
    ["10002", "invalidRequest"],
  ] as const)("%s → %s", (code, ours) => {
    expect(upsErrorCode([{ code, message: "x" }])).toBe(ours);
  });

  it("reads UPS's error body, and nothing from a body that is not one", () => {
    const body = { response: { errors: [{ code: "120207", message: "Missing/Invalid ShipTo PostalCode" }] } };
    expect(upsErrors(body)).toEqual([{ code: "120207", message: "Missing/Invalid ShipTo PostalCode" }]);
    expect(upsErrors({ response: { errors: [{ message: "no code" }] } })).toEqual([]);
    expect(upsErrors("<html>")).toEqual([]);
    expect(upsErrorCode([])).toBe("invalidRequest");
  });
});

describe("parseRates", () => {
  it("prefers negotiated rates, names our services and skips codes we do not list or cannot read", () => {
    const body = {
      RateResponse: {
        RatedShipment: [
          {
            Service: { Code: "65" },
            TotalCharges: { CurrencyCode: "BRL", MonetaryValue: "500.00" },
            NegotiatedRateCharges: { TotalCharge: { CurrencyCode: "BRL", MonetaryValue: "410.50" } },
            TimeInTransit: {
              ServiceSummary: { EstimatedArrival: { BusinessDaysInTransit: "3", Arrival: { Date: "20261207" } } },
            },
          },
          { Service: { Code: "96" }, TotalCharges: { CurrencyCode: "BRL", MonetaryValue: "900.00" } },
          { Service: { Code: "07" }, TotalCharges: { CurrencyCode: "BRL", MonetaryValue: "abc" } },
          { Service: { Code: "08" }, TotalCharges: { CurrencyCode: "BRL", MonetaryValue: "300.00" } },
        ],
      },
    };
    expect(parseRates(body)).toEqual([
      {
        serviceCode: "65",
        serviceName: "Worldwide Saver",
        price: "410.50",
        currency: "BRL",
        transitDays: 3,
        estimatedDelivery: "2026-12-07",
      },
      {
        serviceCode: "08",
        serviceName: "Worldwide Expedited",
        price: "300.00",
        currency: "BRL",
        transitDays: null,
        estimatedDelivery: null,
      },
    ]);
  });

  it("takes a single RatedShipment object as well as an array", () => {
    const body = {
      RateResponse: {
        RatedShipment: { Service: { Code: "11" }, TotalCharges: { CurrencyCode: "USD", MonetaryValue: "12" } },
      },
    };
    expect(parseRates(body).map((r) => r.serviceName)).toEqual(["Standard"]);
  });
});

describe("parseShipResult", () => {
  it("reads the shipment number, every package's label and the charges", () => {
    const body = {
      ShipmentResponse: {
        ShipmentResults: {
          ShipmentIdentificationNumber: "1ZA1B2C36500000011",
          ShipmentCharges: { TotalCharges: { CurrencyCode: "BRL", MonetaryValue: "420.00" } },
          PackageResults: [
            {
              TrackingNumber: "1ZA1B2C36500000011",
              ShippingLabel: { ImageFormat: { Code: "GIF" }, GraphicImage: "R0lG" },
            },
            {
              TrackingNumber: "1ZA1B2C36500000020",
              ShippingLabel: { ImageFormat: { Code: "GIF" }, GraphicImage: "R0lH" },
            },
          ],
        },
      },
    };
    expect(parseShipResult(body)).toEqual({
      shipmentId: "1ZA1B2C36500000011",
      packages: [
        { trackingNumber: "1ZA1B2C36500000011", imageFormat: "GIF", image: "R0lG" },
        { trackingNumber: "1ZA1B2C36500000020", imageFormat: "GIF", image: "R0lH" },
      ],
      charges: { amount: "420.00", currency: "BRL" },
    });
  });

  it("is null without a label (the purchase cannot be taken as done)", () => {
    expect(
      parseShipResult({ ShipmentResponse: { ShipmentResults: { ShipmentIdentificationNumber: "1Z" } } }),
    ).toBeNull();
  });
});

describe("parseTracking", () => {
  const body = {
    trackResponse: {
      shipment: [
        {
          package: [
            {
              currentStatus: { type: "I", code: "OT", description: "Out For Delivery Today" },
              deliveryDate: [{ type: "SDD", date: "20261204" }],
              activity: [
                {
                  status: { type: "M", code: "MP", description: "Label" },
                  date: "20261202",
                  time: "090000",
                  gmtOffset: "-03:00",
                  location: { address: { city: "Sao Paulo", countryCode: "BR" } },
                },
                {
                  status: { type: "I", code: "OT", description: "Out For Delivery Today" },
                  date: "20261203",
                  time: "080000",
                  gmtOffset: "-05:00",
                  location: { address: { city: "New York", stateProvince: "NY", countryCode: "US" } },
                },
                { status: { type: "Q", code: "??" }, date: "20261203", time: "090000" },
              ],
            },
          ],
        },
      ],
    },
  };

  it("maps events newest first with their offsets, the current status and the scheduled delivery", () => {
    expect(parseTracking("1ZX", body)).toEqual({
      trackingNumber: "1ZX",
      found: true,
      status: "out_for_delivery",
      estimatedDelivery: "2026-12-04",
      events: [
        {
          occurredAt: "2026-12-03T08:00:00-05:00",
          status: "out_for_delivery",
          code: "OT",
          description: "Out For Delivery Today",
          location: "New York, NY, US",
        },
        {
          occurredAt: "2026-12-02T09:00:00-03:00",
          status: "label_created",
          code: "MP",
          description: "Label",
          location: "Sao Paulo, BR",
        },
      ],
    });
  });

  it("is not found without a package", () => {
    expect(parseTracking("1ZX", { trackResponse: { shipment: [{ warnings: [{ code: "TW0001" }] }] } })).toEqual({
      trackingNumber: "1ZX",
      found: false,
    });
  });
});

describe("the other answers", () => {
  it("reads lookups, recovered labels, PRNs, document ids and void results", () => {
    expect(
      parseReferenceLookup({
        trackResponse: {
          shipment: [{ package: [{ trackingNumber: "1ZA" }, { trackingNumber: "1ZB" }] }, { package: [] }],
        },
      }),
    ).toEqual([{ trackingNumbers: ["1ZA", "1ZB"] }]);
    expect(
      parseRecoveredLabels({
        LabelRecoveryResponse: {
          LabelResults: {
            TrackingNumber: "1ZA",
            LabelImage: { LabelImageFormat: { Code: "ZPL" }, GraphicImage: "Xg==" },
          },
        },
      }),
    ).toEqual([{ trackingNumber: "1ZA", imageFormat: "ZPL", image: "Xg==" }]);
    expect(parsePrn({ PickupCreationResponse: { PRN: "29290000001" } })).toBe("29290000001");
    expect(
      parseUploadedDocumentId({
        UploadResponse: { FormsHistoryDocumentID: { DocumentID: ["2026-12-02-09.00.00.000001"] } },
      }),
    ).toBe("2026-12-02-09.00.00.000001");
    expect(parseUploadedDocumentId({ UploadResponse: {} })).toBeNull();
    expect(voidSucceeded({ VoidShipmentResponse: { SummaryResult: { Status: { Code: "1" } } } })).toBe(true);
    expect(voidSucceeded({ VoidShipmentResponse: { SummaryResult: { Status: { Code: "0" } } } })).toBe(false);
  });
});
