import { describe, expect, it } from "vitest";
import { generateTrackingNumber } from "@/domain/tracking";
import { PRINTER_DOT } from "./barcode";
import { renderLabel } from "./label";
import { decodeCode128 } from "./testing/code128-decoder";
import { sampleShipment } from "./testing/fixtures";
import { appendedRects, pageOperators, readPdf, type DrawnRect } from "./testing/pdf-reader";
import type { ShippingDocumentData } from "./types";

/** The bar and space widths, in modules, of the bars drawn left to right. */
function barWidthsInModules(bars: DrawnRect[]): number[] {
  const moduleWidth = Math.min(...bars.map((bar) => bar.width));
  const widths: number[] = [];
  bars.forEach((bar, i) => {
    if (i > 0) widths.push((bar.x - bars[i - 1].x - bars[i - 1].width) / moduleWidth);
    widths.push(bar.width / moduleWidth);
  });
  const rounded = widths.map(Math.round);
  widths.forEach((width, i) => expect(Math.abs(width - rounded[i])).toBeLessThan(0.01));
  return rounded;
}

describe("renderLabel", () => {
  const data = sampleShipment();

  it("prints one 4×6 in page per parcel", async () => {
    const pages = await readPdf(await renderLabel(data));
    expect(pages).toHaveLength(2);
    for (const page of pages) expect([page.width, page.height]).toEqual([288, 432]);
  });

  it("carries carrier, service, both parties, piece, weight, order and tracking number", async () => {
    const [first, second] = await readPdf(await renderLabel(data));
    expect(first.items).toEqual(
      expect.arrayContaining([
        "UPS",
        "Worldwide Saver",
        "US",
        // Sender
        "Ana Souza",
        "Ateliê Aurora Artesanato Ltda",
        "Rua Augusta, 1500",
        "São Paulo, SP 01304-001",
        "BRAZIL",
        "Tel +55 11 3456-7890",
        // Recipient
        "John Carter",
        "350 Fifth Avenue",
        "Apt 12B",
        "New York, NY 10118",
        "UNITED STATES",
        "Tel +1 212 555 0142",
        // Shipment
        "2026-01-16",
        "3.2 kg",
        "40 x 30 x 20 cm",
        "PIECE 1/2",
        "#1042",
        "12345",
        // Tracking number, grouped for reading and plain for searching
        "1Z A1B 2C3 65 0000 042 3",
        data.trackingNumber,
      ]),
    );
    expect(second.items).toEqual(expect.arrayContaining(["PIECE 2/2", "1.85 kg", data.trackingNumber]));
    // The second parcel has no dimensions, so none are printed.
    expect(second.text).not.toContain("DIMENSIONS");
  });

  it.each<[ShippingDocumentData["carrier"], string]>([
    ["ups", generateTrackingNumber("ups", 42)],
    ["fedex", generateTrackingNumber("fedex", 794_512_345_678)],
    ["dhl", generateTrackingNumber("dhl", 1_234_567_890)],
    ["correios", generateTrackingNumber("correios", 47_312_482)],
  ])("draws a %s tracking number as a Code 128 barcode that decodes back to it", async (carrier, trackingNumber) => {
    const pdf = await renderLabel(sampleShipment({ carrier, trackingNumber }));
    const bars = appendedRects(await pageOperators(pdf, 0));
    expect(bars.length).toBeGreaterThan(20);
    // Solid vector bars of one height, each a whole number of 203 dpi printer dots wide.
    for (const bar of bars) {
      expect(bar.height).toBe(bars[0].height);
      expect(bar.y).toBe(bars[0].y);
      expect(bar.height).toBeGreaterThanOrEqual(72);
      const dots = bar.width / PRINTER_DOT;
      expect(Math.abs(dots - Math.round(dots))).toBeLessThan(1e-6);
    }
    expect(decodeCode128(barWidthsInModules(bars))).toBe(trackingNumber);
    // Ten modules of white on both sides, inside the label's frame (x = 6 … 282).
    const moduleWidth = Math.min(...bars.map((bar) => bar.width));
    expect(bars[0].x - 6).toBeGreaterThanOrEqual(10 * moduleWidth);
    expect(282 - (bars.at(-1)!.x + bars.at(-1)!.width)).toBeGreaterThanOrEqual(10 * moduleWidth);
  });

  it("prints names in any script without failing, as close to the original as the font allows", async () => {
    const pdf = await renderLabel(
      sampleShipment({
        recipient: {
          ...sampleShipment().recipient,
          name: "山田 太郎",
          company: "Łódź Ćwiczenia Sp. z o.o.",
          address1: "Erdős utca 5 😀",
          city: "Wrocław",
        },
      }),
    );
    const [page] = await readPdf(pdf);
    expect(page.items).toEqual(expect.arrayContaining(["?? ??", "Lódz Cwiczenia Sp. z o.o.", "Erdos utca 5 ?"]));
  });

  it("keeps long text inside the label by shrinking, then cutting it with an ellipsis", async () => {
    const long = "Rua Doutor Cândido Espinheira, 1234, Bloco B, Apartamento 1502, Perdizes, Zona Oeste";
    const [page] = await readPdf(
      await renderLabel(sampleShipment({ recipient: { ...sampleShipment().recipient, address1: long } })),
    );
    const printed = page.items.find((item) => item.startsWith("Rua Doutor"));
    expect(printed).toMatch(/…$/);
  });
});
