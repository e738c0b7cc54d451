import { describe, expect, it } from "vitest";
import { splitUpdatedWindow } from "./bulk-windows";

const since = new Date("2026-10-02T12:34:56.789Z");
const until = new Date("2026-12-01T12:34:56.789Z"); // 60 days later
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("splitUpdatedWindow", () => {
  it("is the whole open-ended window for one part", () => {
    expect(splitUpdatedWindow(since, until, 1)).toEqual([{ from: since, before: null }]);
  });

  it("splits into contiguous ranges on whole seconds, the last open-ended", () => {
    const windows = splitUpdatedWindow(since, until, 3);
    expect(windows.map((w) => [iso(w.from), iso(w.before)])).toEqual([
      ["2026-10-02T12:34:56.789Z", "2026-10-22T12:34:56.000Z"],
      ["2026-10-22T12:34:56.000Z", "2026-11-11T12:34:56.000Z"],
      ["2026-11-11T12:34:56.000Z", null],
    ]);
  });

  it("puts every instant from the start on in exactly one range", () => {
    for (const parts of [2, 3, 4, 5]) {
      const windows = splitUpdatedWindow(since, until, parts);
      expect(windows).toHaveLength(parts);
      for (let t = since.getTime(); t < until.getTime() + 86_400_000; t += 3_333_333) {
        const holding = windows.filter((w) => t >= w.from.getTime() && (!w.before || t < w.before.getTime()));
        expect(holding).toHaveLength(1);
      }
    }
  });

  it("does not split a window shorter than a second per part", () => {
    expect(splitUpdatedWindow(since, new Date(since.getTime() + 2_000), 5)).toEqual([{ from: since, before: null }]);
  });

  it("refuses a part count Shopify would not run at once", () => {
    for (const parts of [0, 6, 1.5]) expect(() => splitUpdatedWindow(since, until, parts)).toThrow(RangeError);
  });
});
