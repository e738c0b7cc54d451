// The overview on top of Shipment Management, as the query builds it.
export type SyncHealth = "healthy" | "running" | "failed" | "reconnect_needed" | "never";

interface StoreHealth {
  id: string;
  name: string;
  health: SyncHealth;
  lastSyncedAt: Date | null;
  lastRunAt: Date | null;
  errorCode: string | null;
}

export interface Overview {
  today: string;
  draftsWaiting: number;
  readyToShip: number;
  pickupsToday: { pickups: number; shipments: number };
  /** Shipments cancelled in Shopify after their pickup or documents, not yet resolved. */
  cancelledInShopify: number;
  /** Shipments whose carrier reports an exception (not cancelled here). */
  trackingExceptions: number;
  stores: StoreHealth[];
  /** One entry per day (oldest first) with a count per carrier. */
  perDay: { day: string; counts: Record<string, number> }[];
}
