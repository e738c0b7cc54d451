// What a store needs before its orders can be ready to ship: the customs terms an admin chose
// (Stores › Customs defaults) and the PTAX rates the US$ 1,000 rule converts with (seedRates).
import { and, eq, sql } from "drizzle-orm";
import { toShipperProfile } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import type { Db } from "@/server/db/client";
import { shipments, stores, type Store } from "@/server/db/schema";
import { updateShipperProfile } from "@/server/services/store-connection";
import { seedRates } from "./ptax";

export { seedRates };

export async function setCustomsDefaults(
  db: Db,
  storeId: string,
  defaults: { incoterm: string | null; exportReason: string | null } = { incoterm: "DAP", exportReason: "sale" },
) {
  await db
    .update(stores)
    .set({ defaultIncoterm: defaults.incoterm, defaultExportReason: defaults.exportReason })
    .where(eq(stores.id, storeId));
}

/** Both: the store's customs defaults and the emulator's PTAX rates of the days before today. */
export async function prepareForExport(db: Db, storeId: string) {
  await setCustomsDefaults(db, storeId);
  await seedRates(db);
}

/**
 * What an admin does under Stores › Shipper details once the orders are in: Shopify has no CNPJ to
 * offer, so the one of the NF-e keys' issuer completes the shipper profile, with the carriers' pickup
 * contact (a person and a phone) and whatever else the admin types in (`typed`).
 */
export async function completeShipperFromNfeKey(
  db: Db,
  store: Store,
  actorId: string,
  typed: Partial<ShipperProfile> = {},
) {
  const [keyed] = await db
    .select({ nfeKey: shipments.nfeKey })
    .from(shipments)
    .where(and(eq(shipments.storeId, store.id), sql`${shipments.nfeKey} is not null`))
    .limit(1);
  const current = toShipperProfile(store.shipper);
  const profile = {
    ...current,
    taxId: keyed.nfeKey!.slice(6, 20),
    signatoryName: current.signatoryName ?? "Ana Souza",
    phone: current.phone ?? "+551133334444",
    ...typed,
  };
  await updateShipperProfile(db, store.id, profile, actorId);
}
