// The overview on top of Shipment Management, as the query builds it.
import type { ShipperField } from "@/domain/shipper-fields";

export type SyncHealth = "healthy" | "running" | "failed" | "reconnect_needed" | "never";

interface StoreHealth {
  id: string;
  name: string;
  health: SyncHealth;
  lastSyncedAt: Date | null;
  lastRunAt: Date | null;
  errorCode: string | null;
}

/** A store whose shipper details lack what documents or pickups need (shipperReadiness). */
export interface StoreShipperGap {
  storeId: string;
  storeName: string;
  missing: ShipperField[];
  documents: boolean;
  pickups: boolean;
}

/** What the shipment pages know of the stores before anyone acts: how many are connected, which lack shipper details. */
export interface StoreReadinessFacts {
  connectedStores: number;
  /** By store name. */
  shipperGaps: StoreShipperGap[];
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
  readiness: StoreReadinessFacts;
  /** One entry per day (oldest first) with a count per carrier. */
  perDay: { day: string; counts: Record<string, number> }[];
}
