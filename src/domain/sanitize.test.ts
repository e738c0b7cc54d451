import { describe, expect, it } from "vitest";
import { cleanJson, cleanText } from "./sanitize";

describe("cleanText / cleanJson", () => {
  it("removes NUL and other control characters but keeps tabs and newlines", () => {
    expect(cleanText("a\u0000b\u0007c\td\ne\r")).toBe("abc\td\ne\r");
  });

  it("replaces lone surrogates and keeps real pairs", () => {
    expect(cleanText("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
    expect(cleanText("😀")).toBe("😀");
  });

  it("cleans every UTF-16 unit as the two replaces alone would, fast path or not", () => {
    const reference = (text: string) =>
      text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(cleanText(text)).toBe(reference(text));
    }
  });

  it("cleans nested data, keys included, keeps __proto__ as plain data", () => {
    const input = JSON.parse('{"a\\u0000":["b\\u0000",{"__proto__":{"polluted":true}}],"n":1}');
    const cleaned = cleanJson(input) as Record<string, unknown>;
    expect(JSON.stringify(cleaned)).toBe('{"a":["b",{"__proto__":{"polluted":true}}],"n":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(cleanJson([Number.NaN, Number.POSITIVE_INFINITY, 2])).toEqual([null, null, 2]);
  });
});
