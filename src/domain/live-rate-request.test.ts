import { describe, expect, it } from "vitest";
import { isReadableRate, rateShipment, type RateShipmentInput } from "./live-rate-request";

const COMPLETE: RateShipmentInput = {
  shipper: { city: " São Paulo ", state: "sp", postalCode: "01310-100" },
  recipient: { city: "Lisboa", provinceCode: null, postalCode: "1100-148" },
  destinationCountry: "pt",
  parcels: [{ weightKg: 1.2, lengthCm: 30, widthCm: 20, heightCm: 10 }],
  declaredValue: "250.00",
  currency: "eur",
};

describe("rateShipment", () => {
  it("maps a complete shipment, trimmed and upper-cased, without inventing a state", () => {
    expect(rateShipment(COMPLETE)).toEqual({
      ok: true,
      shipment: {
        shipper: { city: "São Paulo", state: "SP", postalCode: "01310-100", countryCode: "BR" },
        recipient: { city: "Lisboa", state: null, postalCode: "1100-148", countryCode: "PT" },
        parcels: [{ weightKg: 1.2, lengthCm: 30, widthCm: 20, heightCm: 10 }],
        currency: "EUR",
        declaredValue: "250.00",
      },
    });
  });

  it("names every missing field, parcels by their 1-based number", () => {
    const result = rateShipment({
      shipper: { city: null, state: "", postalCode: "  " },
      recipient: null,
      destinationCountry: "BR",
      parcels: [
        { weightKg: 1, lengthCm: 10, widthCm: 10, heightCm: 10 },
        { weightKg: 0, lengthCm: 10, widthCm: null, heightCm: 10 },
      ],
      declaredValue: "-3",
      currency: "dollars",
    });
    expect(result).toEqual({
      ok: false,
      missing: [
        { field: "shipperCity" },
        { field: "shipperState" },
        { field: "shipperPostalCode" },
        { field: "destinationCountry" },
        { field: "recipientCity" },
        { field: "recipientPostalCode" },
        { field: "parcelWeight", parcel: 2 },
        { field: "parcelDimensions", parcel: 2 },
        { field: "declaredValue" },
        { field: "currency" },
      ],
    });
  });

  it("asks for a parcel when there is none, and refuses non-finite or negative sizes", () => {
    expect(rateShipment({ ...COMPLETE, parcels: [] })).toEqual({ ok: false, missing: [{ field: "parcels" }] });
    expect(
      rateShipment({ ...COMPLETE, parcels: [{ weightKg: Number.NaN, lengthCm: -1, widthCm: 1, heightCm: 1 }] }),
    ).toEqual({
      ok: false,
      missing: [
        { field: "parcelWeight", parcel: 1 },
        { field: "parcelDimensions", parcel: 1 },
      ],
    });
  });
});

describe("isReadableRate", () => {
  const rate = { price: "412.30", currency: "USD", transitDays: 2, estimatedDelivery: "2026-12-09" };
  it("accepts a decimal price in a currency code, with or without transit and delivery", () => {
    expect(isReadableRate(rate)).toBe(true);
    expect(isReadableRate({ ...rate, transitDays: null, estimatedDelivery: null })).toBe(true);
  });
  it("drops prices, currencies, transit days and dates it cannot read", () => {
    expect(isReadableRate({ ...rate, price: "12,50" })).toBe(false);
    expect(isReadableRate({ ...rate, price: "-1.00" })).toBe(false);
    expect(isReadableRate({ ...rate, currency: "usd" })).toBe(false);
    expect(isReadableRate({ ...rate, transitDays: 1.5 })).toBe(false);
    expect(isReadableRate({ ...rate, estimatedDelivery: "09/12/2026" })).toBe(false);
  });
});
