import { describe, expect, it } from "vitest";
import {
  applyParcelChanges,
  bulkParcelFormSchema,
  carrierWeightLimit,
  changedParcelFields,
  parcelChangesOf,
} from "./bulk-parcel";
import { parseSubmission } from "./form-submission";

const A = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
const B = "7a2d3b5f-9b0c-4d4e-8f90-1b2c3d4e5f60";

/** The dialog's submission, as the browser sends it. */
function submit(fields: Record<string, string>, drafts = [`${A}:3`, `${B}:1`]) {
  return parseSubmission(bulkParcelFormSchema, [
    ...drafts.map((draft): [string, string] => ["drafts", draft]),
    ...Object.entries(fields),
  ]);
}

describe("bulk weight & dimensions input", () => {
  it("reads the selected drafts with the versions shown, and the measures in either decimal mark", () => {
    const parsed = submit({ weightKg: "1,25", lengthCm: "30", widthCm: "20.5", heightCm: " 10 " });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.drafts).toEqual([
      { id: A, version: 3 },
      { id: B, version: 1 },
    ]);
    expect(parcelChangesOf(parsed.data)).toEqual({
      weightKg: 1.25,
      dimensions: { lengthCm: 30, widthCm: 20.5, heightCm: 10 },
    });
  });

  it("changes only what is filled in: a weight alone, or dimensions alone", () => {
    const weight = submit({ weightKg: "2", lengthCm: "", widthCm: "", heightCm: "" });
    expect(weight.ok && parcelChangesOf(weight.data)).toEqual({ weightKg: 2 });
    const sides = submit({ weightKg: "", lengthCm: "1", widthCm: "2", heightCm: "3" });
    expect(sides.ok && parcelChangesOf(sides.data)).toEqual({ dimensions: { lengthCm: 1, widthCm: 2, heightCm: 3 } });
  });

  it("refuses dimensions that are not all three, on each missing side", () => {
    const parsed = submit({ weightKg: "2", lengthCm: "30", widthCm: "", heightCm: "" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      widthCm: "bulkParcel.errors.allDimensions",
      heightCm: "bulkParcel.errors.allDimensions",
    });
  });

  it("refuses an empty edit", () => {
    const parsed = submit({ weightKg: "", lengthCm: "", widthCm: "", heightCm: "" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors._form).toBe("bulkParcel.errors.nothingToChange");
  });

  it.each([
    ["-1", "errors.mustBePositive"],
    ["0", "errors.mustBePositive"],
    ["0,0", "errors.mustBePositive"],
    ["NaN", "errors.numberInvalid"],
    ["Infinity", "errors.numberInvalid"],
    ["1e3", "errors.numberInvalid"],
    ["12 kg", "errors.numberInvalid"],
    ["0x10", "errors.numberInvalid"],
    ["10000.01", "errors.numberTooLarge"],
    ["9".repeat(21), "errors.numberTooLarge"],
  ])("refuses the weight %j with %s", (weightKg, key) => {
    const parsed = submit({ weightKg });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors.weightKg).toBe(key);
  });

  it("refuses a megabyte string without echoing it whole", () => {
    const parsed = submit({ weightKg: "9".repeat(1_048_576) });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors.weightKg).toBeDefined();
    expect(JSON.stringify(parsed).length).toBeLessThan(10_000);
  });

  it("refuses no selection, a malformed draft, a repeated draft", () => {
    const none = submit({ weightKg: "1" }, []);
    expect(none.ok).toBe(false);
    expect(submit({ weightKg: "1" }, [`${A}`]).ok).toBe(false);
    expect(submit({ weightKg: "1" }, [`${A}:x`]).ok).toBe(false);
    expect(submit({ weightKg: "1" }, [`${A}:1`, `${A}:2`]).ok).toBe(false);
  });
});

describe("applying the change to a draft's parcel", () => {
  it("keeps what is not changed and sets what is", () => {
    const parcels = [{ weightKg: 1.2, lengthCm: 10, widthCm: 10, heightCm: 10 }];
    expect(applyParcelChanges(parcels, { weightKg: 3 })).toEqual([
      { weightKg: 3, lengthCm: 10, widthCm: 10, heightCm: 10 },
    ]);
    expect(applyParcelChanges([{ weightKg: null }], { dimensions: { lengthCm: 1, widthCm: 2, heightCm: 3 } })).toEqual([
      { weightKg: null, lengthCm: 1, widthCm: 2, heightCm: 3 },
    ]);
  });

  it("gives a draft without a parcel its one parcel", () => {
    expect(applyParcelChanges([], { weightKg: 2 })).toEqual([{ weightKg: 2 }]);
  });

  it("names the changed fields", () => {
    expect(changedParcelFields({ weightKg: 2 })).toEqual(["weightKg"]);
    expect(changedParcelFields({ dimensions: { lengthCm: 1, widthCm: 2, heightCm: 3 } })).toEqual([
      "lengthCm",
      "widthCm",
      "heightCm",
    ]);
  });

  it("checks each carrier's heaviest piece", () => {
    expect(carrierWeightLimit("fedex", 68)).toBeNull();
    expect(carrierWeightLimit("fedex", 68.5)).toBe(68);
    expect(carrierWeightLimit("correios", 31)).toBe(30);
    // No carrier chosen yet, or no weight in the edit: nothing to check now (the evaluation still does).
    expect(carrierWeightLimit(null, 500)).toBeNull();
    expect(carrierWeightLimit("fedex", undefined)).toBeNull();
  });
});
