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

  it("cleans nested data, keys included, keeps __proto__ as plain data", () => {
    const input = JSON.parse('{"a\\u0000":["b\\u0000",{"__proto__":{"polluted":true}}],"n":1}');
    const cleaned = cleanJson(input) as Record<string, unknown>;
    expect(JSON.stringify(cleaned)).toBe('{"a":["b",{"__proto__":{"polluted":true}}],"n":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(cleanJson([Number.NaN, Number.POSITIVE_INFINITY, 2])).toEqual([null, null, 2]);
  });
});
