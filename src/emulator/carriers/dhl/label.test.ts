import { describe, expect, it } from "vitest";
import { decodeCode128 } from "@/documents/testing/code128-decoder";
import { appendedRects, pageOperators, readPdf } from "@/documents/testing/pdf-reader";
import { labelPdf, labelZpl, type LabelData } from "./label";

const data: LabelData = {
  trackingNumber: "1000000042",
  productName: "EXPRESS WORLDWIDE",
  shipper: ["Ateliê Paulista Ltda", "Avenida Paulista, 1578", "01310-200 São Paulo", "BR"],
  receiver: ["Jordan Miller", "245 W 17th St", "10011 New York", "US"],
  weightKg: 1.4,
  piece: "1/1",
  createdAt: new Date("2026-12-02T12:00:00Z"),
};

describe("DHL emulator labels", () => {
  it("a 4×6 PDF with the addresses and the AWB as a readable Code 128", async () => {
    const pdf = await labelPdf(data);
    const [page] = await readPdf(pdf);
    expect({ width: page.width, height: page.height }).toEqual({ width: 288, height: 432 });
    expect(page.text).toContain("WAYBILL 1000000042");
    expect(page.text).toContain("Jordan Miller");
    expect(page.text).toContain("São Paulo");
    const bars = appendedRects(await pageOperators(pdf, 0));
    const moduleWidth = Math.min(...bars.map((bar) => bar.width));
    const widths: number[] = [];
    bars.forEach((bar, i) => {
      if (i > 0) widths.push(Math.round((bar.x - bars[i - 1].x - bars[i - 1].width) / moduleWidth));
      widths.push(Math.round(bar.width / moduleWidth));
    });
    expect(decodeCode128(widths)).toBe("1000000042");
  });

  it("ZPL II: one ^XA … ^XZ label with a Code 128 of the AWB; ZPL control characters in data are neutralised", () => {
    const zpl = labelZpl({ ...data, receiver: ["Evil ^XZ~JR name", ...data.receiver.slice(1)] });
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.endsWith("^XZ")).toBe(true);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain("^BCN,220,N,N,N^FD1000000042^FS");
    expect(zpl).toContain("Evil  XZ JR name");
  });
});
