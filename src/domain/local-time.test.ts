import { describe, expect, it } from "vitest";
import { originNow } from "./local-time";

describe("originNow", () => {
  it("gives São Paulo's wall clock (UTC−3)", () => {
    expect(originNow(new Date("2026-11-26T02:30:00Z"))).toEqual({ date: "2026-11-25", time: "23:30" });
    expect(originNow(new Date("2026-12-31T15:05:00Z"))).toEqual({ date: "2026-12-31", time: "12:05" });
  });

  it("crosses midnight at 03:00 UTC", () => {
    expect(originNow(new Date("2027-01-01T02:59:00Z")).date).toBe("2026-12-31");
    expect(originNow(new Date("2027-01-01T03:00:00Z"))).toEqual({ date: "2027-01-01", time: "00:00" });
  });
});
