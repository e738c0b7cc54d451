import { firstChars } from "./bounds";

// Fulfillment holds in Shopify while a shipment is a draft: what to place and what to release on
// an order's fulfillment orders so that Shopify shows exactly the hold we want (or none of ours),
// and never touches a hold another app (or the merchant) placed.
//
// Shopify (Admin API 2026-07): an app may keep up to 10 active holds on one fulfillment order, each
// with a `handle` unique per app and fulfillment order; a hold's notes cannot be edited. New notes
// are therefore a new hold under our other handle, placed before the old one is released, so the
// order is never briefly unheld while what is missing changes.

/** Our two handles: the current hold and its replacement while the notes change. */
export const HOLD_HANDLES = ["shipsmart-draft", "shipsmart-draft-next"] as const;
const OUR_HANDLES: ReadonlySet<string> = new Set(HOLD_HANDLES);

/** Notes are cut to this many characters (Shopify shows them on the order page). */
export const HOLD_NOTES_MAX = 255;

export interface HeldFulfillmentOrder {
  id: string;
  status: string;
  /** Shopify's supportedActions: HOLD, RELEASE_HOLD, … */
  actions: string[];
  holds: { id: string; handle: string | null; reasonNotes: string | null; heldByRequestingApp: boolean }[];
}

export type HoldStep =
  | { kind: "hold"; fulfillmentOrderId: string; handle: string; notes: string }
  | { kind: "release"; fulfillmentOrderId: string; holdIds: string[] };

/** Our holds on a fulfillment order: this app's, under one of our handles. */
function ourHolds(order: HeldFulfillmentOrder) {
  return order.holds.filter((hold) => hold.heldByRequestingApp && hold.handle !== null && OUR_HANDLES.has(hold.handle));
}

/**
 * The steps that bring each fulfillment order to `notes` (a hold of ours with these notes) or, for
 * null, to no hold of ours. Fulfillment orders Shopify will not hold (closed, fulfilled, cancelled)
 * are left as they are. Holds of other apps, and this app's holds under other handles, are never
 * in a step.
 */
export function planHoldSteps(orders: HeldFulfillmentOrder[], notes: string | null): HoldStep[] {
  const steps: HoldStep[] = [];
  for (const order of orders) {
    const ours = ourHolds(order);
    const keep = notes === null ? undefined : ours.find((hold) => hold.reasonNotes === notes);
    if (notes !== null && !keep && order.actions.includes("HOLD")) {
      const free = HOLD_HANDLES.find((handle) => !ours.some((hold) => hold.handle === handle));
      // Both handles taken and neither has these notes: release one first to make room.
      if (!free) {
        steps.push({ kind: "release", fulfillmentOrderId: order.id, holdIds: [ours[0].id] });
        steps.push({ kind: "hold", fulfillmentOrderId: order.id, handle: ours[0].handle!, notes });
        const rest = ours.slice(1).map((hold) => hold.id);
        if (rest.length > 0) steps.push({ kind: "release", fulfillmentOrderId: order.id, holdIds: rest });
        continue;
      }
      steps.push({ kind: "hold", fulfillmentOrderId: order.id, handle: free, notes });
    }
    const stale = ours.filter((hold) => hold !== keep).map((hold) => hold.id);
    // A hold we cannot replace (the fulfillment order refuses HOLD) stays rather than leave it unheld.
    const replaced = notes === null || keep || order.actions.includes("HOLD");
    if (stale.length > 0 && replaced && order.actions.includes("RELEASE_HOLD")) {
      steps.push({ kind: "release", fulfillmentOrderId: order.id, holdIds: stale });
    }
  }
  return steps;
}

/**
 * The notes our hold carries in Shopify once the steps are done: `notes` when some fulfillment order
 * takes (or keeps) it; otherwise those of a hold of ours that had to stay; null when none of ours
 * is left — an order with nothing left to ship in Shopify (fulfilled or closed there) is not held.
 */
export function notesAfterSteps(orders: HeldFulfillmentOrder[], notes: string | null): string | null {
  const heldWith = (order: HeldFulfillmentOrder) => ourHolds(order).some((hold) => hold.reasonNotes === notes);
  if (notes !== null && orders.some((order) => order.actions.includes("HOLD") || heldWith(order))) return notes;
  const staying = orders.flatMap((order) =>
    notes === null && order.actions.includes("RELEASE_HOLD") ? [] : ourHolds(order),
  );
  return staying[0]?.reasonNotes ?? null;
}

/**
 * The FulfillmentOrderHoldInput of our hold: reason OTHER (none of Shopify's other reasons is ours),
 * the notes, our handle, and no notification (the merchant sees it on the order).
 */
export function holdInput(handle: string, notes: string) {
  return { reason: "OTHER", reasonNotes: notes, handle, notifyMerchant: false } as const;
}

/** Notes as Shopify gets them: one line, at most HOLD_NOTES_MAX characters (… when cut). */
export function boundedHoldNotes(notes: string): string {
  const clean = notes.replace(/[\s\p{Cc}]+/gu, " ").trim();
  if (firstChars(clean, HOLD_NOTES_MAX) === clean) return clean;
  return `${firstChars(clean, HOLD_NOTES_MAX - 1).trimEnd()}…`;
}

/** The store's language for the notes: Portuguese for any pt locale, English otherwise. */
export function holdNotesLocale(shopLocale: string | null): "pt-BR" | "en" {
  return shopLocale && /^pt\b/i.test(shopLocale) ? "pt-BR" : "en";
}
