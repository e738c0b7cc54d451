import { describe, expect, it } from "vitest";
import type { EmuOrder } from "./model";
import { matchesSearch, parseSearchQuery } from "./search-query";

const order = (overrides: Partial<EmuOrder>): EmuOrder =>
  ({
    id: 100,
    name: "#1001",
    createdAt: "2026-10-01T10:00:00.000Z",
    updatedAt: "2026-10-05T10:00:00.000Z",
    processedAt: "2026-10-01T10:00:00.000Z",
    closedAt: null,
    cancelledAt: null,
    financialStatus: "PAID",
    fulfillmentStatus: "UNFULFILLED",
    test: false,
    email: "ana@example.com",
    shippingAddress: null,
    ...overrides,
  }) as EmuOrder;

const matches = (query: string, o: EmuOrder) => matchesSearch(parseSearchQuery(query), o);

describe("search query parsing", () => {
  it("reads comparators and quoted values", () => {
    expect(parseSearchQuery("updated_at:>'2026-10-01T00:00:00Z' status:open")).toEqual([
      [
        { field: "updated_at", comparator: ":>", value: "2026-10-01T00:00:00Z", negated: false },
        { field: "status", comparator: ":", value: "open", negated: false },
      ],
    ]);
    expect(parseSearchQuery(`created_at:<="2026-01-01" OR -test:true`)).toEqual([
      [{ field: "created_at", comparator: ":<=", value: "2026-01-01", negated: false }],
      [{ field: "test", comparator: ":", value: "true", negated: true }],
    ]);
  });

  it("treats an empty query as 'everything'", () => {
    expect(parseSearchQuery("  ")).toEqual([]);
    expect(matches("", order({}))).toBe(true);
  });
});

describe("search query matching", () => {
  it("compares timestamps strictly and inclusively", () => {
    const o = order({});
    expect(matches("updated_at:>'2026-10-05T10:00:00Z'", o)).toBe(false);
    expect(matches("updated_at:>='2026-10-05T10:00:00Z'", o)).toBe(true);
    expect(matches("updated_at:<'2026-10-06'", o)).toBe(true);
    expect(matches("created_at:>2026-10-02", o)).toBe(false);
  });

  it("filters by status, financial and fulfillment status and test", () => {
    expect(matches("status:open", order({}))).toBe(true);
    expect(matches("status:closed", order({ closedAt: "2026-10-06T00:00:00Z" }))).toBe(true);
    expect(matches("status:cancelled", order({}))).toBe(false);
    expect(matches("financial_status:paid", order({}))).toBe(true);
    expect(matches("financial_status:pending", order({}))).toBe(false);
    expect(matches("fulfillment_status:unshipped", order({}))).toBe(true);
    expect(matches("fulfillment_status:shipped", order({}))).toBe(false);
    expect(matches("test:false", order({}))).toBe(true);
  });

  it("combines terms with AND, groups with OR, and negation", () => {
    const o = order({});
    expect(matches("status:open financial_status:pending", o)).toBe(false);
    expect(matches("financial_status:pending OR status:open", o)).toBe(true);
    expect(matches("NOT status:open", o)).toBe(false);
    expect(matches("-financial_status:pending", o)).toBe(true);
  });

  it("ignores fields it does not know, as Shopify does", () => {
    expect(matches("tag:wholesale", order({}))).toBe(true);
  });
});
