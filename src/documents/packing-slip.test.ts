import { describe, expect, it } from "vitest";
import { renderPackingSlip, type PackingSlipData } from "./packing-slip";
import { readPdf } from "./testing/pdf-reader";

function slip(overrides: Partial<PackingSlipData> = {}): PackingSlipData {
  return {
    storeName: "Ateliê Aurora",
    orderName: "#1042",
    orderDate: "2026-11-28",
    issuedAt: "2026-12-01T10:00:00-03:00",
    carrier: "ups",
    carrierName: "UPS",
    trackingNumber: "1Z999AA10123456784",
    shipTo: {
      name: "John Carter",
      address1: "350 Fifth Avenue",
      city: "New York",
      state: "NY",
      postalCode: "10118",
      countryCode: "US",
    },
    lines: [
      { sku: "HAM-001", description: "Handwoven cotton hammock", quantity: 2 },
      { sku: null, description: "Ceramic mug", quantity: 3 },
    ],
    note: "Gift wrap, please — no invoice in the box.",
    ...overrides,
  };
}

describe("renderPackingSlip", () => {
  it("prints the order, store, ship-to, every line with SKU and quantity, and the note", async () => {
    const [page, ...rest] = await readPdf(await renderPackingSlip(slip()));
    expect(rest).toHaveLength(0);
    expect(page.items).toEqual(
      expect.arrayContaining([
        "PACKING SLIP",
        "Ateliê Aurora",
        "Order #1042",
        "Order date 2026-11-28",
        "UPS · 1Z 999 AA1 01 2345 678 4",
        "John Carter",
        "350 Fifth Avenue",
        "New York, NY 10118",
        "HAM-001",
        "Handwoven cotton hammock",
        "2",
        "—",
        "Ceramic mug",
        "3",
        "2 lines, 5 units",
        "ORDER NOTE",
        "Gift wrap, please — no invoice in the box.",
        "#1042 · Page 1 of 1",
      ]),
    );
  });

  it("prints all 500 lines of a large order over numbered pages, none lost", async () => {
    const lines = Array.from({ length: 500 }, (_, index) => ({
      sku: `SKU-${String(index + 1).padStart(3, "0")}`,
      description: `Item ${index + 1}`,
      quantity: 1,
    }));
    const pages = await readPdf(await renderPackingSlip(slip({ lines, note: null })));
    expect(pages.length).toBeGreaterThan(5);
    const all = pages.flatMap((page) => page.items);
    for (const line of lines) expect(all).toContain(line.sku);
    expect(all).toContain("500 lines, 500 units");
    expect(all).not.toContain("ORDER NOTE");
    expect(pages.at(-1)!.items).toContain(`#1042 · Page ${pages.length} of ${pages.length}`);
    expect(pages[1].items).toContain("PACKING SLIP (continued)");
  });

  it("gives the same bytes for the same input", async () => {
    const a = await renderPackingSlip(slip());
    const b = await renderPackingSlip(slip());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
