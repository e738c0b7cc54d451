// The 4×6 in shipping label (docs/ARCHITECTURE.md, "Documents"): one page per parcel, laid out like
// a carrier's own label in boxed bands from top to bottom — carrier and service with the
// destination routing code, sender with the shipment details, recipient in the largest type,
// piece / order / invoice, and the tracking number as text and as a Code 128 barcode.

import { drawCode128 } from "./barcode";
import {
  calendarDate,
  cityLine,
  countryName,
  formatDimensions,
  formatKg,
  groupTrackingNumber,
  parseTimestamp,
  toGrams,
} from "./format";
import { PageWriter } from "./page-writer";
import { createPdf, embedFonts, savePdf } from "./pdf";
import type { DocumentParcel, DocumentParty, ShippingDocumentData } from "./types";

/** 4 × 6 inches. */
const LABEL_SIZE: [number, number] = [288, 432];

const FRAME = { x: 6, top: 6, width: 276, height: 420 };
const LEFT = FRAME.x + 6;
const RIGHT = FRAME.x + FRAME.width - 6;
const CENTER = FRAME.x + FRAME.width / 2;
/** Where each band below the carrier header starts, measured from the top edge (the frame closes the last). */
const BAND = { from: 58, to: 140, piece: 268, tracking: 298 };
/** The sender block's right column, for ship date, weight and dimensions. */
const DETAILS_X = 192;
/** The piece / order / invoice band's cell dividers. */
const ORDER_CELL_X = 96;
const INVOICE_CELL_X = 189;

export async function renderLabel(data: ShippingDocumentData): Promise<Uint8Array> {
  if (data.parcels.length === 0) throw new RangeError("A label needs at least one parcel");
  const doc = await createPdf(`Shipping label ${data.orderName}`, parseTimestamp(data.issuedAt));
  const fonts = await embedFonts(doc);
  data.parcels.forEach((parcel, index) => {
    const writer = new PageWriter(doc.addPage(LABEL_SIZE), fonts);
    drawLabelPage(writer, data, parcel, `${index + 1}/${data.parcels.length}`);
  });
  return savePdf(doc);
}

function drawLabelPage(writer: PageWriter, data: ShippingDocumentData, parcel: DocumentParcel, piece: string): void {
  drawFrame(writer);
  drawHeader(writer, data);
  drawSender(writer, data.shipper);
  drawDetails(writer, data, parcel);
  drawRecipient(writer, data.recipient);
  drawReferences(writer, data, piece);
  drawTracking(writer, data);
}

function drawFrame(writer: PageWriter): void {
  writer.box(FRAME, 1.5);
  for (const top of [BAND.from, BAND.to, BAND.piece, BAND.tracking]) {
    writer.line(FRAME.x, top, FRAME.x + FRAME.width, top, 1);
  }
  writer.line(DETAILS_X - 6, BAND.from, DETAILS_X - 6, BAND.to, 0.75);
  writer.line(ORDER_CELL_X, BAND.piece, ORDER_CELL_X, BAND.tracking, 0.75);
  writer.line(INVOICE_CELL_X, BAND.piece, INVOICE_CELL_X, BAND.tracking, 0.75);
}

function drawHeader(writer: PageWriter, data: ShippingDocumentData): void {
  writer.text(data.carrierName, LEFT, FRAME.top + 26, { size: 24, bold: true, maxWidth: 186, minSize: 14 });
  writer.text(data.service, LEFT, FRAME.top + 44, { size: 11, maxWidth: 186, minSize: 7 });
  // The destination country is the routing code a sorter reads first, so it gets the largest type.
  const routing = { x: RIGHT - 68, top: FRAME.top + 5, width: 68, height: 42 };
  writer.box(routing, 2);
  writer.text(data.recipient.countryCode.toUpperCase(), routing.x + routing.width / 2, routing.top + 32, {
    size: 30,
    bold: true,
    align: "center",
    maxWidth: routing.width - 8,
    minSize: 12,
  });
}

function drawSender(writer: PageWriter, shipper: DocumentParty): void {
  writer.text("FROM", LEFT, BAND.from + 9, { size: 7, bold: true });
  const width = DETAILS_X - 12 - LEFT;
  const lines: [string, boolean][] = [
    [shipper.name, true],
    [shipper.company ?? "", false],
    [shipper.address1, false],
    [shipper.address2 ?? "", false],
    [cityLine(shipper), false],
    [countryName(shipper.countryCode).toUpperCase(), false],
    [shipper.phone ? `Tel ${shipper.phone}` : "", false],
  ];
  let baseline = BAND.from + 19;
  for (const [text, bold] of lines.filter(([text]) => text.trim() !== "")) {
    writer.text(text, LEFT, baseline, { size: 7.5, bold, maxWidth: width, minSize: 5.5 });
    baseline += 9;
  }
}

function drawDetails(writer: PageWriter, data: ShippingDocumentData, parcel: DocumentParcel): void {
  const details: [string, string | null][] = [
    ["SHIP DATE", calendarDate(data.issuedAt)],
    ["WEIGHT", `${formatKg(toGrams(parcel.weightKg))} kg`],
    ["DIMENSIONS", formatDimensions(parcel)],
  ];
  const width = RIGHT - DETAILS_X;
  let baseline = BAND.from + 9;
  for (const [caption, value] of details) {
    if (value === null) continue;
    writer.text(caption, DETAILS_X, baseline, { size: 6, bold: true });
    writer.text(value, DETAILS_X, baseline + 11, { size: 10, bold: true, maxWidth: width, minSize: 6 });
    baseline += 24;
  }
}

function drawRecipient(writer: PageWriter, recipient: DocumentParty): void {
  writer.text("SHIP TO", LEFT, BAND.to + 10, { size: 7, bold: true });
  let baseline = BAND.to + 27;
  writer.text(recipient.name, LEFT, baseline, { size: 14, bold: true, maxWidth: RIGHT - LEFT, minSize: 9 });
  const lines: [string, { size: number; bold: boolean }][] = [
    [recipient.company ?? "", { size: 11, bold: false }],
    [recipient.address1, { size: 11, bold: false }],
    [recipient.address2 ?? "", { size: 11, bold: false }],
    [cityLine(recipient), { size: 12, bold: true }],
    [countryName(recipient.countryCode).toUpperCase(), { size: 12, bold: true }],
    [recipient.phone ? `Tel ${recipient.phone}` : "", { size: 10, bold: false }],
  ];
  for (const [text, style] of lines.filter(([text]) => text.trim() !== "")) {
    baseline += style.size + 3;
    writer.text(text, LEFT, baseline, { ...style, maxWidth: RIGHT - LEFT, minSize: 7 });
  }
}

function drawReferences(writer: PageWriter, data: ShippingDocumentData, piece: string): void {
  writer.text(`PIECE ${piece}`, (FRAME.x + ORDER_CELL_X) / 2, BAND.piece + 20, {
    size: 13,
    bold: true,
    align: "center",
    maxWidth: ORDER_CELL_X - FRAME.x - 12,
  });
  const cells: [number, number, string, string][] = [
    [ORDER_CELL_X, INVOICE_CELL_X, "ORDER", data.orderName],
    [INVOICE_CELL_X, FRAME.x + FRAME.width, "INVOICE", data.invoiceNumber],
  ];
  for (const [start, end, caption, value] of cells) {
    writer.text(caption, start + 6, BAND.piece + 9, { size: 6, bold: true });
    writer.text(value, start + 6, BAND.piece + 23, { size: 11, bold: true, maxWidth: end - start - 12, minSize: 6 });
  }
}

function drawTracking(writer: PageWriter, data: ShippingDocumentData): void {
  writer.text(`${data.carrierName.toUpperCase()} TRACKING #`, LEFT, BAND.tracking + 11, {
    size: 7,
    bold: true,
    maxWidth: 180,
  });
  writer.text(groupTrackingNumber(data.carrier, data.trackingNumber), LEFT, BAND.tracking + 28, {
    size: 15,
    bold: true,
    maxWidth: RIGHT - LEFT,
    minSize: 9,
  });
  drawCode128(writer, data.trackingNumber, { x: FRAME.x, top: BAND.tracking + 36, width: FRAME.width, height: 72 });
  // The number exactly as encoded, so a text search or a scanner check finds it character for character.
  writer.text(data.trackingNumber, CENTER, BAND.tracking + 120, { size: 9, align: "center" });
}
