import { describe, expect, it } from "vitest";
import { decodeGif } from "./gif";

/**
 * A textbook GIF LZW encoder (variable code width, table up to 4096, clear when full) — the kind of
 * stream real encoders write, unlike the emulator's fixed 8-bit one — for the decoder to read.
 */
function referenceGif(
  width: number,
  height: number,
  palette: number[][],
  indexes: number[],
  interlaced = false,
): Buffer {
  const minCodeSize = Math.max(2, Math.ceil(Math.log2(palette.length)));
  const clear = 1 << minCodeSize;
  const codes: { code: number; size: number }[] = [];
  let size = minCodeSize + 1;
  let dict = new Map<string, number>();
  let next = clear + 2;
  codes.push({ code: clear, size });
  let current = String(indexes[0]);
  const order: number[] = [];
  if (interlaced) {
    for (const [start, step] of [
      [0, 8],
      [4, 8],
      [2, 4],
      [1, 2],
    ]) {
      for (let y = start; y < height; y += step) for (let x = 0; x < width; x++) order.push(indexes[y * width + x]);
    }
  } else order.push(...indexes);
  current = String(order[0]);
  const codeOf = (key: string) => (key.includes(",") ? dict.get(key)! : Number(key));
  for (const pixel of order.slice(1)) {
    const candidate = `${current},${pixel}`;
    if (dict.has(candidate)) {
      current = candidate;
      continue;
    }
    codes.push({ code: codeOf(current), size });
    if (next < 4096) {
      dict.set(candidate, next++);
      if (next - 1 === 1 << size && size < 12) size++;
    } else {
      codes.push({ code: clear, size });
      dict = new Map();
      next = clear + 2;
      size = minCodeSize + 1;
    }
    current = String(pixel);
  }
  codes.push({ code: codeOf(current), size });
  codes.push({ code: clear + 1, size });
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const { code, size: width } of codes) {
    buffer |= code << bits;
    bits += width;
    while (bits >= 8) {
      bytes.push(buffer & 255);
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(buffer & 255);
  const blocks: number[] = [];
  for (let i = 0; i < bytes.length; i += 255) blocks.push(Math.min(255, bytes.length - i), ...bytes.slice(i, i + 255));
  const tableBits = minCodeSize - 1;
  const table = Array.from({ length: 1 << minCodeSize }, (_, i) => palette[i] ?? [0, 0, 0]).flat();
  return Buffer.from([
    ...Buffer.from("GIF89a", "latin1"),
    width & 255,
    width >> 8,
    height & 255,
    height >> 8,
    0x80 | tableBits,
    0,
    0,
    ...table,
    0x2c,
    0,
    0,
    0,
    0,
    width & 255,
    width >> 8,
    height & 255,
    height >> 8,
    interlaced ? 0x40 : 0,
    minCodeSize,
    ...blocks,
    0,
    0x3b,
  ]);
}

const PALETTE = [
  [255, 255, 255],
  [0, 0, 0],
  [200, 30, 40],
  [10, 120, 220],
  [30, 200, 60],
];

function pattern(width: number, height: number): number[] {
  // Long runs (the KwKwK case), stripes and noise-like sequences that fill the code table.
  return Array.from({ length: width * height }, (_, i) => {
    const x = i % width;
    const y = Math.floor(i / width);
    if (y < 3) return 1;
    if (y % 7 === 0) return 0;
    return (x * 7 + y * 13 + ((x * y) % 5)) % PALETTE.length;
  });
}

function expectPixels(decoded: ReturnType<typeof decodeGif>, indexes: number[]) {
  expect(Buffer.from(decoded.pixels).equals(Buffer.from(indexes.flatMap((i) => PALETTE[i])))).toBe(true);
}

describe("decodeGif", () => {
  it("reads a variable-width LZW stream that fills and clears the code table", () => {
    const indexes = pattern(173, 131);
    const decoded = decodeGif(referenceGif(173, 131, PALETTE, indexes));
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 173, height: 131 });
    expectPixels(decoded, indexes);
  });

  it("puts the rows of an interlaced image back in order", () => {
    const indexes = pattern(19, 29);
    expectPixels(decodeGif(referenceGif(19, 29, PALETTE, indexes, true)), indexes);
  });

  it("reads the classic 1×1 GIF, its transparent pixel shown as paper", () => {
    const decoded = decodeGif(Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"));
    expect(decoded.width).toBe(1);
    expect([...decoded.pixels]).toEqual([255, 255, 255]);
  });

  it("refuses what is not a whole GIF", () => {
    expect(() => decodeGif(Buffer.from("not a gif at all"))).toThrow("no GIF signature");
    const gif = referenceGif(40, 40, PALETTE, pattern(40, 40));
    expect(() => decodeGif(gif.subarray(0, gif.length - 40))).toThrow(/Not a readable GIF/);
  });
});
