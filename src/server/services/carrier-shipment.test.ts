import { describe, expect, it } from "vitest";
import type { ShipmentToDocument } from "../queries/documents";
import { carrierRequest, invoiceData, purchaseReference, resolveShipment } from "./carrier-shipment";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
// 1 December 2026, 22:30 in São Paulo (01:30 UTC the next day): the documents are dated the 1st.
const ISSUED_AT = new Date("2026-12-02T01:30:00Z");
const SIGNATORY = { id: "u1", name: "Olivia Operator" };

function row(overrides: Partial<ShipmentToDocument["shipment"]> = {}, store: Partial<ShipmentToDocument> = {}) {
  return {
    orderName: "#1042",
    orderFulfillment: "UNFULFILLED",
    storeName: "Ateliê Aurora",
    shipper: {
      legalName: "Ateliê Aurora Artesanato Ltda",
      taxId: "11222333000181",
      address1: "Rua Augusta, 1500",
      address2: null,
      city: "São Paulo",
      state: "SP",
      postalCode: "01304-001",
      phone: "+55 11 3456-7890",
      email: "vendas@aurora.com.br",
      signatoryName: "Ana Souza",
      signatoryTitle: "Director",
    },
    defaultIncoterm: "DAP",
    defaultExportReason: "sale",
    ...store,
    shipment: {
      id: ID,
      storeId: "s1",
      status: "ready",
      carrier: "ups",
      service: "Worldwide Saver",
      isTest: false,
      cancelledInShopifyAt: null,
      documentsGeneratedAt: null,
      pickupDate: null,
      nfeKey: "35260111222333000181550010000123451876543219",
      invoiceNumber: "12345",
      invoiceDate: "2026-11-30",
      currency: "USD",
      incoterm: null,
      exportReason: "gift",
      declaredValueUsdCents: 32880,
      exchangeRate: null,
      recipient: {
        name: "John Carter",
        company: "Carter & Co",
        phone: "+1 212 555 0142",
        email: null,
        address1: "350 Fifth Avenue",
        address2: "Apt 12B",
        city: "New York",
        province: "New York",
        provinceCode: "NY",
        postalCode: "10118",
        countryCode: "us",
      },
      parcels: [{ weightKg: 3.2, lengthCm: 40, widthCm: 30, heightCm: 20 }],
      customsItems: [
        {
          description: "Handwoven hammock",
          sku: "HAM-001",
          hsCode: "5608.90",
          quantity: 2,
          unitValue: "89.90",
          currency: "USD",
          originCountry: "BR",
          weightKg: 1.2,
        },
        {
          description: "Ceramic mug",
          sku: null,
          hsCode: "6912.00",
          quantity: 3,
          unitValue: "49.70",
          currency: "USD",
          originCountry: "pt",
          weightKg: 0.45,
        },
      ],
      ...overrides,
    },
  } as unknown as ShipmentToDocument;
}

const resolve = (input: ShipmentToDocument, attempt = 1) =>
  resolveShipment(input, { attempt, issuedAt: ISSUED_AT, signatory: SIGNATORY });

function refusal(input: ShipmentToDocument) {
  try {
    resolve(input);
  } catch (error) {
    return error as { code: string; values?: Record<string, unknown> };
  }
  throw new Error("expected a refusal");
}

describe("purchaseReference", () => {
  it("is deterministic per shipment and attempt, within 35 characters", () => {
    expect(purchaseReference(ID, 1)).toBe("SS-0f8fad5bd9cb-1");
    expect(purchaseReference(ID, 1)).toBe(purchaseReference(ID.toUpperCase(), 1));
    expect(purchaseReference(ID, 2)).toBe("SS-0f8fad5bd9cb-2");
    expect(purchaseReference(ID, 99_999).length).toBeLessThanOrEqual(35);
  });

  it("refuses what is not a shipment id or an attempt", () => {
    expect(() => purchaseReference("not-a-uuid", 1)).toThrow(RangeError);
    expect(() => purchaseReference(ID, 0)).toThrow(RangeError);
    expect(() => purchaseReference(ID, 1.5)).toThrow(RangeError);
  });
});

describe("resolveShipment", () => {
  it("maps the stored shipment to the carrier's request: service code, parties, commodities, terms", () => {
    const request = carrierRequest(resolve(row(), 3));
    expect(request).toMatchObject({
      reference: "SS-0f8fad5bd9cb-3",
      orderName: "#1042",
      serviceCode: "65",
      shipDate: "2026-12-01",
      currency: "USD",
      declaredValue: "328.90",
      incoterm: "DAP",
      exportReason: "gift",
      invoice: { number: "12345", date: "2026-11-30" },
      nfeKey: "35260111222333000181550010000123451876543219",
      parcels: [{ weightKg: 3.2, lengthCm: 40, widthCm: 30, heightCm: 20 }],
    });
    expect(request.shipper).toMatchObject({
      name: "Ana Souza",
      company: "Ateliê Aurora Artesanato Ltda",
      taxId: "11222333000181",
      countryCode: "BR",
    });
    expect(request.recipient).toMatchObject({
      name: "John Carter",
      company: "Carter & Co",
      state: "NY",
      countryCode: "US",
    });
    expect(request.items[1]).toEqual({
      description: "Ceramic mug",
      hsCode: "6912.00",
      originCountry: "PT",
      quantity: 3,
      unitValue: "49.70",
      unitWeightKg: 0.45,
      sku: null,
    });
  });

  it("ships on the booked pickup's day when it is later than today", () => {
    expect(resolve(row({ pickupDate: "2026-12-03" })).request.shipDate).toBe("2026-12-03");
    expect(resolve(row({ pickupDate: "2026-11-20" })).request.shipDate).toBe("2026-12-01");
  });

  it("gives the invoice the same values the carrier is sent", () => {
    const resolved = resolve(row());
    const invoice = invoiceData(resolved, ISSUED_AT, "1Z999AA10123456784");
    expect(invoice).toMatchObject({
      trackingNumber: "1Z999AA10123456784",
      reference: resolved.request.reference,
      issuedAt: "2026-12-01T22:30:00-03:00",
      invoiceNumber: "12345",
      incoterm: "DAP",
      exportReason: "gift",
      currency: "USD",
      declaration: { name: "Ana Souza", title: "Director", date: "2026-12-01" },
    });
    expect(invoice.lines.map((line) => line.originCountry)).toEqual(["BR", "PT"]);
    expect(invoice.shipper.name).toBe("Ateliê Aurora Artesanato Ltda");
  });

  it("has no service code for Correios (no API) and refuses a service the carrier does not have", () => {
    expect(resolve(row({ carrier: "correios", service: "Exporta Fácil Expresso" })).request.serviceCode).toBeNull();
    expect(refusal(row({ service: "Hyperloop" }))).toMatchObject({
      code: "labels.errors.serviceUnknown",
      values: { order: "#1042", carrier: "UPS", service: "Hyperloop" },
    });
  });

  it("refuses a line without HS code, origin country or unit weight, naming the order and the line", () => {
    const items = row().shipment.customsItems;
    const without = (field: string, value: unknown) =>
      row({ customsItems: [items[0], { ...items[1], [field]: value }] });
    expect(refusal(without("hsCode", " "))).toMatchObject({
      code: "labels.errors.itemIncomplete",
      values: { order: "#1042", line: 2, field: "hsCode" },
    });
    // No silent "BR": a line without its origin is refused.
    expect(refusal(without("originCountry", null)).values).toMatchObject({ line: 2, field: "originCountry" });
    expect(refusal(without("weightKg", 0)).values).toMatchObject({ field: "weight" });
    expect(refusal(without("currency", "EUR")).values).toMatchObject({ field: "currency" });
    expect(refusal(without("unitValue", "abc")).values).toMatchObject({ field: "unitValue" });
  });

  it("refuses a parcel without weight or dimensions, and a shipment without a currency", () => {
    expect(refusal(row({ parcels: [{ weightKg: null }] })).values).toMatchObject({ parcel: 1, field: "weight" });
    expect(refusal(row({ parcels: [{ weightKg: 2, lengthCm: 10, widthCm: null, heightCm: 5 }] })).values).toMatchObject(
      {
        field: "dimensions",
      },
    );
    expect(refusal(row({ parcels: [] })).code).toBe("labels.errors.parcelIncomplete");
    expect(refusal(row({ currency: null })).code).toBe("labels.errors.currencyMissing");
  });

  it("refuses what must not reach a carrier: test orders, not ready, cancelled or fulfilled in Shopify", () => {
    expect(refusal(row({ isTest: true })).code).toBe("storeSettings.errors.testOrder");
    expect(refusal(row({ status: "draft" })).code).toBe("documents.errors.notReady");
    expect(refusal(row({ cancelledInShopifyAt: new Date() })).code).toBe("cancelledInShopify.errors.orderCancelled");
    expect(refusal(row({ carrier: null })).code).toBe("documents.errors.noCarrier");
    expect(refusal(row({}, { orderFulfillment: "FULFILLED" })).code).toBe("documents.errors.fulfilledInShopify");
  });

  it("refuses an incomplete shipper, an unresolved incoterm, and a recipient without address", () => {
    expect(refusal(row({}, { shipper: { legalName: "X" } })).values).toMatchObject({ store: "Ateliê Aurora" });
    expect(refusal(row({}, { defaultIncoterm: null })).values).toEqual({ order: "#1042", missing: "incoterm" });
    const recipient = row().shipment.recipient!;
    expect(refusal(row({ recipient: { ...recipient, address1: "" } })).values).toMatchObject({ field: "address1" });
    expect(refusal(row({ recipient: null })).code).toBe("labels.errors.recipientIncomplete");
  });
});
