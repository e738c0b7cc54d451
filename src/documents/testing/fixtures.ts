// A realistic shipment for the tests: a small São Paulo workshop selling to a customer in New York.

import type { DocumentLine, ShippingDocumentData } from "../types";

const SHIPPER_CNPJ = "11222333000181";
/** A fictitious NF-e key with a valid check digit, issued by SHIPPER_CNPJ. */
const NFE_KEY = "35260111222333000181550010000123451876543219";

export function sampleShipment(overrides: Partial<ShippingDocumentData> = {}): ShippingDocumentData {
  return {
    orderName: "#1042",
    carrier: "ups",
    carrierName: "UPS",
    service: "Worldwide Saver",
    trackingNumber: "1ZA1B2C36500000423", // a valid UPS number: shipper A1B2C3, service 65, check digit 3
    issuedAt: "2026-01-16T10:30:00-03:00",
    shipper: {
      name: "Ana Souza",
      company: "Ateliê Aurora Artesanato Ltda",
      taxId: SHIPPER_CNPJ,
      address1: "Rua Augusta, 1500",
      address2: "Conjunto 42",
      city: "São Paulo",
      state: "SP",
      postalCode: "01304-001",
      countryCode: "BR",
      phone: "+55 11 3456-7890",
      email: "vendas@atelieaurora.com.br",
    },
    recipient: {
      name: "John Carter",
      company: null,
      taxId: null,
      address1: "350 Fifth Avenue",
      address2: "Apt 12B",
      city: "New York",
      state: "NY",
      postalCode: "10118",
      countryCode: "US",
      phone: "+1 212 555 0142",
      email: "john.carter@example.com",
    },
    parcels: [
      { weightKg: 3.2, lengthCm: 40, widthCm: 30, heightCm: 20 },
      { weightKg: 1.85, lengthCm: null, widthCm: null, heightCm: null },
    ],
    lines: [
      {
        description: "Handwoven cotton hammock, natural dyes",
        hsCode: "5608.90",
        quantity: 2,
        unitValue: "89.90",
        originCountry: "BR",
        unitWeightKg: 1.2,
        sku: "HAM-001",
      },
      {
        description: "Hand-painted ceramic coffee mug, 350 ml",
        hsCode: "6912.00",
        quantity: 3,
        unitValue: "24.50",
        originCountry: "BR",
        unitWeightKg: 0.45,
        sku: null,
      },
      {
        description: "Roasted cashew nuts, 500 g bag",
        hsCode: "0801.32",
        quantity: 1,
        unitValue: "12",
        originCountry: "BR",
        unitWeightKg: 0.52,
      },
    ],
    currency: "USD",
    freight: "45.00",
    insurance: "5.30",
    otherCharges: null,
    incoterm: "DAP",
    exportReason: "sale",
    invoiceNumber: "12345",
    invoiceDate: "2026-01-15",
    nfeKey: NFE_KEY,
    declaration: { name: "Ana Souza", title: "Managing Partner", date: "2026-01-16" },
    ...overrides,
  };
}

/** `count` distinct invoice lines, for pagination tests. */
export function manyLines(count: number): DocumentLine[] {
  return Array.from({ length: count }, (_, i) => ({
    description: `Handmade item number ${i + 1}${i % 7 === 0 ? ", with a longer description that has to wrap onto a second line of the table" : ""}`,
    hsCode: "4202.92",
    quantity: (i % 3) + 1,
    unitValue: `${10 + i}.${String(i % 100).padStart(2, "0")}`,
    originCountry: i % 10 === 9 ? "PT" : "BR",
    unitWeightKg: 0.1 + (i % 5) * 0.05,
    sku: `SKU-${String(i + 1).padStart(4, "0")}`,
  }));
}
