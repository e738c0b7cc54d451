import "server-only";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { and, eq, gt, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { defineTable, type TableState } from "@/components/data-table/params";
import type { Db } from "../db/client";
import { SHIPMENT_FIELDS } from "@/domain/carriers";
import { DESTINATIONS } from "@/domain/destinations";
import { originNow } from "@/domain/local-time";
import { PICKUP_BUCKETS } from "@/domain/pickup-rules";
import { fulfillmentState, orders, pickups, shipmentStatus, shipments, stores } from "../db/schema";
import { buildTableQuery, countAll, type Page } from "./table-query";

export const CARRIERS = ["fedex", "ups", "dhl", "correios"] as const;
/** What needs an operator: orders cancelled in Shopify after their pickup or documents, unresolved. */
export const ATTENTION_FILTERS = ["cancelled_in_shopify"] as const;
/** A flag stays open until the shipment is cancelled here (cancel pickup, void label). */
export const openCancellationFlag = and(isNotNull(shipments.cancelledInShopifyAt), ne(shipments.status, "cancelled"))!;
const NON_DRAFT_STATUSES = shipmentStatus.enumValues.filter((status) => status !== "draft");

export const shipmentsTable = defineTable({
  sortable: ["order", "customer", "destination", "carrier", "status", "value", "pickup", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: {
    status: NON_DRAFT_STATUSES,
    carrier: CARRIERS,
    destination: DESTINATIONS,
    pickup: PICKUP_BUCKETS,
    attention: ATTENTION_FILTERS,
    store: [] as string[],
  },
});

export const draftsTable = defineTable({
  sortable: ["order", "customer", "destination", "carrier", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { carrier: CARRIERS, destination: DESTINATIONS, missing: SHIPMENT_FIELDS, store: [] as string[] },
});

export interface ShipmentRow {
  id: string;
  orderName: string;
  storeId: string;
  storeName: string;
  customer: string | null;
  destination: string | null;
  carrier: string | null;
  service: string | null;
  status: (typeof shipmentStatus.enumValues)[number];
  value: string | null;
  currency: string | null;
  missingFields: string[];
  /** Why it is a draft (ShipmentProblem[]): shown under the missing fields. */
  problems: ShipmentProblem[];
  trackingNumber: string | null;
  createdAt: Date;
  pickupId: string | null;
  pickupDate: string | null;
  pickupReadyTime: string | null;
  pickupCloseTime: string | null;
  pickupConfirmation: string | null;
  documentsGeneratedAt: Date | null;
  fulfillmentState: (typeof fulfillmentState.enumValues)[number] | null;
  fulfillmentError: string | null;
  /** Shopify's own fulfillment status of the order ("FULFILLED": shipped outside the dashboard). */
  shopifyFulfillment: string | null;
  /** When Shopify cancelled the order after its pickup or documents (null: not flagged). */
  cancelledInShopifyAt: Date | null;
  /** A Shopify test order imported under the store's "import" setting: never sent to a carrier. */
  isTest: boolean;
}

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

/** Shipments whose scheduled pickup falls in the chosen buckets (today = São Paulo's date). */
function pickupCondition(buckets: string[], today = originNow().date): SQL {
  const conditions = buckets.map((bucket) => {
    if (bucket === "today") return eq(shipments.pickupDate, today);
    if (bucket === "upcoming") return gt(shipments.pickupDate, today);
    if (bucket === "overdue") return and(eq(shipments.status, "pickup_scheduled"), lt(shipments.pickupDate, today))!;
    return isNull(shipments.pickupDate);
  });
  return or(...conditions)!;
}

async function listShipmentRows(
  db: Db,
  state: TableState<string, string>,
  scope: SQL,
  options: { withCount?: boolean } = {},
): Promise<Page<ShipmentRow>> {
  const query = buildTableQuery(state, {
    sort: sortColumns,
    filters: {
      status: shipments.status,
      carrier: shipments.carrier,
      destination: shipments.destinationCountry,
      store: shipments.storeId,
      pickup: pickupCondition,
      attention: () => openCancellationFlag,
      // Drafts missing any of the chosen fields (array overlap).
      missing: (values: string[]) => sql`${shipments.missingFields} && ${`{${values.join(",")}}`}::text[]`,
    },
    search: [
      // Order number and customer through the orders' trigram indexes, as a list of ids: an ILIKE
      // on the joined orders scans all of them (~5 s at a million shipments, npm run bench:shipments).
      (pattern) =>
        sql`${shipments.orderId} = any(array(select ${orders.id} from ${orders} where ${orders.name} ilike ${pattern} or ${orders.customerName} ilike ${pattern}))`,
      shipments.nfeKey,
    ],
    tiebreaker: shipments.id,
    where: [scope],
  });
  const base = () =>
    db
      .select(rowColumns)
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .innerJoin(stores, eq(stores.id, shipments.storeId))
      .leftJoin(pickups, eq(pickups.id, shipments.pickupId));
  // Filters and search read only shipment columns, so counting needs no join (at a million
  // shipments ~40 ms instead of ~1.4 s).
  const countRows = () => db.select({ total: countAll }).from(shipments).where(query.where);
  const [rows, counted] = await Promise.all([
    base()
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    // The export pages through everything and needs no total.
    options.withCount === false ? Promise.resolve([{ total: -1 }]) : countRows(),
  ]);
  return { rows, rowCount: counted[0].total };
}

/** Shipment Management and the Shipments tab: everything that left the draft stage. */
export function listShipments(db: Db, state: TableState<string, string>) {
  return listShipmentRows(db, state, ne(shipments.status, "draft"));
}

/** The Incomplete (Drafts) tab. */
export function listDrafts(db: Db, state: TableState<string, string>) {
  return listShipmentRows(db, state, eq(shipments.status, "draft"));
}

export async function countShipmentsByStage(db: Db): Promise<{ drafts: number; shipments: number }> {
  const [row] = await db
    .select({
      drafts: sql<number>`count(*) filter (where ${shipments.status} = 'draft')::int`,
      shipments: sql<number>`count(*) filter (where ${shipments.status} <> 'draft')::int`,
    })
    .from(shipments);
  return row;
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
 * The rows of the filtered Shipment Management view, all of them, in batches: what the CSV
 * export streams. Same filters, search and order as the page.
 */
export async function* shipmentsForExport(db: Db, state: TableState<string, string>, batchSize = 1000) {
  for (let page = 1; ; page++) {
    const { rows } = await listShipmentRows(db, { ...state, page, perPage: batchSize }, ne(shipments.status, "draft"), {
      withCount: false,
    });
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
  }
}
