import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { pageSizeErrors } from "./page-size";
import { loadAdminSchema } from "./schema";

const schema = loadAdminSchema();
const errors = (query: string, variables = {}) => pageSizeErrors(schema, parse(query), variables);

describe("page sizes Shopify refuses", () => {
  it("accepts first or last up to 250, from literals or variables", () => {
    expect(errors(`{ orders(first: 250) { nodes { id } } }`)).toEqual([]);
    expect(errors(`query($n: Int!) { orders(last: $n) { nodes { id } } }`, { n: 1 })).toEqual([]);
  });

  it("refuses first or last above 250 on any connection, nested ones too, with the field's path", () => {
    const [error] = errors(`query($id: ID!, $n: Int!) { order(id: $id) { lineItems(first: $n) { nodes { id } } } }`, {
      id: "gid://shopify/Order/1",
      n: 251,
    });
    expect(error).toEqual({
      message: "The page size requested by 'first' on 'lineItems' (251) exceeds the maximum of 250.",
      locations: [{ line: 1, column: 46 }],
      path: ["order", "lineItems"],
      extensions: { code: "BAD_REQUEST" },
    });
    const nested = errors(`{ orders(first: 1) { edges { node { lineItems(last: 1000) { nodes { id } } } } } }`);
    expect(nested.map((e) => e.path)).toEqual([["orders", "lineItems"]]);
  });

  it("refuses a connection read without first or last", () => {
    const found = errors(`{ orders(first: 2) { nodes { shippingLines { nodes { title } } } } }`);
    expect(found.map((e) => [e.message, e.path])).toEqual([
      ["you must provide one of first or last", ["orders", "shippingLines"]],
    ]);
    // A variable left out counts as not given.
    expect(errors(`query($n: Int) { orders(first: $n) { nodes { id } } }`)).toHaveLength(1);
  });

  it("follows fragments and leaves plain lists alone", () => {
    const query = `{ order(id: "gid://shopify/Order/1") { ...F } } fragment F on Order { lineItems(first: 300) { nodes { id } } fulfillments(first: 1) { id } }`;
    expect(errors(query).map((e) => e.path)).toEqual([["order", "lineItems"]]);
  });
});
