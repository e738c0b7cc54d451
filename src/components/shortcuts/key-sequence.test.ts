import { describe, expect, it } from "vitest";
import { IDLE, pressKey, SEQUENCE_TIMEOUT_MS, type SequenceState } from "./key-sequence";

const BINDINGS = ["g s", "g d", "g h", "/", "j", "k", "?"];

/** Presses keys at the given times; answers every match in order. */
function press(keys: [string, number][]): (string | null)[] {
  let state: SequenceState = IDLE;
  return keys.map(([key, at]) => {
    const result = pressKey(state, key, at, BINDINGS);
    state = result.state;
    return result.match;
  });
}

describe("key sequences", () => {
  it("fires single keys at once", () => {
    expect(
      press([
        ["j", 0],
        ["k", 10],
        ["/", 20],
        ["?", 30],
      ]),
    ).toEqual(["j", "k", "/", "?"]);
  });

  it("fires a two-key sequence on its second key", () => {
    expect(
      press([
        ["g", 0],
        ["s", 400],
      ]),
    ).toEqual([null, "g s"]);
    expect(
      press([
        ["g", 0],
        ["d", SEQUENCE_TIMEOUT_MS],
      ]),
    ).toEqual([null, "g d"]);
  });

  it("forgets a prefix once its time is up", () => {
    expect(
      press([
        ["g", 0],
        ["s", SEQUENCE_TIMEOUT_MS + 1],
      ]),
    ).toEqual([null, null]);
  });

  it("starts afresh when the second key continues nothing", () => {
    expect(
      press([
        ["g", 0],
        ["x", 10],
        ["s", 20],
      ]),
    ).toEqual([null, null, null]);
    expect(
      press([
        ["g", 0],
        ["j", 10],
      ]),
    ).toEqual([null, "j"]);
    expect(
      press([
        ["g", 0],
        ["g", 10],
        ["h", 20],
      ]),
    ).toEqual([null, null, "g h"]);
  });

  it("ignores keys no binding knows", () => {
    expect(
      press([
        ["s", 0],
        ["Shift", 1],
        ["Dead", 2],
        ["h", 3],
      ]),
    ).toEqual([null, null, null, null]);
  });
});
