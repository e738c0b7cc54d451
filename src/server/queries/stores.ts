import "server-only";
import { eq, ne } from "drizzle-orm";
import { defineTable, type StateOf } from "@/lib/table/params";
import type { StoreReadinessFacts } from "@/lib/rows/overview";
import { shipperReadiness, toShipperProfile, type ShipperReadiness } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import type { Db } from "../db/client";
import { storeStatus, stores } from "../db/schema";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";
import { missingScopes } from "../shopify/scopes";

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
  /** What documents and pickups would refuse on, flagged beside the status. */
  readiness: ShipperReadiness;
  defaultIncoterm: string | null;
  defaultExportReason: string | null;
  testOrders: string;
  /** Drafts put on hold in Shopify while incomplete (the store setting). */
  fulfillmentHolds: boolean;
  /** Scopes the dashboard asks for that the store has not granted: a reconnect grants them. */
  missingScopes: string[];
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

const storeRowColumns = {
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
  fulfillmentHolds: stores.fulfillmentHolds,
};

function toStoreRow<T extends { shipper: unknown; scopes: string | null }>(
  row: T,
): Omit<T, "shipper"> & Pick<StoreRow, "shipper" | "readiness" | "missingScopes"> {
  const shipper = toShipperProfile(row.shipper);
  return { ...row, shipper, readiness: shipperReadiness(shipper), missingScopes: missingScopes(row.scopes) };
}

export async function listStores(db: Db, state: StateOf<typeof storesTable>): Promise<Page<StoreRow>> {
  const query = buildTableQuery(state, storesQuery);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(storeRowColumns)
      .from(stores)
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(stores).where(query.where),
  ]);
  return { rows: rows.map(toStoreRow), rowCount: total };
}

/** One store as the Stores table shows it (a link may name a store the current page does not hold). */
export async function storeRowById(db: Db, storeId: string): Promise<StoreRow | undefined> {
  const [row] = await db.select(storeRowColumns).from(stores).where(eq(stores.id, storeId));
  return row ? toStoreRow(row) : undefined;
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

/**
 * How many stores are connected, and which (not uninstalled: those ship nothing) have shipper
 * details that would make "Generate documents" or "Schedule pickup" refuse, with what is missing:
 * shown on their shipment rows and on the overview before anyone tries. Judged by
 * shipperReadiness on the stored profile (a jsonb of a handful of stores: read whole).
 */
export async function storeReadiness(db: Db): Promise<StoreReadinessFacts> {
  const rows = await db
    .select({ id: stores.id, name: stores.name, status: stores.status, shipper: stores.shipper })
    .from(stores)
    .where(ne(stores.status, "uninstalled"))
    .orderBy(stores.name, stores.id);
  return {
    connectedStores: rows.filter((row) => row.status === "connected").length,
    shipperGaps: rows.flatMap((row) => {
      const readiness = shipperReadiness(toShipperProfile(row.shipper));
      return readiness.missing.length > 0 ? [{ storeId: row.id, storeName: row.name, ...readiness }] : [];
    }),
  };
}
