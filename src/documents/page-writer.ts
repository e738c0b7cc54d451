// Drawing on a page in the terms the layouts are written in: positions measured down from the top
// edge (PDF measures up from the bottom), text that always fits its box, and every string passed
// through toPdfText so customer data can never make the standard fonts throw.

import {
  beginText,
  endText,
  fill,
  grayscale,
  moveText,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import type { Fonts } from "./pdf";
import { toPdfText } from "./text";

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** How `x` anchors the line: its left end (default), its centre, or its right end. */
  align?: "left" | "center" | "right";
  /** The line shrinks down to `minSize` (default: `size`), then is cut with "…", to stay this wide. */
  maxWidth?: number;
  minSize?: number;
}

export interface Rect {
  x: number;
  top: number;
  width: number;
  height: number;
}

const ELLIPSIS = "…";
const BLACK = grayscale(0);
/** Resource names of the two fonts on every page. */
const REGULAR = PDFName.of("Helv");
const BOLD = PDFName.of("HelvB");

export class PageWriter {
  private readonly pageHeight: number;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {
    this.pageHeight = page.getHeight();
    // Registered once under fixed names: PDFPage.drawText would add a resource entry per call
    // (a page of the invoice ended up with over a hundred), which bloats the file and slows every
    // following call, since each new name is checked against all the previous ones.
    page.node.setFontDictionary(REGULAR, fonts.regular.ref);
    page.node.setFontDictionary(BOLD, fonts.bold.ref);
  }

  private font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** One line of text with its baseline `baseline` points below the top edge. */
  text(value: string, x: number, baseline: number, style: TextStyle): void {
    const font = this.font(style.bold);
    const { text, size } = fit(font, value, style);
    if (text === "") return;
    const align = style.align ?? "left";
    const left = align === "left" ? x : x - font.widthOfTextAtSize(text, size) / (align === "center" ? 2 : 1);
    this.page.pushOperators(
      beginText(),
      setFillingGrayscaleColor(0),
      setFontAndSize(style.bold ? BOLD : REGULAR, size),
      moveText(left, this.pageHeight - baseline),
      showText(font.encodeText(text)),
      endText(),
    );
  }

  /** `value` broken into lines no wider than `width`; past `maxLines` the last line ends in "…". */
  wrap(value: string, width: number, size: number, bold = false, maxLines = Infinity): string[] {
    const font = this.font(bold);
    const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
    const lines: string[] = [];
    let line = "";
    for (const word of toPdfText(value).split(" ")) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = word;
      // A word wider than the column (a long SKU or URL) is split wherever it has to be.
      while (!fits(line)) {
        const cut = longestFittingPrefix(line, fits);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line !== "") lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines[maxLines]}`, fits);
    return kept;
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number): void {
    this.page.drawLine({
      start: { x: x1, y: this.pageHeight - y1 },
      end: { x: x2, y: this.pageHeight - y2 },
      thickness,
      color: BLACK,
    });
  }

  box(rect: Rect, thickness: number): void {
    this.page.drawRectangle({
      x: rect.x,
      y: this.pageHeight - rect.top - rect.height,
      width: rect.width,
      height: rect.height,
      borderColor: BLACK,
      borderWidth: thickness,
    });
  }

  shade(rect: Rect, gray: number): void {
    this.page.drawRectangle({
      x: rect.x,
      y: this.pageHeight - rect.top - rect.height,
      width: rect.width,
      height: rect.height,
      color: grayscale(gray),
    });
  }

  /** Black rectangles filled as one path: the bars of a barcode, with nothing drawn between them. */
  fillRects(rects: Rect[]): void {
    this.page.pushOperators(
      pushGraphicsState(),
      setFillingGrayscaleColor(0),
      ...rects.map((r) => rectangle(r.x, this.pageHeight - r.top - r.height, r.width, r.height)),
      fill(),
      popGraphicsState(),
    );
  }
}

/** Text at the largest size from `size` down to `minSize` at which it fits, cut with "…" if none does. */
function fit(font: PDFFont, value: string, style: TextStyle): { text: string; size: number } {
  const text = toPdfText(value);
  const maxWidth = style.maxWidth ?? Infinity;
  const width = font.widthOfTextAtSize(text, style.size);
  if (width <= maxWidth) return { text, size: style.size };
  // Width is proportional to size, so one division finds the size that fits (rounded down to 0.1 pt).
  const size = Math.max(style.minSize ?? style.size, Math.floor(((style.size * maxWidth) / width) * 10) / 10);
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= maxWidth;
  return { text: fits(text) ? text : truncate(text, fits), size };
}

/** The longest prefix of `text` that still fits once "…" is appended. */
function truncate(text: string, fits: (line: string) => boolean): string {
  const cut = longestFittingPrefix(text, (prefix) => fits(`${prefix.trimEnd()}${ELLIPSIS}`));
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** The length of the longest prefix of `text` accepted by `fits` (at least 1, so progress is guaranteed). */
function longestFittingPrefix(text: string, fits: (prefix: string) => boolean): number {
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(text.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return low;
}
