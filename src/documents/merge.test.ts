import { describe, expect, it } from "vitest";
import { renderInvoice } from "./invoice";
import { mergePdfs } from "./merge";
import { renderPackingSlip } from "./packing-slip";
import { manyLines, sampleShipment } from "./testing/fixtures";
import { readPdf } from "./testing/pdf-reader";

describe("mergePdfs", () => {
  it("copies every page of every part, in order", async () => {
    const label = await renderPackingSlip(slip()); // 1 page
    const longInvoice = await renderInvoice(sampleShipment({ lines: manyLines(60), invoiceNumber: "777" }));
    const invoice = await renderInvoice(sampleShipment()); // 1 page
    const [labelPages, longPages, invoicePages] = await Promise.all([label, longInvoice, invoice].map(readPdf));

    const merged = await readPdf(await mergePdfs([label, longInvoice, invoice]));

    expect(merged).toHaveLength(labelPages.length + longPages.length + invoicePages.length);
    expect(merged.map((page) => page.items)).toEqual(
      [...labelPages, ...longPages, ...invoicePages].map((page) => page.items),
    );
    expect(merged.map((page) => [page.width, page.height])).toEqual(
      [...labelPages, ...longPages, ...invoicePages].map(() => [595.28, 841.89]),
    );
  });

  it("gives the same bytes for the same parts, and records issuedAt when given", async () => {
    const parts = [await renderPackingSlip(slip()), await renderInvoice(sampleShipment())];
    expect(await mergePdfs(parts)).toEqual(await mergePdfs(parts));
    const dated = Buffer.from(await mergePdfs(parts, { issuedAt: "2026-01-16T10:30:00-03:00" })).toString("latin1");
    expect(dated).toContain("/CreationDate (D:20260116133000Z)");
    const undated = Buffer.from(await mergePdfs(parts)).toString("latin1");
    expect(undated).not.toContain("/CreationDate");
  });

  it("refuses to make a document without pages", async () => {
    await expect(mergePdfs([])).rejects.toThrow(RangeError);
  });
});

function slip() {
  const data = sampleShipment();
  return {
    storeName: "Ateliê Aurora",
    orderName: data.orderName,
    orderDate: "2026-01-15",
    issuedAt: data.issuedAt,
    carrier: data.carrier,
    carrierName: data.carrierName,
    trackingNumber: data.trackingNumber,
    shipTo: data.recipient,
    lines: data.lines.map((line) => ({
      sku: line.sku ?? null,
      description: line.description,
      quantity: line.quantity,
    })),
    note: null,
  };
}
