import { describe, expect, it } from "vitest";
import { shipmentDisplayState } from "./shipments";

const ready = { status: "ready" as const, shopifyFulfillment: "UNFULFILLED", documentsGeneratedAt: null };

describe("shipmentDisplayState", () => {
  it("shows a ready shipment Shopify fulfilled without our documents as fulfilled in Shopify", () => {
    expect(shipmentDisplayState({ ...ready, shopifyFulfillment: "FULFILLED" })).toBe("fulfilled_in_shopify");
  });

  it("keeps the status of everything else", () => {
    expect(shipmentDisplayState(ready)).toBe("ready");
    expect(shipmentDisplayState({ ...ready, shopifyFulfillment: null })).toBe("ready");
    // Partly fulfilled in Shopify: the rest still ships from here.
    expect(shipmentDisplayState({ ...ready, shopifyFulfillment: "PARTIALLY_FULFILLED" })).toBe("ready");
    // Our own documents: Shopify's fulfillment is the one the dashboard wrote back.
    const documentsGeneratedAt = new Date("2026-12-01T12:00:00Z");
    expect(shipmentDisplayState({ ...ready, shopifyFulfillment: "FULFILLED", documentsGeneratedAt })).toBe("ready");
    // A booked pickup can still be moved or cancelled.
    expect(shipmentDisplayState({ ...ready, status: "pickup_scheduled", shopifyFulfillment: "FULFILLED" })).toBe(
      "pickup_scheduled",
    );
    expect(shipmentDisplayState({ ...ready, status: "cancelled", shopifyFulfillment: "FULFILLED" })).toBe("cancelled");
  });
});
