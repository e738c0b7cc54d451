import { describe, expect, it } from "vitest";
import { dhlContractProblems } from "./contract";

const rate = () => ({
  customerDetails: {
    shipperDetails: { postalCode: "01310-200", cityName: "Sao Paulo", countryCode: "BR" },
    receiverDetails: { postalCode: "10011", cityName: "New York", countryCode: "US" },
  },
  accounts: [{ typeCode: "shipper", number: "960000001" }],
  plannedShippingDateAndTime: "2026-12-02T10:00:00 GMT-03:00",
  unitOfMeasurement: "metric",
  isCustomsDeclarable: true,
  packages: [{ weight: 1.4, dimensions: { length: 30, width: 22, height: 12 } }],
});

const pickup = () => ({
  plannedPickupDateAndTime: "2026-12-02T10:00:00 GMT-03:00",
  closeTime: "14:00",
  accounts: [{ typeCode: "shipper", number: "960000001" }],
  customerDetails: {
    shipperDetails: {
      postalAddress: {
        postalCode: "01310-200",
        cityName: "Sao Paulo",
        countryCode: "BR",
        addressLine1: "Av. Paulista, 1578",
      },
      contactInformation: { phone: "+55 11 3251-0000", companyName: "Atelie", fullName: "Marina" },
    },
  },
  shipmentDetails: [
    { productCode: "P", isCustomsDeclarable: true, unitOfMeasurement: "metric", packages: [{ weight: 1 }] },
  ],
});

describe("dhlContractProblems", () => {
  it("accepts conforming rate and pickup bodies", () => {
    expect(dhlContractProblems("rate", rate())).toEqual([]);
    expect(dhlContractProblems("pickup", pickup())).toEqual([]);
  });

  it("names a missing required key, a too long value, a wrong enum and a malformed time in DHL's wording", () => {
    const body = rate();
    delete (body.packages[0] as { weight?: number }).weight;
    body.customerDetails.receiverDetails.postalCode = "1".repeat(13);
    body.unitOfMeasurement = "furlongs";
    body.plannedShippingDateAndTime = "2026-12-02 10:00";
    expect(dhlContractProblems("rate", body)).toEqual(
      expect.arrayContaining([
        "#/packages/0: required key [weight] not found",
        "Parameters not having correct format: postalCode (maxLength=12)",
        '#/unitOfMeasurement: "furlongs" is not a valid enum value',
        '#/plannedShippingDateAndTime: must match pattern "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{2}:\\d{2}$"',
      ]),
    );
  });

  it("refuses a pickup without shipment details, a bad close time and an account number over 12", () => {
    const body = pickup() as Partial<ReturnType<typeof pickup>>;
    delete body.shipmentDetails;
    body.closeTime = "25:00";
    body.accounts![0].number = "1".repeat(13);
    const problems = dhlContractProblems("pickup", body);
    expect(problems).toContain("#: required key [shipmentDetails] not found");
    expect(problems).toContain("Parameters not having correct format: number (maxLength=12)");
    expect(problems.some((p) => p.startsWith("#/closeTime: must match pattern"))).toBe(true);
  });
});
