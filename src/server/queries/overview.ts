import "server-only";
// The overview on top of Shipment Management: what waits, what leaves today, whether each store's
// sync is healthy, and shipments per day by carrier. A handful of aggregate queries on indexed
// columns, run together.
import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { addDays } from "@/domain/holidays";
import { originNow, ORIGIN_TIME_ZONE } from "@/domain/local-time";
import type { Db } from "../db/client";
import { orders, pickups, shipments, stores, syncRuns } from "../db/schema";
import type { Overview, SyncHealth } from "@/lib/rows/overview";
import { openCancellationFlag } from "./shipments";
import { storeReadiness } from "./stores";

const CHART_DAYS = 14;

function storeHealth(status: string, run: { status: string; errorCode: string | null } | undefined): SyncHealth {
  if (status === "reconnect_needed") return "reconnect_needed";
  if (!run) return "never";
  if (run.status === "queued" || run.status === "running") return "running";
  if (run.status === "failed") return run.errorCode === "reconnect_needed" ? "reconnect_needed" : "failed";
  return "healthy";
}

export async function getOverview(db: Db, now = new Date()): Promise<Overview> {
  const today = originNow(now).date;
  const firstDay = addDays(today, -(CHART_DAYS - 1));
  // The zone is inlined (a constant), so that GROUP BY sees the same expression as the SELECT.
  const zone = sql.raw(`'${ORIGIN_TIME_ZONE}'`);
  const orderDay = sql<string>`to_char(${orders.shopifyCreatedAt} at time zone ${zone}, 'YYYY-MM-DD')`;
  const [stageCounts, todayPickups, storeRows, lastRuns, perDayRows, flagged, exceptions, readiness] =
    await Promise.all([
      db
        .select({
          drafts: sql<number>`count(*) filter (where ${shipments.status} = 'draft')::int`,
          ready: sql<number>`count(*) filter (where ${shipments.status} = 'ready')::int`,
        })
        .from(shipments)
        .where(inArray(shipments.status, ["draft", "ready"])),
      db
        .select({
          pickups: sql<number>`count(distinct ${pickups.id})::int`,
          shipments: sql<number>`count(${shipments.id})::int`,
        })
        .from(pickups)
        .leftJoin(shipments, eq(shipments.pickupId, pickups.id))
        .where(and(eq(pickups.pickupDate, today), eq(pickups.status, "scheduled"))),
      db
        .select({ id: stores.id, name: stores.name, status: stores.status, lastSyncedAt: stores.lastSyncedAt })
        .from(stores)
        .where(ne(stores.status, "uninstalled"))
        .orderBy(stores.name),
      db
        .selectDistinctOn([syncRuns.storeId], {
          storeId: syncRuns.storeId,
          status: syncRuns.status,
          errorCode: syncRuns.errorCode,
          createdAt: syncRuns.createdAt,
        })
        .from(syncRuns)
        .orderBy(syncRuns.storeId, desc(syncRuns.createdAt)),
      db
        .select({ day: orderDay, carrier: shipments.carrier, count: sql<number>`count(*)::int` })
        .from(shipments)
        .innerJoin(orders, eq(orders.id, shipments.orderId))
        .where(
          and(
            inArray(shipments.status, ["ready", "pickup_scheduled", "shipped"]),
            gte(orders.shopifyCreatedAt, sql`(${firstDay}::date)::timestamp at time zone ${zone}`),
          ),
        )
        .groupBy(orderDay, shipments.carrier),
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
    draftsWaiting: stageCounts[0]?.drafts ?? 0,
    readyToShip: stageCounts[0]?.ready ?? 0,
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
