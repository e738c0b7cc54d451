import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { exchangeRates, orders } from "./schema";
import { takeExcluded } from "./upsert";

const dialect = new PgDialect();
const render = (value: Parameters<PgDialect["sqlToQuery"]>[0]) => dialect.sqlToQuery(value).sql;

describe("takeExcluded", () => {
  it("sets each named column from the proposed row, by its database name", () => {
    const set = takeExcluded(orders, ["name", "shopifyUpdatedAt", "shippingLineCode"]);
    expect(Object.keys(set)).toEqual(["name", "shopifyUpdatedAt", "shippingLineCode"]);
    expect(render(set.name)).toBe('excluded."name"');
    expect(render(set.shopifyUpdatedAt)).toBe('excluded."shopify_updated_at"');
    expect(render(set.shippingLineCode)).toBe('excluded."shipping_line_code"');
  });

  it("works for any table", () => {
    expect(render(takeExcluded(exchangeRates, ["buyBrl"]).buyBrl)).toBe('excluded."buy_brl"');
  });
});
