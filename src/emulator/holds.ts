// Fulfillment holds as Admin API 2026-07 has them (fulfillmentOrderHold, fulfillmentOrderReleaseHold):
// a hold keeps a fulfillment order from being fulfilled (status ON_HOLD) until every hold on it is
// released. Since 2025-01 a fulfillment order can carry several holds; each app may keep up to 10
// active ones on one fulfillment order, told apart by a `handle` unique per app and fulfillment
// order (at most 64 characters). The emulator has one fulfillment order per order, so the holds
// live on the order.
import type { EmuFulfillmentHold, EmuOrder } from "./model";

/** Shopify's per-app limit of active holds on one fulfillment order. */
const HOLDS_PER_APP = 10;
const HANDLE_MAX = 64;

export interface HoldingApp {
  apiKey: string;
  title: string;
}

export interface HoldInput {
  reason: string;
  reasonNotes?: string | null;
  handle?: string | null;
  notifyMerchant?: boolean | null;
  externalId?: string | null;
  fulfillmentOrderLineItems?: unknown[] | null;
}

type UserError = { field: string[] | null; message: string; code: string | null };

export const holdsOf = (order: EmuOrder): EmuFulfillmentHold[] => order.fulfillmentHolds ?? [];

/** Lines that require shipping and no fulfillment covers yet. */
function hasLinesToShip(order: EmuOrder): boolean {
  const fulfilled = new Set(order.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItemIds));
  return order.lineItems.some((line) => line.requiresShipping && !fulfilled.has(line.id));
}

export function fulfillmentOrderStatus(order: EmuOrder): "OPEN" | "ON_HOLD" | "CLOSED" {
  if (order.cancelledAt || !hasLinesToShip(order)) return "CLOSED";
  return holdsOf(order).length > 0 ? "ON_HOLD" : "OPEN";
}

/** What Shopify offers on a fulfillment order in each status (the subset the emulator models). */
export function supportedActions(order: EmuOrder): { action: string }[] {
  const actions: Record<ReturnType<typeof fulfillmentOrderStatus>, string[]> = {
    OPEN: ["CREATE_FULFILLMENT", "HOLD"],
    ON_HOLD: ["HOLD", "RELEASE_HOLD"],
    CLOSED: [],
  };
  return actions[fulfillmentOrderStatus(order)].map((action) => ({ action }));
}

const DISPLAY_REASONS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Post-purchase upsell",
  OTHER: "Other",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};

export function holdNode(hold: EmuFulfillmentHold, requestingAppKey: string) {
  return {
    id: `gid://shopify/FulfillmentHold/${hold.id}`,
    handle: hold.handle,
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    displayReason: DISPLAY_REASONS[hold.reason] ?? hold.reason,
    heldByRequestingApp: hold.appKey === requestingAppKey,
    heldByApp: { id: `gid://shopify/App/${hold.appKey}`, title: hold.appTitle, apiKey: hold.appKey },
  };
}

/** fulfillmentOrderHold on the order's fulfillment order: the new hold, or the user errors Shopify gives. */
export function placeHold(
  order: EmuOrder,
  input: HoldInput,
  app: HoldingApp,
  ids: { newId: () => number; now: () => Date },
): { hold: EmuFulfillmentHold | null; userErrors: UserError[] } {
  const refuse = (message: string, code: string | null, field: string[] | null = ["id"]) => ({
    hold: null,
    userErrors: [{ field, message, code }],
  });
  const status = fulfillmentOrderStatus(order);
  if (status === "CLOSED") return refuse("The fulfillment order's status is not valid for a hold: closed.", null);
  const handle = input.handle ?? null;
  if (handle !== null && handle.length > HANDLE_MAX) {
    return refuse(`Handle is too long (maximum is ${HANDLE_MAX} characters)`, null, ["fulfillmentHold", "handle"]);
  }
  // Splitting a fulfillment order is not modelled (one fulfillment order per order); Shopify
  // refuses it outright on one that is already held.
  if (input.fulfillmentOrderLineItems?.length) {
    return refuse("The fulfillment order is not in a splittable state.", "FULFILLMENT_ORDER_NOT_SPLITTABLE", [
      "fulfillmentHold",
      "fulfillmentOrderLineItems",
    ]);
  }
  const ours = holdsOf(order).filter((hold) => hold.appKey === app.apiKey);
  if (ours.length >= HOLDS_PER_APP) {
    return refuse(
      `The maximum number of fulfillment holds for this fulfillment order has been reached for this app. An app can only have up to ${HOLDS_PER_APP} holds on a single fulfillment order at any one time.`,
      "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
    );
  }
  if (ours.some((hold) => hold.handle === handle)) {
    return refuse(
      "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
      "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
      ["fulfillmentHold", "handle"],
    );
  }
  const hold: EmuFulfillmentHold = {
    id: ids.newId(),
    appKey: app.apiKey,
    appTitle: app.title,
    handle,
    reason: input.reason,
    reasonNotes: input.reasonNotes ?? null,
    notifyMerchant: input.notifyMerchant ?? false,
    externalId: input.externalId ?? null,
    createdAt: ids.now().toISOString(),
  };
  (order.fulfillmentHolds ??= []).push(hold);
  return { hold, userErrors: [] };
}

/**
 * fulfillmentOrderReleaseHold: the listed holds, only those on this fulfillment order, and another
 * app's listed hold refused with INVALID_ACCESS. Without a list Shopify releases every hold on the
 * fulfillment order, whoever placed it (its docs warn against exactly that): so does the emulator.
 */
export function releaseHolds(order: EmuOrder, holdIds: number[] | null, appKey: string): { userErrors: UserError[] } {
  const holds = holdsOf(order);
  const targeted = holdIds === null ? holds : holds.filter((hold) => holdIds.includes(hold.id));
  if (holdIds !== null && targeted.some((hold) => hold.appKey !== appKey)) {
    return {
      userErrors: [
        {
          field: ["holdIds"],
          message: "The app doesn't have access to release the fulfillment hold.",
          code: "INVALID_ACCESS",
        },
      ],
    };
  }
  order.fulfillmentHolds = holds.filter((hold) => !targeted.includes(hold));
  return { userErrors: [] };
}
