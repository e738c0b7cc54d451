// The life cycles the database enums hold (src/server/db/schema.ts feeds its pgEnums from these), as
// plain constants so that client components can type their badges and filters by them cheaply.

export const SHIPMENT_STATUSES = ["draft", "ready", "pickup_scheduled", "shipped", "cancelled"] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const PICKUP_STATUSES = ["scheduled", "cancelled"] as const;

/** Whether the tracking number reached Shopify as a fulfillment. */
export const FULFILLMENT_STATES = ["pending", "created", "failed"] as const;

export const STORE_STATUSES = ["connected", "reconnect_needed", "uninstalled"] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];
