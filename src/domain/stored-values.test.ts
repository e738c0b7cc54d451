import { describe, expect, it } from "vitest";
import { sameStoredValue } from "./stored-values";

describe("sameStoredValue", () => {
  it("ignores jsonb key order and undefined keys", () => {
    expect(sameStoredValue({ name: "Ana", city: "Austin", zip: undefined }, { city: "Austin", name: "Ana" })).toBe(
      true,
    );
    expect(sameStoredValue([{ b: 1, a: 2 }], [{ a: 2, b: 1 }])).toBe(true);
    expect(sameStoredValue({ weightKg: 1.2, heightCm: null }, { weightKg: 1.2 })).toBe(true);
  });

  it("compares decimals by value", () => {
    expect(sameStoredValue("9.9", "9.90")).toBe(true);
    expect(sameStoredValue("9.9", "9.91")).toBe(false);
  });

  it("sees real changes", () => {
    expect(sameStoredValue({ name: "Ana" }, { name: "Ana Maria" })).toBe(false);
    expect(sameStoredValue(null, "x")).toBe(false);
  });
});
