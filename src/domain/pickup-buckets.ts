// Kept apart from pickup-rules.ts, which needs the holiday rules: the shipments table (a client
// component) filters by these without bundling date-holidays' data.

/** How Shipment Management filters by pickup date, relative to today in São Paulo. */
export const PICKUP_BUCKETS = ["today", "upcoming", "overdue", "none"] as const;
