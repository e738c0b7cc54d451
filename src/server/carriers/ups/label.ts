// The labels UPS issues, as we keep them: ZPL text as it came (packages concatenated, each ^XA…^XZ),
// or the GIF labels each on a 4×6 in PDF page (288×432 pt) — UPS issues no PDF label.
import { deflateSync } from "node:zlib";
import {
  PDFDocument,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFPage,
} from "pdf-lib";
import type { IssuedLabel } from "../api";
import type { LabelFormat } from "@/domain/statuses";
import { decodeGif, type RgbImage } from "./gif";

const PAGE = { width: 288, height: 432 };

/**
 * The pixels as a PDF image XObject, deflated with node's zlib: greyscale when every pixel is grey
 * (UPS's labels are black and white — a third of the data), else RGB. Going through PNG instead
 * would have pdf-lib decode and re-compress every label in JavaScript, several times slower.
 */
function drawPixels(doc: PDFDocument, page: PDFPage, image: RgbImage) {
  const { width, height, pixels } = image;
  let grey = true;
  for (let i = 0; i < pixels.length && grey; i += 3) grey = pixels[i] === pixels[i + 1] && pixels[i] === pixels[i + 2];
  let samples = pixels;
  if (grey) {
    samples = new Uint8Array(width * height);
    for (let i = 0; i < samples.length; i++) samples[i] = pixels[i * 3];
  }
  const stream = doc.context.stream(deflateSync(samples), {
    Type: "XObject",
    Subtype: "Image",
    Width: width,
    Height: height,
    ColorSpace: grey ? "DeviceGray" : "DeviceRGB",
    BitsPerComponent: 8,
    Filter: "FlateDecode",
  });
  const name = page.node.newXObject("Label", doc.context.register(stream));
  // UPS's GIF labels are landscape (wider than tall): turned a quarter so they fill the 4×6 page.
  const turned = width > height;
  const scale = turned
    ? Math.min(PAGE.width / height, PAGE.height / width)
    : Math.min(PAGE.width / width, PAGE.height / height);
  const w = width * scale;
  const h = height * scale;
  // The image space is the unit square; a quarter turn maps its x to the page's y.
  const matrix: [number, number, number, number, number, number] = turned
    ? [0, w, -h, 0, (PAGE.width + h) / 2, (PAGE.height - w) / 2]
    : [w, 0, 0, h, (PAGE.width - w) / 2, (PAGE.height - h) / 2];
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
}

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
    const page = doc.addPage([PAGE.width, PAGE.height]);
    drawPixels(doc, page, decodeGif(Buffer.from(image.image, "base64")));
  }
  return { format, bytes: await doc.save() };
}
