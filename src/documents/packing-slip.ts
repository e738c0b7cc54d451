// The packing slip that goes inside the parcel (A4): which order it is, where it goes, and every
// line with its SKU and quantity, so whoever packs or opens it can check the contents. Lines that
// do not fit continue on further pages under a repeated header; "Page n of N" is added at the end.
// In English like the invoice: it travels with the parcel abroad.

import { cityLine, countryName, groupTrackingNumber, parseTimestamp } from "./format";
import { PageWriter } from "./page-writer";
import { createPdf, embedFonts, savePdf } from "./pdf";
import type { DocumentParty, ShippingDocumentData } from "./types";

export interface PackingSlipData {
  storeName: string;
  orderName: string;
  /** "YYYY-MM-DD": the order's date. */
  orderDate: string;
  /** ISO timestamp: the file's date (the same input gives the same bytes). */
  issuedAt: string;
  carrier: ShippingDocumentData["carrier"] | null;
  carrierName: string | null;
  trackingNumber: string | null;
  shipTo: DocumentParty;
  lines: { sku: string | null; description: string; quantity: number }[];
  /** The customer's note on the order, as written. */
  note: string | null;
}

const A4: [number, number] = [595.28, 841.89];
const LEFT = 36;
const RIGHT = A4[0] - 36;
const CONTENT_BOTTOM = A4[1] - 44;
const ROW_SIZE = 9;
const ROW_LEADING = 11;
const ROW_PADDING = 3;
const MAX_DESCRIPTION_LINES = 6;
const COLUMNS = {
  number: { x: LEFT, width: 28 },
  sku: { x: LEFT + 28, width: 120 },
  description: { x: LEFT + 148, width: RIGHT - LEFT - 148 - 60 },
  quantity: { x: RIGHT - 60, width: 60 },
};

export async function renderPackingSlip(data: PackingSlipData): Promise<Uint8Array> {
  const doc = await createPdf(`Packing slip ${data.orderName}`, parseTimestamp(data.issuedAt));
  const fonts = await embedFonts(doc);
  const pages: PageWriter[] = [];
  const newPage = () => {
    const writer = new PageWriter(doc.addPage(A4), fonts);
    pages.push(writer);
    return writer;
  };

  let writer = newPage();
  let y = tableHeader(writer, header(writer, data));
  data.lines.forEach((line, index) => {
    const description = writer.wrap(
      line.description,
      COLUMNS.description.width - 6,
      ROW_SIZE,
      false,
      MAX_DESCRIPTION_LINES,
    );
    const sku = writer.wrap(line.sku ?? "—", COLUMNS.sku.width - 6, ROW_SIZE, false, 3);
    const height = Math.max(description.length, sku.length) * ROW_LEADING + 2 * ROW_PADDING;
    if (y + height > CONTENT_BOTTOM) {
      writer = newPage();
      y = tableHeader(writer, continuation(writer, data));
    }
    const baseline = y + ROW_PADDING + ROW_SIZE;
    writer.text(String(index + 1), COLUMNS.number.x + 3, baseline, { size: ROW_SIZE });
    sku.forEach((text, row) => writer.text(text, COLUMNS.sku.x + 3, baseline + row * ROW_LEADING, { size: ROW_SIZE }));
    description.forEach((text, row) =>
      writer.text(text, COLUMNS.description.x + 3, baseline + row * ROW_LEADING, { size: ROW_SIZE }),
    );
    writer.text(String(line.quantity), COLUMNS.quantity.x + COLUMNS.quantity.width - 3, baseline, {
      size: ROW_SIZE,
      bold: true,
      align: "right",
    });
    y += height;
    writer.line(LEFT, y, RIGHT, y, 0.3);
  });

  const units = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  const noteLines = data.note?.trim() ? writer.wrap(data.note.trim(), RIGHT - LEFT, 9, false, 20) : [];
  const trailer = 30 + (noteLines.length > 0 ? 20 + noteLines.length * 11 : 0);
  if (y + trailer > CONTENT_BOTTOM) {
    writer = newPage();
    y = continuation(writer, data);
  }
  y += 18;
  writer.text(`${plural(data.lines.length, "line")}, ${plural(units, "unit")}`, RIGHT, y, {
    size: 9,
    bold: true,
    align: "right",
  });
  if (noteLines.length > 0) {
    y += 22;
    writer.text("ORDER NOTE", LEFT, y, { size: 7 });
    noteLines.forEach((text, row) => writer.text(text, LEFT, y + 12 + row * 11, { size: 9 }));
  }
  pages.forEach((page, index) =>
    page.text(`${data.orderName} · Page ${index + 1} of ${pages.length}`, RIGHT, A4[1] - 24, {
      size: 7,
      align: "right",
    }),
  );
  return savePdf(doc);
}

function header(writer: PageWriter, data: PackingSlipData): number {
  writer.text("PACKING SLIP", LEFT, 56, { size: 20, bold: true });
  writer.text(data.storeName, RIGHT, 50, { size: 11, bold: true, align: "right", maxWidth: 260, minSize: 7 });
  writer.text(`Order ${data.orderName}`, LEFT, 84, { size: 12, bold: true });
  writer.text(`Order date ${data.orderDate}`, LEFT, 98, { size: 9 });
  if (data.carrierName) {
    const tracking =
      data.trackingNumber && data.carrier ? ` · ${groupTrackingNumber(data.carrier, data.trackingNumber)}` : "";
    writer.text(`${data.carrierName}${tracking}`, LEFT, 110, { size: 9 });
  }
  writer.text("SHIP TO", 320, 84, { size: 7 });
  const party = data.shipTo;
  const lines = [
    party.name,
    party.company ?? "",
    party.address1,
    party.address2 ?? "",
    cityLine(party),
    countryName(party.countryCode),
    party.phone ? `Phone: ${party.phone}` : "",
  ].filter((line) => line.trim() !== "");
  lines.forEach((line, index) =>
    writer.text(line, 320, 96 + index * 11, { size: 9, bold: index === 0, maxWidth: RIGHT - 320, minSize: 6 }),
  );
  return Math.max(124, 96 + lines.length * 11 + 8);
}

function continuation(writer: PageWriter, data: PackingSlipData): number {
  writer.text("PACKING SLIP (continued)", LEFT, 52, { size: 13, bold: true });
  writer.text(`Order ${data.orderName}`, RIGHT, 52, { size: 9, align: "right" });
  return 68;
}

function tableHeader(writer: PageWriter, top: number): number {
  writer.shade({ x: LEFT, top, width: RIGHT - LEFT, height: 16 }, 0.9);
  const baseline = top + 11;
  writer.text("#", COLUMNS.number.x + 3, baseline, { size: 7, bold: true });
  writer.text("SKU", COLUMNS.sku.x + 3, baseline, { size: 7, bold: true });
  writer.text("DESCRIPTION", COLUMNS.description.x + 3, baseline, { size: 7, bold: true });
  writer.text("QTY", COLUMNS.quantity.x + COLUMNS.quantity.width - 3, baseline, {
    size: 7,
    bold: true,
    align: "right",
  });
  return top + 16;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
