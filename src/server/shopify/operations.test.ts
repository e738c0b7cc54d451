// The contract test: every operation the dashboard sends must validate against Shopify's
// real Admin schema (2026-07), so a field Shopify does not have fails here, not in production.
import { coerceInputValue, parse, validate, type GraphQLInputObjectType } from "graphql";
import { HOLD_HANDLES, HOLD_NOTES_MAX, holdInput } from "@/domain/fulfillment-holds";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "@/emulator/schema";
import * as operations from "./operations";

const schema = loadAdminSchema();

function errorsOf(source: string): string[] {
  return validate(schema, parse(source)).map((error) => error.message);
}

describe("Shopify operations contract (Admin API 2026-07)", () => {
  const entries = Object.entries(operations).filter(([, value]) => typeof value === "string") as [string, string][];

  it("covers every exported operation", () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  it.each(entries)("%s validates against the schema", (_name, source) => {
    expect(errorsOf(source)).toEqual([]);
  });

  it("the bulk orders query validates too", () => {
    expect(
      errorsOf(operations.bulkOrdersQuery("2026-01-01T00:00:00Z", { namespace: "nfe", key: "access_key" })),
    ).toEqual([]);
  });

  it("the bulk orders query reads the invoice metafield where the store keeps it", () => {
    const query = operations.bulkOrdersQuery("2026-01-01T00:00:00Z", { namespace: "fiscal", key: "chave_nfe" });
    expect(query).toContain('invoiceKey: metafield(namespace: "fiscal", key: "chave_nfe")');
    expect(query).not.toContain('"nfe"');
    // Quoted as GraphQL strings: a hostile value cannot break out of its argument.
    const hostile = operations.bulkOrdersQuery("2026-01-01T00:00:00Z", { namespace: 'x") { id } #', key: "k" });
    expect(errorsOf(hostile)).toEqual([]);
  });

  it("the hold we place is a FulfillmentOrderHoldInput Shopify accepts, with handles within its 64 characters", () => {
    const type = schema.getType("FulfillmentOrderHoldInput") as GraphQLInputObjectType;
    for (const handle of HOLD_HANDLES) {
      expect(handle.length).toBeLessThanOrEqual(64);
      expect(coerceInputValue(holdInput(handle, "n".repeat(HOLD_NOTES_MAX)), type)).toMatchObject({ reason: "OTHER" });
    }
    // And the check would catch a reason Shopify does not have.
    expect(() => coerceInputValue({ ...holdInput(HOLD_HANDLES[0], "x"), reason: "MISSING_INVOICE" }, type)).toThrow();
  });

  it("would catch a field Shopify does not have", () => {
    const broken = operations.ORDER_IDS_QUERY.replace("updatedAt", "updatedAt shippingCarrierName");
    const errors = errorsOf(broken);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Cannot query field "shippingCarrierName" on type "Order"\./);
  });
});
