import type { UsdConversion } from "./exchange-rates";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import { CARRIER_IDS, CARRIERS, isCarrier } from "./carrier-registry";
import {
  CARRIER_REQUIREMENTS,
  detectCarrier,
  nfeKeyReason,
  requiredFields,
  SHIPMENT_FIELDS,
  SIMPLIFIED_EXPORT_LIMIT_USD,
} from "./carriers";

const line = (title: string, code: string | null = null, carrierIdentifier: string | null = null) => ({
  title,
  code,
  carrierIdentifier,
});

describe("carrier table", () => {
  it("has each carrier's published per-piece limit", () => {
    expect(Object.fromEntries(CARRIER_IDS.map((id) => [id, CARRIERS[id].maxPieceKg]))).toEqual({
      fedex: 68,
      ups: 70,
      dhl: 70,
      correios: 30,
    });
  });

  it("names only fields the UI can label, in the order of the messages", () => {
    expect(SHIPMENT_FIELDS).toEqual(Object.keys(en.fields));
    for (const id of CARRIER_IDS) {
      expect(CARRIERS[id].id).toBe(id);
      for (const field of CARRIER_REQUIREMENTS[id]) expect(SHIPMENT_FIELDS).toContain(field);
    }
  });

  it("recognises carrier ids", () => {
    expect(isCarrier("dhl")).toBe(true);
    expect(isCarrier("usps")).toBe(false);
    expect(isCarrier(null)).toBe(false);
  });
});

describe("nfeKeyReason / requiredFields", () => {
  const usd = (dollars: number): UsdConversion => ({ ok: true, usdCents: Math.round(dollars * 100), rate: null });
  const noRate: UsdConversion = { ok: false, reason: "no_rate", currency: "BRL", referenceDate: "2026-07-14" };

  it("always requires the key for Correios and DHL", () => {
    expect(nfeKeyReason("correios", usd(10))).toBe("carrier");
    expect(nfeKeyReason("dhl", null)).toBe("carrier");
  });

  it("requires it for FedEx and UPS only above the simplified-export limit: exactly US$ 1,000 is within it", () => {
    expect(SIMPLIFIED_EXPORT_LIMIT_USD).toBe(1000);
    expect(nfeKeyReason("fedex", usd(1000))).toBeNull();
    expect(nfeKeyReason("fedex", usd(1000.01))).toBe("aboveLimit");
    expect(nfeKeyReason("ups", usd(250))).toBeNull();
    expect(nfeKeyReason("ups", usd(5000))).toBe("aboveLimit");
  });

  it("is conservative when the US$ value is unknown: the key is required", () => {
    expect(nfeKeyReason("ups", noRate)).toBe("noRate");
    expect(nfeKeyReason("fedex", null)).toBe("noRate");
    expect(nfeKeyReason(null, noRate)).toBe("noRate");
  });

  it("without a carrier requires the key only when every carrier would", () => {
    expect(nfeKeyReason(null, usd(200))).toBeNull();
    expect(nfeKeyReason(null, usd(2000))).toBe("aboveLimit");
  });

  it("lists the fields in display order, the customs terms included", () => {
    expect(requiredFields("fedex", false)).toEqual([
      "recipientName",
      "recipientPhone",
      "address",
      "postalCode",
      "state",
      "hsCode",
      "itemDescription",
      "unitValue",
      "originCountry",
      "weight",
      "incoterm",
      "exportReason",
    ]);
    expect(requiredFields("correios", true)[0]).toBe("nfeKey");
    expect(requiredFields(null, false).slice(0, 2)).toEqual(["carrier", "recipientName"]);
    expect(requiredFields(null, true).slice(0, 2)).toEqual(["nfeKey", "carrier"]);
  });
});

describe("detectCarrier", () => {
  it.each([
    [line("FedEx International Priority", "FEDEX_INTERNATIONAL_PRIORITY", "fedex"), "fedex", "International Priority"],
    [line("FedEx International Economy"), "fedex", "International Economy"],
    [line("Federal Express - International First"), "fedex", "International First"],
    [line("UPS Worldwide Saver", "UPS_WORLDWIDE_SAVER", "ups"), "ups", "Worldwide Saver"],
    [line("UPS® Worldwide Expedited"), "ups", "Worldwide Expedited"],
    [line("DHL Express Worldwide", "DHL_EXPRESS_WORLDWIDE", "dhl"), "dhl", "Express Worldwide"],
    [line("Correios Exporta Fácil", "CORREIOS_EXPORTA_FACIL", "correios"), "correios", "Exporta Fácil"],
    [line("Exporta Fácil Standard"), "correios", "Exporta Fácil Standard"],
    [line("SEDEX", "SEDEX", "correios"), "correios", "SEDEX"],
    [line("PAC", "PAC"), "correios", "PAC"],
    [line("Correios - PAC Mini Envios"), "correios", "PAC Mini Envios"],
    [line("Correios"), "correios", null],
  ])("%j → %s / %s", (shippingLine, carrier, service) => {
    expect(detectCarrier(shippingLine)).toEqual({ carrier, service });
  });

  it("trusts the carrier identifier and code over a free-text title", () => {
    expect(detectCarrier(line("Frete internacional", null, "fedex"))).toEqual({ carrier: "fedex", service: null });
    expect(detectCarrier(line("Entrega expressa", "UPS_WORLDWIDE_SAVER", null))).toEqual({
      carrier: "ups",
      service: "Worldwide Saver",
    });
    expect(detectCarrier(line("Envio", "DHL_EXPRESS_WORLDWIDE"))).toEqual({
      carrier: "dhl",
      service: "Express Worldwide",
    });
    expect(detectCarrier({ ...line("Express"), source: "dhl_express" })).toEqual({ carrier: "dhl", service: null });
  });

  it.each([
    line("Frete internacional", "custom"),
    line("Envio internacional padrão", "custom", null),
    line("Standard Shipping", "STANDARD", "650f1a14fa979ec5c74d063e968411d4"),
    line("Free shipping for groups", "cups"),
    line("Space capacity freight"),
    line(""),
  ])("%j → null", (shippingLine) => {
    expect(detectCarrier(shippingLine)).toBeNull();
  });
});
