// The life cycles the database enums hold (src/server/db/schema.ts feeds its pgEnums from these), as
// plain constants so that client components can type their badges and filters by them cheaply.

export const SHIPMENT_STATUSES = ["draft", "ready", "pickup_scheduled", "shipped", "cancelled"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const PICKUP_STATUSES = ["scheduled", "cancelled"] as const;

/** Whether the tracking number reached Shopify as a fulfillment. */
export const FULFILLMENT_STATES = ["pending", "created", "failed"] as const;

export const STORE_STATUSES = ["connected", "reconnect_needed", "uninstalled"] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

/** Where a parcel is, as the carrier's tracking reports it (each carrier's codes map onto these). */
export const TRACKING_STATUSES = ["label_created", "in_transit", "out_for_delivery", "delivered", "exception"] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/** A label purchase's intent row: in flight or unreconciled, bought, refused by the carrier, voided. */
export const LABEL_PURCHASE_STATUSES = ["pending", "purchased", "failed", "voided"] as const;

/** How a label is bought and downloaded: PDF (4×6 page) or ZPL (thermal printers). */
export const LABEL_FORMATS = ["pdf", "zpl"] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];
