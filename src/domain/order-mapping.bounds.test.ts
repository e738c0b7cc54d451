// mapOrder on what real stores send beyond the happy path: test orders, terms nobody chose, values
// beyond the bounds Edit Draft accepts, text PostgreSQL cannot store, keys Shopify carried wrong.
import { describe, expect, it } from "vitest";
import { mapOrder, type MappedShipment, type MappingContext } from "./order-mapping";
import { SHIPPING_LINES, shopifyOrder, TEST_CONTEXT, VALID_NFE_KEY, type OrderSpec } from "./test-orders";

function shipment(spec: OrderSpec = {}, context: MappingContext = TEST_CONTEXT): MappedShipment {
  const result = mapOrder(shopifyOrder(spec), context);
  if (result.kind !== "shipment") throw new Error(`expected a shipment, got ${JSON.stringify(result)}`);
  return result;
}

describe("mapOrder: test orders", () => {
  const testOrder = () => ({ ...shopifyOrder(), test: true });

  it("are skipped by default", () => {
    expect(mapOrder(testOrder(), TEST_CONTEXT)).toEqual({ kind: "skipped_test" });
    expect(mapOrder(testOrder(), { ...TEST_CONTEXT, testOrders: "skip" })).toEqual({ kind: "skipped_test" });
  });

  it("are imported marked Test under the store's import policy", () => {
    const result = mapOrder(testOrder(), { ...TEST_CONTEXT, testOrders: "import" });
    expect(result).toMatchObject({ kind: "shipment", status: "ready", isTest: true });
    expect(mapOrder(shopifyOrder(), { ...TEST_CONTEXT, testOrders: "import" })).toMatchObject({ isTest: false });
  });
});

describe("mapOrder: customs terms", () => {
  it("without store defaults, incoterm and reason for export are missing", () => {
    const result = shipment({}, { ...TEST_CONTEXT, customsDefaults: undefined });
    expect(result.missingFields).toEqual(["incoterm", "exportReason"]);
    expect(result.problems).toEqual([
      { field: "incoterm", code: "required" },
      { field: "exportReason", code: "required" },
    ]);
  });

  it("a store default for one term leaves the other missing", () => {
    const result = shipment({}, { ...TEST_CONTEXT, customsDefaults: { incoterm: "DDP", exportReason: null } });
    expect(result.missingFields).toEqual(["exportReason"]);
  });
});

describe("mapOrder: bounds", () => {
  it("a 5,000-character recipient name is cut to the 100 Edit Draft accepts, and the draft says so", () => {
    const result = shipment({ address: { name: "A".repeat(5000) } });
    expect(result.status).toBe("draft");
    expect(result.recipient.name).toHaveLength(100);
    expect(result.problems).toContainEqual({
      field: "recipientName",
      code: "tooLong",
      values: { part: "name", length: 5000, max: 100 },
    });
  });

  it("limits count characters, not UTF-16 units", () => {
    const result = shipment({ address: { name: "😀".repeat(100) } });
    expect(result.status).toBe("ready");
    expect(Array.from(result.recipient.name!)).toHaveLength(100);
  });

  it("a quantity over 10,000 makes a draft; quantity × value beyond what can be declared fails the order", () => {
    const many = shipment({ lines: [{ quantity: 10_001, price: "1.00" }] });
    expect(many.problems).toContainEqual({
      field: "unitValue",
      code: "outOfRange",
      line: 0,
      values: { part: "quantity", max: 10_000 },
    });
    const absurd = mapOrder(
      shopifyOrder({ total: "100.00", lines: [{ quantity: 2_147_483_647, price: "9999.99" }] }),
      TEST_CONTEXT,
    );
    expect(absurd).toMatchObject({ kind: "invalid", code: "value_out_of_range" });
  });

  it("a unit value over 10,000,000.00 is out of range; an absurd total fails the order", () => {
    const result = shipment({ lines: [{ price: "10000000.01" }] });
    expect(result.problems).toContainEqual({
      field: "unitValue",
      code: "outOfRange",
      line: 0,
      values: { max: "10000000.00" },
    });
    expect(mapOrder(shopifyOrder({ total: "1e30" }), TEST_CONTEXT)).toMatchObject({ code: "invalid_total" });
    expect(mapOrder(shopifyOrder({ total: "9".repeat(20) }), TEST_CONTEXT)).toMatchObject({ code: "invalid_total" });
  });

  it("a weight over 10,000 kg a unit is out of range; a non-finite one is no weight", () => {
    const heavy = shipment({ lines: [{ weight: { value: 20_000, unit: "KILOGRAMS" } }] });
    expect(heavy.problems).toContainEqual({ field: "weight", code: "outOfRange", line: 0 });
    const infinite = shipment({ lines: [{ weight: { value: Number.POSITIVE_INFINITY, unit: "GRAMS" } }] });
    expect(infinite.customsItems[0].weightKg).toBeNull();
    expect(infinite.missingFields).toContain("weight");
  });

  it("sums money in exact cents", () => {
    const result = shipment({
      currency: "USD",
      lines: [
        { quantity: 3, price: "0.10" },
        { quantity: 1, price: "0.20" },
      ],
    });
    expect(result.declaredValue).toBe("0.50");
    expect(result.declaredValueUsdCents).toBe(50);
  });

  it("removes NUL and control characters and lone surrogates from texts", () => {
    const result = shipment({ address: { name: "Emily\u0000 Carter\u0007", city: "New\uD800 York" } });
    expect(result.recipient.name).toBe("Emily Carter");
    expect(result.recipient.city).toBe("New\uFFFD York");
    expect(JSON.stringify(result)).not.toMatch(/\\u0000/);
  });
});

describe("mapOrder: what Shopify gave is kept", () => {
  it("an invalid NF-e key stays on the shipment with its reason", () => {
    const wrong = VALID_NFE_KEY.slice(0, 43) + "8";
    const result = shipment({ shippingLines: [SHIPPING_LINES.correios], invoiceKey: wrong });
    expect(result.invoiceKeyRead).toBe(wrong);
    expect(result.nfe).toBeNull();
    expect(result.problems).toEqual([{ field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } }]);
  });

  it("a valid key is kept normalised", () => {
    const result = shipment({ invoiceKey: VALID_NFE_KEY.replace(/(\d{4})/g, "$1 ") });
    expect(result.invoiceKeyRead).toBe(VALID_NFE_KEY);
  });

  it("an order whose lines could not all be read is a draft that says so, never a truncated ready", () => {
    const order = shopifyOrder();
    order.lineItems.pageInfo.hasNextPage = true;
    const result = mapOrder(order, TEST_CONTEXT);
    expect(result).toMatchObject({ kind: "shipment", status: "draft", missingFields: ["lineItems"] });
    expect(result.kind === "shipment" && result.problems).toContainEqual({
      field: "lineItems",
      code: "incomplete",
      values: { read: 2 },
    });
  });
});
