import { describe, expect, it } from "vitest";
import { mapOrder, type MappedShipment, type MappingContext, type OrderMapping } from "./order-mapping";
import { SHIPPING_LINES, shopifyOrder, TEST_CONTEXT, VALID_NFE_KEY, type OrderSpec } from "./test-orders";

const BR: MappingContext = TEST_CONTEXT;

/** Maps an order built from `spec` and insists that it became a shipment. */
function shipment(spec: OrderSpec = {}, context: MappingContext = BR): MappedShipment {
  const result: OrderMapping = mapOrder(shopifyOrder(spec), context);
  if (result.kind !== "shipment") throw new Error(`expected a shipment, got ${JSON.stringify(result)}`);
  return result;
}

const correios = [SHIPPING_LINES.correios];

describe("mapOrder: a complete order", () => {
  it("FedEx to the US is ready, with everything mapped", () => {
    expect(shipment()).toEqual({
      kind: "shipment",
      status: "ready",
      missingFields: [],
      problems: [],
      carrier: "fedex",
      service: "International Priority",
      nfe: null,
      invoiceKeyRead: null,
      recipient: {
        name: "Emily Carter",
        company: null,
        phone: "+12125550143",
        email: "emily.carter@example.com",
        address1: "350 5th Ave",
        address2: null,
        city: "New York",
        province: "New York",
        provinceCode: "NY",
        postalCode: "10118",
        countryCode: "US",
      },
      customsItems: [
        {
          description: "Havaianas Top Sandals - Blue / 39-40",
          sku: expect.stringMatching(/^HAV-TOP-/),
          hsCode: "640220",
          quantity: 2,
          unitValue: "89.90",
          currency: "BRL",
          originCountry: "BR",
          weightKg: 0.3,
        },
        {
          description: "Leather Wallet",
          sku: "WAL-01",
          hsCode: "42023100",
          quantity: 1,
          unitValue: "149.00",
          currency: "BRL",
          originCountry: "BR",
          weightKg: 0.12,
        },
      ],
      parcels: [{ weightKg: 0.72 }],
      declaredValue: "328.80",
      currency: "BRL",
      // 328.80 ÷ 5.4300 (the closing PTAX buy rate of the Monday before) = 60.552…
      declaredValueUsdCents: 6055,
      exchangeRate: {
        currency: "BRL",
        buyBrl: "1",
        usdBuyBrl: "5.4300",
        date: "2026-07-13",
        bulletin: "Fechamento PTAX",
        source: "bcb_ptax",
      },
      destinationCountry: "US",
      isTest: false,
    });
  });

  it.each([
    ["UPS", "ups", "GB"],
    ["FedEx", "fedex", "DE"],
    ["UPS", "ups", "CA"],
    ["FedEx", "fedex", "AU"],
  ] as const)("%s to %s is ready", (_name, carrier, to) => {
    const result = shipment({ to, shippingLines: [SHIPPING_LINES[carrier]] });
    expect(result).toMatchObject({ status: "ready", carrier, missingFields: [], destinationCountry: to });
  });

  it("ignores lines that do not require shipping", () => {
    const result = shipment({ lines: [{}, { title: "Gift card", requiresShipping: false, noVariant: true }] });
    expect(result.status).toBe("ready");
    expect(result.customsItems.map((item) => item.description)).toEqual(["Havaianas Top Sandals - Blue / 39-40"]);
    expect(result.declaredValue).toBe("89.90");
  });

  it("picks the first shipping line that names a carrier", () => {
    expect(shipment({ shippingLines: [SHIPPING_LINES.custom, SHIPPING_LINES.ups] }).carrier).toBe("ups");
  });

  it("converts ounces, pounds and kilograms per unit and sums the parcel", () => {
    const result = shipment({
      lines: [
        { quantity: 3, weight: { value: 8, unit: "OUNCES" } },
        { weight: { value: 2, unit: "POUNDS" } },
        { weight: { value: 1.5, unit: "KILOGRAMS" } },
      ],
    });
    expect(result.customsItems.map((item) => item.weightKg)).toEqual([0.226796, 0.907185, 1.5]);
    expect(result.parcels).toEqual([{ weightKg: 3.087573 }]);
  });
});

describe("mapOrder: the recipient", () => {
  it("without any phone → draft [recipientPhone]", () => {
    const result = shipment({ address: { phone: null }, phone: null });
    expect(result).toMatchObject({ status: "draft", missingFields: ["recipientPhone"] });
    expect(result.problems).toEqual([{ field: "recipientPhone", code: "required" }]);
  });

  it("uses the order phone when the address has none, or has a broken one", () => {
    expect(shipment({ address: { phone: null }, phone: "+1 646 555 0187" }).recipient.phone).toBe("+16465550187");
    const fallback = shipment({ address: { phone: "555" }, phone: "(646) 555-0187" });
    expect(fallback).toMatchObject({ status: "ready", recipient: { phone: "+16465550187" } });
  });

  it("an invalid phone → recipientPhone invalid, kept as typed", () => {
    const result = shipment({ address: { phone: "12345" } });
    expect(result.problems).toEqual([{ field: "recipientPhone", code: "invalid" }]);
    expect(result.recipient.phone).toBe("12345");
  });

  it("a national number valid for the destination is stored with its country code", () => {
    expect(shipment({ to: "GB", address: { phone: "020 7946 0958" } }).recipient.phone).toBe("+442079460958");
  });

  it("US order without state → draft [state]", () => {
    const result = shipment({ address: { provinceCode: null, province: null } });
    expect(result).toMatchObject({ status: "draft", missingFields: ["state"] });
    expect(result.problems).toEqual([{ field: "state", code: "required" }]);
  });

  it("Canadian order with a US state → state invalid; German order without state is fine", () => {
    expect(shipment({ to: "CA", address: { provinceCode: "NY" } }).problems).toEqual([
      { field: "state", code: "invalid" },
    ]);
    expect(shipment({ to: "DE", address: { provinceCode: null } }).status).toBe("ready");
    expect(shipment({ to: "AU", address: { provinceCode: null } }).status).toBe("ready"); // only recommended
  });

  it("postal code checked by country pattern", () => {
    expect(shipment({ address: { zip: "1011" } }).problems).toEqual([{ field: "postalCode", code: "invalid" }]);
    expect(shipment({ to: "CA", address: { zip: "12345" } }).missingFields).toEqual(["postalCode"]);
    expect(shipment({ to: "GB", address: { zip: null } }).problems).toEqual([
      { field: "postalCode", code: "required" },
    ]);
    expect(shipment({ to: "CA", address: { zip: " m5v 3l9 " } }).recipient.postalCode).toBe("M5V 3L9");
  });

  it("name from first and last name when the address has no full name; none → recipientName", () => {
    expect(shipment({ address: { name: null } }).recipient.name).toBe("Emily Carter");
    const result = shipment({ address: { name: " ", firstName: null, lastName: null } });
    expect(result).toMatchObject({ missingFields: ["recipientName"], recipient: { name: null } });
  });

  it("missing street or city → address", () => {
    const result = shipment({ address: { address1: "  ", city: null } });
    expect(result.missingFields).toEqual(["address"]);
    expect(result.problems).toEqual([
      { field: "address", code: "required", values: { part: "address1" } },
      { field: "address", code: "required", values: { part: "city" } },
    ]);
  });

  it("takes the customer's email when the order has none", () => {
    expect(shipment({ email: null }).recipient.email).toBe("emily.carter@example.com");
  });
});

describe("mapOrder: the carrier and the NF-e key", () => {
  it("unknown shipping line → draft [carrier], no service", () => {
    const result = shipment({ shippingLines: [SHIPPING_LINES.custom] });
    expect(result).toMatchObject({ status: "draft", missingFields: ["carrier"], carrier: null, service: null });
    expect(result.problems).toEqual([{ field: "carrier", code: "unknown" }]);
  });

  it("no shipping line at all → carrier required", () => {
    expect(shipment({ shippingLines: [] }).problems).toEqual([{ field: "carrier", code: "required" }]);
  });

  it("Correios without NF-e → draft [nfeKey]", () => {
    const result = shipment({ shippingLines: correios });
    expect(result).toMatchObject({ status: "draft", missingFields: ["nfeKey"], carrier: "correios" });
    expect(result.problems).toEqual([{ field: "nfeKey", code: "required" }]);
  });

  it("Correios with a valid key in the metafield → ready, key decoded", () => {
    const result = shipment({ shippingLines: correios, invoiceKey: VALID_NFE_KEY });
    expect(result).toMatchObject({ status: "ready", service: "Exporta Fácil" });
    expect(result.nfe).toEqual({ key: VALID_NFE_KEY, number: 12345, series: 1 });
  });

  it("reads a pasted key from the note attribute, default or configured name", () => {
    const pasted = "3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219";
    const byDefault = shipment({ shippingLines: correios, attributes: [{ key: "nfe_access_key", value: pasted }] });
    expect(byDefault.nfe?.key).toBe(VALID_NFE_KEY);
    const configured = shipment(
      { shippingLines: [SHIPPING_LINES.dhl], attributes: [{ key: "Chave NF-e", value: VALID_NFE_KEY }] },
      { ...BR, invoiceKeyAttribute: "chave nf-e" },
    );
    expect(configured).toMatchObject({ status: "ready", nfe: { number: 12345 } });
    const otherName = shipment({ shippingLines: correios, attributes: [{ key: "gift_wrap", value: VALID_NFE_KEY }] });
    expect(otherName.missingFields).toEqual(["nfeKey"]);
  });

  it("an invalid key → draft [nfeKey] with the checkDigit problem", () => {
    const result = shipment({ shippingLines: correios, invoiceKey: VALID_NFE_KEY.slice(0, 43) + "8" });
    expect(result).toMatchObject({ status: "draft", missingFields: ["nfeKey"], nfe: null });
    expect(result.problems).toEqual([{ field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } }]);
  });

  it("a wrong key is reported even where the carrier does not need one", () => {
    const result = shipment({ invoiceKey: "123" });
    expect(result.problems).toEqual([{ field: "nfeKey", code: "length", values: { length: 3 } }]);
  });

  it("DHL always needs the key", () => {
    expect(shipment({ shippingLines: [SHIPPING_LINES.dhl] }).missingFields).toEqual(["nfeKey"]);
  });

  it("FedEx and UPS need it above the USD 1,000 simplified-export limit, converted with PTAX", () => {
    // BRL 6,000.00 ÷ 5.4300 = US$ 1,104.97 on the closing rate of 2026-07-13 (the business day before).
    const expensive: OrderSpec = { lines: [{ price: "6000.00" }] };
    const fedex = shipment(expensive);
    expect(fedex.missingFields).toEqual(["nfeKey"]);
    expect(fedex.problems).toEqual([
      {
        field: "nfeKey",
        code: "aboveLimit",
        values: { amount: 6000, currency: "BRL", usd: 1104.97, rateDate: "2026-07-13", rate: "5.4300" },
      },
    ]);
    expect(fedex.declaredValueUsdCents).toBe(110497);
    expect(shipment({ ...expensive, shippingLines: [SHIPPING_LINES.ups] }).missingFields).toEqual(["nfeKey"]);
    expect(shipment({ lines: [{ price: "5000.00" }] }).status).toBe("ready"); // US$ 920.81
    expect(shipment({ ...expensive, invoiceKey: VALID_NFE_KEY }).status).toBe("ready");
  });

  it("exactly US$ 1,000 is within the limit; one cent more is not", () => {
    expect(shipment({ currency: "USD", lines: [{ price: "1000.00" }] }).status).toBe("ready");
    expect(shipment({ currency: "USD", lines: [{ price: "1000.01" }] }).missingFields).toEqual(["nfeKey"]);
    // BRL 5,430.00 at 5.4300 is exactly US$ 1,000.00.
    expect(shipment({ lines: [{ price: "5430.00" }] }).status).toBe("ready");
    expect(shipment({ lines: [{ price: "5430.06" }] }).missingFields).toEqual(["nfeKey"]);
  });

  it("USD needs no rate; another currency converts through BRL with the same day's bulletins", () => {
    const usd = shipment({ currency: "USD", lines: [{ price: "300.00" }] });
    expect(usd).toMatchObject({ status: "ready", declaredValueUsdCents: 30000, exchangeRate: null });
    // EUR 900.00 × 6.1200 ÷ 5.4300 = US$ 1,014.36: above the limit.
    const eur = shipment({ currency: "EUR", lines: [{ price: "900.00" }] });
    expect(eur.declaredValueUsdCents).toBe(101436);
    expect(eur.exchangeRate).toMatchObject({ currency: "EUR", buyBrl: "6.1200", usdBuyBrl: "5.4300" });
    expect(eur.missingFields).toEqual(["nfeKey"]);
  });

  it("without a rate the rule is conservative: the key is required, and the draft says why", () => {
    const noRates: MappingContext = { ...BR, exchange: { rates: {}, today: "2026-07-14" } };
    const result = shipment({ lines: [{ price: "10.00" }] }, noRates);
    expect(result.missingFields).toEqual(["nfeKey"]);
    expect(result.problems).toEqual([
      {
        field: "nfeKey",
        code: "noRate",
        values: { amount: 10, currency: "BRL", referenceDate: "2026-07-14", why: "no_rate" },
      },
    ]);
    expect(result.declaredValueUsdCents).toBeNull();
    // A rate older than a week before the day does not count.
    const stale: MappingContext = { ...BR, exchange: { rates: BR.exchange!.rates, today: "2026-07-25" } };
    expect(shipment({ lines: [{ price: "10.00" }] }, stale).missingFields).toEqual(["nfeKey"]);
    // A currency PTAX does not quote.
    const ars = shipment({ currency: "ARS", lines: [{ price: "10.00" }] });
    expect(ars.problems[0]).toMatchObject({ code: "noRate", values: { why: "unsupported_currency" } });
    // A USD order needs no rate at all.
    expect(shipment({ currency: "USD" }, noRates).status).toBe("ready");
  });

  it("an unknown carrier over the limit needs the key as well as the carrier", () => {
    const result = shipment({ currency: "USD", lines: [{ price: "1500.00" }], shippingLines: [SHIPPING_LINES.custom] });
    expect(result.missingFields).toEqual(["nfeKey", "carrier"]);
  });
});

describe("mapOrder: customs lines and parcels", () => {
  it('HS code "6402" → draft [hsCode]', () => {
    const result = shipment({ lines: [{ hsCode: "6402" }] });
    expect(result).toMatchObject({ status: "draft", missingFields: ["hsCode"] });
    expect(result.problems).toEqual([{ field: "hsCode", code: "tooShort", line: 0 }]);
  });

  it("reports the line of each customs problem", () => {
    const result = shipment({ lines: [{}, { hsCode: null, origin: null }, { price: "0.00", weight: null }] });
    expect(result.problems).toEqual([
      { field: "hsCode", code: "required", line: 1 },
      { field: "unitValue", code: "notPositive", line: 2, values: { max: "10000000.00" } },
      { field: "originCountry", code: "required", line: 1 },
      { field: "weight", code: "required", line: 2 },
    ]);
    expect(result.missingFields).toEqual(["hsCode", "unitValue", "originCountry", "weight"]);
    expect(result.parcels).toEqual([{ weightKg: null }]);
  });

  it("numbers lines as in customsItems, after the lines that do not ship", () => {
    const result = shipment({
      lines: [{ title: "Gift card", requiresShipping: false, noVariant: true }, { hsCode: "64" }],
    });
    expect(result.problems).toEqual([{ field: "hsCode", code: "tooShort", line: 0 }]);
  });

  it("a custom line item without a variant misses HS code, origin and weight", () => {
    const result = shipment({ lines: [{ noVariant: true, title: "Hand-painted tile" }] });
    expect(result.missingFields).toEqual(["hsCode", "originCountry", "weight"]);
    expect(result.customsItems[0]).toMatchObject({ hsCode: null, originCountry: null, weightKg: null });
  });

  it("a zero weight is not a weight", () => {
    const result = shipment({ lines: [{ weight: { value: 0, unit: "GRAMS" } }] });
    expect(result.problems).toEqual([{ field: "weight", code: "notPositive", line: 0 }]);
    expect(result.parcels).toEqual([{ weightKg: null }]);
  });

  it("40 kg Correios parcel → overLimit; the same parcel goes by FedEx", () => {
    const heavy: OrderSpec = { lines: [{ quantity: 4, weight: { value: 10, unit: "KILOGRAMS" } }] };
    const result = shipment({ ...heavy, shippingLines: correios, invoiceKey: VALID_NFE_KEY });
    expect(result).toMatchObject({ status: "draft", missingFields: ["weight"], parcels: [{ weightKg: 40 }] });
    expect(result.problems).toEqual([{ field: "weight", code: "overLimit", values: { weightKg: 40, limitKg: 30 } }]);
    expect(shipment(heavy).status).toBe("ready");
    const overFedex = shipment({ lines: [{ weight: { value: 69, unit: "KILOGRAMS" } }] });
    expect(overFedex.problems).toEqual([{ field: "weight", code: "overLimit", values: { weightKg: 69, limitKg: 68 } }]);
  });

  it("without a carrier, a parcel no carrier takes (over 70 kg) is already over the limit", () => {
    const result = shipment({
      shippingLines: [SHIPPING_LINES.custom],
      lines: [{ quantity: 2, weight: { value: 80, unit: "POUNDS" } }],
    });
    expect(result.problems).toEqual([
      { field: "carrier", code: "unknown" },
      { field: "weight", code: "overLimit", values: { weightKg: 72.57478, limitKg: 70 } },
    ]);
  });

  it("lists many missing fields once each, in display order", () => {
    const result = shipment({
      shippingLines: correios,
      address: { phone: null, provinceCode: null, zip: "ABC" },
      lines: [{ hsCode: "64" }, { hsCode: "x", weight: null }],
    });
    expect(result.missingFields).toEqual(["nfeKey", "recipientPhone", "postalCode", "state", "hsCode", "weight"]);
  });
});

describe("mapOrder: orders that do not become shipments", () => {
  it("domestic → skipped_domestic", () => {
    expect(mapOrder(shopifyOrder({ to: "BR" }), BR)).toEqual({ kind: "skipped_domestic" });
    expect(mapOrder(shopifyOrder({ to: "US" }), { originCountry: "us" })).toEqual({ kind: "skipped_domestic" });
  });

  it("no shipping address → skipped_no_address; an address but nothing to ship → skipped_not_shippable", () => {
    expect(mapOrder(shopifyOrder({ address: null }), BR)).toEqual({ kind: "skipped_no_address" });
    const digital = shopifyOrder({ lines: [{ title: "E-book", requiresShipping: false, noVariant: true }] });
    expect(mapOrder(digital, BR)).toEqual({ kind: "skipped_not_shippable" });
  });

  it.each<[string, OrderSpec, string]>([
    ["no line items", { lines: [] }, "no_line_items"],
    ["more lines than a shipment holds", { lines: Array.from({ length: 501 }, () => ({})) }, "too_many_lines"],
    ["a negative total", { total: "-1.00" }, "invalid_total"],
    ["a zero total", { total: "0.00" }, "invalid_total"],
    ["an unparsable total", { total: "12,50" }, "invalid_total"],
    ["no country code", { address: { countryCodeV2: "" } }, "missing_country"],
    ["a null country code", { address: { countryCodeV2: null } }, "missing_country"],
    ["an unknown country code", { address: { countryCodeV2: "ZZ" } }, "unknown_country"],
  ])("%s → invalid", (_label, spec, code) => {
    const result = mapOrder(shopifyOrder(spec), BR);
    expect(result).toMatchObject({ kind: "invalid", code });
    expect(result.kind === "invalid" && result.reason).toMatch(/\w/);
  });

  it("takes an order of exactly a shipment's most lines", () => {
    expect(shipment({ lines: Array.from({ length: 500 }, () => ({})) }).customsItems).toHaveLength(500);
  });

  it("the emulator's malformed order (no lines, total -1, blank country) is invalid", () => {
    const order = shopifyOrder({ lines: [], total: "-1.00", address: { countryCodeV2: "", zip: "???", city: "" } });
    expect(mapOrder(order, BR)).toEqual({
      kind: "invalid",
      code: "no_line_items",
      reason: "The order has no line items.",
    });
  });
});
