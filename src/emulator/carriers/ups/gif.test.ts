import { describe, expect, it } from "vitest";
import { decodeGif } from "@/server/carriers/ups/gif";
import { encodeGif } from "./gif";
import { gifLabel } from "./label";

describe("encodeGif", () => {
  it("round-trips a bitmap through a standard decoder, across many clear codes", () => {
    const width = 301;
    const height = 7;
    const bitmap = Uint8Array.from({ length: width * height }, (_, i) => ((i * 31) % 7 < 3 ? 1 : 0));
    const decoded = decodeGif(encodeGif(width, height, bitmap));
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width, height });
    const reds = decoded.pixels.filter((_, i) => i % 3 === 0);
    expect([...reds]).toEqual([...bitmap].map((bit) => (bit ? 0 : 255)));
  });

  it("refuses a bitmap of the wrong size", () => {
    expect(() => encodeGif(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });

  it("draws a landscape label with the tracking number's bars", () => {
    const gif = gifLabel({
      trackingNumber: "1ZA1B2C36500000011",
      serviceName: "Worldwide Saver",
      shipper: { name: "Ateliê", city: "São Paulo", countryCode: "BR" },
      recipient: {
        name: "John",
        addressLines: ["350 Fifth Avenue"],
        city: "New York",
        postalCode: "10118",
        countryCode: "US",
      },
      weightKg: "1.4",
      packageIndex: 1,
      packageCount: 1,
    });
    const decoded = decodeGif(gif);
    expect(decoded.width).toBeGreaterThan(decoded.height);
    // The barcode band alternates black and white along a row.
    const row = 290;
    let changes = 0;
    for (let x = 1; x < decoded.width; x++) {
      if (decoded.pixels[(row * decoded.width + x) * 3] !== decoded.pixels[(row * decoded.width + x - 1) * 3])
        changes++;
    }
    expect(changes).toBeGreaterThan(40);
  });
});
