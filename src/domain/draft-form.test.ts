import { describe, expect, it } from "vitest";
import { draftFieldFilled, draftFieldProblem, fillFromKey, quoteProblemField } from "./draft-form";
import { VALID_NFE_KEY } from "./test-orders";

describe("one Edit Draft field checked alone, as it is typed", () => {
  it("gives the same message the save gives, and none once the value is acceptable", () => {
    expect(draftFieldProblem("parcel.weightKg", "abc")).toEqual({ key: "errors.numberInvalid" });
    expect(draftFieldProblem("parcel.weightKg", "-2")).toEqual({ key: "errors.mustBePositive" });
    expect(draftFieldProblem("parcel.weightKg", "20000")).toEqual({ key: "errors.numberTooLarge" });
    expect(draftFieldProblem("parcel.weightKg", "1.5")).toBeNull();
    expect(draftFieldProblem("items.3.unitValue", "12,5")).toBeNull();
    expect(draftFieldProblem("items.3.unitValue", "12.555")).toEqual({ key: "errors.amountInvalid" });
    expect(draftFieldProblem("recipient.countryCode", "USA")).toEqual({ key: "errors.countryInvalid" });
    expect(draftFieldProblem("recipient.countryCode", "us")).toBeNull();
    expect(draftFieldProblem("invoiceSeries", "123456")).toEqual({ key: "errors.tooLong" });
    expect(draftFieldProblem("invoiceDate", "31/01/2026")).toEqual({ key: "errors.dateInvalid" });
    expect(draftFieldProblem("carrier", "pigeon")).toEqual({ key: "errors.carrierInvalid" });
    expect(draftFieldProblem("items.0.quantity", "0")).toEqual({ key: "errors.mustBePositive" });
  });

  it("treats an empty optional field as nothing to correct", () => {
    expect(draftFieldProblem("parcel.weightKg", "  ")).toBeNull();
    expect(draftFieldProblem("recipient.postalCode", "")).toBeNull();
    expect(draftFieldProblem("nfeKey", "")).toBeNull();
  });

  it("checks the NF-e key as the save does, with the key's own reasons", () => {
    expect(draftFieldProblem("nfeKey", "1234")).toEqual({ key: "nfe.errors.length", values: { length: 4 } });
    expect(draftFieldProblem("nfeKey", `${VALID_NFE_KEY.slice(0, -1)}8`)).toMatchObject({
      key: "nfe.errors.checkDigit",
    });
    expect(draftFieldProblem("nfeKey", `NFe ${VALID_NFE_KEY.replace(/(\d{4})/g, "$1 ")}`)).toBeNull();
  });

  it("knows no rule for a name the form does not have (nothing is invented for it)", () => {
    expect(draftFieldProblem("recipient.__proto__", "x")).toBeNull();
    expect(draftFieldProblem("items.x.unitValue", "abc")).toBeNull();
    expect(draftFieldProblem("parcel", "abc")).toBeNull();
  });

  it("calls a field pointed at as missing filled only with an acceptable, non-empty value", () => {
    expect(draftFieldFilled("parcel.weightKg", "")).toBe(false);
    expect(draftFieldFilled("parcel.weightKg", "0")).toBe(false);
    expect(draftFieldFilled("parcel.weightKg", "2")).toBe(true);
    expect(draftFieldFilled("nfeKey", "3526")).toBe(false);
    expect(draftFieldFilled("nfeKey", VALID_NFE_KEY)).toBe(true);
  });
});

describe("the invoice number and series a pasted key fills in", () => {
  it("fills an empty field, and follows a later key while the field still holds what a key gave", () => {
    expect(fillFromKey("", null, "12345")).toEqual({ value: "12345", filled: "12345", conflict: null });
    expect(fillFromKey("12345", "12345", "777")).toEqual({ value: "777", filled: "777", conflict: null });
    expect(fillFromKey("777", null, "777")).toEqual({ value: "777", filled: "777", conflict: null });
  });

  it("keeps a value the operator typed differently and offers the key's instead", () => {
    expect(fillFromKey("999", null, "12345")).toEqual({ value: "999", filled: null, conflict: "12345" });
    expect(fillFromKey("999", "12345", "777")).toEqual({ value: "999", filled: "12345", conflict: "777" });
  });
});

describe("the field behind a reason a shipment cannot be quoted", () => {
  it("points at the weight, the dimensions, the address and the items' value", () => {
    expect(quoteProblemField("missingWeight")).toBe("parcel.weightKg");
    expect(quoteProblemField("overLimit")).toBe("parcel.weightKg");
    expect(quoteProblemField("parcelDimensions")).toBe("parcel.lengthCm");
    expect(quoteProblemField("noDestination")).toBe("recipient.countryCode");
    expect(quoteProblemField("recipientPostalCode")).toBe("recipient.postalCode");
    expect(quoteProblemField("declaredValue")).toBe("items.0.unitValue");
  });

  it("points at nothing on this form for the store's shipper details", () => {
    expect(quoteProblemField("shipperCity")).toBeNull();
    expect(quoteProblemField("currency")).toBeNull();
  });
});
