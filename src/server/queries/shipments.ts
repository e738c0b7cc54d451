import "server-only";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { and, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { defineTable, type StateOf } from "@/lib/table/params";
import type { Db } from "../db/client";
import { CARRIER_IDS } from "@/domain/carrier-registry";
import { SHIPMENT_FIELDS } from "@/domain/carriers";
import { DESTINATIONS } from "@/domain/destinations";
import { originNow } from "@/domain/local-time";
import { PICKUP_BUCKETS } from "@/domain/pickup-rules";
import { TRACKING_STATUSES, type ShipmentStatus } from "@/domain/statuses";
import { orders, pickups, shipmentStatus, shipments, stores } from "../db/schema";
import type { ShipmentRow } from "@/lib/rows/shipments";
import { buildKeysetQuery, buildTableQuery, countAll, tableQuery, type Cursor, type Page } from "./table-query";
import { answersFromTallies, countFromTallies, readShipmentTallies } from "./shipment-tallies";

/** What needs an operator: orders cancelled in Shopify after their pickup or documents, unresolved. */
const ATTENTION_FILTERS = ["cancelled_in_shopify"] as const;
/** A flag stays open until the shipment is cancelled here (cancel pickup, void label). */
export const openCancellationFlag = and(isNotNull(shipments.cancelledInShopifyAt), ne(shipments.status, "cancelled"))!;
const NON_DRAFT_STATUSES = shipmentStatus.enumValues.filter((status) => status !== "draft");
/** Shipment Management's default scope: what is still to ship or on its way (no draft, no cancelled). */
const ACTIVE_STATUSES: ShipmentStatus[] = ["ready", "pickup_scheduled", "shipped"];

export const shipmentsTable = defineTable({
  sortable: ["order", "customer", "destination", "carrier", "status", "value", "pickup", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: {
    status: NON_DRAFT_STATUSES,
    carrier: CARRIER_IDS,
    destination: DESTINATIONS,
    pickup: PICKUP_BUCKETS,
    attention: ATTENTION_FILTERS,
    tracking: TRACKING_STATUSES,
    store: "id",
  },
});

export const draftsTable = defineTable({
  sortable: ["order", "customer", "destination", "carrier", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { carrier: CARRIER_IDS, destination: DESTINATIONS, missing: SHIPMENT_FIELDS, store: "id" },
});

const rowColumns = {
  id: shipments.id,
  orderName: orders.name,
  storeId: shipments.storeId,
  storeName: stores.name,
  customer: orders.customerName,
  destination: shipments.destinationCountry,
  carrier: shipments.carrier,
  service: shipments.service,
  status: shipments.status,
  value: shipments.declaredValue,
  currency: shipments.currency,
  missingFields: shipments.missingFields,
  problems: sql<ShipmentProblem[]>`${shipments.problems}`,
  trackingNumber: shipments.trackingNumber,
  trackingStatus: shipments.trackingStatus,
  createdAt: shipments.createdAt,
  pickupId: shipments.pickupId,
  pickupDate: shipments.pickupDate,
  pickupReadyTime: pickups.readyTime,
  pickupCloseTime: pickups.closeTime,
  pickupConfirmation: pickups.confirmationNumber,
  documentsGeneratedAt: shipments.documentsGeneratedAt,
  fulfillmentState: shipments.fulfillmentState,
  fulfillmentError: shipments.fulfillmentError,
  shopifyFulfillment: orders.fulfillmentStatus,
  cancelledInShopifyAt: shipments.cancelledInShopifyAt,
  isTest: shipments.isTest,
  version: shipments.version,
  // The draft's hold in Shopify (services/fulfillment-holds.ts): failed, held, queued, or none.
  holdState: sql<"failed" | "held" | "pending" | null>`case
    when ${shipments.holdError} is not null then 'failed'
    when ${shipments.holdNotes} is not null then 'held'
    when ${shipments.holdDueAt} is not null then 'pending'
  end`,
  holdNotes: shipments.holdNotes,
  holdError: shipments.holdError,
};

const sortColumns = {
  order: orders.name,
  customer: orders.customerName,
  destination: shipments.destinationCountry,
  carrier: shipments.carrier,
  status: shipments.status,
  value: shipments.declaredValue,
  pickup: shipments.pickupDate,
  createdAt: shipments.createdAt,
};

/**
 * Shipments whose scheduled pickup falls in the chosen buckets (today = São Paulo's date). No
 * shipment is in two buckets (a date is today, later, earlier or none; "overdue" is earlier): a
 * count of several buckets adds one count per bucket (countMatching).
 */
function pickupCondition(buckets: string[], today = originNow().date): SQL {
  const conditions = buckets.map((bucket) => {
    if (bucket === "today") return eq(shipments.pickupDate, today);
    if (bucket === "upcoming") return gt(shipments.pickupDate, today);
    if (bucket === "overdue") return and(eq(shipments.status, "pickup_scheduled"), lt(shipments.pickupDate, today))!;
    return isNull(shipments.pickupDate);
  });
  return or(...conditions)!;
}

/** How every filter of the two shipment tables reads in SQL. */
const filterResolvers = {
  status: shipments.status,
  carrier: shipments.carrier,
  destination: shipments.destinationCountry,
  store: shipments.storeId,
  pickup: pickupCondition,
  attention: () => openCancellationFlag,
  // The carrier's status (shipments_tracking_status_idx); the overview's "Exceptions" links here.
  tracking: shipments.trackingStatus,
  // Drafts missing any of the chosen fields (array overlap).
  missing: (values: string[]) => sql`${shipments.missingFields} && ${`{${values.join(",")}}`}::text[]`,
};

// Order number, customer name and NF-e key, in the shipment's own lower-cased search column
// (pg_trgm GIN, migration 0008): a selective pattern reads the trigram index, a broad one is
// checked only on the rows the filters keep. LIKE on lower(pattern) is what ILIKE does in a UTF-8
// database, without lower-casing every row. The former `order_id = any(array(select … from orders
// …))` scanned an array of every matching order per row: 4–6 s for "a" with a carrier filter at
// 100,000 drafts (npm run bench:drafts).
const shipmentSearch = [(pattern: string) => sql`${shipments.searchText} like lower(${pattern})`];

const shipmentsMap = { sort: sortColumns, filters: filterResolvers, search: shipmentSearch, tiebreaker: shipments.id };

/** Everything that left the draft stage: Shipment Management once a status is chosen. */
// Each scope as the list of statuses it keeps, not the ones it leaves out: an IN list bounds the
// (status, …) indexes' ranges, where NOT IN / <> is only a filter on every entry (a broad search's
// count at a million shipments: ~70 ms instead of ~180 ms, npm run bench:shipments).
const shipmentsQuery = tableQuery(shipmentsTable, {
  ...shipmentsMap,
  where: [inArray(shipments.status, NON_DRAFT_STATUSES)],
});

/**
 * Shipment Management's default view: what is still to ship or on its way. A cancelled shipment
 * needs nothing more, so it is left out until the status filter asks for it (Cancelled, or any
 * statuses chosen by hand); the table then says how many it hides and links to them.
 */
const activeShipmentsQuery = tableQuery(shipmentsTable, {
  ...shipmentsMap,
  where: [inArray(shipments.status, ACTIVE_STATUSES)],
});

type ShipmentsState = StateOf<typeof shipmentsTable>;

/** Whether the view leaves cancelled shipments out (no status chosen). */
function hidesCancelled(state: ShipmentsState): boolean {
  return !state.filters.status || state.filters.status.length === 0;
}

function managementQuery(state: ShipmentsState) {
  return hidesCancelled(state)
    ? { table: activeShipmentsQuery, statuses: ACTIVE_STATUSES }
    : { table: shipmentsQuery, statuses: NON_DRAFT_STATUSES };
}

const draftsQuery = tableQuery(draftsTable, { ...shipmentsMap, where: [eq(shipments.status, "draft")] });

function selectRows(db: Db) {
  return db
    .select(rowColumns)
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .leftJoin(pickups, eq(pickups.id, shipments.pickupId));
}

/** The sorts on an order's column: the page's ids are then picked with orders joined. */
const ORDER_SORTS: ReadonlySet<string> = new Set(["order", "customer"]);

/**
 * How a page's row count is obtained: `count` runs it; a page may answer from a cache instead,
 * keyed by `query` (the count's SQL and parameters: everything the figure depends on).
 */
export type RowCounter = (query: { sql: string; params: unknown[] }, count: () => Promise<number>) => Promise<number>;

const countDirectly: RowCounter = (_query, count) => count();

async function listShipmentRows<TSort extends string, TFilter extends string>(
  db: Db,
  { table, statuses }: { table: Parameters<typeof buildTableQuery<TSort, TFilter>>[1]; statuses: ShipmentStatus[] },
  state: Parameters<typeof buildTableQuery<TSort, TFilter>>[0],
  countRows: RowCounter,
): Promise<Page<ShipmentRow>> {
  const query = buildTableQuery(state, table);
  // A deferred join: the page's ids are picked on the shipments alone (with orders only for an
  // order sort), then only those rows are joined for display. Joining below the OFFSET joined
  // every skipped row too: page 2,000 read 40,000 orders, stores and pickups to show 20.
  const ids = ORDER_SORTS.has(state.sort.id)
    ? db.select({ id: shipments.id }).from(shipments).innerJoin(orders, eq(orders.id, shipments.orderId))
    : db.select({ id: shipments.id }).from(shipments);
  const pageIds = ids
    .where(query.where)
    .orderBy(...query.orderBy)
    .limit(query.limit)
    .offset(query.offset);
  // Filters and search read only shipment columns, so counting needs no join (at a million
  // shipments ~40 ms instead of ~1.4 s); without a search or a filter off the tallies' key, the
  // tallies answer (a few hundred rows instead of up to a million).
  const countQuery = db.select({ total: countAll }).from(shipments).where(query.where);
  const count = () => countView(db, { table, statuses }, state);
  const [rows, total] = await Promise.all([
    selectRows(db)
      .where(inArray(shipments.id, pageIds))
      .orderBy(...query.orderBy),
    countRows(countQuery.toSQL(), count),
  ]);
  return { rows, rowCount: total };
}

/** Shipment Management: everything that left the draft stage, cancelled ones only when asked for. */
export function listShipments(db: Db, state: ShipmentsState, countRows = countDirectly) {
  return listShipmentRows(db, managementQuery(state), state, countRows);
}

/**
 * How many cancelled shipments the default view leaves out, with its search and other filters
 * applied (0 when a status is chosen: nothing is hidden then). On the status index, so cheap.
 */
export async function countHiddenCancelled(db: Db, state: ShipmentsState): Promise<number> {
  if (!hidesCancelled(state)) return 0;
  const cancelled = { ...state, filters: { ...state.filters, status: ["cancelled" as const] } };
  return countView(db, { table: shipmentsQuery, statuses: ["cancelled"] }, cancelled);
}

/** How many shipments a view holds: from the tallies when they can answer it, else on the table. */
async function countView<TSort extends string, TFilter extends string>(
  db: Db,
  { table, statuses }: { table: Parameters<typeof buildTableQuery<TSort, TFilter>>[1]; statuses: ShipmentStatus[] },
  state: Parameters<typeof buildTableQuery<TSort, TFilter>>[0],
): Promise<number> {
  if (answersFromTallies(state.filters, state.q)) {
    return countFromTallies(await readShipmentTallies(db), statuses, state.filters);
  }
  return countMatching(db, table, state);
}

/**
 * How many shipments a view holds, counted on the table. The pickup buckets exclude one another
 * (pickupCondition), so a view of several is the sum of one count per bucket: each reads its
 * (status, pickup_date) range from the index alone, where their OR read every matching shipment
 * from the table (~300 ms for today + overdue at a million, npm run bench:shipments).
 */
async function countMatching<TSort extends string, TFilter extends string>(
  db: Db,
  table: Parameters<typeof buildTableQuery<TSort, TFilter>>[1],
  state: Parameters<typeof buildTableQuery<TSort, TFilter>>[0],
): Promise<number> {
  const buckets = (state.filters as { pickup?: string[] }).pickup ?? [];
  const views =
    buckets.length > 1
      ? buckets.map((bucket) => ({ ...state, filters: { ...state.filters, pickup: [bucket] } }))
      : [state];
  const totals = await Promise.all(
    views.map(async (view) => {
      const [{ total }] = await db
        .select({ total: countAll })
        .from(shipments)
        .where(buildTableQuery(view, table).where);
      return total;
    }),
  );
  return totals.reduce((sum, total) => sum + total, 0);
}

/** The Incomplete (Drafts) tab. */
export function listDrafts(db: Db, state: StateOf<typeof draftsTable>, countRows = countDirectly) {
  return listShipmentRows(db, { table: draftsQuery, statuses: ["draft"] }, state, countRows);
}

export async function countShipmentsByStage(db: Db): Promise<{ drafts: number; shipments: number }> {
  const tallies = await readShipmentTallies(db);
  return {
    drafts: countFromTallies(tallies, ["draft"], {}),
    shipments: countFromTallies(tallies, NON_DRAFT_STATUSES, {}),
  };
}

export const CSV_COLUMNS = [
  "order",
  "store",
  "customer",
  "destination",
  "carrier",
  "service",
  "status",
  "declared_value",
  "currency",
  "tracking_number",
  "pickup_date",
  "pickup_confirmation",
  "created_at",
] as const;

/**
 * The rows of the filtered Shipment Management view, all of them, in keyset batches: what the CSV
 * export streams. The same query as the page — every filter, the search and the order — so the
 * export is always the view.
 */
export async function* shipmentsForExport(db: Db, state: ShipmentsState, batchSize = 1000) {
  let cursor: Cursor | undefined;
  for (;;) {
    const query = buildKeysetQuery(state, managementQuery(state).table, cursor);
    const rows = await db
      .select({ ...rowColumns, cursorValue: query.sortValue })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .innerJoin(stores, eq(stores.id, shipments.storeId))
      .leftJoin(pickups, eq(pickups.id, shipments.pickupId))
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(batchSize);
    for (const row of rows) {
      yield [
        row.orderName,
        row.storeName,
        row.customer,
        row.destination,
        row.carrier,
        row.service,
        row.status,
        row.value,
        row.currency,
        row.trackingNumber,
        row.pickupDate,
        row.pickupConfirmation,
        row.createdAt,
      ];
    }
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { sortValue: last.cursorValue, id: last.id };
  }
}
