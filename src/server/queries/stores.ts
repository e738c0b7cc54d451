import "server-only";
import { eq } from "drizzle-orm";
import { defineTable, type StateOf } from "@/lib/table/params";
import { toShipperProfile, type ShipperProfile } from "@/domain/shipper";
import type { Db } from "../db/client";
import { storeStatus, stores } from "../db/schema";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";

export const storesTable = defineTable({
  sortable: ["name", "shopDomain", "status", "lastSyncedAt", "createdAt"],
  defaultSort: { id: "name", desc: false },
  filters: { status: storeStatus.enumValues },
});

export interface StoreRow {
  id: string;
  name: string;
  shopDomain: string;
  status: (typeof storeStatus.enumValues)[number];
  plan: string | null;
  scopes: string | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  shipper: ShipperProfile;
  defaultIncoterm: string | null;
  defaultExportReason: string | null;
  testOrders: string;
}

const storesQuery = tableQuery(storesTable, {
  sort: {
    name: stores.name,
    shopDomain: stores.shopDomain,
    status: stores.status,
    lastSyncedAt: stores.lastSyncedAt,
    createdAt: stores.createdAt,
  },
  filters: { status: stores.status },
  search: [stores.name, stores.shopDomain],
  tiebreaker: stores.id,
});

export async function listStores(db: Db, state: StateOf<typeof storesTable>): Promise<Page<StoreRow>> {
  const query = buildTableQuery(state, storesQuery);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: stores.id,
        name: stores.name,
        shopDomain: stores.shopDomain,
        status: stores.status,
        plan: stores.plan,
        scopes: stores.scopes,
        lastSyncedAt: stores.lastSyncedAt,
        createdAt: stores.createdAt,
        shipper: stores.shipper,
        defaultIncoterm: stores.defaultIncoterm,
        defaultExportReason: stores.defaultExportReason,
        testOrders: stores.testOrders,
      })
      .from(stores)
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(stores).where(query.where),
  ]);
  return { rows: rows.map((row) => ({ ...row, shipper: toShipperProfile(row.shipper) })), rowCount: total };
}

export async function findStoreByDomain(db: Db, shopDomain: string) {
  const [store] = await db.select().from(stores).where(eq(stores.shopDomain, shopDomain)).limit(1);
  return store;
}

/** Stores whose Shopify session failed beyond repair: every page shows them in a banner. */
export async function storesNeedingReconnect(db: Db): Promise<{ name: string; shopDomain: string }[]> {
  return db
    .select({ name: stores.name, shopDomain: stores.shopDomain })
    .from(stores)
    .where(eq(stores.status, "reconnect_needed"))
    .orderBy(stores.name);
}

/** The stores a table's store filter offers (the filter itself accepts any store id). */
export async function listStoreOptions(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: stores.id, name: stores.name }).from(stores).orderBy(stores.name);
}
