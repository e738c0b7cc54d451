import { describe, expect, it } from "vitest";
import { inputForMissingField } from "./missing-field-input";

describe("inputForMissingField", () => {
  it("points a shipment field at its input", () => {
    expect(inputForMissingField("recipientPhone", [])).toBe("recipient.phone");
    expect(inputForMissingField("state", [])).toBe("recipient.provinceCode");
    expect(inputForMissingField("dimensions", [])).toBe("parcel.lengthCm");
    expect(inputForMissingField("nfeKey", [])).toBe("nfeKey");
  });

  it("points an item field at the first line item without the value", () => {
    const items = [{ hsCode: "6109.10" }, { hsCode: "" }, { hsCode: null }];
    expect(inputForMissingField("hsCode", items)).toBe("items.1.hsCode");
    expect(inputForMissingField("itemDescription", [{ description: "Shirt" }, {}])).toBe("items.1.description");
  });

  it("falls back to the first line item when every item has the value", () => {
    expect(inputForMissingField("unitValue", [{ unitValue: 10 }])).toBe("items.0.unitValue");
  });
});
