// The labels UPS issues, as we keep them: ZPL text as it came (packages concatenated, each ^XA…^XZ),
// or the GIF labels each on a 4×6 in PDF page (288×432 pt) — UPS issues no PDF label.
import { PDFDocument, degrees } from "pdf-lib";
import type { IssuedLabel } from "../api";
import type { LabelFormat } from "@/domain/statuses";
import { gifToPng } from "./gif-to-png";

const PAGE = { width: 288, height: 432 };

export async function issuedLabel(
  format: LabelFormat,
  images: { imageFormat: string; image: string }[],
): Promise<IssuedLabel> {
  const expected = format === "zpl" ? "ZPL" : "GIF";
  for (const image of images) {
    if (image.imageFormat.toUpperCase() !== expected) {
      throw new Error(`UPS answered a ${image.imageFormat} label to a ${expected} request`);
    }
  }
  if (format === "zpl") {
    const text = images.map((image) => Buffer.from(image.image, "base64").toString("utf8").trim()).join("\n");
    return { format, bytes: new Uint8Array(Buffer.from(`${text}\n`, "utf8")) };
  }
  const doc = await PDFDocument.create();
  doc.setTitle("UPS label");
  for (const image of images) {
    const png = await doc.embedPng(gifToPng(Buffer.from(image.image, "base64")));
    const page = doc.addPage([PAGE.width, PAGE.height]);
    // UPS's GIF labels are landscape (wider than tall): turned a quarter so they fill the 4×6 page.
    if (png.width > png.height) {
      const scale = Math.min(PAGE.width / png.height, PAGE.height / png.width);
      const w = png.width * scale;
      const h = png.height * scale;
      page.drawImage(png, {
        x: (PAGE.width + h) / 2,
        y: (PAGE.height - w) / 2,
        width: w,
        height: h,
        rotate: degrees(90),
      });
    } else {
      const scale = Math.min(PAGE.width / png.width, PAGE.height / png.height);
      const w = png.width * scale;
      const h = png.height * scale;
      page.drawImage(png, { x: (PAGE.width - w) / 2, y: (PAGE.height - h) / 2, width: w, height: h });
    }
  }
  return { format, bytes: await doc.save() };
}
