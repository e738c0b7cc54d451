import { describe, expect, it } from "vitest";
import { fulfillmentOrderStatus, placeHold, releaseHolds, supportedActions } from "./holds";
import type { EmuOrder } from "./model";

const US = { apiKey: "our-app", title: "ShipSmart" };
const OTHER = { apiKey: "other-app", title: "Fraud check" };
let next = 1;
const ids = { newId: () => next++, now: () => new Date("2026-12-01T12:00:00Z") };

function order(overrides: Partial<EmuOrder> = {}): EmuOrder {
  return {
    id: 1,
    cancelledAt: null,
    fulfillments: [],
    lineItems: [{ id: 10, requiresShipping: true, quantity: 1 }],
    ...overrides,
  } as EmuOrder;
}

describe("emulated fulfillment holds", () => {
  it("hold an open fulfillment order: ON_HOLD, release offered, fulfilment no longer", () => {
    const held = order();
    expect(fulfillmentOrderStatus(held)).toBe("OPEN");
    expect(placeHold(held, { reason: "OTHER", reasonNotes: "n", handle: "a" }, US, ids).userErrors).toEqual([]);
    expect(fulfillmentOrderStatus(held)).toBe("ON_HOLD");
    expect(supportedActions(held).map((entry) => entry.action)).toEqual(["HOLD", "RELEASE_HOLD"]);
  });

  it("refuse a duplicate handle and an eleventh hold of one app, but not another app's hold", () => {
    const held = order();
    for (let i = 0; i < 10; i++)
      expect(placeHold(held, { reason: "OTHER", handle: `h${i}` }, US, ids).hold).not.toBeNull();
    expect(placeHold(held, { reason: "OTHER", handle: "h0" }, OTHER, ids).hold).not.toBeNull();
    const limit = placeHold(held, { reason: "OTHER", handle: "h10" }, US, ids);
    expect(limit.userErrors[0].code).toBe("FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
    releaseHolds(held, [held.fulfillmentHolds![9].id], US.apiKey);
    expect(placeHold(held, { reason: "OTHER", handle: "h1" }, US, ids).userErrors[0].code).toBe(
      "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
    );
    expect(placeHold(held, { reason: "OTHER", handle: "x".repeat(65) }, US, ids).userErrors[0].field).toEqual([
      "fulfillmentHold",
      "handle",
    ]);
  });

  it("refuse a hold on a closed (cancelled or fulfilled) fulfillment order", () => {
    expect(placeHold(order({ cancelledAt: "2026-12-01T00:00:00Z" }), { reason: "OTHER" }, US, ids).hold).toBeNull();
    const fulfilled = order({
      fulfillments: [{ id: 5, status: "SUCCESS", lineItemIds: [10] } as EmuOrder["fulfillments"][number]],
    });
    expect(fulfillmentOrderStatus(fulfilled)).toBe("CLOSED");
    expect(placeHold(fulfilled, { reason: "OTHER" }, US, ids).userErrors[0].message).toMatch(/not valid for a hold/);
  });

  it("release the listed holds: another app's is INVALID_ACCESS, and then nothing is released", () => {
    const held = order();
    const ours = placeHold(held, { reason: "OTHER", handle: "a" }, US, ids).hold!;
    const theirs = placeHold(held, { reason: "OTHER", handle: "a" }, OTHER, ids).hold!;
    expect(releaseHolds(held, [ours.id, theirs.id], US.apiKey).userErrors[0].code).toBe("INVALID_ACCESS");
    expect(held.fulfillmentHolds).toHaveLength(2);
    expect(releaseHolds(held, [ours.id], US.apiKey).userErrors).toEqual([]);
    expect(held.fulfillmentHolds).toEqual([theirs]);
    expect(fulfillmentOrderStatus(held)).toBe("ON_HOLD");
    // Without ids, Shopify releases every hold on the fulfillment order, another app's too.
    expect(releaseHolds(held, null, US.apiKey).userErrors).toEqual([]);
    expect(fulfillmentOrderStatus(held)).toBe("OPEN");
  });
});
