// The tracking-number barcode (Code 128, what carriers print), drawn as vector bars rather than an embedded
// image: bwip-js only encodes (under 1 ms, against about 10 ms to render a PNG), and rectangles print
// sharp at any resolution.

import bwipjs from "bwip-js/node";
import type { PageWriter, Rect } from "./page-writer";

/** One dot of a 203 dpi thermal printer, the usual label printer: bars a whole number of dots wide
 * print without one bar gaining a dot its neighbour loses. */
const PRINTER_DOT = 72 / 203;
/** Code 128 needs at least ten modules of white on either side to be read. */
const QUIET_ZONE_MODULES = 10;
/** 4 dots ≈ 0.02 in per module: wider bars would only make short numbers' barcodes needlessly long. */
const MAX_MODULE_DOTS = 4;

/** Code 128 widths in modules, alternately bar and space, starting and ending with a bar. */
function code128Widths(text: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: "code128", text });
  if (!symbol || !("sbs" in symbol)) throw new Error(`bwip-js returned no Code 128 bars for "${text}"`);
  return symbol.sbs;
}

/**
 * Draws the Code 128 symbol of `text` centred in `area` (whose width includes the quiet zones), with
 * the widest whole-dot module that fits. Throws if even one dot per module is too wide.
 */
export function drawCode128(writer: PageWriter, text: string, area: Rect): void {
  const widths = code128Widths(text);
  const modules = widths.reduce((sum, width) => sum + width, 0) + 2 * QUIET_ZONE_MODULES;
  const moduleDots = Math.min(MAX_MODULE_DOTS, Math.floor(area.width / (modules * PRINTER_DOT)));
  if (moduleDots < 1) throw new RangeError(`"${text}" is too long for a ${area.width} pt wide barcode`);
  const moduleWidth = moduleDots * PRINTER_DOT;
  const symbolWidth = (modules - 2 * QUIET_ZONE_MODULES) * moduleWidth;
  let x = Math.round((area.x + (area.width - symbolWidth) / 2) / PRINTER_DOT) * PRINTER_DOT;
  const bars: Rect[] = [];
  widths.forEach((width, i) => {
    if (i % 2 === 0) bars.push({ x, top: area.top, width: width * moduleWidth, height: area.height });
    x += width * moduleWidth;
  });
  writer.fillRects(bars);
}
