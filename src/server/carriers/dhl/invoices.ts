// Our invoice PDFs between uploadInvoice and createShipment: MyDHL takes them inline in the
// shipment request (documentImages[]), so "uploading" keeps them here, per account, bounded in
// number and age. Module level so that a client rebuilt for the same account still finds them; a
// restart loses them and createShipment then refuses the id (the service uploads again).
const MAX_KEPT = 500;
const MAX_AGE_MS = 24 * 60 * 60_000;
const kept = new Map<string, { pdf: Uint8Array; at: number }>();

export function keepInvoice(accountId: string, id: string, pdf: Uint8Array): void {
  const key = `${accountId}|${id}`;
  kept.delete(key);
  kept.set(key, { pdf, at: Date.now() });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

export function takeInvoice(accountId: string, id: string): Uint8Array | null {
  const entry = kept.get(`${accountId}|${id}`);
  if (!entry || Date.now() - entry.at > MAX_AGE_MS) return null;
  return entry.pdf;
}

/** Dropped once the shipment carrying it is bought. */
export function forgetInvoice(accountId: string, id: string): void {
  kept.delete(`${accountId}|${id}`);
}
