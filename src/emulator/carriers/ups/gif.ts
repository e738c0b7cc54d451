// A two-colour GIF encoder for the emulator's labels (UPS answers GIF labels, CARRIERS.md §3). LZW
// with 8-bit codes: a 7-bit minimum code size and a clear code before the code table would grow
// past 8 bits, so every code is one byte — larger than optimal, simple and valid GIF89a.
const MIN_CODE_SIZE = 7;
const CLEAR = 1 << MIN_CODE_SIZE;
const END = CLEAR + 1;
/** Literals after a clear code before the decoder's table would reach 256 entries (9-bit codes). */
const LITERALS_PER_CLEAR = 126;

/** `bitmap[y * width + x]` 1 = black, 0 = white. */
export function encodeGif(width: number, height: number, bitmap: Uint8Array): Buffer {
  if (bitmap.length !== width * height) throw new RangeError("bitmap size does not match");
  const codes: number[] = [CLEAR];
  let sinceClear = 0;
  for (const pixel of bitmap) {
    if (sinceClear === LITERALS_PER_CLEAR) {
      codes.push(CLEAR);
      sinceClear = 0;
    }
    codes.push(pixel ? 1 : 0);
    sinceClear++;
  }
  codes.push(END);
  const blocks: number[] = [];
  for (let i = 0; i < codes.length; i += 255) {
    const part = codes.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  const palette = Buffer.alloc(3 * CLEAR);
  palette.fill(255, 0, 3); // 0 white, 1 black, the rest unused (black)
  const header = Buffer.alloc(13);
  header.write("GIF89a", 0, "latin1");
  header.writeUInt16LE(width, 6);
  header.writeUInt16LE(height, 8);
  header[10] = 0x80 | (MIN_CODE_SIZE - 1); // global colour table of 2^7 entries
  const image = Buffer.alloc(10);
  image[0] = 0x2c;
  image.writeUInt16LE(width, 5);
  image.writeUInt16LE(height, 7);
  return Buffer.concat([
    header,
    palette,
    image,
    Buffer.from([MIN_CODE_SIZE]),
    Buffer.from(blocks),
    Buffer.from([0, 0x3b]),
  ]);
}
