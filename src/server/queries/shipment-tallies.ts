import "server-only";
// Counts of shipments read from their running tallies (schema.ts, shipmentTallies; kept by the
// triggers of migration 0010 in the same transaction as every change), instead of counting rows:
// at a million shipments a count of the default view read ~950,000 index entries (~200 ms), the
// tallies are a few hundred rows. A count the tallies cannot answer (a search, a pickup or tracking
// filter) is left to the table's own query.
import { sql } from "drizzle-orm";
import type { ShipmentStatus } from "@/domain/statuses";
import { queryRows, type Db } from "../db/client";
import { shipmentDayTallies, shipmentTallies } from "../db/schema";

export interface ShipmentTally {
  storeId: string;
  status: ShipmentStatus;
  carrier: string | null;
  destinationCountry: string | null;
  shipments: number;
}

/** The filters a tally can answer: each one a column of its key. */
const TALLY_FILTERS = {
  status: "status",
  carrier: "carrier",
  destination: "destinationCountry",
  store: "storeId",
} as const satisfies Record<string, keyof ShipmentTally>;

/** When the rows outnumber the keys by this much, a reader folds them (compactShipmentTallies). */
const COMPACT_AFTER_EXTRA_ROWS = 2_000;

/**
 * Every key's count. Each writing statement adds rows, so a reader sums them; when they pile up,
 * it starts a compaction and does not wait for it (the sums are the same before and after).
 */
export async function readShipmentTallies(db: Db): Promise<ShipmentTally[]> {
  const t = shipmentTallies;
  const rows = await queryRows<ShipmentTally & { pieces: number }>(
    db,
    sql`select ${t.storeId} as "storeId", ${t.status} as status, ${t.carrier} as carrier,
          ${t.destinationCountry} as "destinationCountry", sum(${t.shipments})::float8 as shipments,
          count(*)::int as pieces
        from ${t} group by 1, 2, 3, 4`,
  );
  const pieces = rows.reduce((total, row) => total + row.pieces, 0);
  if (pieces - rows.length > COMPACT_AFTER_EXTRA_ROWS) {
    compactShipmentTallies(db).catch((error: unknown) =>
      console.error(`[tallies] compaction failed: ${(error as Error)?.message ?? error}`),
    );
  }
  return rows
    .filter((row) => row.shipments !== 0)
    .map(({ storeId, status, carrier, destinationCountry, shipments }) => ({
      storeId,
      status,
      carrier,
      destinationCountry,
      shipments: Number(shipments),
    }));
}

/**
 * Folds each key's rows into one (dropping keys at zero), in one statement per table: a writer's
 * rows not yet committed are not seen, so not deleted, and count on top once they are. An advisory
 * lock keeps two readers from doing the same work at once (the second would find nothing to fold).
 */
export async function compactShipmentTallies(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtext('shipment_tallies')) as locked`,
    );
    if (!locked) return;
    const t = shipmentTallies;
    await tx.execute(sql`
      with moved as (delete from ${t} returning *)
      insert into ${t} (store_id, status, carrier, destination_country, shipments)
      select store_id, status, carrier, destination_country, sum(shipments) from moved
      group by 1, 2, 3, 4 having sum(shipments) <> 0`);
    const d = shipmentDayTallies;
    await tx.execute(sql`
      with moved as (delete from ${d} returning *)
      insert into ${d} (day, status, carrier, shipments)
      select day, status, carrier, sum(shipments) from moved
      group by 1, 2, 3 having sum(shipments) <> 0`);
  });
}

type TallyFilters = Partial<Record<string, string[]>>;

/** Whether a view's count can be read from the tallies: no search, and only filters on their key. */
export function answersFromTallies(filters: TallyFilters, q: string | undefined): boolean {
  if (q) return false;
  return Object.entries(filters).every(([name, values]) => !values?.length || name in TALLY_FILTERS);
}

/**
 * How many shipments in `statuses` the filters keep — the same as the table's query (each filter
 * an IN list on its column, so a shipment without a carrier is kept by no carrier filter).
 */
export function countFromTallies(
  tallies: readonly ShipmentTally[],
  statuses: readonly ShipmentStatus[],
  filters: TallyFilters,
): number {
  const chosen = Object.entries(TALLY_FILTERS).flatMap(([name, column]) => {
    const values = filters[name];
    return values?.length ? [{ column, values: new Set(values) }] : [];
  });
  let total = 0;
  for (const tally of tallies) {
    if (!statuses.includes(tally.status)) continue;
    if (chosen.every(({ column, values }) => tally[column] !== null && values.has(tally[column]))) {
      total += tally.shipments;
    }
  }
  return total;
}

/** Shipments in `statuses` per São Paulo day of their order's creation (from `firstDay`) and carrier. */
export function dayTallies(db: Db, statuses: readonly ShipmentStatus[], firstDay: string) {
  const d = shipmentDayTallies;
  return queryRows<{ day: string; carrier: string | null; count: number }>(
    db,
    sql`select to_char(${d.day}, 'YYYY-MM-DD') as day, ${d.carrier} as carrier, sum(${d.shipments})::int as count
        from ${d}
        where ${d.day} >= ${firstDay}::date
          and ${d.status} in (${sql.join(
            statuses.map((status) => sql`${status}`),
            sql`, `,
          )})
        group by 1, 2 having sum(${d.shipments}) <> 0`,
  );
}
