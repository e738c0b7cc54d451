import "server-only";
// One store's settings, or the ids of a few, as services need them: by id, by shop domain, by status.
import { eq } from "drizzle-orm";
import { toShipperProfile } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import type { Db } from "../db/client";
import { stores, type Store } from "../db/schema";

export async function findStoreById(db: Db, storeId: string): Promise<Store | undefined> {
  const [store] = await db.select().from(stores).where(eq(stores.id, storeId));
  return store;
}

export async function storeIdByDomain(db: Db, shopDomain: string): Promise<string | undefined> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.shopDomain, shopDomain));
  return store?.id;
}

/** The store's status, or undefined for a shop never connected. */
export async function storeStatusByDomain(db: Db, shopDomain: string) {
  const [store] = await db.select({ status: stores.status }).from(stores).where(eq(stores.shopDomain, shopDomain));
  return store?.status;
}

export async function connectedStoreIds(db: Db): Promise<string[]> {
  const rows = await db.select({ id: stores.id }).from(stores).where(eq(stores.status, "connected"));
  return rows.map((row) => row.id);
}

/** The shipper details as stored (null: none yet), or undefined for an unknown store. */
export async function storedShipper(db: Db, storeId: string) {
  const [store] = await db.select({ shipper: stores.shipper }).from(stores).where(eq(stores.id, storeId));
  return store;
}

/** The store's shipper details, every field present (an unknown store's are all empty). */
export async function storeShipperProfile(db: Db, storeId: string): Promise<ShipperProfile> {
  return toShipperProfile((await storedShipper(db, storeId))?.shipper);
}

/** The incoterm and reason for export the store's shipments use when they have none of their own. */
export async function storeCustomsDefaults(db: Db, storeId: string) {
  const [store] = await db
    .select({ incoterm: stores.defaultIncoterm, exportReason: stores.defaultExportReason })
    .from(stores)
    .where(eq(stores.id, storeId));
  return store;
}
