// UPS issues its labels as GIF (CARRIERS.md §3 "Label"), which pdf-lib cannot embed: the first
// frame of a GIF decoded (LZW, palettes, interlacing, transparency) to RGB pixels, which label.ts
// places on a PDF page as an image of its own.

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

function fail(why: string): never {
  throw new Error(`Not a readable GIF: ${why}`);
}

/** LZW-decodes one image's data sub-blocks into palette indexes (GIF89a, appendix F). */
function lzwDecode(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  if (minCodeSize < 2 || minCodeSize > 8) fail("bad LZW code size");
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const out = new Uint8Array(pixelCount);
  let written = 0;
  // The dictionary as prefix links: each code = (prefix code, last byte), with its length.
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < clear; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    length[i] = 1;
  }
  let size = minCodeSize + 1;
  let next = end + 1;
  let previous = -1;
  let bits = 0;
  let buffer = 0;
  const emit = (code: number) => {
    const n = length[code];
    if (written + n > pixelCount) fail("more pixels than the image holds");
    for (let i = n - 1, c = code; i >= 0; i--, c = prefix[c]) out[written + i] = suffix[c];
    written += n;
  };
  const first = (code: number) => {
    let c = code;
    while (prefix[c] !== -1) c = prefix[c];
    return suffix[c];
  };
  for (let i = 0; i < data.length; i++) {
    buffer |= data[i] << bits;
    bits += 8;
    while (bits >= size) {
      const code = buffer & ((1 << size) - 1);
      buffer >>>= size;
      bits -= size;
      if (code === clear) {
        size = minCodeSize + 1;
        next = end + 1;
        previous = -1;
        continue;
      }
      if (code === end) return written === pixelCount ? out : fail("fewer pixels than the image holds");
      if (previous === -1) {
        if (code >= clear) fail("first code is not a colour");
        emit(code);
        previous = code;
        continue;
      }
      if (code > next || (code === next && next >= 4096)) fail("code out of range");
      if (next < 4096) {
        // code === next: the KwKwK case, previous string + its own first byte.
        prefix[next] = previous;
        suffix[next] = first(code === next ? previous : code);
        length[next] = length[previous] + 1;
        next++;
        if (next === 1 << size && size < 12) size++;
      }
      emit(code);
      previous = code;
    }
  }
  if (written !== pixelCount) fail("image data ends early");
  return out;
}

export function decodeGif(bytes: Uint8Array): RgbImage {
  let at = 0;
  const byte = () => (at < bytes.length ? bytes[at++] : fail("truncated"));
  const word = () => byte() | (byte() << 8);
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== "GIF87a" && signature !== "GIF89a") fail("no GIF signature");
  at = 6;
  const width = word();
  const height = word();
  const flags = byte();
  const background = byte();
  byte(); // aspect ratio
  let palette: Uint8Array | null = null;
  const readPalette = (f: number) => {
    const n = 3 * (1 << ((f & 7) + 1));
    if (at + n > bytes.length) fail("truncated palette");
    const table = bytes.slice(at, at + n);
    at += n;
    return table;
  };
  if (flags & 0x80) palette = readPalette(flags);
  if (width < 1 || height < 1 || width * height > 40_000_000) fail("implausible size");
  const subBlocks = () => {
    const parts: Uint8Array[] = [];
    for (let n = byte(); n > 0; n = byte()) {
      if (at + n > bytes.length) fail("truncated block");
      parts.push(bytes.subarray(at, at + n));
      at += n;
    }
    return parts;
  };
  let transparent = -1;
  for (;;) {
    const block = byte();
    if (block === 0x3b) fail("no image");
    if (block === 0x21) {
      const label = byte();
      const parts = subBlocks();
      // Graphic control extension: a transparent colour shows the (white) paper.
      if (label === 0xf9 && parts[0]?.length === 4 && parts[0][0] & 1) transparent = parts[0][3];
      continue;
    }
    if (block !== 0x2c) fail("unknown block");
    const left = word();
    const top = word();
    const frameWidth = word();
    const frameHeight = word();
    const frameFlags = byte();
    const colours = frameFlags & 0x80 ? readPalette(frameFlags) : palette;
    if (!colours) fail("no colour table");
    const minCodeSize = byte();
    const parts = subBlocks();
    const data = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      data.set(p, offset);
      offset += p.length;
    }
    const indexes = lzwDecode(data, minCodeSize, frameWidth * frameHeight);
    // Rows of an interlaced image come in four passes (GIF89a appendix E).
    const rows: number[] = [];
    if (frameFlags & 0x40) {
      for (const [start, step] of [
        [0, 8],
        [4, 8],
        [2, 4],
        [1, 2],
      ])
        for (let y = start; y < frameHeight; y += step) rows.push(y);
    } else for (let y = 0; y < frameHeight; y++) rows.push(y);
    const pixels = new Uint8Array(width * height * 3).fill(255);
    if (palette && background * 3 + 2 < palette.length && background !== transparent) {
      for (let i = 0; i < width * height * 3; i += 3) {
        pixels[i] = palette[background * 3];
        pixels[i + 1] = palette[background * 3 + 1];
        pixels[i + 2] = palette[background * 3 + 2];
      }
    }
    rows.forEach((y, row) => {
      const targetY = top + y;
      if (targetY >= height) return;
      for (let x = 0; x < frameWidth && left + x < width; x++) {
        const index = indexes[row * frameWidth + x];
        if (index === transparent || index * 3 + 2 >= colours.length) continue;
        const target = (targetY * width + left + x) * 3;
        pixels[target] = colours[index * 3];
        pixels[target + 1] = colours[index * 3 + 1];
        pixels[target + 2] = colours[index * 3 + 2];
      }
    });
    return { width, height, pixels };
  }
}
