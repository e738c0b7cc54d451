import { describe, expect, it } from "vitest";
import { CarrierApiError } from "../api";
import {
  errorCode,
  parseCancel,
  parseError,
  parsePickupAvailability,
  parsePickupCreated,
  parseRates,
  parseReferenceLookup,
  parseShipment,
  parseTracking,
  parseUpload,
  trackingStatus,
  transitDays,
} from "./responses";

function thrown(run: () => unknown): CarrierApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CarrierApiError);
    return error as CarrierApiError;
  }
  throw new Error("expected an error");
}

describe("trackingStatus", () => {
  it("maps FedEx's codes to ours", () => {
    expect(trackingStatus("OC")).toBe("label_created");
    for (const code of ["PU", "IT", "AR", "DP", "AF", "CC", "CP", "EA", "PF", "SF"])
      expect(trackingStatus(code)).toBe("in_transit");
    expect(trackingStatus("OD")).toBe("out_for_delivery");
    expect(trackingStatus("DL")).toBe("delivered");
    for (const code of ["DE", "SE", "CD", "DY", "DD", "CA", "RS"]) expect(trackingStatus(code)).toBe("exception");
    expect(trackingStatus("dl")).toBe("delivered");
  });
});

describe("errorCode", () => {
  it("maps FedEx's error codes and statuses to ours", () => {
    expect(errorCode(401, "NOT.AUTHORIZED.ERROR")).toBe("unauthorized");
    expect(errorCode(400, "NOT.AUTHORIZED.ERROR")).toBe("unauthorized");
    expect(errorCode(403, "FORBIDDEN.ERROR")).toBe("forbidden");
    expect(errorCode(400, "ACCOUNTNUMBER.REGISTRATION.REQUIRED")).toBe("forbidden");
    expect(errorCode(400, "SHIP.RECIPIENT.POSTALCITY.MISMATCH")).toBe("invalidPostalCode");
    expect(errorCode(400, "RATE.RECIPIENT.POSTALCODE.INVALID")).toBe("invalidPostalCode");
    expect(errorCode(400, "PICKUP.READYTIME.AFTERCUTOFF")).toBe("pickupNotAvailable");
    expect(errorCode(400, "PICKUP.SCHEDULE.NOTAVAILABLE")).toBe("pickupNotAvailable");
    expect(errorCode(400, "PICKUP.CONFIRMATIONNUMBER.NOTFOUND")).toBe("pickupNotFound");
    expect(errorCode(400, "PICKUP.ALREADY.CANCELLED")).toBe("pickupNotFound");
    expect(errorCode(400, "SHIPMENT.ALREADY.CANCELLED")).toBe("alreadyVoided");
    expect(errorCode(400, "SHIPMENT.CANCEL.INTRANSIT")).toBe("inTransit");
    expect(errorCode(400, "SHIPMENT.CANCEL.WINDOWEXPIRED")).toBe("voidWindowPassed");
    expect(errorCode(404, "SHIPMENT.NOTFOUND")).toBe("unknownShipment");
    expect(errorCode(400, "TRACKING.TRACKINGNUMBER.NOTFOUND")).toBe("unknownShipment");
    expect(errorCode(400, "ETD.SERVICE.NOT.ENABLED")).toBe("paperlessNotEnabled");
    expect(errorCode(400, "INVALID.INPUT.EXCEPTION")).toBe("invalidRequest");
  });

  it("reads FedEx's error body", () => {
    expect(parseError({ transactionId: "t", errors: [{ code: "A.B", message: "m" }, { code: "C" }] })).toEqual({
      code: "A.B",
      message: "m",
    });
    expect(parseError({ message: "no errors array" })).toBeNull();
    expect(parseError("<html>")).toBeNull();
  });
});

describe("parseRates", () => {
  const detail = (serviceType: string, rated: unknown[], days = "THREE_DAYS") => ({
    serviceType,
    ratedShipmentDetails: rated,
    commit: { transitDays: { minimumTransitTime: days } },
    operationalDetail: { deliveryDate: "2026-12-07T18:00:00" },
  });

  it("reads our services, the preferred-currency rate before the account rate, transit days and delivery date", () => {
    const rates = parseRates({
      output: {
        rateReplyDetails: [
          detail("FEDEX_INTERNATIONAL_PRIORITY", [
            { rateType: "ACCOUNT", totalNetCharge: 100, currency: "USD" },
            { rateType: "PREFERRED_CURRENCY", totalNetCharge: 520.5, currency: "BRL" },
          ]),
          detail("INTERNATIONAL_ECONOMY", [{ rateType: "ACCOUNT", totalNetCharge: 80, currency: "USD" }], "FIVE_DAYS"),
          detail("INTERNATIONAL_PRIORITY_FREIGHT", [{ rateType: "ACCOUNT", totalNetCharge: 900, currency: "USD" }]),
          detail("FEDEX_INTERNATIONAL_CONNECT_PLUS", [{ rateType: "ACCOUNT", totalNetCharge: "12", currency: "USD" }]),
        ],
      },
    });
    expect(rates).toEqual([
      {
        serviceCode: "FEDEX_INTERNATIONAL_PRIORITY",
        serviceName: "International Priority",
        price: "520.50",
        currency: "BRL",
        transitDays: 3,
        estimatedDelivery: "2026-12-07",
      },
      {
        serviceCode: "INTERNATIONAL_ECONOMY",
        serviceName: "International Economy",
        price: "80.00",
        currency: "USD",
        transitDays: 5,
        estimatedDelivery: "2026-12-07",
      },
    ]);
  });

  it("refuses an answer without rate details", () => {
    expect(thrown(() => parseRates({ output: {} })).code).toBe("unavailable");
  });

  it("reads FedEx's transit wording", () => {
    expect(transitDays("ONE_DAY")).toBe(1);
    expect(transitDays("TEN_DAYS")).toBe(10);
    expect(transitDays("SOON")).toBeNull();
    expect(transitDays(3)).toBeNull();
  });
});

describe("parseShipment", () => {
  const label = Buffer.from("%PDF-1.7 label").toString("base64");
  it("reads the master tracking number, each piece's label and the net charge", () => {
    const answer = parseShipment({
      output: {
        transactionShipments: [
          {
            masterTrackingNumber: "794000000001",
            pieceResponses: [
              { trackingNumber: "794000000001", packageDocuments: [{ contentType: "LABEL", encodedLabel: label }] },
              {
                trackingNumber: "794000000002",
                packageDocuments: [
                  { contentType: "COMMERCIAL_INVOICE", encodedLabel: "AAAA" },
                  { contentType: "LABEL", encodedLabel: label },
                ],
              },
            ],
            completedShipmentDetail: {
              shipmentRating: { shipmentRateDetails: [{ totalNetCharge: 212.4, currency: "USD" }] },
            },
          },
        ],
      },
    });
    expect(answer.trackingNumber).toBe("794000000001");
    expect(answer.labels.map((bytes) => Buffer.from(bytes).toString())).toEqual(["%PDF-1.7 label", "%PDF-1.7 label"]);
    expect(answer.charges).toEqual({ amount: "212.40", currency: "USD" });
  });

  it("refuses an answer without a tracking number or a label, and charges may be absent", () => {
    expect(thrown(() => parseShipment({ output: { transactionShipments: [{}] } })).code).toBe("unavailable");
    expect(
      thrown(() =>
        parseShipment({ output: { transactionShipments: [{ masterTrackingNumber: "1", pieceResponses: [] }] } }),
      ).code,
    ).toBe("unavailable");
    const bad = {
      masterTrackingNumber: "1",
      pieceResponses: [{ packageDocuments: [{ contentType: "LABEL", encodedLabel: "not base64!" }] }],
    };
    expect(thrown(() => parseShipment({ output: { transactionShipments: [bad] } })).code).toBe("unavailable");
    const noCharge = {
      masterTrackingNumber: "1",
      pieceResponses: [{ packageDocuments: [{ contentType: "LABEL", encodedLabel: label }] }],
    };
    expect(parseShipment({ output: { transactionShipments: [noCharge] } }).charges).toBeNull();
  });
});

describe("parseReferenceLookup", () => {
  it("lists the shipments found, without a label, and skips 'not found' and cancelled entries", () => {
    expect(
      parseReferenceLookup({
        output: {
          completeTrackResults: [
            {
              trackingNumber: "794000000001",
              trackResults: [{ trackingNumberInfo: { trackingNumber: "794000000001" } }],
            },
            { trackingNumber: "SS-1", trackResults: [{ error: { code: "TRACKING.REFERENCENUMBER.NOTFOUND" } }] },
            {
              trackingNumber: "794000000002",
              trackResults: [
                { trackingNumberInfo: { trackingNumber: "794000000002" }, latestStatusDetail: { code: "CA" } },
              ],
            },
          ],
        },
      }),
    ).toEqual([{ trackingNumber: "794000000001", carrierShipmentId: "794000000001", label: null }]);
    expect(thrown(() => parseReferenceLookup({})).code).toBe("unavailable");
  });
});

describe("parseTracking", () => {
  it("reads status, events oldest first and the estimated delivery; an unknown number is not found", () => {
    const results = parseTracking(
      {
        output: {
          completeTrackResults: [
            {
              trackingNumber: "794000000001",
              trackResults: [
                {
                  latestStatusDetail: { code: "OD", derivedCode: "OD", description: "On FedEx vehicle for delivery" },
                  scanEvents: [
                    {
                      date: "2026-12-03T08:00:00-05:00",
                      eventType: "OD",
                      derivedStatusCode: "OD",
                      eventDescription: "On FedEx vehicle for delivery",
                      scanLocation: { city: "NEW YORK", countryCode: "US" },
                    },
                    {
                      date: "2026-12-01T10:00:00-03:00",
                      eventType: "PU",
                      derivedStatusCode: "PU",
                      eventDescription: "Picked up",
                      scanLocation: { city: "SAO PAULO", countryCode: "BR" },
                    },
                    { date: "not a date", eventType: "IT" },
                  ],
                  dateAndTimes: [{ type: "ESTIMATED_DELIVERY", dateTime: "2026-12-03T18:00:00-05:00" }],
                },
              ],
            },
            { trackingNumber: "794000000009", trackResults: [{ error: { code: "TRACKING.TRACKINGNUMBER.NOTFOUND" } }] },
          ],
        },
      },
      ["794000000001", "794000000009", "794000000010"],
    );
    expect(results).toEqual([
      {
        trackingNumber: "794000000001",
        found: true,
        status: "out_for_delivery",
        estimatedDelivery: "2026-12-03",
        events: [
          {
            occurredAt: "2026-12-01T10:00:00-03:00",
            status: "in_transit",
            code: "PU",
            description: "Picked up",
            location: "SAO PAULO, BR",
          },
          {
            occurredAt: "2026-12-03T08:00:00-05:00",
            status: "out_for_delivery",
            code: "OD",
            description: "On FedEx vehicle for delivery",
            location: "NEW YORK, US",
          },
        ],
      },
      { trackingNumber: "794000000009", found: false },
      { trackingNumber: "794000000010", found: false },
    ]);
  });
});

describe("pickup answers", () => {
  const option = (pickupDate: string, available: boolean) => ({
    carrier: "FDXE",
    available,
    pickupDate,
    cutOffTime: "16:00:00",
    accessTime: { hours: 1, minutes: 30 },
  });

  it("reads the asked day's option: cut-off HH:MM and the access time in minutes", () => {
    const body = { output: { options: [option("2026-12-02", true), option("2026-12-03", false)] } };
    expect(parsePickupAvailability(body, "2026-12-02")).toEqual({
      available: true,
      cutoffTime: "16:00",
      minWindowMinutes: 90,
    });
    expect(parsePickupAvailability(body, "2026-12-03")).toEqual({ available: false });
    expect(parsePickupAvailability(body, "2026-12-04")).toEqual({ available: false });
    const broken = { output: { options: [{ ...option("2026-12-02", true), cutOffTime: "4pm" }] } };
    expect(thrown(() => parsePickupAvailability(broken, "2026-12-02")).code).toBe("unavailable");
  });

  it("reads the confirmation code and the Express location", () => {
    expect(parsePickupCreated({ output: { pickupConfirmationCode: "00000001", location: "SAOA" } })).toEqual({
      confirmationNumber: "00000001",
      location: "SAOA",
    });
    expect(parsePickupCreated({ output: { pickupConfirmationCode: "7" } })).toEqual({
      confirmationNumber: "7",
      location: null,
    });
    expect(thrown(() => parsePickupCreated({ output: {} })).code).toBe("unavailable");
  });
});

describe("upload and cancel answers", () => {
  it("reads the document id", () => {
    expect(parseUpload({ output: { meta: { docId: "0904000000000001" } } })).toBe("0904000000000001");
    expect(thrown(() => parseUpload({ output: {} })).code).toBe("unavailable");
  });

  it("accepts a cancelled shipment and refuses a 200 that says it was not", () => {
    expect(() => parseCancel({ output: { cancelledShipment: true } })).not.toThrow();
    const error = thrown(() =>
      parseCancel({ output: { cancelledShipment: false, message: "Shipment already tendered" } }),
    );
    expect(error.code).toBe("invalidRequest");
    expect(error.carrierMessage).toBe("Shipment already tendered");
  });
});
