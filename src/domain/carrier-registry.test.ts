import { describe, expect, it } from "vitest";
import { CARRIER_IDS, CARRIERS, carrierName } from "./carrier-registry";

describe("the carrier registry", () => {
  it("has one entry per carrier id, under its own id", () => {
    expect(Object.keys(CARRIERS).sort()).toEqual([...CARRIER_IDS].sort());
    for (const id of CARRIER_IDS) expect(CARRIERS[id].id).toBe(id);
  });

  it("gives each carrier its own chart colour and an https tracking page", () => {
    const colors = CARRIER_IDS.map((id) => CARRIERS[id].color);
    expect(new Set(colors).size).toBe(CARRIER_IDS.length);
    for (const color of colors) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    for (const id of CARRIER_IDS) expect(new URL(CARRIERS[id].trackingPage).protocol).toBe("https:");
  });

  it("holds each carrier's dimensional divisor", () => {
    expect(Object.fromEntries(CARRIER_IDS.map((id) => [id, CARRIERS[id].dimDivisor]))).toEqual({
      fedex: 5000,
      ups: 5000,
      dhl: 5000,
      correios: 6000,
    });
  });

  it("names a carrier by its brand, an unknown id as it is, and no carrier as null", () => {
    expect(carrierName("dhl")).toBe("DHL Express");
    expect(carrierName("usps")).toBe("usps");
    expect(carrierName(null)).toBeNull();
  });
});
