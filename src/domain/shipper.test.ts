import { describe, expect, it } from "vitest";
import {
  missingForDocuments,
  missingShipperFields,
  PICKUP_SHIPPER_FIELDS,
  shipperFromShop,
  shipperReadiness,
  shipperTaxId,
  toShipperProfile,
  validateShipperForm,
} from "./shipper";

const complete = {
  legalName: "Loja Demo Artesanato Ltda",
  taxId: "11.222.333/0001-81",
  address1: "Rua Fradique Coutinho, 1200",
  city: "São Paulo",
  state: "sp",
  postalCode: "05416001",
  phone: "(11) 3032-4500",
};

describe("validateShipperForm", () => {
  it("normalises CNPJ, UF, CEP and phone", () => {
    const result = validateShipperForm(complete);
    expect(result).toEqual({
      ok: true,
      profile: expect.objectContaining({
        taxId: "11222333000181",
        state: "SP",
        postalCode: "05416-001",
        phone: "+551130324500",
        email: null,
      }),
    });
  });

  it("ties every problem to its field", () => {
    const result = validateShipperForm({
      ...complete,
      legalName: "  ",
      taxId: "11.222.333/0001-82",
      state: "XX",
      postalCode: "0541",
      phone: "123",
      email: "not-an-email",
    });
    expect(result).toEqual({
      ok: false,
      problems: {
        legalName: "required",
        taxId: "invalid",
        state: "invalid",
        postalCode: "invalid",
        phone: "invalid",
        email: "invalid",
      },
    });
  });

  it("refuses over-long values", () => {
    const result = validateShipperForm({ ...complete, address1: "x".repeat(201) });
    expect(result.ok === false && result.problems.address1).toBe("tooLong");
  });
});

describe("shipper profile", () => {
  it("lists the required fields still empty", () => {
    expect(missingShipperFields(toShipperProfile({ legalName: "A", city: "B" }))).toEqual([
      "address1",
      "state",
      "postalCode",
      "phone",
    ]);
    expect(missingShipperFields(toShipperProfile(null))).toHaveLength(6);
  });

  it("takes the tax ID from the profile, else from the NF-e key's issuer when that is a valid CNPJ", () => {
    const key = "35260111222333000181550010000001231000001234";
    expect(shipperTaxId(toShipperProfile({ taxId: "99888777000161" }), key)).toBe("99888777000161");
    expect(shipperTaxId(toShipperProfile({}), key)).toBe("11222333000181");
    expect(shipperTaxId(toShipperProfile({}), "35260100000000000000550010000001231000001234")).toBeNull();
    expect(shipperTaxId(toShipperProfile({}), null)).toBeNull();
  });

  it("starts from the shop's billing address", () => {
    const profile = shipperFromShop({
      name: "Loja Demo",
      email: "contato@loja.com",
      billingAddress: { company: null, address1: "Rua A, 1", city: "São Paulo", provinceCode: "SP", zip: "01000-000" },
    });
    expect(profile).toMatchObject({ legalName: "Loja Demo", address1: "Rua A, 1", state: "SP", phone: null });
  });
});

describe("shipperReadiness", () => {
  const fromShopify = shipperFromShop({
    name: "Loja Demo",
    billingAddress: {
      address1: "Rua A, 1",
      city: "São Paulo",
      provinceCode: "SP",
      zip: "01000-000",
      phone: "+551130324500",
    },
  });

  it("flags a store fresh from Shopify: no CNPJ for documents, no signatory for pickups", () => {
    expect(shipperReadiness(fromShopify)).toEqual({
      missing: ["taxId", "signatoryName"],
      documents: false,
      pickups: false,
    });
  });

  it("is ready once the CNPJ and the signatory are filled in", () => {
    const complete = { ...fromShopify, taxId: "11222333000181", signatoryName: "Ana Souza" };
    expect(shipperReadiness(complete)).toEqual({ missing: [], documents: true, pickups: true });
  });

  it("tells documents and pickups apart", () => {
    expect(shipperReadiness({ ...fromShopify, taxId: "11222333000181" })).toEqual({
      missing: ["signatoryName"],
      documents: true,
      pickups: false,
    });
    expect(shipperReadiness({ ...fromShopify, signatoryName: "Ana Souza" })).toEqual({
      missing: ["taxId"],
      documents: false,
      pickups: true,
    });
  });

  it("lists every gap of an empty profile once, in form order", () => {
    expect(shipperReadiness(toShipperProfile(null)).missing).toEqual([
      "legalName",
      "taxId",
      "address1",
      "city",
      "state",
      "postalCode",
      "phone",
      "signatoryName",
    ]);
  });

  it("agrees with what documents and pickups refuse on", () => {
    const key = "35260111222333000181550010000001231000001234";
    // With an NF-e key naming a valid issuer, documents need no CNPJ of the store.
    expect(missingForDocuments(fromShopify, key)).toEqual([]);
    expect(missingForDocuments(fromShopify, null)).toEqual(["taxId"]);
    for (const field of PICKUP_SHIPPER_FIELDS) {
      expect(
        shipperReadiness({ ...fromShopify, taxId: "11222333000181", signatoryName: "A", [field]: null }).pickups,
      ).toBe(false);
    }
  });
});
