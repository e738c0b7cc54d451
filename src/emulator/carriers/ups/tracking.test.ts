import { describe, expect, it } from "vitest";
import { timeline } from "./tracking";

const HOUR = 3_600_000;
const created = Date.parse("2026-12-02T12:00:00Z");
const codes = (hours: number, scenario: Parameters<typeof timeline>[2] = "normal") =>
  timeline(created, created + hours * HOUR, scenario).map((e) => `${e.type}/${e.code}`);

describe("timeline", () => {
  it("scans the label at once, then pickup ~2 h, customs ~8 h, out for delivery ~24 h, delivered ~30 h", () => {
    expect(codes(0)).toEqual(["M/MP"]);
    expect(codes(1.9)).toEqual(["M/MP"]);
    expect(codes(2)).toEqual(["M/MP", "P/XA"]);
    expect(codes(8)).toEqual(["M/MP", "P/XA", "I/SR"]);
    expect(codes(24)).toEqual(["M/MP", "P/XA", "I/SR", "I/OT"]);
    expect(codes(30)).toEqual(["M/MP", "P/XA", "I/SR", "I/OT", "D/KB"]);
    expect(codes(300)).toHaveLength(5);
  });

  it("an exception replaces the next scan and stops the rest", () => {
    const scenario = { exceptionAt: created + 3 * HOUR };
    expect(codes(7, scenario)).toEqual(["M/MP", "P/XA"]);
    expect(codes(8, scenario)).toEqual(["M/MP", "P/XA", "X/UD"]);
    expect(codes(48, scenario)).toEqual(["M/MP", "P/XA", "X/UD"]);
  });

  it("has nothing before the label exists", () => {
    expect(timeline(created, created - 1, "normal")).toEqual([]);
  });
});
