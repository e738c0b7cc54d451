import { describe, expect, it } from "vitest";
import { missingShipperFields, shipperFromShop, shipperTaxId, toShipperProfile, validateShipperForm } from "./shipper";

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
