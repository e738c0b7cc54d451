import { describe, expect, it } from "vitest";
import { flattenToJsonl } from "@/emulator/bulk";
import { BulkOperationFailedError, streamBulkOrders } from "./bulk-import";

const order = (n: number, lines: number) => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  updatedAt: `2026-11-0${n}T00:00:00Z`,
  shippingLines: { edges: [{ node: { id: `gid://shopify/ShippingLine/${n}`, title: "FedEx" } }] },
  lineItems: {
    edges: Array.from({ length: lines }, (_, i) => ({
      node: { id: `gid://shopify/LineItem/${n}${i}`, quantity: i + 1 },
    })),
  },
});

async function collect(jsonl: string) {
  const result = [];
  for await (const node of streamBulkOrders(
    (async function* () {
      yield* jsonl.split("\n");
    })(),
  ))
    result.push(node);
  return result;
}

describe("streamBulkOrders", () => {
  it("reassembles a grouped result order by order, with every line and shipping line", async () => {
    const { jsonl } = flattenToJsonl(
      { orders: { edges: [order(3, 2), order(1, 0), order(2, 3)].map((node) => ({ node })) } },
      true,
    );
    const nodes = await collect(jsonl);
    expect(nodes.map((node) => node.id)).toEqual([
      "gid://shopify/Order/3",
      "gid://shopify/Order/1",
      "gid://shopify/Order/2",
    ]);
    expect(nodes.map((node) => node.lineItems.nodes.length)).toEqual([2, 0, 3]);
    expect(nodes[2].lineItems.nodes[2]).toEqual({ id: "gid://shopify/LineItem/22", quantity: 3 });
    expect(nodes[0].shippingLines.nodes).toEqual([{ id: "gid://shopify/ShippingLine/3", title: "FedEx" }]);
    expect(nodes[0].lineItems.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it("refuses an ungrouped result rather than lose an order's lines", async () => {
    const { jsonl } = flattenToJsonl(
      { orders: { edges: [order(1, 1), order(2, 1)].map((node) => ({ node })) } },
      false,
    );
    await expect(collect(jsonl)).rejects.toBeInstanceOf(BulkOperationFailedError);
  });

  it("yields each order before reading the rows after the next one (bounded memory)", async () => {
    const { jsonl } = flattenToJsonl(
      { orders: { edges: [order(1, 1), order(2, 1), order(3, 1)].map((node) => ({ node })) } },
      true,
    );
    const rows = jsonl.trim().split("\n");
    let read = 0;
    const seenAt: number[] = [];
    for await (const node of streamBulkOrders(
      (async function* () {
        for (const row of rows) {
          read++;
          yield row;
        }
      })(),
    )) {
      seenAt.push(read);
      expect(node.lineItems.nodes).toHaveLength(1);
    }
    // Each order (3 rows) is out when the next order's row has been read, the last at the end.
    expect(seenAt).toEqual([4, 7, 9]);
  });
});
