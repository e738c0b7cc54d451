import { describe, expect, it } from "vitest";
import { toActivityEntry, type ActivityRecord } from "./activity";

const AT = new Date("2026-11-30T15:04:05.000Z");
const record = (source: string, data: unknown, actorName: string | null = null): ActivityRecord => ({
  source,
  key: `${source[0]}:1`,
  at: AT,
  actorName,
  data,
});
const audit = (action: string, after: unknown = {}, before: unknown = null, actorName: string | null = "Ana") =>
  record("audit", { action, before, after }, actorName);

describe("activity entries", () => {
  it("says how a sync saw the order, and who started the run", () => {
    expect(
      toActivityEntry(record("sync", { outcome: "created_draft", trigger: "manual", runId: "r1" }, "Ana")),
    ).toMatchObject({ kind: "syncedDraft", actor: { kind: "user", name: "Ana" }, syncRunId: "r1", at: AT });
    expect(
      toActivityEntry(record("sync", { outcome: "updated", trigger: "webhook", runId: "r2" }, "Ana")).actor,
    ).toEqual({
      kind: "shopify",
    });
    expect(toActivityEntry(record("sync", { outcome: "created_ready", trigger: "schedule" })).actor).toEqual({
      kind: "system",
    });
    // An outcome this code does not know is still a sync line, with its reason.
    expect(toActivityEntry(record("sync", { outcome: "skipped_someday", reason: "why" }))).toMatchObject({
      kind: "syncedOther",
      values: { reason: "why" },
    });
  });

  it("names the fields of an edit, single or in bulk, known ones only", () => {
    const single = toActivityEntry(
      audit("shipment.draft_saved", { nfeKey: "35…", status: "draft", missing: [] }, { nfeKey: null, bogus: 1 }),
    );
    expect(single).toMatchObject({ kind: "edited", fields: ["nfeKey"], actor: { kind: "user", name: "Ana" } });
    const bulk = toActivityEntry(
      audit("shipment.promoted", { parcels: [], status: "ready", bulk: true, fields: ["weightKg", "lengthCm"] }),
    );
    expect(bulk).toMatchObject({ kind: "promoted", fields: ["weightKg", "lengthCm"] });
    const parcel = toActivityEntry(
      audit("shipment.draft_saved", {
        parcels: [{ weightKg: 2.5, lengthCm: 40, widthCm: 30, heightCm: "20" }],
        bulk: true,
      }),
    );
    expect(parcel.parcel).toEqual({ weightKg: 2.5, sides: [40, 30, 20] });
    expect(
      toActivityEntry(audit("shipment.draft_saved", { parcels: [{ weightKg: null, lengthCm: 4 }] })).parcel,
    ).toBeUndefined();
    expect(toActivityEntry(audit("shipment.draft_saved", { incoterm: "DAP", bulk: true })).kind).toBe("editedBulk");
  });

  it("words quotes, pickups, documents and Shopify write-back with their values", () => {
    expect(toActivityEntry(audit("shipment.quoted", { quotes: 6, carriers: 3 }))).toMatchObject({
      kind: "quoted",
      values: { count: 6, carriers: 3 },
    });
    expect(
      toActivityEntry(
        audit("shipment.quote_chosen", { carrier: "dhl", service: "Express", price: "312.40", currency: "BRL" }),
      ),
    ).toMatchObject({
      kind: "quoteChosen",
      values: { carrier: "DHL Express" },
      money: { amount: 312.4, currency: "BRL" },
    });
    expect(
      toActivityEntry(
        audit("pickup.scheduled", {
          date: "2026-12-02",
          readyTime: "09:00",
          closeTime: "17:00",
          confirmationNumber: "PU1",
        }),
      ),
    ).toMatchObject({
      kind: "pickupScheduled",
      day: "2026-12-02",
      values: { window: "09:00–17:00", confirmation: "PU1" },
    });
    expect(toActivityEntry(audit("pickup.cancelled", {}, { confirmationNumber: "PU1" }))).toMatchObject({
      kind: "pickupCancelled",
      values: { confirmation: "PU1" },
    });
    expect(toActivityEntry(audit("shipment.documents_issued", { trackingNumber: "1Z9" })).kind).toBe("documentsIssued");
    expect(toActivityEntry(audit("shipment.documents_issued", { trackingNumber: null, invoiceOnly: true })).kind).toBe(
      "invoiceIssued",
    );
    expect(
      toActivityEntry(audit("shipment.tracking_sent_to_shopify", { trackingNumber: "1Z9" }, null, null)),
    ).toMatchObject({
      kind: "fulfillmentCreated",
      actor: { kind: "system" },
    });
  });

  it("shows a tracking event as the carrier's, with whether it reached Shopify", () => {
    const entry = toActivityEntry(
      record("tracking", {
        status: "in_transit",
        description: "Departed",
        location: "Miami",
        carrier: "fedex",
        shopifyError: "boom",
      }),
    );
    expect(entry).toMatchObject({
      kind: "tracking",
      actor: { kind: "carrier", name: "FedEx" },
      trackingStatus: "in_transit",
      values: { description: "Departed · Miami" },
      shopify: { sent: false, error: "boom" },
    });
    const unknownStatus = toActivityEntry(record("tracking", { status: "teleported", shopifyEventId: "gid://1" }));
    expect(unknownStatus.trackingStatus).toBeUndefined();
    expect(unknownStatus.shopify).toEqual({ sent: true });
  });

  it("turns unknown actions, sources and broken records into plain entries, never an error", () => {
    expect(toActivityEntry(audit("shipment.something_new"))).toMatchObject({
      kind: "other",
      values: { action: "something new" },
    });
    expect(toActivityEntry(record("audit", null))).toMatchObject({ kind: "other" });
    expect(toActivityEntry(record("audit", "not an object"))).toMatchObject({ kind: "other" });
    expect(toActivityEntry(record("mystery", { x: 1 }))).toMatchObject({
      kind: "other",
      values: { action: "mystery" },
    });
    // Values of the wrong type from older code: defaults, not crashes.
    expect(toActivityEntry(audit("shipment.quoted", { quotes: "many", carriers: null })).values).toEqual({
      count: 0,
      carriers: 0,
    });
    expect(toActivityEntry(audit("shipment.quote_chosen", { price: "abc", currency: "reais" })).money).toBeUndefined();
    expect(toActivityEntry(audit("pickup.scheduled", { date: "next tuesday" })).day).toBeUndefined();
    expect(toActivityEntry({ ...audit("shipment.promoted"), at: new Date("nope") }).at.getTime()).toBe(0);
    expect(
      toActivityEntry(record("label", { carrier: "ups", attempt: 2, error: "x".repeat(5000) })).values.reason,
    ).toHaveLength(201);
  });
});
