import { describe, expect, it } from "vitest";
import { addDays, dayOfWeek, daysBetween, isIsoDate, isWeekend, nextOpenDay } from "./calendar";

describe("isIsoDate", () => {
  it.each(["2026-01-01", "2024-02-29", "2026-12-31"])("accepts %s", (d) => expect(isIsoDate(d)).toBe(true));
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-32", "", "2026/01/01", 20260101])(
    "rejects %s",
    (d) => expect(isIsoDate(d)).toBe(false),
  );
});

describe("calendar arithmetic", () => {
  it("moves across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2027-01-01", "2026-01-01")).toBe(-365);
  });

  it("finds weekdays", () => {
    expect(dayOfWeek("2026-07-09")).toBe(4);
    expect(isWeekend("2026-03-07")).toBe(true);
    expect(isWeekend("2026-03-09")).toBe(false);
  });

  it("rejects malformed dates with a RangeError", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => dayOfWeek("x".repeat(1_000_000))).toThrow(/Not a "YYYY-MM-DD" date: x{40}$/);
  });
});

describe("nextOpenDay", () => {
  it("skips weekends and the closed days given", () => {
    expect(nextOpenDay("2026-07-08", new Set())).toBe("2026-07-09");
    expect(nextOpenDay("2026-07-08", new Set(["2026-07-09"]))).toBe("2026-07-10");
    expect(nextOpenDay("2026-07-09", new Set(["2026-07-10"]))).toBe("2026-07-13");
  });

  it("gives up instead of looping when every day is closed", () => {
    const closed = new Set(Array.from({ length: 10 }, (_, i) => addDays("2026-07-09", i)));
    expect(() => nextOpenDay("2026-07-08", closed, 10)).toThrow(RangeError);
  });
});
