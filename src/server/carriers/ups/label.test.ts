import { describe, expect, it } from "vitest";
import { PDFDocument, PDFDict, PDFName, PDFNumber, PDFStream } from "pdf-lib";
import { encodeGif } from "@/emulator/carriers/ups/gif";
import { issuedLabel } from "./label";

/** A GIF of `width`×`height` with a black top-left quarter. */
function gif(width: number, height: number) {
  const bitmap = Uint8Array.from({ length: width * height }, (_, i) =>
    i % width < width / 2 && i < (width * height) / 2 ? 1 : 0,
  );
  return encodeGif(width, height, bitmap).toString("base64");
}

async function images(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((page) => {
    const xObjects = page.node.Resources()!.lookup(PDFName.of("XObject"), PDFDict);
    const [name] = xObjects.keys();
    const stream = xObjects.lookup(name, PDFStream);
    const get = (key: string) => stream.dict.get(PDFName.of(key));
    return {
      size: page.getSize(),
      width: (get("Width") as PDFNumber).asNumber(),
      height: (get("Height") as PDFNumber).asNumber(),
      colorSpace: String(get("ColorSpace")),
    };
  });
}

describe("issuedLabel", () => {
  it("puts each GIF on its own 4×6 page as a greyscale image, a landscape one turned a quarter", async () => {
    const label = await issuedLabel("pdf", [
      { imageFormat: "GIF", image: gif(60, 40) },
      { imageFormat: "gif", image: gif(40, 60) },
    ]);
    expect(label.format).toBe("pdf");
    const pages = await images(label.bytes);
    expect(pages.map((p) => p.size)).toEqual([
      { width: 288, height: 432 },
      { width: 288, height: 432 },
    ]);
    expect(pages.map((p) => [p.width, p.height, p.colorSpace])).toEqual([
      [60, 40, "/DeviceGray"],
      [40, 60, "/DeviceGray"],
    ]);
  });

  it("keeps ZPL as issued, one ^XA…^XZ per package", async () => {
    const zpl = (text: string) => Buffer.from(text).toString("base64");
    const label = await issuedLabel("zpl", [
      { imageFormat: "ZPL", image: zpl("^XA^FDone^FS^XZ\n") },
      { imageFormat: "ZPL", image: zpl("^XA^FDtwo^FS^XZ") },
    ]);
    expect(Buffer.from(label.bytes).toString("utf8")).toBe("^XA^FDone^FS^XZ\n^XA^FDtwo^FS^XZ\n");
  });

  it("refuses a label in another format than asked for", async () => {
    await expect(issuedLabel("pdf", [{ imageFormat: "ZPL", image: "" }])).rejects.toThrow("ZPL label to a GIF request");
  });
});
