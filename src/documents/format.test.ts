import { describe, expect, it } from "vitest";
import {
  calendarDate,
  cityLine,
  countryName,
  exportReasonLabel,
  formatDimensions,
  formatKg,
  groupTrackingNumber,
  parseTimestamp,
  toGrams,
} from "./format";

describe("weights", () => {
  it("rounds kilograms to whole grams", () => {
    expect(toGrams(1.2)).toBe(1200);
    expect(toGrams(0.1 + 0.2)).toBe(300);
    expect(toGrams(0.0004)).toBe(0);
    expect(() => toGrams(-1)).toThrow(RangeError);
    expect(() => toGrams(Number.NaN)).toThrow(RangeError);
  });

  it("prints at least one decimal and no trailing zeros beyond it", () => {
    expect(formatKg(2000)).toBe("2.0");
    expect(formatKg(2500)).toBe("2.5");
    expect(formatKg(250)).toBe("0.25");
    expect(formatKg(1125)).toBe("1.125");
    expect(formatKg(4270)).toBe("4.27");
    expect(formatKg(0)).toBe("0.0");
  });
});

describe("formatDimensions", () => {
  it("prints length x width x height when all three are known", () => {
    expect(formatDimensions({ weightKg: 1, lengthCm: 40, widthCm: 30, heightCm: 20 })).toBe("40 x 30 x 20 cm");
    expect(formatDimensions({ weightKg: 1, lengthCm: 40.25, widthCm: 30.5, heightCm: 2 })).toBe("40.3 x 30.5 x 2 cm");
  });

  it("prints nothing when a dimension is missing", () => {
    expect(formatDimensions({ weightKg: 1 })).toBeNull();
    expect(formatDimensions({ weightKg: 1, lengthCm: 40, widthCm: 30, heightCm: null })).toBeNull();
    expect(formatDimensions({ weightKg: 1, lengthCm: 40, widthCm: 30, heightCm: 0 })).toBeNull();
  });
});

describe("dates", () => {
  it("takes the calendar date as written, whatever the machine's time zone", () => {
    expect(calendarDate("2026-03-09T22:10:00-03:00")).toBe("2026-03-09");
    expect(calendarDate("2026-03-10T01:10:00Z")).toBe("2026-03-10");
  });

  it("refuses what is not an ISO timestamp", () => {
    for (const bad of ["2026-03-09", "09/03/2026 10:00", "2026-13-45T00:00:00Z", ""]) {
      expect(() => parseTimestamp(bad), bad).toThrow(RangeError);
    }
  });
});

describe("names", () => {
  it("names countries in English, falling back to the code", () => {
    expect(countryName("BR")).toBe("Brazil");
    expect(countryName("us")).toBe("United States");
    expect(countryName("not a code")).toBe("not a code");
  });

  it("capitalises export reasons", () => {
    expect(exportReasonLabel("sale")).toBe("Sale");
    expect(exportReasonLabel("personal")).toBe("Personal");
    expect(exportReasonLabel("return_for_repair")).toBe("Return For Repair");
  });

  it("joins city, state and postal code as the line under the street", () => {
    const party = { name: "x", address1: "y", countryCode: "US", city: "New York" };
    expect(cityLine({ ...party, state: "NY", postalCode: "10118" })).toBe("New York, NY 10118");
    expect(cityLine({ ...party, state: null, postalCode: "10118" })).toBe("New York, 10118");
    expect(cityLine({ ...party, state: null, postalCode: null })).toBe("New York");
  });
});

describe("groupTrackingNumber", () => {
  it("spaces each carrier's numbers the way the carrier prints them", () => {
    expect(groupTrackingNumber("ups", "1Z999AA10123456784")).toBe("1Z 999 AA1 01 2345 678 4");
    expect(groupTrackingNumber("fedex", "123456789012")).toBe("1234 5678 9012");
    expect(groupTrackingNumber("dhl", "1234567890")).toBe("12 3456 7890");
    expect(groupTrackingNumber("correios", "RR473124829BR")).toBe("RR 473 124 829 BR");
  });

  it("falls back to groups of four for an unexpected format", () => {
    expect(groupTrackingNumber("fedex", "ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
