import { describe, expect, it } from "vitest";
import { groupQuotes, type QuotedShipment, type ShipmentQuote } from "./quotes";

const shipment = (id: string, chosenQuoteId: string | null = null): QuotedShipment => ({
  id,
  orderName: `#${id}`,
  storeName: "Loja Demo",
  customer: "Jane Doe",
  destination: "US",
  status: "draft",
  chosenQuoteId,
});

const quote = (id: string, shipmentId: string, price: string, transitDays: number | null, minute: number) =>
  ({
    id,
    shipmentId,
    carrier: "ups",
    service: `Service ${id}`,
    chargeableWeightKg: "1.000",
    price,
    currency: "BRL",
    transitDays,
    source: "rate_card",
    createdAt: new Date(Date.UTC(2026, 11, 1, 12, minute)),
  }) satisfies ShipmentQuote;

describe("groupQuotes", () => {
  it("gives each shipment one row, in the page's order, with its quotes cheapest then fastest first", () => {
    const rows = groupQuotes(
      [shipment("2", "q3"), shipment("1")],
      [
        quote("q1", "1", "120.00", 5, 1),
        quote("q2", "2", "99.90", 7, 2),
        quote("q3", "2", "99.90", 3, 4),
        quote("q4", "2", "180.00", 2, 3),
      ],
    );
    expect(rows.map((row) => row.id)).toEqual(["2", "1"]);
    expect(rows[0].quotes.map((q) => q.id)).toEqual(["q3", "q2", "q4"]);
    expect(rows[0].quotes.every((q) => q.orderName === "#2")).toBe(true);
    expect(rows[0].quotedAt).toEqual(new Date(Date.UTC(2026, 11, 1, 12, 4)));
    expect(rows[1].quotes.map((q) => q.id)).toEqual(["q1"]);
    expect(rows[0]).not.toHaveProperty("chosenQuoteId");
  });

  it("marks the chosen quote, and none when the choice is not among the quotes", () => {
    const [picked, open, stale] = groupQuotes(
      [shipment("1", "q2"), shipment("2"), shipment("3", "gone")],
      [quote("q1", "1", "10.00", 1, 0), quote("q2", "1", "20.00", 1, 0), quote("q3", "2", "5.00", 1, 0)],
    );
    expect(picked.chosen?.id).toBe("q2");
    expect(picked.quotes.map((q) => q.chosen)).toEqual([false, true]);
    expect(open.chosen).toBeNull();
    expect(stale.chosen).toBeNull();
    expect(stale.quotes).toEqual([]);
  });
});
