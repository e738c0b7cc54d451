// The emulated DHL label: a 4×6 in PDF (288 × 432 pt, DHL's ARCH_6X4 template size) or ZPL II text
// at 203 dpi (812 × 1218 dots), with the AWB as a Code 128 barcode.
import { drawCode128 } from "@/documents/barcode";
import { PageWriter } from "@/documents/page-writer";
import { createPdf, embedFonts, savePdf } from "@/documents/pdf";

export interface LabelData {
  trackingNumber: string;
  productName: string;
  shipper: string[];
  receiver: string[];
  weightKg: number;
  piece: string;
  createdAt: Date;
}

export async function labelPdf(data: LabelData): Promise<Uint8Array> {
  const doc = await createPdf(`DHL ${data.trackingNumber}`, data.createdAt);
  const fonts = await embedFonts(doc);
  const writer = new PageWriter(doc.addPage([288, 432]), fonts);
  writer.box({ x: 6, top: 6, width: 276, height: 420 }, 1.5);
  writer.text("DHL EXPRESS", 12, 30, { size: 18, bold: true });
  writer.text(data.productName, 276, 30, { size: 9, bold: true, align: "right", maxWidth: 120 });
  writer.line(6, 42, 282, 42, 1);
  writer.text("From:", 12, 56, { size: 7, bold: true });
  data.shipper.forEach((line, i) => writer.text(line, 12, 67 + i * 10, { size: 8, maxWidth: 264 }));
  writer.line(6, 120, 282, 120, 1);
  writer.text("To:", 12, 134, { size: 7, bold: true });
  data.receiver.forEach((line, i) => writer.text(line, 12, 150 + i * 15, { size: 12, bold: i === 0, maxWidth: 264 }));
  writer.line(6, 250, 282, 250, 1);
  writer.text(`Piece ${data.piece}   Weight ${data.weightKg.toFixed(2)} kg`, 12, 266, { size: 9 });
  writer.text(`WAYBILL ${data.trackingNumber}`, 144, 300, { size: 12, bold: true, align: "center" });
  drawCode128(writer, data.trackingNumber, { x: 12, top: 310, width: 264, height: 80 });
  return savePdf(doc);
}

const zplText = (value: string) => value.replace(/[\^~\\]/g, " ").slice(0, 60);

export function labelZpl(data: LabelData): string {
  const lines = [
    "^XA",
    "^CI28",
    "^PW812",
    "^LL1218",
    "^FO30,30^A0N,60,60^FDDHL EXPRESS^FS",
    `^FO500,45^A0N,28,28^FD${zplText(data.productName)}^FS`,
    "^FO20,110^GB772,3,3^FS",
    ...data.shipper.map((line, i) => `^FO30,${130 + i * 30}^A0N,24,24^FD${zplText(line)}^FS`),
    "^FO20,330^GB772,3,3^FS",
    ...data.receiver.map((line, i) => `^FO30,${350 + i * 45}^A0N,40,40^FD${zplText(line)}^FS`),
    "^FO20,700^GB772,3,3^FS",
    `^FO30,720^A0N,28,28^FDPiece ${zplText(data.piece)}  Weight ${data.weightKg.toFixed(2)} kg^FS`,
    `^FO30,790^A0N,40,40^FDWAYBILL ${data.trackingNumber}^FS`,
    `^FO60,860^BY3^BCN,220,N,N,N^FD${data.trackingNumber}^FS`,
    "^XZ",
  ];
  return lines.join("\n");
}
