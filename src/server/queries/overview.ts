import "server-only";
// The overview on top of Shipment Management: what waits, what leaves today, whether each store's
// sync is healthy, and shipments per day by carrier. A handful of aggregate queries on indexed
// columns and on the shipment tallies (shipment-tallies.ts), run together.
import { and, eq, ne, sql } from "drizzle-orm";
import { addDays } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { queryRows, type Db } from "../db/client";
import { pickups, shipments, stores, syncRuns } from "../db/schema";
import type { Overview, SyncHealth } from "@/lib/rows/overview";
import { openCancellationFlag } from "./shipments";
import { countFromTallies, dayTallies, readShipmentTallies } from "./shipment-tallies";
import { storeReadiness } from "./stores";

const CHART_DAYS = 14;

function storeHealth(status: string, run: { status: string; errorCode: string | null } | undefined): SyncHealth {
  if (status === "reconnect_needed") return "reconnect_needed";
  if (!run) return "never";
  if (run.status === "queued" || run.status === "running") return "running";
  if (run.status === "failed") return run.errorCode === "reconnect_needed" ? "reconnect_needed" : "failed";
  return "healthy";
}

/**
 * Each store's newest run, one index probe per store (sync_runs_store_created_idx): DISTINCT ON
 * sorted every run (~30 ms at 19,000 runs).
 */
async function latestRunPerStore(db: Db) {
  const rows = await queryRows<{ storeId: string; status: string; errorCode: string | null; createdAtMs: number }>(
    db,
    // The instant as epoch milliseconds: raw rows carry timestamps as the driver's text otherwise.
    sql`select ${stores.id} as "storeId", run.status, run.error_code as "errorCode",
          (extract(epoch from run.created_at) * 1000)::float8 as "createdAtMs"
        from ${stores}
        cross join lateral (
          select ${syncRuns.status} as status, ${syncRuns.errorCode} as error_code, ${syncRuns.createdAt} as created_at
          from ${syncRuns} where ${syncRuns.storeId} = ${stores.id}
          order by ${syncRuns.createdAt} desc limit 1
        ) as run`,
  );
  return rows.map(({ createdAtMs, ...run }) => ({ ...run, createdAt: new Date(createdAtMs) }));
}

export async function getOverview(db: Db, now = new Date()): Promise<Overview> {
  const today = originNow(now).date;
  const firstDay = addDays(today, -(CHART_DAYS - 1));
  const [tallies, todayPickups, storeRows, lastRuns, perDayRows, flagged, exceptions, readiness] = await Promise.all([
    readShipmentTallies(db),
    db
      .select({
        pickups: sql<number>`count(distinct ${pickups.id})::int`,
        // The joined rows' pickup_id, not their id: counted from the pickup index alone, where
        // an id made it fetch every one of the day's shipments (~80 ms for 16,000 at 1M).
        shipments: sql<number>`count(${shipments.pickupId})::int`,
      })
      .from(pickups)
      .leftJoin(shipments, eq(shipments.pickupId, pickups.id))
      .where(and(eq(pickups.pickupDate, today), eq(pickups.status, "scheduled"))),
    db
      .select({ id: stores.id, name: stores.name, status: stores.status, lastSyncedAt: stores.lastSyncedAt })
      .from(stores)
      .where(ne(stores.status, "uninstalled"))
      .orderBy(stores.name),
    latestRunPerStore(db),
    // By the São Paulo day of the order's creation, from the day tallies (the triggers of
    // migration 0010 keep them with every change).
    dayTallies(db, ["ready", "pickup_scheduled", "shipped"], firstDay),
    // The same condition as the table's attention filter, on its partial index.
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(shipments)
      .where(openCancellationFlag),
    // The table's tracking filter "exception" (on shipments_tracking_status_idx), less the cancelled.
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(shipments)
      .where(and(eq(shipments.trackingStatus, "exception"), ne(shipments.status, "cancelled"))),
    storeReadiness(db),
  ]);
  const runs = new Map(lastRuns.map((run) => [run.storeId, run]));
  const perDay = Array.from({ length: CHART_DAYS }, (_, index) => ({
    day: addDays(firstDay, index),
    counts: {} as Record<string, number>,
  }));
  const byDay = new Map(perDay.map((entry) => [entry.day, entry.counts]));
  for (const row of perDayRows) {
    const counts = byDay.get(row.day);
    if (counts) counts[row.carrier ?? "none"] = (counts[row.carrier ?? "none"] ?? 0) + row.count;
  }
  return {
    today,
    draftsWaiting: countFromTallies(tallies, ["draft"], {}),
    readyToShip: countFromTallies(tallies, ["ready"], {}),
    pickupsToday: todayPickups[0] ?? { pickups: 0, shipments: 0 },
    cancelledInShopify: flagged[0]?.count ?? 0,
    trackingExceptions: exceptions[0]?.count ?? 0,
    stores: storeRows.map((store) => {
      const run = runs.get(store.id);
      return {
        id: store.id,
        name: store.name,
        health: storeHealth(store.status, run),
        lastSyncedAt: store.lastSyncedAt,
        lastRunAt: run?.createdAt ?? null,
        errorCode: run?.errorCode ?? null,
      };
    }),
    readiness,
    perDay,
  };
}
