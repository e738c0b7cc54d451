// One row of Shipment Management and the drafts tab, as the query reads it and the table shows it.
import type { ShipmentProblem } from "@/domain/shipment-problem";

/** The shipment_status enum of the schema (the query's return type keeps the two in step). */
export type ShipmentStatus = "draft" | "ready" | "pickup_scheduled" | "shipped" | "cancelled";

export interface ShipmentRow {
  id: string;
  orderName: string;
  storeId: string;
  storeName: string;
  customer: string | null;
  destination: string | null;
  carrier: string | null;
  service: string | null;
  status: ShipmentStatus;
  value: string | null;
  currency: string | null;
  missingFields: string[];
  /** Why it is a draft (ShipmentProblem[]): shown under the missing fields. */
  problems: ShipmentProblem[];
  trackingNumber: string | null;
  /** Where the parcel is as its carrier reports it (null until the first poll; Correios never). */
  trackingStatus: "label_created" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | null;
  createdAt: Date;
  pickupId: string | null;
  pickupDate: string | null;
  pickupReadyTime: string | null;
  pickupCloseTime: string | null;
  pickupConfirmation: string | null;
  documentsGeneratedAt: Date | null;
  fulfillmentState: "pending" | "created" | "failed" | null;
  fulfillmentError: string | null;
  /** Shopify's own fulfillment status of the order ("FULFILLED": shipped outside the dashboard). */
  shopifyFulfillment: string | null;
  /** When Shopify cancelled the order after its pickup or documents (null: not flagged). */
  cancelledInShopifyAt: Date | null;
  /** A Shopify test order imported under the store's "import" setting: never sent to a carrier. */
  isTest: boolean;
  /** The optimistic-locking version the row was read at (a bulk edit refuses a draft changed since). */
  version: number;
  /**
   * The draft's fulfillment hold in Shopify: failed (with holdError and a Retry), held (holdNotes
   * as Shopify shows them), pending (queued), or null (none of ours, none wanted).
   */
  holdState: "failed" | "held" | "pending" | null;
  holdNotes: string | null;
  holdError: string | null;
}

/** What a row shows as its state: its status, or that Shopify fulfilled the order already. */
export type ShipmentDisplayState = ShipmentStatus | "fulfilled_in_shopify";

/**
 * A ready shipment whose order Shopify reports fulfilled while no documents were issued here was
 * shipped outside the dashboard: nothing is left to do for it, so it is shown as its own state
 * rather than as Ready with no actions. A booked pickup keeps its state (it can still be moved or
 * cancelled); once documents exist the fulfillment is the dashboard's own.
 */
export function shipmentDisplayState(
  row: Pick<ShipmentRow, "status" | "shopifyFulfillment" | "documentsGeneratedAt">,
): ShipmentDisplayState {
  if (row.status === "ready" && row.shopifyFulfillment === "FULFILLED" && !row.documentsGeneratedAt) {
    return "fulfilled_in_shopify";
  }
  return row.status;
}
