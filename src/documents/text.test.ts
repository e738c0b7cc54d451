import fc from "fast-check";
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { toPdfText } from "./text";

let helvetica: PDFFont;
beforeAll(async () => {
  helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
});

/** Whether pdf-lib's Helvetica (WinAnsi) can draw `text`: encodeText throws on anything else. */
function helveticaCanShow(text: string): boolean {
  try {
    helvetica.encodeText(text);
    return true;
  } catch {
    return false;
  }
}

describe("toPdfText", () => {
  it("keeps Latin-1 and the other WinAnsi characters", () => {
    for (const text of ["São Paulo", "Ateliê Açaí", "Müller Straße", "Ñandú", "Œuvre € 10 – “quoted” …", "Ærø ½ °C"]) {
      expect(toPdfText(text)).toBe(text);
    }
  });

  it("strips the diacritics WinAnsi lacks and keeps those it has", () => {
    expect(toPdfText("Łódź")).toBe("Lódz");
    expect(toPdfText("Gdańsk, Wrocław")).toBe("Gdansk, Wroclaw");
    expect(toPdfText("Erdős Pál")).toBe("Erdos Pál");
    expect(toPdfText("Şişecam İstanbul")).toBe("Sisecam Istanbul");
    expect(toPdfText("Đà Nẵng, Việt Nam")).toBe("Dà Nang, Viet Nam");
    expect(toPdfText("Ħamrun ı")).toBe("Hamrun i");
  });

  it("folds compatibility forms and dashes to their plain equivalents", () => {
    expect(toPdfText("ﬁle Ｎｏ．１")).toBe("file No.1");
    expect(toPdfText("10−20 ‐ 30")).toBe("10-20 - 30");
  });

  it("replaces each character it cannot show with one question mark", () => {
    expect(toPdfText("山田 太郎")).toBe("?? ??");
    expect(toPdfText("Москва")).toBe("??????");
    expect(toPdfText("Mug ☕ 😀")).toBe("Mug ? ?");
    // An emoji built from several code points (a ZWJ family, a skin tone) is still one character.
    expect(toPdfText("👨‍👩‍👧 👍🏽")).toBe("? ?");
  });

  it("keeps a combining accent that composes to Latin-1", () => {
    expect(toPdfText("Jose\u0301")).toBe("José");
  });

  it("puts everything on one line: control characters and whitespace runs become one space", () => {
    expect(toPdfText("  Rua Augusta,\r\n1500\tConjunto\u000b42\u0000 ")).toBe("Rua Augusta, 1500 Conjunto 42");
    expect(toPdfText("a\u00a0b\u2003c\u2028d")).toBe("a b c d");
  });

  it("drops invisible format characters", () => {
    expect(toPdfText("soft\u00adhyphen zero\u200bwidth \ufeffbom \u200eltr")).toBe("softhyphen zerowidth bom ltr");
  });

  it("gives an empty string for null, undefined and blank input", () => {
    expect(toPdfText(null)).toBe("");
    expect(toPdfText(undefined)).toBe("");
    expect(toPdfText(" \n\t ")).toBe("");
  });

  // 63,488 characters: the mismatches are collected and compared once (an expect per character
  // made it take seconds), with room for a machine busy with other work.
  it("agrees with Helvetica on every Basic Multilingual Plane character", { timeout: 60_000 }, () => {
    const unprintable: string[] = [];
    const altered: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue; // lone surrogates are not characters
      const char = String.fromCharCode(code);
      const shown = toPdfText(char);
      if (!helveticaCanShow(shown)) unprintable.push(char);
      // Whatever Helvetica can show as printable text is kept as is.
      if (shown !== char && helveticaCanShow(char) && /^[^\s\p{Cc}\p{Cf}]$/u.test(char)) altered.push(char);
    }
    expect(unprintable).toEqual([]);
    expect(altered).toEqual([]);
  });

  it("always returns one trimmed line Helvetica can show, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 40 }),
        (a, b) => {
          for (const input of [a, b]) {
            const shown = toPdfText(input);
            expect(helveticaCanShow(shown)).toBe(true);
            expect(shown).not.toMatch(/[\r\n\t]|^ | $| {2}/);
          }
        },
      ),
    );
  });
});
