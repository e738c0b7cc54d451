// The emulator's UPS labels: a GIF raster (what UPS issues for image labels: landscape, the
// tracking number as a Code 128 barcode) or ZPL II text on 4×6 stock.
import bwipjs from "bwip-js/node";
import { encodeGif } from "./gif";

export interface LabelData {
  trackingNumber: string;
  serviceName: string;
  shipper: { name: string; city: string; countryCode: string };
  recipient: { name: string; addressLines: string[]; city: string; postalCode: string; countryCode: string };
  weightKg: string;
  packageIndex: number;
  packageCount: number;
}

/** Landscape like UPS's GIF labels, 6×4 in at 100 dpi. */
const WIDTH = 600;
const HEIGHT = 400;

function code128Widths(text: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: "code128", text });
  if (!symbol || !("sbs" in symbol)) throw new Error(`bwip-js returned no Code 128 bars for "${text}"`);
  return symbol.sbs;
}

export function gifLabel(data: LabelData): Buffer {
  const bitmap = new Uint8Array(WIDTH * HEIGHT);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < Math.min(HEIGHT, y0 + h); y++)
      bitmap.fill(1, y * WIDTH + x0, y * WIDTH + Math.min(WIDTH, x0 + w));
  };
  // Frame, the header band, and the package-of-count blocks.
  fill(0, 0, WIDTH, 4);
  fill(0, HEIGHT - 4, WIDTH, 4);
  fill(0, 0, 4, HEIGHT);
  fill(WIDTH - 4, 0, 4, HEIGHT);
  fill(0, 60, WIDTH, 6);
  for (let i = 0; i < data.packageCount; i++) fill(20 + i * 24, 20, 16, i < data.packageIndex ? 30 : 8);
  // The tracking number's Code 128, 2 px per module, centred.
  const widths = code128Widths(data.trackingNumber);
  const modules = widths.reduce((sum, w) => sum + w, 0);
  let x = Math.max(10, Math.floor((WIDTH - modules * 2) / 2));
  widths.forEach((w, i) => {
    if (i % 2 === 0) fill(x, 220, w * 2, 140);
    x += w * 2;
  });
  return encodeGif(WIDTH, HEIGHT, bitmap);
}

/** ZPL field data: ^ and ~ are ZPL's command prefixes, so they are left out of printed text. */
const zplText = (text: string) => text.replace(/[\^~]/g, " ").slice(0, 40);

export function zplLabel(data: LabelData): string {
  const lines = [
    "^XA",
    "^CI28",
    "^PW812^LL1218",
    `^FO30,30^A0N,40,40^FDUPS ${zplText(data.serviceName)}^FS`,
    `^FO30,90^A0N,26,26^FD${zplText(data.shipper.name)}^FS`,
    `^FO30,122^A0N,26,26^FD${zplText(data.shipper.city)} ${data.shipper.countryCode}^FS`,
    `^FO600,30^A0N,30,30^FD${data.packageIndex} OF ${data.packageCount}^FS`,
    `^FO600,70^A0N,30,30^FD${zplText(data.weightKg)} KG^FS`,
    "^FO30,180^A0N,30,30^FDSHIP TO:^FS",
    `^FO60,220^A0N,36,36^FD${zplText(data.recipient.name)}^FS`,
    ...data.recipient.addressLines.map((line, i) => `^FO60,${266 + i * 40}^A0N,32,32^FD${zplText(line)}^FS`),
    `^FO60,360^A0N,36,36^FD${zplText(data.recipient.city)} ${zplText(data.recipient.postalCode)} ${data.recipient.countryCode}^FS`,
    "^FO0,430^GB812,6,6^FS",
    `^FO30,460^A0N,34,34^FDTRACKING #: ${data.trackingNumber}^FS`,
    `^FO60,520^BY3^BCN,220,N,N,N^FD${data.trackingNumber}^FS`,
    "^XZ",
  ];
  return lines.join("\n");
}
