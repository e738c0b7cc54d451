// The commercial invoice (docs/ARCHITECTURE.md, "Documents"), in English as carriers require:
// references, shipper and consignee, countries and terms, one table row per line, totals and the
// signed declaration. Rows that do not fit continue on further pages under a repeated table header;
// "Page n of N" is added once every page exists.

import { formatCnpj, formatNfeKey } from "@/domain/nfe-key";
import { cityLine, countryName, exportReasonLabel, formatKg, parseTimestamp } from "./format";
import { formatCents } from "./money";
import { PageWriter } from "./page-writer";
import { createPdf, embedFonts, savePdf } from "./pdf";
import { computeInvoiceTotals, type InvoiceTotals } from "./totals";
import type { DocumentParty, ShippingDocumentData } from "./types";

const A4: [number, number] = [595.28, 841.89];

const MARGIN = 36;
const LEFT = MARGIN;
const RIGHT = A4[0] - MARGIN;
const WIDTH = RIGHT - LEFT;
/** Content stops here; the footer sits below. */
const CONTENT_BOTTOM = A4[1] - 44;
const GAP = 10;

const DECLARATION = "I declare that all the information contained in this invoice is true and correct.";
/** The dashboard ships goods that do not come back; temporary exports (fairs, repairs) are not handled. */
const EXPORT_TYPE = "Permanent";

interface Cell {
  label: string;
  value: string;
}

type ColumnKey =
  "number" | "quantity" | "unit" | "description" | "hsCode" | "origin" | "unitWeight" | "unitValue" | "subtotal";

interface Column {
  key: ColumnKey;
  title: string;
  width: number;
  align: "left" | "center" | "right";
}

/** The table's columns in order; Description takes whatever width the others leave. */
function tableColumns(currency: string): Column[] {
  const columns: Column[] = [
    { key: "number", title: "No.", width: 22, align: "right" },
    { key: "quantity", title: "Qty", width: 30, align: "right" },
    { key: "unit", title: "Unit", width: 26, align: "left" },
    { key: "description", title: "Description", width: 0, align: "left" },
    { key: "hsCode", title: "HS code", width: 54, align: "left" },
    { key: "origin", title: "Origin", width: 34, align: "center" },
    { key: "unitWeight", title: "Unit weight (kg)", width: 50, align: "right" },
    { key: "unitValue", title: `Unit value (${currency})`, width: 56, align: "right" },
    { key: "subtotal", title: `Subtotal (${currency})`, width: 62, align: "right" },
  ];
  const description = WIDTH - columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => (column.key === "description" ? { ...column, width: description } : column));
}

const CELL_PADDING = 4;
const TABLE_HEADER_HEIGHT = 24;
const ROW_TEXT_SIZE = 8;
const ROW_LEADING = 10;
const ROW_PADDING = 3;
/** A description longer than this many lines is cut with "…", so one row can never outgrow a page. */
const MAX_DESCRIPTION_LINES = 12;
const TOTALS_HEIGHT = 80;
const DECLARATION_GAP = 12;
const DECLARATION_HEIGHT = 62;
/** Totals and declaration stay together, on the last page. */
const TRAILER_HEIGHT = GAP + TOTALS_HEIGHT + DECLARATION_GAP + DECLARATION_HEIGHT;

export async function renderInvoice(data: ShippingDocumentData): Promise<Uint8Array> {
  return (await renderInvoiceWithPageCount(data)).pdf;
}

/** The invoice and its number of pages, which depends on how the table flowed. */
export async function renderInvoiceWithPageCount(
  data: ShippingDocumentData,
): Promise<{ pdf: Uint8Array; pageCount: number }> {
  if (data.lines.length === 0) throw new RangeError("An invoice needs at least one line");
  const totals = computeInvoiceTotals(data);
  const doc = await createPdf(`Commercial invoice ${data.invoiceNumber}`, parseTimestamp(data.issuedAt));
  const fonts = await embedFonts(doc);
  const columns = tableColumns(data.currency);
  const descriptionWidth = columns.find((column) => column.key === "description")!.width;
  const pages: PageWriter[] = [];
  const newPage = () => {
    const writer = new PageWriter(doc.addPage(A4), fonts);
    pages.push(writer);
    return writer;
  };

  let writer = newPage();
  let y = drawFirstPageHeader(writer, data) + GAP;
  y = drawTableHeader(writer, columns, y);
  data.lines.forEach((line, index) => {
    const cells = rowCells(writer, data, totals, index, descriptionWidth);
    const height = rowHeight(cells);
    if (y + height > CONTENT_BOTTOM) {
      writer = newPage();
      y = drawTableHeader(writer, columns, drawContinuationHeader(writer, data));
    }
    drawRow(writer, columns, cells, y, height);
    y += height;
  });
  if (y + TRAILER_HEIGHT > CONTENT_BOTTOM) {
    writer = newPage();
    y = drawContinuationHeader(writer, data);
  }
  y = drawTotals(writer, data, totals, y + GAP);
  drawDeclaration(writer, data, y + DECLARATION_GAP);
  pages.forEach((page, index) => drawFooter(page, data, index + 1, pages.length));
  return { pdf: await savePdf(doc), pageCount: pages.length };
}

/** Title, letterhead, references, parties and terms; returns where they end. */
function drawFirstPageHeader(writer: PageWriter, data: ShippingDocumentData): number {
  writer.text("COMMERCIAL INVOICE", LEFT, 56, { size: 20, bold: true });
  // A commercial invoice is expected on letterhead: the exporter's name and city stand in for
  // printed stationery.
  const letterhead = data.shipper.company || data.shipper.name;
  writer.text(letterhead, RIGHT, 46, { size: 11, bold: true, align: "right", maxWidth: 250, minSize: 7 });
  writer.text(`${data.shipper.city}, ${countryName(data.shipper.countryCode)}`, RIGHT, 58, {
    size: 8,
    align: "right",
    maxWidth: 250,
  });

  let y = drawGrid(writer, 70, [
    [
      { label: "Invoice No.", value: data.invoiceNumber },
      { label: "Invoice date", value: data.invoiceDate },
      { label: "Order reference", value: data.orderName },
    ],
    [
      data.trackingNumber
        ? { label: "AWB / Tracking No.", value: data.trackingNumber }
        : { label: "Shipper reference", value: data.reference ?? "" },
      { label: "Carrier", value: data.carrierName },
      { label: "Service", value: data.service },
    ],
  ]);
  y = drawParties(writer, data, y + GAP);
  const origins = [...new Set(data.lines.map((line) => line.originCountry.toUpperCase()))];
  return drawGrid(writer, y + GAP, [
    [
      { label: "Country of export", value: countryLabel(data.shipper.countryCode) },
      {
        label: origins.length > 1 ? "Countries of origin" : "Country of origin",
        value: origins.map(countryLabel).join(", "),
      },
      { label: "Country of destination", value: countryLabel(data.recipient.countryCode) },
      { label: "Type of export", value: EXPORT_TYPE },
    ],
    [
      { label: "Incoterm", value: data.incoterm },
      { label: "Currency", value: data.currency },
      { label: "Reason for export", value: exportReasonLabel(data.exportReason) },
    ],
    [
      { label: "NF-e key (chave de acesso)", value: data.nfeKey ? formatNfeKey(data.nfeKey) : "N/A" },
      { label: "Declared value in US$ (PTAX, Banco Central do Brasil)", value: usdValueText(data) },
    ],
  ]);
}

/** "US$ 1,111.11 at PTAX buy 5.4 BRL/USD of 2026-11-30" — the figure the US$ 1,000 limit was judged on. */
function usdValueText(data: ShippingDocumentData): string {
  const usd = data.usdValue;
  if (usd === undefined || usd === null) return data.currency === "USD" ? "Values in US$" : "Not converted";
  const amount = `US$ ${formatCents(usd.usdCents)}`;
  if (!usd.rate) return amount;
  const cross = usd.rate.currency === "BRL" ? "" : ` and ${usd.rate.buyBrl} BRL/${usd.rate.currency}`;
  return `${amount} at PTAX buy ${usd.rate.usdBuyBrl} BRL/USD${cross} of ${usd.rate.date}`;
}

function countryLabel(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${name} (${code.toUpperCase()})`;
}

const GRID_ROW_HEIGHT = 28;

/** Rows of labelled boxes, each row split into equal cells; returns the grid's bottom. */
function drawGrid(writer: PageWriter, top: number, rows: Cell[][]): number {
  rows.forEach((cells, row) => {
    const rowTop = top + row * GRID_ROW_HEIGHT;
    const cellWidth = WIDTH / cells.length;
    cells.forEach((cell, column) => {
      const x = LEFT + column * cellWidth;
      writer.box({ x, top: rowTop, width: cellWidth, height: GRID_ROW_HEIGHT }, 0.5);
      writer.text(cell.label.toUpperCase(), x + CELL_PADDING, rowTop + 9, { size: 6.5 });
      writer.text(cell.value, x + CELL_PADDING, rowTop + 21, {
        size: 9.5,
        bold: true,
        maxWidth: cellWidth - 2 * CELL_PADDING,
        minSize: 6,
      });
    });
  });
  return top + rows.length * GRID_ROW_HEIGHT;
}

const PARTY_LEADING = 11;

function drawParties(writer: PageWriter, data: ShippingDocumentData, top: number): number {
  const shipperTaxId = data.shipper.taxId ? `CNPJ: ${formatTaxId(data.shipper.taxId)}` : "";
  const consigneeTaxId = data.recipient.taxId ? `Tax ID: ${data.recipient.taxId}` : "";
  const blocks: [string, string[]][] = [
    ["SHIPPER / EXPORTER", partyLines(data.shipper, shipperTaxId)],
    ["CONSIGNEE", partyLines(data.recipient, consigneeTaxId)],
  ];
  const height = 24 + Math.max(...blocks.map(([, lines]) => lines.length)) * PARTY_LEADING;
  const width = (WIDTH - GAP) / 2;
  blocks.forEach(([title, lines], index) => {
    const x = LEFT + index * (width + GAP);
    writer.box({ x, top, width, height }, 0.5);
    writer.text(title, x + CELL_PADDING + 2, top + 12, { size: 7, bold: true });
    lines.forEach((line, i) => {
      writer.text(line, x + CELL_PADDING + 2, top + 26 + i * PARTY_LEADING, {
        size: 8.5,
        bold: i === 0,
        maxWidth: width - 2 * CELL_PADDING - 4,
        minSize: 6.5,
      });
    });
  });
  return top + height;
}

/** A 14-character CNPJ as 00.000.000/0000-00 (letters of the 2026 alphanumeric CNPJ included). */
function formatTaxId(taxId: string): string {
  return /^[0-9A-Z]{12}\d{2}$/.test(taxId) ? formatCnpj(taxId) : taxId;
}

function partyLines(party: DocumentParty, taxIdLine: string): string[] {
  return [
    party.name,
    party.company ?? "",
    taxIdLine,
    party.address1,
    party.address2 ?? "",
    cityLine(party),
    countryName(party.countryCode),
    party.phone ? `Phone: ${party.phone}` : "",
    party.email ? `Email: ${party.email}` : "",
  ].filter((line) => line.trim() !== "");
}

/** The top of later pages: the document and its references, so a loose page can be matched up. */
function drawContinuationHeader(writer: PageWriter, data: ShippingDocumentData): number {
  writer.text("COMMERCIAL INVOICE (continued)", LEFT, 52, { size: 13, bold: true });
  writer.text(
    `Invoice No. ${data.invoiceNumber}   ${data.trackingNumber ? `AWB ${data.trackingNumber}` : `Ref. ${data.reference ?? ""}`}`,
    RIGHT,
    52,
    {
      size: 8,
      align: "right",
      maxWidth: 260,
    },
  );
  writer.line(LEFT, 60, RIGHT, 60, 0.5);
  return 70;
}

function drawTableHeader(writer: PageWriter, columns: Column[], top: number): number {
  writer.shade({ x: LEFT, top, width: WIDTH, height: TABLE_HEADER_HEIGHT }, 0.88);
  writer.box({ x: LEFT, top, width: WIDTH, height: TABLE_HEADER_HEIGHT }, 0.5);
  let x = LEFT;
  for (const column of columns) {
    const lines = writer.wrap(column.title, column.width - 2 * CELL_PADDING, 7, true, 2);
    const firstBaseline = top + (lines.length === 1 ? 15 : 10);
    lines.forEach((line, i) => {
      writer.text(line, anchor(column, x), firstBaseline + i * 8, { size: 7, bold: true, align: column.align });
    });
    x += column.width;
  }
  return top + TABLE_HEADER_HEIGHT;
}

/** The x a cell's text is aligned to, inside the padding. */
function anchor(column: Column, x: number): number {
  if (column.align === "right") return x + column.width - CELL_PADDING;
  if (column.align === "center") return x + column.width / 2;
  return x + CELL_PADDING;
}

type RowCells = Record<ColumnKey, string[]>;

/** Each column's lines of text for one invoice line (the description wraps; the rest are single lines). */
function rowCells(
  writer: PageWriter,
  data: ShippingDocumentData,
  totals: InvoiceTotals,
  index: number,
  descriptionWidth: number,
): RowCells {
  const line = data.lines[index];
  const figures = totals.lines[index];
  const width = descriptionWidth - 2 * CELL_PADDING;
  const description = writer.wrap(line.description, width, ROW_TEXT_SIZE, false, MAX_DESCRIPTION_LINES);
  const sku = line.sku ? writer.wrap(`SKU: ${line.sku}`, width, ROW_TEXT_SIZE, false, 1) : [];
  return {
    number: [String(index + 1)],
    quantity: [String(line.quantity)],
    unit: ["PCS"],
    description: [...description, ...sku],
    hsCode: [line.hsCode ?? "-"],
    origin: [line.originCountry.toUpperCase()],
    unitWeight: [figures.unitGrams === null ? "-" : formatKg(figures.unitGrams)],
    unitValue: [formatCents(figures.unitCents)],
    subtotal: [formatCents(figures.subtotalCents)],
  };
}

function rowHeight(cells: RowCells): number {
  return Math.max(...Object.values(cells).map((lines) => lines.length)) * ROW_LEADING + 2 * ROW_PADDING;
}

function drawRow(writer: PageWriter, columns: Column[], cells: RowCells, top: number, height: number): void {
  let x = LEFT;
  columns.forEach((column) => {
    cells[column.key].forEach((text, lineIndex) => {
      writer.text(text, anchor(column, x), top + ROW_PADDING + ROW_TEXT_SIZE + lineIndex * ROW_LEADING, {
        size: ROW_TEXT_SIZE,
        align: column.align,
        maxWidth: column.width - 2 * CELL_PADDING,
        minSize: 6,
      });
    });
    x += column.width;
  });
  writer.line(LEFT, top + height, RIGHT, top + height, 0.25);
}

const TOTALS_LEADING = 13;

/** Quantities on the left, amounts on the right; returns the block's bottom. */
function drawTotals(writer: PageWriter, data: ShippingDocumentData, totals: InvoiceTotals, top: number): number {
  const weight = (grams: number | null) => (grams === null ? "Not stated" : `${formatKg(grams)} kg`);
  const amount = (cents: number) => `${data.currency} ${formatCents(cents)}`;
  const width = (WIDTH - GAP) / 2;
  const blocks: [number, [string, string][]][] = [
    [
      LEFT,
      [
        ["Total pieces (packages)", String(totals.pieces)],
        ["Total quantity", `${totals.quantity} PCS`],
        ["Net weight", weight(totals.netGrams)],
        ["Gross weight", weight(totals.grossGrams)],
      ],
    ],
    [
      LEFT + width + GAP,
      [
        ["Subtotal", amount(totals.subtotalCents)],
        ["Freight", amount(totals.freightCents)],
        ["Insurance", amount(totals.insuranceCents)],
        ["Other charges", amount(totals.otherChargesCents)],
        ["TOTAL", amount(totals.totalCents)],
      ],
    ],
  ];
  for (const [x, rows] of blocks) {
    writer.box({ x, top, width, height: TOTALS_HEIGHT }, 0.5);
    rows.forEach(([label, value], i) => {
      const isTotal = label === "TOTAL";
      const baseline = top + 16 + i * TOTALS_LEADING + (isTotal ? 3 : 0);
      if (isTotal) writer.line(x, baseline - 11, x + width, baseline - 11, 0.5);
      const style = { size: isTotal ? 10 : 8.5, bold: isTotal };
      writer.text(label, x + CELL_PADDING + 2, baseline, style);
      writer.text(value, x + width - CELL_PADDING - 2, baseline, { ...style, align: "right", maxWidth: width / 2 });
    });
  }
  return top + TOTALS_HEIGHT;
}

function drawDeclaration(writer: PageWriter, data: ShippingDocumentData, top: number): void {
  writer.box({ x: LEFT, top, width: WIDTH, height: DECLARATION_HEIGHT }, 0.5);
  writer.text(DECLARATION, LEFT + CELL_PADDING + 2, top + 15, { size: 9, maxWidth: WIDTH - 12 });
  const fields: [number, number, string, string][] = [
    [0, 0.3, "Name", data.declaration.name],
    [0.3, 0.25, "Title", data.declaration.title],
    [0.55, 0.15, "Date", data.declaration.date],
  ];
  for (const [start, share, label, value] of fields) {
    const x = LEFT + CELL_PADDING + 2 + start * WIDTH;
    writer.text(label.toUpperCase(), x, top + 32, { size: 6.5 });
    writer.text(value, x, top + 46, { size: 9.5, bold: true, maxWidth: share * WIDTH - 10, minSize: 6 });
  }
  // Left blank for the handwritten (or stamped) signature the declaration calls for.
  const signatureX = LEFT + 0.72 * WIDTH;
  writer.line(signatureX, top + 46, RIGHT - 8, top + 46, 0.75);
  writer.text("SIGNATURE", signatureX, top + 55, { size: 6.5 });
}

function drawFooter(writer: PageWriter, data: ShippingDocumentData, page: number, pageCount: number): void {
  const baseline = A4[1] - 24;
  writer.line(LEFT, baseline - 10, RIGHT, baseline - 10, 0.25);
  writer.text(`Commercial invoice ${data.invoiceNumber} - Order ${data.orderName}`, LEFT, baseline, {
    size: 7,
    maxWidth: WIDTH - 80,
  });
  writer.text(`Page ${page} of ${pageCount}`, RIGHT, baseline, { size: 7.5, align: "right" });
}
