import { PDFDocument } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderShipmentDocuments } from "./index";
import { manyLines, sampleShipment } from "./testing/fixtures";
import { readPdf } from "./testing/pdf-reader";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("renderShipmentDocuments", () => {
  it("renders the label (a page per parcel) and the invoice, with their page counts", async () => {
    const documents = await renderShipmentDocuments(sampleShipment({ lines: manyLines(60) }));
    const [label, invoice] = await Promise.all([readPdf(documents.label), readPdf(documents.invoice)]);
    expect(documents.labelPages).toBe(2);
    expect(label).toHaveLength(2);
    expect(documents.invoicePages).toBe(invoice.length);
    expect(invoice.length).toBeGreaterThan(1);
  });

  it("gives byte-identical files for the same input, whatever the clock or the random generator says", async () => {
    const first = await renderShipmentDocuments(sampleShipment());
    vi.useFakeTimers({ now: new Date("2031-07-04T12:00:00Z"), toFake: ["Date"] });
    vi.spyOn(Math, "random").mockReturnValue(0.987654321);
    const second = await renderShipmentDocuments(sampleShipment());
    expect(Buffer.from(second.label).equals(Buffer.from(first.label))).toBe(true);
    expect(Buffer.from(second.invoice).equals(Buffer.from(first.invoice))).toBe(true);
  });

  it("dates the files from issuedAt and gives them no random document ID", async () => {
    const { label, invoice } = await renderShipmentDocuments(sampleShipment());
    for (const pdf of [label, invoice]) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(doc.getCreationDate()).toEqual(new Date("2026-01-16T13:30:00Z"));
      expect(doc.getModificationDate()).toEqual(new Date("2026-01-16T13:30:00Z"));
      expect(doc.getProducer()).toBe("ShipSmart Dashboard");
      expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/\/ID\s*\[/);
    }
  });

  it("changes the bytes when the data changes", async () => {
    const a = await renderShipmentDocuments(sampleShipment());
    const b = await renderShipmentDocuments(sampleShipment({ orderName: "#1043" }));
    expect(Buffer.from(a.label).equals(Buffer.from(b.label))).toBe(false);
  });
});
