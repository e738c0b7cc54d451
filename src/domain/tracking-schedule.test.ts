import { describe, expect, it } from "vitest";
import {
  currentTrackingStatus,
  nextCheckAfter,
  nextCheckAfterNotFound,
  NOT_FOUND_GIVE_UP_MS,
  shipmentStatusAfterTracking,
} from "./tracking-schedule";

const NOW = new Date("2026-12-01T12:00:00Z");
const hours = (n: number) => n * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

describe("nextCheckAfter", () => {
  it("asks again sooner the closer the parcel is to a change that matters", () => {
    expect(nextCheckAfter("label_created", NOW)).toEqual(new Date(NOW.getTime() + hours(2)));
    expect(nextCheckAfter("in_transit", NOW)).toEqual(new Date(NOW.getTime() + hours(4)));
    expect(nextCheckAfter("out_for_delivery", NOW)).toEqual(new Date(NOW.getTime() + hours(1)));
    expect(nextCheckAfter("exception", NOW)).toEqual(new Date(NOW.getTime() + hours(1)));
  });

  it("stops once delivered", () => {
    expect(nextCheckAfter("delivered", NOW)).toBeNull();
  });
});

describe("nextCheckAfterNotFound", () => {
  it("backs off as the label ages", () => {
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() - hours(1)), NOW)).toEqual(new Date(NOW.getTime() + hours(2)));
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() - hours(30)), NOW)).toEqual(
      new Date(NOW.getTime() + hours(6)),
    );
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() - hours(100)), NOW)).toEqual(
      new Date(NOW.getTime() + hours(12)),
    );
  });

  it("gives up a week after the label", () => {
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() - NOT_FOUND_GIVE_UP_MS), NOW)).toBeNull();
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() - NOT_FOUND_GIVE_UP_MS + 1), NOW)).not.toBeNull();
  });

  it("treats a label dated in the future as brand new", () => {
    expect(nextCheckAfterNotFound(new Date(NOW.getTime() + hours(5)), NOW)).toEqual(new Date(NOW.getTime() + hours(2)));
  });
});

describe("currentTrackingStatus", () => {
  it("is the latest event's, whatever order the carrier lists them in", () => {
    expect(
      currentTrackingStatus([
        { occurredAt: at("2026-12-01T10:00:00Z"), status: "in_transit" },
        { occurredAt: at("2026-12-01T08:00:00Z"), status: "label_created" },
        { occurredAt: at("2026-12-01T09:00:00Z"), status: "exception" },
      ]),
    ).toBe("in_transit");
  });

  it("takes the later stage for events at the same instant", () => {
    const same = at("2026-12-01T10:00:00Z");
    expect(
      currentTrackingStatus([
        { occurredAt: same, status: "delivered" },
        { occurredAt: same, status: "out_for_delivery" },
      ]),
    ).toBe("delivered");
    expect(
      currentTrackingStatus([
        { occurredAt: same, status: "in_transit" },
        { occurredAt: same, status: "label_created" },
      ]),
    ).toBe("in_transit");
  });

  it("is null without events", () => {
    expect(currentTrackingStatus([])).toBeNull();
  });
});

describe("shipmentStatusAfterTracking", () => {
  it("ships a ready or picked-up shipment once the carrier has the parcel", () => {
    for (const tracking of ["in_transit", "out_for_delivery", "delivered"] as const) {
      expect(shipmentStatusAfterTracking("ready", tracking)).toBe("shipped");
      expect(shipmentStatusAfterTracking("pickup_scheduled", tracking)).toBe("shipped");
    }
  });

  it("leaves it alone before the carrier has it, or on an exception", () => {
    expect(shipmentStatusAfterTracking("pickup_scheduled", "label_created")).toBe("pickup_scheduled");
    expect(shipmentStatusAfterTracking("ready", "exception")).toBe("ready");
  });

  it("never moves a draft or cancelled shipment", () => {
    expect(shipmentStatusAfterTracking("cancelled", "delivered")).toBe("cancelled");
    expect(shipmentStatusAfterTracking("draft", "in_transit")).toBe("draft");
    expect(shipmentStatusAfterTracking("shipped", "delivered")).toBe("shipped");
  });
});
