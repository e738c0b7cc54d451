import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { actualQueryCost, requestedQueryCost } from "./cost";
import { loadAdminSchema } from "./schema";

const schema = loadAdminSchema();
const cost = (query: string, variables = {}) => requestedQueryCost(schema, parse(query), variables);

describe("requested query cost (Shopify's rules)", () => {
  it("charges nothing for scalars and 1 per object", () => {
    // shop (1) + billingAddress (1) + plan (1); scalars are free
    expect(cost("{ shop { name currencyCode billingAddress { countryCodeV2 } plan { displayName } } }")).toBe(3);
  });

  it("charges a connection 2 + first × the cost of one node", () => {
    // orders: 2 + 10 × (node 1)
    expect(cost("{ orders(first: 10) { edges { node { id name } } } }")).toBe(12);
    // orders: 2 + 10 × (node 1 + lineItems (2 + 5 × 1)) = 2 + 10 × 8
    expect(cost("{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }")).toBe(82);
  });

  it("counts nested objects inside every node", () => {
    // per order: 1 + totalPriceSet 1 + shopMoney 1 + shippingAddress 1 = 4 → 2 + 25 × 4
    const query = `{ orders(first: 25) { nodes { id totalPriceSet { shopMoney { amount } } shippingAddress { zip } } } }`;
    expect(cost(query)).toBe(102);
  });

  it("reads page sizes from variables and follows fragments", () => {
    const query = `query($n: Int!) { orders(first: $n) { nodes { ...F } } } fragment F on Order { id customer { id } }`;
    // 2 + 50 × (1 + customer 1)
    expect(cost(query, { n: 50 })).toBe(102);
  });

  it("charges 10 per mutation", () => {
    expect(
      cost(`mutation { orderClose(input: { id: "gid://shopify/Order/1" }) { order { id } userErrors { message } } }`),
    ).toBe(10);
  });

  it("prices the sync query's worst case under the 1,000-point cap at 10 orders × 8 lines", async () => {
    const { ORDERS_PAGE_QUERY } = await import("@/server/shopify/operations");
    const variables = { first: 10, lineItemsFirst: 8, invoiceNamespace: "nfe", invoiceKey: "access_key" };
    const requested = cost(ORDERS_PAGE_QUERY, variables);
    expect(requested).toBeLessThanOrEqual(1000);
    expect(cost(ORDERS_PAGE_QUERY, { ...variables, first: 25 })).toBeGreaterThan(1000);
  });
});

describe("the cost of a page of an order's line items", () => {
  it("is 3 + first × 8 for the dashboard's line fields (both moneys, variant, inventory item, weight)", async () => {
    const { ORDER_LINE_ITEMS_QUERY } = await import("@/server/shopify/operations");
    // order 1 + lineItems (2 + first × (line 1 + price set 1 + shop 1 + presentment 1 + variant 1
    // + inventory item 1 + measurement 1 + weight 1))
    expect(cost(ORDER_LINE_ITEMS_QUERY, { id: "gid://shopify/Order/1", first: 100 })).toBe(803);
    expect(cost(ORDER_LINE_ITEMS_QUERY, { id: "gid://shopify/Order/1", first: 122, after: "x" })).toBe(979);
    expect(cost(ORDER_LINE_ITEMS_QUERY, { id: "gid://shopify/Order/1", first: 250 })).toBeGreaterThan(1000);
  });

  it("reads `last` like `first`", () => {
    const query = `query($n: Int!) { order(id: "gid://shopify/Order/1") { lineItems(last: $n) { nodes { id } } } }`;
    expect(cost(query, { n: 40 })).toBe(1 + 2 + 40);
  });
});

describe("actual query cost", () => {
  it("counts the nodes that came back, not the page size", () => {
    const document = parse("{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }");
    const data = {
      orders: {
        nodes: [
          { id: "1", lineItems: { nodes: [{ id: "a" }, { id: "b" }] } },
          { id: "2", lineItems: { nodes: [{ id: "c" }] } },
        ],
      },
    };
    // 2 + (1 + 2 + 2) + (1 + 2 + 1)
    expect(actualQueryCost(schema, document, data)).toBe(11);
  });

  it("does not charge for null objects", () => {
    const document = parse(`{ order(id: "gid://shopify/Order/1") { id customer { id } } }`);
    expect(actualQueryCost(schema, document, { order: { id: "x", customer: null } })).toBe(1);
    expect(actualQueryCost(schema, document, { order: null })).toBe(0);
  });
});
