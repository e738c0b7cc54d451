import "server-only";
// The aggregates the list pages show on every load, read through the process's aggregate cache
// (src/server/db/aggregates.ts: dropped the moment a table they read changes, in any instance).
// Each names the tables its query reads — a missing one would leave a figure stale — and its key
// names every input, the day included where the figure depends on it.
import { originNow } from "@/domain/local-time";
import type { StateOf } from "@/lib/table/params";
import { cachedAggregate } from "../db/aggregates";
import type { Db } from "../db/client";
import { getOverview } from "./overview";
import { pickupCalendars } from "./pickup-calendars";
import { countQuotedShipments } from "./quotes";
import { countHiddenCancelled, countShipmentsByStage, shipmentsTable, type RowCounter } from "./shipments";
import { listStoreOptions, storeReadiness, storesNeedingReconnect } from "./stores";

/** A table page's row count (Shipment Management, drafts), keyed by the count's SQL and parameters. */
export const cachedShipmentCount: RowCounter = (query, count) =>
  cachedAggregate(["shipments", "orders"], `count ${query.sql} ${JSON.stringify(query.params)}`, count);

export function cachedHiddenCancelled(db: Db, state: StateOf<typeof shipmentsTable>) {
  // Page, size and sort do not change how many are hidden; the day does (the pickup filter).
  const key = `hiddenCancelled ${originNow().date} ${JSON.stringify([state.filters, state.q])}`;
  return cachedAggregate(["shipments", "orders"], key, () => countHiddenCancelled(db, state));
}

export function cachedOverview(db: Db) {
  const now = new Date();
  return cachedAggregate(
    ["shipments", "orders", "pickups", "stores", "sync_runs"],
    `overview ${originNow(now).date}`,
    () => getOverview(db, now),
  );
}

export function cachedPickupCalendars(db: Db) {
  const today = originNow().date;
  return cachedAggregate(["stores"], `pickupCalendars ${today}`, () => pickupCalendars(db, today));
}

export function cachedStageCounts(db: Db) {
  return cachedAggregate(["shipments"], "stageCounts", () => countShipmentsByStage(db));
}

export function cachedQuotedCount(db: Db) {
  return cachedAggregate(["quotes"], "quotedShipments", () => countQuotedShipments(db));
}

export function cachedStoreReadiness(db: Db) {
  return cachedAggregate(["stores"], "storeReadiness", () => storeReadiness(db));
}

export function cachedStoreOptions(db: Db) {
  return cachedAggregate(["stores"], "storeOptions", () => listStoreOptions(db));
}

export function cachedStoresNeedingReconnect(db: Db) {
  return cachedAggregate(["stores"], "storesNeedingReconnect", () => storesNeedingReconnect(db));
}
