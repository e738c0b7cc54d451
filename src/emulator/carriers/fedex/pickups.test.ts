import { describe, expect, it } from "vitest";
import { bookingRefusal, dayRefusal, nextBusinessDay } from "./pickups";

// Tuesday 2026-12-01, 12:00 in São Paulo (15:00 UTC).
const NOON = new Date("2026-12-01T15:00:00Z");

describe("FedEx emulator pickup rules", () => {
  it("collects on business days from today, until the cut-off", () => {
    expect(dayRefusal("2026-12-01", NOON)).toBeNull();
    expect(dayRefusal("2026-12-02", NOON)).toBeNull();
    expect(dayRefusal("2026-11-30", NOON)?.code).toBe("PICKUP.DATE.PAST");
    expect(dayRefusal("2026-12-05", NOON)?.code).toBe("PICKUP.SCHEDULE.NOTAVAILABLE");
    expect(dayRefusal("2026-12-31", NOON)?.code).toBe("PICKUP.DATE.TOOFAR");
    expect(dayRefusal("2026-12-01", new Date("2026-12-01T19:30:00Z"))?.code).toBe("PICKUP.READYTIME.AFTERCUTOFF");
  });

  it("needs a ready time before the cut-off and a window of at least the access time", () => {
    expect(bookingRefusal("2026-12-02", "10:00", "12:00", NOON)).toBeNull();
    expect(bookingRefusal("2026-12-02", "10:00", "11:59", NOON)?.code).toBe("PICKUP.ACCESSTIME.INSUFFICIENT");
    expect(bookingRefusal("2026-12-02", "16:01", "19:00", NOON)?.code).toBe("PICKUP.READYTIME.AFTERCUTOFF");
    expect(bookingRefusal("2026-12-01", "09:00", "15:00", NOON)?.code).toBe("PICKUP.READYTIME.PAST");
  });

  it("skips weekends to the next business day", () => {
    expect(nextBusinessDay("2026-12-04")).toBe("2026-12-07");
    expect(nextBusinessDay("2026-12-01")).toBe("2026-12-02");
  });
});
