// The emulator's FedEx labels in the formats FedEx issues (labelSpecification imageType PDF on
// PAPER_4X6, or ZPLII on STOCK_4X6; CARRIERS.md FedEx §3): a plausible 4×6 label with the service,
// both addresses and the tracking number as a Code 128 barcode. The real FedEx label's layout
// (its 2D barcode, routing codes) is not reproduced.
import { drawCode128 } from "@/documents/barcode";
import { PageWriter } from "@/documents/page-writer";
import { createPdf, embedFonts, savePdf } from "@/documents/pdf";

export interface LabelParty {
  name: string;
  company: string | null;
  streetLines: string[];
  city: string;
  state: string | null;
  postalCode: string | null;
  countryCode: string;
}

export interface LabelData {
  trackingNumber: string;
  service: string;
  shipDate: string;
  weightKg: number;
  piece: string;
  shipper: LabelParty;
  recipient: LabelParty;
  reference: string | null;
}

/** 4×6 in at 72 pt/in. */
const PAGE: [number, number] = [288, 432];

function partyLines(party: LabelParty): string[] {
  const place = [party.city, party.state, party.postalCode].filter(Boolean).join(" ");
  return [party.name, party.company ?? "", ...party.streetLines, place, party.countryCode].filter((line) =>
    line.trim(),
  );
}

export async function fedexPdfLabel(data: LabelData, issuedAt: Date): Promise<Uint8Array> {
  const doc = await createPdf(`FedEx label ${data.trackingNumber}`, issuedAt);
  const writer = new PageWriter(doc.addPage(PAGE), await embedFonts(doc));
  writer.box({ x: 8, top: 8, width: 272, height: 416 }, 1.5);
  writer.text("FedEx", 16, 38, { size: 26, bold: true });
  writer.text(data.service.replace(/_/g, " "), 16, 54, { size: 9, maxWidth: 190, minSize: 6 });
  writer.text(data.recipient.countryCode, 270, 42, { size: 28, bold: true, align: "right" });
  writer.line(8, 62, 280, 62, 1);
  writer.text("FROM", 16, 74, { size: 6, bold: true });
  partyLines(data.shipper).forEach((line, i) =>
    writer.text(line, 16, 84 + i * 9, { size: 7, maxWidth: 256, minSize: 5 }),
  );
  writer.line(8, 150, 280, 150, 1);
  writer.text("TO", 16, 162, { size: 7, bold: true });
  partyLines(data.recipient).forEach((line, i) =>
    writer.text(line, 16, 178 + i * 14, { size: i === 0 ? 13 : 11, bold: i === 0, maxWidth: 256, minSize: 7 }),
  );
  writer.line(8, 280, 280, 280, 1);
  const details = `SHIP ${data.shipDate}   ${data.weightKg.toFixed(2)} KG   PIECE ${data.piece}`;
  writer.text(details, 16, 294, { size: 8, bold: true, maxWidth: 256, minSize: 6 });
  if (data.reference) writer.text(`REF ${data.reference}`, 16, 306, { size: 7, maxWidth: 256, minSize: 5 });
  writer.text(`TRK# ${data.trackingNumber}`, 144, 324, { size: 12, bold: true, align: "center" });
  drawCode128(writer, data.trackingNumber, { x: 16, top: 332, width: 256, height: 72 });
  return savePdf(doc);
}

/** ZPL II has no escaping of its own beyond ^FH; carets and tildes in customer text are dropped. */
const zplText = (value: string) =>
  value
    .replace(/[\^~]/g, " ")
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "");

/** A 4×6 label at 203 dpi (812 × 1218 dots), ^XA … ^XZ with a ^BC Code 128 barcode of the tracking number. */
export function fedexZplLabel(data: LabelData): string {
  const lines: string[] = ["^XA", "^CI28", "^PW812", "^LL1218", "^FO30,30^A0N,70,70^FDFedEx^FS"];
  lines.push(`^FO30,110^A0N,28,28^FD${zplText(data.service.replace(/_/g, " "))}^FS`);
  lines.push(`^FO650,40^A0N,80,80^FD${zplText(data.recipient.countryCode)}^FS`);
  lines.push("^FO20,150^GB772,3,3^FS", "^FO30,165^A0N,22,22^FDFROM^FS");
  partyLines(data.shipper).forEach((line, i) => lines.push(`^FO30,${195 + i * 26}^A0N,22,22^FD${zplText(line)}^FS`));
  lines.push("^FO20,420^GB772,3,3^FS", "^FO30,435^A0N,24,24^FDTO^FS");
  partyLines(data.recipient).forEach((line, i) =>
    lines.push(`^FO30,${470 + i * 40}^A0N,${i === 0 ? 40 : 32},${i === 0 ? 40 : 32}^FD${zplText(line)}^FS`),
  );
  lines.push("^FO20,790^GB772,3,3^FS");
  lines.push(`^FO30,810^A0N,26,26^FDSHIP ${data.shipDate}  ${data.weightKg.toFixed(2)} KG  PIECE ${data.piece}^FS`);
  if (data.reference) lines.push(`^FO30,850^A0N,22,22^FDREF ${zplText(data.reference)}^FS`);
  lines.push(`^FO30,890^A0N,36,36^FDTRK# ${data.trackingNumber}^FS`);
  lines.push(`^FO60,950^BY3^BCN,200,N,N,N^FD${data.trackingNumber}^FS`);
  lines.push("^XZ");
  return lines.join("\n");
}
