import { describe, expect, it } from "vitest";
import { bulkQueryConcurrency, flattenToJsonl } from "./bulk";

const data = {
  orders: {
    edges: [
      {
        node: {
          id: "gid://shopify/Order/1",
          name: "#1001",
          lineItems: { edges: [{ node: { id: "gid://shopify/LineItem/11", sku: "A" } }] },
        },
      },
      {
        node: {
          id: "gid://shopify/Order/2",
          name: "#1002",
          lineItems: {
            edges: [
              { node: { id: "gid://shopify/LineItem/21", sku: "B" } },
              { node: { id: "gid://shopify/LineItem/22", sku: "C" } },
            ],
          },
        },
      },
    ],
  },
};

const rows = (jsonl: string) =>
  jsonl
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("bulk JSONL", () => {
  it("writes one line per object, children after all parents with __parentId", () => {
    const result = flattenToJsonl(data);
    expect(rows(result.jsonl)).toEqual([
      { id: "gid://shopify/Order/1", name: "#1001" },
      { id: "gid://shopify/Order/2", name: "#1002" },
      { id: "gid://shopify/LineItem/11", sku: "A", __parentId: "gid://shopify/Order/1" },
      { id: "gid://shopify/LineItem/21", sku: "B", __parentId: "gid://shopify/Order/2" },
      { id: "gid://shopify/LineItem/22", sku: "C", __parentId: "gid://shopify/Order/2" },
    ]);
    expect(result).toMatchObject({ objectCount: 5, rootObjectCount: 2 });
  });

  it("keeps children right after their parent with groupObjects", () => {
    const ids = rows(flattenToJsonl(data, true).jsonl).map((row) => row.id.split("/").pop());
    expect(ids).toEqual(["1", "11", "2", "21", "22"]);
  });

  it("is empty for no objects", () => {
    expect(flattenToJsonl({ orders: { edges: [] } })).toEqual({ jsonl: "", objectCount: 0, rootObjectCount: 0 });
  });
});

describe("bulk query concurrency", () => {
  it("allows five at once from API 2026-01 (and unstable), one before", () => {
    expect(["2026-01", "2026-04", "2026-07", "2027-01", "unstable"].map(bulkQueryConcurrency)).toEqual([5, 5, 5, 5, 5]);
    expect(["2024-10", "2025-07", "2025-10"].map(bulkQueryConcurrency)).toEqual([1, 1, 1]);
  });
});
