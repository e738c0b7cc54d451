import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapOrder, type MappedShipment, type MappingContext } from "./order-mapping";
import { evaluateShipment, type ShipmentDraftInput } from "./shipment-evaluation";
import { ADDRESSES, defaultLines, SHIPPING_LINES, shopifyOrder, VALID_NFE_KEY, type OrderSpec } from "./test-orders";

const BR: MappingContext = { originCountry: "BR" };

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
    expect(evaluateShipment(complete())).toEqual({ status: "ready", missingFields: [], problems: [] });
    expect(evaluateShipment(complete(correios)).status).toBe("ready");
    expect(evaluateShipment(complete({ to: "CA", shippingLines: [SHIPPING_LINES.ups] })).status).toBe("ready");
  });

  it("removing phone, HS code, weight and NF-e key (Correios) lists exactly those fields", () => {
    const input = complete(correios);
    input.recipient.phone = null;
    input.customsItems[1].hsCode = null;
    input.parcels[0].weightKg = null;
    input.nfeKey = null;
    const result = evaluateShipment(input);
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
    expect(evaluateShipment(input).status).toBe("ready");
    input.currency = "USD";
    input.declaredValue = "1000.01";
    expect(evaluateShipment(input).missingFields).toEqual(["nfeKey"]);
    expect(evaluateShipment(input, { usdRates: { USD: 1 } }).missingFields).toEqual(["nfeKey"]);
    input.currency = "BRL";
    expect(evaluateShipment(input, { usdRates: { BRL: 0.18 } }).status).toBe("ready");
  });

  it("an invalid NF-e key is reported with its error code, even where none is required", () => {
    const wrongDigit = VALID_NFE_KEY.slice(0, 43) + "8";
    const correiosResult = evaluateShipment({ ...complete(correios), nfeKey: wrongDigit });
    expect(correiosResult.missingFields).toEqual(["nfeKey"]);
    expect(correiosResult.problems).toEqual([
      { field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } },
    ]);
    const fedex = evaluateShipment({ ...complete(), nfeKey: "99" + VALID_NFE_KEY.slice(2) });
    expect(fedex.problems).toEqual([{ field: "nfeKey", code: "state", values: { code: "99" } }]);
  });

  it("a parcel over the carrier's per-piece limit is overLimit", () => {
    const input = complete(correios);
    input.parcels = [{ weightKg: 12 }, { weightKg: 31 }];
    expect(evaluateShipment(input).problems).toEqual([
      { field: "weight", code: "overLimit", values: { parcel: 1, weightKg: 31, limitKg: 30 } },
    ]);
    // FedEx takes 31 kg, not 69 kg.
    expect(evaluateShipment({ ...input, carrier: "fedex" }).status).toBe("ready");
    input.parcels = [{ weightKg: 69 }];
    expect(evaluateShipment({ ...input, carrier: "fedex" }).problems).toEqual([
      { field: "weight", code: "overLimit", values: { parcel: 0, weightKg: 69, limitKg: 68 } },
    ]);
  });

  it("dimensions are all three or none", () => {
    const input = complete();
    input.parcels = [{ weightKg: 1, lengthCm: 30, widthCm: 20, heightCm: 10 }];
    expect(evaluateShipment(input).status).toBe("ready");
    input.parcels = [{ weightKg: 1, lengthCm: 30, widthCm: null, heightCm: 0 }];
    const result = evaluateShipment(input);
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
    const result = evaluateShipment(input);
    // The phone is in E.164 form (valid whatever the country); "XX" has no postal-code pattern.
    expect(result.missingFields).toEqual(["carrier", "address", "unitValue", "incoterm"]);
    expect(result.problems).toContainEqual({ field: "address", code: "invalid", values: { part: "countryCode" } });
    expect(result.problems).toContainEqual({
      field: "unitValue",
      code: "notPositive",
      line: 0,
      values: { part: "quantity" },
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
    const contexts = fc.constantFrom<MappingContext>(BR, { ...BR, usdRates: { USD: 1, BRL: 0.18, EUR: 1.1 } });
    let drafts = 0;
    fc.assert(
      fc.property(spec, contexts, (orderSpec, context) => {
        const shipment = mapped(orderSpec, context);
        const evaluation = evaluateShipment(draftOf(shipment, orderSpec.invoiceKey), context);
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
