// Reading generated PDFs back the way a viewer would (pdfjs-dist), so tests check what is printed.

import { createRequire } from "node:module";
import path from "node:path";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

export interface ReadPage {
  width: number;
  height: number;
  /** Each string drawn, in drawing order (without the spaces pdfjs inserts between them). */
  items: string[];
  /** The items joined by newlines, for substring searches. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPage[]> {
  // pdfjs takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const pdf = await getDocument({
    data: bytes.slice(),
    useSystemFonts: false,
    disableFontFace: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
  }).promise;
  const pages: ReadPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ("str" in item && item.str.trim() !== "" ? [item.str] : []));
    const [x0, y0, x1, y1] = page.view;
    pages.push({ width: x1 - x0, height: y1 - y0, items, text: items.join("\n") });
  }
  await pdf.destroy();
  return pages;
}

/** The decoded content stream(s) of one page: the drawing operators, as text. */
export async function pageOperators(bytes: Uint8Array, pageIndex: number): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const contents = doc.getPage(pageIndex).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error("expected a stored content stream");
      return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    })
    .join("\n");
}

export interface DrawnRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangles appended with the `re` operator (only barcode bars use it), left to right. */
export function appendedRects(operators: string): DrawnRect[] {
  const number = String.raw`(-?[\d.]+)`;
  const pattern = new RegExp(String.raw`${number} ${number} ${number} ${number} re\b`, "g");
  return [...operators.matchAll(pattern)]
    .map(([, x, y, width, height]) => ({ x: Number(x), y: Number(y), width: Number(width), height: Number(height) }))
    .sort((a, b) => a.x - b.x);
}
