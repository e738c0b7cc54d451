import { describe, expect, it } from "vitest";
import { boundText, firstChars } from "./bounds";

// The limits count characters (code points), not UTF-16 units: an emoji is one character.
describe("boundText", () => {
  it("keeps a text at its field's limit, and cuts one character longer", () => {
    expect(boundText("name", "a".repeat(100))).toEqual({ value: "a".repeat(100), length: null });
    expect(boundText("name", "a".repeat(101))).toEqual({ value: "a".repeat(100), length: 101 });
  });

  it("counts an emoji as one character, however many UTF-16 units it takes", () => {
    const emoji = "😀".repeat(100); // 200 UTF-16 units, 100 characters
    expect(boundText("name", emoji)).toEqual({ value: emoji, length: null });
    expect(boundText("name", `${emoji}😀`)).toEqual({ value: emoji, length: 101 });
  });

  it("never cuts a surrogate pair in two", () => {
    const cut = boundText("phone", `${"1".repeat(39)}😀😀`);
    expect(cut).toEqual({ value: `${"1".repeat(39)}😀`, length: 41 });
  });

  it("leaves null alone", () => {
    expect(boundText("city", null)).toEqual({ value: null, length: null });
  });
});

describe("firstChars", () => {
  it("keeps a short text as it is and cuts a long one by characters", () => {
    expect(firstChars("abc", 3)).toBe("abc");
    expect(firstChars("😀😀😀", 2)).toBe("😀😀");
    expect(firstChars("😀😀", 2)).toBe("😀😀");
  });
});
