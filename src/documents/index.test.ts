import { PDFDocument } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderInvoiceWithPageCount } from "./index";
import { manyLines, sampleShipment } from "./testing/fixtures";
import { readPdf } from "./testing/pdf-reader";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("renderInvoiceWithPageCount", () => {
  it("counts the pages the table flowed onto", async () => {
    const invoice = await renderInvoiceWithPageCount(sampleShipment({ lines: manyLines(60) }));
    expect(invoice.pageCount).toBe((await readPdf(invoice.pdf)).length);
    expect(invoice.pageCount).toBeGreaterThan(1);
  });

  it("gives byte-identical files for the same input, whatever the clock or the random generator says", async () => {
    const first = await renderInvoiceWithPageCount(sampleShipment());
    vi.useFakeTimers({ now: new Date("2031-07-04T12:00:00Z"), toFake: ["Date"] });
    vi.spyOn(Math, "random").mockReturnValue(0.987654321);
    const second = await renderInvoiceWithPageCount(sampleShipment());
    expect(Buffer.from(second.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  });

  it("dates the file from issuedAt and gives it no random document ID", async () => {
    const { pdf } = await renderInvoiceWithPageCount(sampleShipment());
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getCreationDate()).toEqual(new Date("2026-01-16T13:30:00Z"));
    expect(doc.getProducer()).toBe("ShipSmart Dashboard");
    expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/\/ID\s*\[/);
  });

  it("prints our reference where the tracking number is not known yet (paperless upload, Correios)", async () => {
    const [page] = await readPdf(
      (await renderInvoiceWithPageCount(sampleShipment({ trackingNumber: null, reference: "SS-0123456789ab-1" }))).pdf,
    );
    expect(page.items).toContain("SHIPPER REFERENCE");
    expect(page.items).toContain("SS-0123456789ab-1");
    expect(page.items).not.toContain("AWB / TRACKING NO.");
  });
});
