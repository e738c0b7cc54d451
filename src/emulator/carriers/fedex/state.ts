// What the FedEx emulator holds, in memory and bounded: tokens, shipments, pickups and ETD documents.
import type { TrackedParcel } from "./tracking";

export const MAX_SHIPMENTS = 100_000;
export const MAX_TOKENS = 10_000;
export const MAX_PICKUPS = 100_000;
export const MAX_DOCUMENTS = 100_000;

export interface Shipment extends TrackedParcel {
  trackingNumber: string;
  pieces: string[];
  accountNumber: string;
  reference: string | null;
  serviceType: string;
  shipDate: string;
  labelFormat: "PDF" | "ZPLII";
  documentIds: string[];
  charges: { amount: number; currency: string };
}

interface Pickup {
  confirmationCode: string;
  location: string;
  accountNumber: string;
  date: string;
  readyTime: string;
  closeTime: string;
  packageCount: number | null;
  remarks: string | null;
  cancelled: boolean;
}

interface StoredDocument {
  docId: string;
  name: string;
  contentType: string;
  size: number;
  origin: string;
  destination: string;
  clientId: string;
}

export interface FedexState {
  tokens: Map<string, { clientId: string; accountNumber: string; expiresAt: number }>;
  shipments: Map<string, Shipment>;
  pickups: Map<string, Pickup>;
  documents: Map<string, StoredDocument>;
}

/** Keeps a map under `max` entries by dropping the oldest (insertion order). */
export function bounded<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}
