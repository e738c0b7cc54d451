import { describe, expect, it } from "vitest";
import { missingScopes, SHOPIFY_SCOPES } from "./scopes";

describe("missingScopes", () => {
  it("is empty for a store that granted everything, write scopes standing for their read twins", () => {
    expect(missingScopes(SHOPIFY_SCOPES.join(","))).toEqual([]);
    // As Shopify reports them: a write scope without its read twin.
    expect(
      missingScopes("write_orders,read_all_orders,write_merchant_managed_fulfillment_orders,read_locales"),
    ).toEqual([]);
  });

  it("names what a store connected before read_locales was asked for lacks", () => {
    expect(missingScopes("write_orders,read_all_orders,write_merchant_managed_fulfillment_orders")).toEqual([
      "read_locales",
    ]);
  });

  it("treats nothing recorded as nothing granted", () => {
    expect(missingScopes(null)).toEqual([...SHOPIFY_SCOPES]);
    expect(missingScopes("")).toEqual([...SHOPIFY_SCOPES]);
  });
});
