import { describe, expect, it } from "vitest";
import { TEST_ORDER_POLICIES } from "./customs-codes";
import { resolveCustomsTerms, storeSettingsSchema, unresolvedCustomsTerms } from "./customs-terms";

const NO_DEFAULTS = { defaultIncoterm: null, defaultExportReason: null };
const STORE_ID = "3f0c8a52-4a51-4a6c-9d1e-2f6b3c9a7e10";

describe("resolveCustomsTerms", () => {
  it("uses the shipment's own terms first", () => {
    expect(
      resolveCustomsTerms(
        { incoterm: "DDP", exportReason: "gift" },
        { defaultIncoterm: "DAP", defaultExportReason: "sale" },
      ),
    ).toEqual({
      incoterm: { value: "DDP", source: "shipment" },
      exportReason: { value: "gift", source: "shipment" },
    });
  });

  it("falls back to the store default, saying so", () => {
    expect(
      resolveCustomsTerms(
        { incoterm: null, exportReason: "  " },
        { defaultIncoterm: "DAP", defaultExportReason: "sale" },
      ),
    ).toEqual({
      incoterm: { value: "DAP", source: "store_default" },
      exportReason: { value: "sale", source: "store_default" },
    });
  });

  it("mixes: one term the shipment's, the other the store's", () => {
    const terms = resolveCustomsTerms(
      { incoterm: "DDU", exportReason: null },
      { defaultIncoterm: null, defaultExportReason: "sample" },
    );
    expect(terms).toEqual({
      incoterm: { value: "DDU", source: "shipment" },
      exportReason: { value: "sample", source: "store_default" },
    });
    expect(unresolvedCustomsTerms(terms)).toEqual([]);
  });

  it("never invents a term: without either, both are unresolved", () => {
    const terms = resolveCustomsTerms({ incoterm: null, exportReason: null }, NO_DEFAULTS);
    expect(terms).toEqual({ incoterm: null, exportReason: null });
    expect(unresolvedCustomsTerms(terms)).toEqual(["incoterm", "exportReason"]);
  });

  it("never resolves an invalid value, and does not hide a shipment's invalid one behind the default", () => {
    const store = { defaultIncoterm: "DAP", defaultExportReason: "sale" };
    expect(resolveCustomsTerms({ incoterm: "FOB", exportReason: "Sale" }, store)).toEqual({
      incoterm: null,
      exportReason: null,
    });
    expect(
      resolveCustomsTerms(
        { incoterm: null, exportReason: null },
        { defaultIncoterm: "dap", defaultExportReason: "__proto__" },
      ),
    ).toEqual({ incoterm: null, exportReason: null });
    expect(resolveCustomsTerms({ incoterm: "DAP\u0000", exportReason: "x".repeat(100_000) }, store)).toEqual({
      incoterm: null,
      exportReason: null,
    });
  });
});

describe("storeSettingsSchema", () => {
  const valid = { storeId: STORE_ID, defaultIncoterm: "DAP", defaultExportReason: "sale", testOrders: "import" };

  it("parses what it made again to the same (the action parses the form, the service its output)", () => {
    for (const form of [
      { ...valid, fulfillmentHolds: "off" },
      { storeId: STORE_ID, defaultIncoterm: "", defaultExportReason: "", testOrders: "skip", fulfillmentHolds: "on" },
      { storeId: STORE_ID, testOrders: "skip" },
    ]) {
      const once = storeSettingsSchema.parse(form);
      expect(storeSettingsSchema.parse(once)).toEqual(once);
    }
    expect(storeSettingsSchema.parse({ ...valid, fulfillmentHolds: "on" }).fulfillmentHolds).toBe(true);
    expect(storeSettingsSchema.parse({ ...valid, fulfillmentHolds: "off" }).fulfillmentHolds).toBe(false);
    expect(storeSettingsSchema.safeParse({ ...valid, fulfillmentHolds: "yes" }).error?.issues[0].message).toBe(
      "storeSettings.errors.holdsInvalid",
    );
  });

  it("parses the allowed values; empty means no default", () => {
    expect(storeSettingsSchema.parse(valid)).toEqual(valid);
    expect(
      storeSettingsSchema.parse({
        storeId: STORE_ID,
        defaultIncoterm: "",
        defaultExportReason: "",
        testOrders: "skip",
      }),
    ).toEqual({ storeId: STORE_ID, defaultIncoterm: null, defaultExportReason: null, testOrders: "skip" });
    expect(storeSettingsSchema.parse({ storeId: STORE_ID, testOrders: "skip" })).toMatchObject({
      defaultIncoterm: null,
      defaultExportReason: null,
    });
    expect(TEST_ORDER_POLICIES).toEqual(["skip", "import"]);
  });

  const issues = (input: unknown) => {
    const result = storeSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  };

  it("refuses unknown values with the field's own message", () => {
    expect(issues({ ...valid, defaultIncoterm: "FOB" })).toEqual([
      { path: "defaultIncoterm", message: "storeSettings.errors.incotermInvalid" },
    ]);
    expect(issues({ ...valid, defaultExportReason: "smuggling" })).toEqual([
      { path: "defaultExportReason", message: "storeSettings.errors.exportReasonInvalid" },
    ]);
    expect(issues({ ...valid, testOrders: "send" })).toEqual([
      { path: "testOrders", message: "storeSettings.errors.testOrdersInvalid" },
    ]);
    expect(issues({ ...valid, testOrders: undefined })).toEqual([
      { path: "testOrders", message: "storeSettings.errors.testOrdersInvalid" },
    ]);
    expect(issues({ ...valid, storeId: "../etc" })).toEqual([{ path: "storeId", message: "errors.notFound" }]);
  });

  it("refuses hostile input: huge strings, NUL bytes, numbers, arrays, objects", () => {
    expect(issues({ ...valid, defaultIncoterm: "D".repeat(1_000_000) })[0].message).toBe(
      "storeSettings.errors.incotermInvalid",
    );
    expect(issues({ ...valid, defaultIncoterm: "DAP\u0000" })[0].message).toBe("storeSettings.errors.incotermInvalid");
    expect(issues({ ...valid, defaultExportReason: 1e308 })[0].message).toBe(
      "storeSettings.errors.exportReasonInvalid",
    );
    expect(issues({ ...valid, testOrders: ["skip", "import"] })[0].message).toBe(
      "storeSettings.errors.testOrdersInvalid",
    );
    expect(issues({ ...valid, defaultIncoterm: { toString: () => "DAP" } })[0].message).toBe(
      "storeSettings.errors.incotermInvalid",
    );
    expect(issues(null)).toEqual([{ path: "", message: "storeSettings.errors.invalidForm" }]);
    expect(issues("DAP")).toEqual([{ path: "", message: "storeSettings.errors.invalidForm" }]);
  });

  it("refuses keys it does not know, __proto__ and constructor included", () => {
    expect(issues({ ...valid, shipper: "{}" })).toEqual([{ path: "", message: "storeSettings.errors.unknownField" }]);
    const proto = JSON.parse(`{"storeId":"${STORE_ID}","testOrders":"skip","__proto__":{"testOrders":"import"}}`);
    expect(issues(proto)).toEqual([{ path: "", message: "storeSettings.errors.unknownField" }]);
    expect(issues({ ...valid, constructor: "x" })).toEqual([
      { path: "", message: "storeSettings.errors.unknownField" },
    ]);
    // Nothing leaked onto objects in general.
    expect(({} as Record<string, unknown>).testOrders).toBeUndefined();
  });
});
