import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapOrder, type MappedShipment, type MappingContext } from "./order-mapping";
import {
  declaredValueOf,
  evaluateShipment,
  type EvaluationContext,
  type ShipmentDraftInput,
} from "./shipment-evaluation";
import {
  ADDRESSES,
  defaultLines,
  ptaxRate,
  SHIPPING_LINES,
  shopifyOrder,
  TEST_CONTEXT,
  TEST_RATES,
  TEST_TODAY,
  VALID_NFE_KEY,
  type OrderSpec,
} from "./test-orders";

const BR: MappingContext = TEST_CONTEXT;
/** The evaluation's view of TEST_CONTEXT: the same rates, day and store defaults. */
const CONTEXT: EvaluationContext = {
  exchange: { rates: TEST_RATES, today: TEST_TODAY },
  customsDefaults: { incoterm: "DAP", exportReason: "sale" },
};
const evaluate = (input: ShipmentDraftInput, context: EvaluationContext = CONTEXT) => evaluateShipment(input, context);

function mapped(spec: OrderSpec = {}, context: MappingContext = BR): MappedShipment {
  const result = mapOrder(shopifyOrder(spec), context);
  if (result.kind !== "shipment") throw new Error(`expected a shipment, got ${JSON.stringify(result)}`);
  return result;
}

/** The draft input a mapped shipment becomes (its NF-e key as the order carried it). */
function draftOf(shipment: MappedShipment, nfeKey: string | null = shipment.nfe?.key ?? null): ShipmentDraftInput {
  return { ...shipment, nfeKey, incoterm: null, exportReason: null };
}

const complete = (spec: OrderSpec = {}) => draftOf(mapped(spec));
const correios: OrderSpec = { shippingLines: [SHIPPING_LINES.correios], invoiceKey: VALID_NFE_KEY };

describe("evaluateShipment", () => {
  it("a complete mapped order is ready, for every carrier", () => {
    expect(evaluate(complete())).toEqual({
      status: "ready",
      missingFields: [],
      problems: [],
      declaredValueUsdCents: 6055,
      exchangeRate: expect.objectContaining({ date: "2026-07-13", usdBuyBrl: "5.4300" }),
    });
    expect(evaluate(complete(correios)).status).toBe("ready");
    expect(evaluate(complete({ to: "CA", shippingLines: [SHIPPING_LINES.ups] })).status).toBe("ready");
  });

  it("removing phone, HS code, weight and NF-e key (Correios) lists exactly those fields", () => {
    const input = complete(correios);
    input.recipient.phone = null;
    input.customsItems[1].hsCode = null;
    input.parcels[0].weightKg = null;
    input.nfeKey = null;
    const result = evaluate(input);
    expect(result.status).toBe("draft");
    expect(result.missingFields).toEqual(["nfeKey", "recipientPhone", "hsCode", "weight"]);
    expect(result.problems).toEqual([
      { field: "nfeKey", code: "required" },
      { field: "recipientPhone", code: "required" },
      { field: "hsCode", code: "required", line: 1 },
      { field: "weight", code: "required", values: { parcel: 0 } },
    ]);
  });

  it("the NF-e key is not required for FedEx under the simplified limit, but required above it", () => {
    const input = complete();
    expect(evaluate(input).status).toBe("ready");
    input.currency = "USD";
    input.declaredValue = "1000.01";
    expect(evaluate(input).missingFields).toEqual(["nfeKey"]);
    input.declaredValue = "1000.00";
    expect(evaluate(input).status).toBe("ready");
    input.currency = "BRL";
    input.declaredValue = "6000.00";
    expect(evaluate(input).problems).toEqual([
      {
        field: "nfeKey",
        code: "aboveLimit",
        values: { amount: 6000, currency: "BRL", usd: 1104.97, rateDate: "2026-07-13", rate: "5.4300" },
      },
    ]);
    // Without rates the key is required (conservative), and the problem says so.
    expect(evaluate(input, { ...CONTEXT, exchange: { rates: {}, today: TEST_TODAY } }).problems[0]).toMatchObject({
      code: "noRate",
    });
  });

  it("takes the rate of the business day before the NF-e's issue date when the shipment has one", () => {
    const rates = { USD: [ptaxRate("USD", "2026-07-02", "5.0000"), ...TEST_RATES.USD] };
    const input = { ...complete(), declaredValue: "5200.00" };
    // On the day before today (5.43): US$ 957.64, within the limit.
    expect(evaluate(input, { ...CONTEXT, exchange: { rates, today: TEST_TODAY } }).status).toBe("ready");
    // Issued on Friday 3 July: the rate of Thursday 2 July (5.00) gives US$ 1,040.00.
    const issued = evaluate(
      { ...input, invoiceDate: "2026-07-03" },
      { ...CONTEXT, exchange: { rates, today: TEST_TODAY } },
    );
    expect(issued.missingFields).toEqual(["nfeKey"]);
    expect(issued.declaredValueUsdCents).toBe(104000);
    expect(issued.exchangeRate?.date).toBe("2026-07-02");
  });

  it("incoterm and reason for export: the shipment's own, else the store default, else missing", () => {
    const input = complete();
    const none: EvaluationContext = { ...CONTEXT, customsDefaults: { incoterm: null, exportReason: null } };
    expect(evaluate(input, none).missingFields).toEqual(["incoterm", "exportReason"]);
    expect(evaluate(input, none).problems).toEqual([
      { field: "incoterm", code: "required" },
      { field: "exportReason", code: "required" },
    ]);
    expect(evaluate({ ...input, incoterm: "DDP", exportReason: "gift" }, none).status).toBe("ready");
    expect(evaluate(input).status).toBe("ready"); // store defaults DAP / sale
    expect(evaluate({ ...input, incoterm: "EXW" }).problems).toEqual([{ field: "incoterm", code: "invalid" }]);
    // An invalid store default does not count.
    const bad: EvaluationContext = { ...CONTEXT, customsDefaults: { incoterm: "XYZ", exportReason: "sale" } };
    expect(evaluate(input, bad).missingFields).toEqual(["incoterm"]);
  });

  it("bounds: a quantity or unit value beyond what Edit Draft accepts is out of range", () => {
    const input = complete();
    input.customsItems[0].quantity = 10_001;
    input.customsItems[1].unitValue = "10000000.01";
    expect(evaluate(input).problems).toEqual([
      { field: "unitValue", code: "outOfRange", line: 0, values: { part: "quantity", max: 10_000 } },
      { field: "unitValue", code: "outOfRange", line: 1 },
    ]);
  });

  it("declaredValueOf sums exact cents", () => {
    expect(
      declaredValueOf([
        { quantity: 3, unitValue: "0.10" },
        { quantity: 1, unitValue: "0.20" },
      ]),
    ).toBe("0.50");
    expect(
      declaredValueOf([
        { quantity: 2, unitValue: "89.90" },
        { quantity: 1, unitValue: "149.00" },
      ]),
    ).toBe("328.80");
    expect(declaredValueOf([{ quantity: 2_147_483_647, unitValue: "99999999999999.99" }])).toBeNull();
    expect(declaredValueOf([{ quantity: 1, unitValue: "abc" }])).toBeNull();
  });

  it("an invalid NF-e key is reported with its error code, even where none is required", () => {
    const wrongDigit = VALID_NFE_KEY.slice(0, 43) + "8";
    const correiosResult = evaluate({ ...complete(correios), nfeKey: wrongDigit });
    expect(correiosResult.missingFields).toEqual(["nfeKey"]);
    expect(correiosResult.problems).toEqual([
      { field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } },
    ]);
    const fedex = evaluate({ ...complete(), nfeKey: "99" + VALID_NFE_KEY.slice(2) });
    expect(fedex.problems).toEqual([{ field: "nfeKey", code: "state", values: { code: "99" } }]);
  });

  it("a parcel over the carrier's per-piece limit is overLimit", () => {
    const input = complete(correios);
    input.parcels = [{ weightKg: 12 }, { weightKg: 31 }];
    expect(evaluate(input).problems).toEqual([
      { field: "weight", code: "overLimit", values: { parcel: 1, weightKg: 31, limitKg: 30 } },
    ]);
    // FedEx takes 31 kg, not 69 kg.
    expect(evaluate({ ...input, carrier: "fedex" }).status).toBe("ready");
    input.parcels = [{ weightKg: 69 }];
    expect(evaluate({ ...input, carrier: "fedex" }).problems).toEqual([
      { field: "weight", code: "overLimit", values: { parcel: 0, weightKg: 69, limitKg: 68 } },
    ]);
  });

  it("dimensions are all three or none", () => {
    const input = complete();
    input.parcels = [{ weightKg: 1, lengthCm: 30, widthCm: 20, heightCm: 10 }];
    expect(evaluate(input).status).toBe("ready");
    input.parcels = [{ weightKg: 1, lengthCm: 30, widthCm: null, heightCm: 0 }];
    const result = evaluate(input);
    expect(result.missingFields).toEqual(["dimensions"]);
    expect(result.problems).toEqual([
      { field: "dimensions", code: "required", values: { parcel: 0, part: "widthCm" } },
      { field: "dimensions", code: "notPositive", values: { parcel: 0, part: "heightCm" } },
    ]);
  });

  it("checks the operator's edits: carrier, country, quantity, incoterm, export reason", () => {
    const input = complete();
    input.carrier = null;
    input.recipient.countryCode = "XX";
    input.customsItems[0].quantity = 0;
    input.incoterm = "FOB";
    input.exportReason = "sale";
    const result = evaluate(input);
    // The phone is in E.164 form (valid whatever the country); "XX" has no postal-code pattern.
    expect(result.missingFields).toEqual(["carrier", "address", "unitValue", "incoterm"]);
    expect(result.problems).toContainEqual({ field: "address", code: "invalid", values: { part: "countryCode" } });
    expect(result.problems).toContainEqual({
      field: "unitValue",
      code: "notPositive",
      line: 0,
      values: { part: "quantity", max: 10_000 },
    });
    expect(result.problems).toContainEqual({ field: "incoterm", code: "invalid" });
  });

  it("agrees with mapOrder on 200 generated orders", () => {
    const to = fc.constantFrom<keyof typeof ADDRESSES>("US", "CA", "GB", "DE", "AU");
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 4 }),
      price: fc.constantFrom("0.00", "89.90", "149.00", "2500.00"),
      hsCode: fc.constantFrom<string | null>("6402.20", "4202.31.00", null, "64", "ABCDEF"),
      origin: fc.constantFrom<string | null>("BR", "CN", null, "XX"),
      weight: fc.constantFrom(
        { value: 300, unit: "GRAMS" as const },
        { value: 2, unit: "POUNDS" as const },
        { value: 35, unit: "KILOGRAMS" as const },
        null,
      ),
      title: fc.constantFrom("Havaianas Top Sandals", " "),
    });
    const spec = fc.record({
      to,
      shippingLines: fc.constantFrom(...Object.values(SHIPPING_LINES).map((l) => [l]), []),
      lines: fc.oneof(fc.constant(defaultLines()), fc.array(line, { minLength: 1, maxLength: 3 })),
      invoiceKey: fc.constantFrom<string | null>(null, VALID_NFE_KEY, VALID_NFE_KEY.slice(0, 43) + "0", "123"),
      currency: fc.constantFrom("BRL", "USD", "EUR"),
      address: fc.constantFrom<OrderSpec["address"]>(
        {},
        { phone: null },
        { phone: "12" },
        { zip: "ABC" },
        { provinceCode: null },
        { address1: null, city: " " },
        { name: null, firstName: null, lastName: null },
      ),
    });
    const contexts = fc.constantFrom<[MappingContext, EvaluationContext]>(
      [BR, CONTEXT],
      [
        { ...BR, exchange: undefined, customsDefaults: undefined },
        { exchange: undefined, customsDefaults: undefined },
      ],
    );
    let drafts = 0;
    fc.assert(
      fc.property(spec, contexts, (orderSpec, [mappingContext, evaluationContext]) => {
        const shipment = mapped(orderSpec, mappingContext);
        const evaluation = evaluate(draftOf(shipment, orderSpec.invoiceKey), evaluationContext);
        if (shipment.status === "draft") drafts++;
        expect({ status: evaluation.status, missingFields: evaluation.missingFields }).toEqual({
          status: shipment.status,
          missingFields: shipment.missingFields,
        });
      }),
      { numRuns: 200, seed: 20260714 },
    );
    // Both outcomes were exercised.
    expect(drafts).toBeGreaterThan(20);
    expect(drafts).toBeLessThan(200);
  });
});
