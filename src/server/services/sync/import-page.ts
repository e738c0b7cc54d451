import "server-only";
// Imports one page of Shopify orders in one transaction: orders upserted on (store, gid),
// shipments created or re-evaluated, one sync_run_items row per order, the run's counters and
// the store's watermark — all or nothing, so a crash never loses or duplicates an order.
// A value an operator entered (shipments.operator_edited) is never overwritten by a re-sync.
import { and, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { originNow } from "@/domain/local-time";
import type { TestOrderPolicy } from "@/domain/customs-codes";
import { mapOrder, type MappingContext } from "@/domain/order-mapping";
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import { cleanJson, cleanText } from "@/domain/sanitize";
import { firstChars } from "@/domain/bounds";
import { formatCents, MAX_STORED_CENTS, parseMoneyCents } from "@/domain/money";
import { sameStoredValue as same } from "@/domain/stored-values";
import { queryRows, type Db } from "../../db/client";
import { jsonRecordset, RECORD } from "../../db/json-rows";
import { orders, shipments, stores, syncRunItems, syncRuns, type Shipment, type Store } from "../../db/schema";
import { takeExcluded } from "../../db/upsert";
import { loadRateTable } from "../../exchange-rates/store";
import { shipmentsOfOrders } from "../../queries/shipment-lookups";
import { clearRetries, recordRetry, type RetryEntry } from "./retries";
import { LeaseLostError, type Lease } from "./runs";
import { classifyStorageFailure, describeForLog } from "./storage-failure";

type Outcome = (typeof syncRunItems.$inferInsert)["outcome"];

export interface PageCounts {
  fetched: number;
  created: number;
  updated: number;
  drafts: number;
  complete: number;
  skippedNoAddress: number;
  skippedDomestic: number;
  skippedTest: number;
  skippedNotShippable: number;
  failed: number;
}

const emptyCounts = (): PageCounts => ({
  fetched: 0,
  created: 0,
  updated: 0,
  drafts: 0,
  complete: 0,
  skippedNoAddress: 0,
  skippedDomestic: 0,
  skippedTest: 0,
  skippedNotShippable: 0,
  failed: 0,
});

/** Shipment fields that come from Shopify (and that an operator may override). */
const SYNCED_FIELDS = [
  "carrier",
  "service",
  "nfeKey",
  "invoiceNumber",
  "invoiceSeries",
  "recipient",
  "customsItems",
  "parcels",
  "declaredValue",
  "currency",
  "destinationCountry",
  "isTest",
] as const;

/** Derived from the synced fields; taken from Shopify's values unless the operator changed the ones they come from. */
const VALUE_FIELDS = ["declaredValue", "currency", "customsItems"] as const;

type ShipmentMapping = Extract<ReturnType<typeof mapOrder>, { kind: "shipment" }>;

function shipmentFields(mapped: ShipmentMapping) {
  return {
    carrier: mapped.carrier,
    service: mapped.service,
    // An invalid key is kept as Shopify carried it: its problem says why, Edit Draft shows it to correct.
    nfeKey: mapped.invoiceKeyRead,
    invoiceNumber: mapped.nfe ? String(mapped.nfe.number) : null,
    invoiceSeries: mapped.nfe ? String(mapped.nfe.series) : null,
    recipient: mapped.recipient,
    customsItems: mapped.customsItems,
    parcels: mapped.parcels,
    declaredValue: mapped.declaredValue,
    currency: mapped.currency,
    destinationCountry: mapped.destinationCountry,
    isTest: mapped.isTest,
  };
}

/** What the evaluation derived: problems, the US$ value and its rate. */
function derivedFields(mapped: ShipmentMapping) {
  return {
    problems: mapped.problems,
    declaredValueUsdCents: mapped.declaredValueUsdCents,
    exchangeRate: mapped.exchangeRate,
  };
}

const ORDER_TEXT_MAX = 200;
const boundedText = (value: string | null | undefined) =>
  typeof value === "string" ? firstChars(cleanText(value), ORDER_TEXT_MAX) || null : null;

const boundedGid = (id: unknown) => cleanText(String(id)).slice(0, 200);

// Stored as Shopify sent it, made storable (sanitize.ts) and bounded: the raw snapshot is the record.
export function orderRow(storeId: string, dirty: ShopifyOrderNode) {
  const node = cleanJson(dirty);
  const address = node.shippingAddress;
  const customer = node.customer;
  const total = parseMoneyCents(node.totalPriceSet?.shopMoney?.amount);
  return {
    storeId,
    shopifyGid: node.id,
    name: boundedText(node.name) ?? node.id,
    shopifyCreatedAt: new Date(node.createdAt),
    shopifyUpdatedAt: new Date(node.updatedAt),
    cancelledAt: node.cancelledAt ? new Date(node.cancelledAt) : null,
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    financialStatus: boundedText(node.displayFinancialStatus),
    fulfillmentStatus: boundedText(node.displayFulfillmentStatus),
    currency: boundedText(node.currencyCode) ?? "",
    // mapOrder refused totals the column cannot hold; this is the same bound, for safety.
    totalPrice: total !== null && total >= 0 && total <= MAX_STORED_CENTS ? formatCents(total) : "0",
    customerName: boundedText(
      address?.name ?? ([customer?.firstName, customer?.lastName].filter(Boolean).join(" ") || null),
    ),
    customerEmail: boundedText(node.email ?? customer?.defaultEmailAddress?.emailAddress ?? null),
    shippingAddress: address,
    shippingCountry: boundedText(address?.countryCodeV2),
    lines: node.lineItems?.nodes ?? [],
    shippingLineTitle: boundedText(node.shippingLines?.nodes?.[0]?.title),
    shippingLineCode: boundedText(node.shippingLines?.nodes?.[0]?.code),
    raw: node,
    updatedAt: new Date(),
  };
}

/** The order columns a re-sync takes from Shopify (the rest: the store, the gid, when it was created). */
const ORDER_SYNCED_COLUMNS = [
  "name",
  "shopifyUpdatedAt",
  "cancelledAt",
  "closedAt",
  "financialStatus",
  "fulfillmentStatus",
  "currency",
  "totalPrice",
  "customerName",
  "customerEmail",
  "shippingAddress",
  "shippingCountry",
  "lines",
  "shippingLineTitle",
  "shippingLineCode",
  "raw",
] as const;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Upserts the page's orders on (store, gid) in one statement, their rows as one jsonb parameter
 * (db/json-rows.ts: a page's VALUES took longer to build and bind than to map); as VALUES when a
 * value cannot go as JSON.
 */
async function upsertOrders(tx: Tx, rows: (typeof orders.$inferInsert)[]): Promise<{ id: string; gid: string }[]> {
  const taken = takeExcluded(orders, ORDER_SYNCED_COLUMNS);
  // The lines and the address are parts of the raw snapshot (orderRow): the document carries them
  // once, and the select takes them out of it (a third less JSON to write and for the server to parse).
  const recordset = jsonRecordset(
    orders,
    rows.map(({ lines: _lines, shippingAddress: _address, ...row }) => row),
    { lines: linesOfRaw, shippingAddress: addressOfRaw },
  );
  if (!recordset) {
    return tx
      .insert(orders)
      .values(rows)
      .onConflictDoUpdate({ target: [orders.storeId, orders.shopifyGid], set: { ...taken, updatedAt: sql`now()` } })
      .returning({ id: orders.id, gid: orders.shopifyGid });
  }
  const columns = getTableColumns(orders);
  const set = sql.join(
    [
      ...ORDER_SYNCED_COLUMNS.map((key) => sql`${sql.identifier(columns[key].name)} = ${taken[key]}`),
      sql`${sql.identifier(columns.updatedAt.name)} = now()`,
    ],
    sql`, `,
  );
  return queryRows(
    tx,
    sql`insert into ${orders} (${recordset.columns}) ${recordset.recordset}
        on conflict (${sql.identifier(columns.storeId.name)}, ${sql.identifier(columns.shopifyGid.name)})
        do update set ${set}
        returning ${sql.identifier(columns.id.name)} as id, ${sql.identifier(columns.shopifyGid.name)} as gid`,
  );
}

// orderRow's `node.lineItems?.nodes ?? []` and `node.shippingAddress`, read from the stored raw.
const rawColumn = sql`${RECORD}.${sql.identifier(orders.raw.name)}`;
const linesOfRaw = sql`coalesce(nullif(${rawColumn} -> 'lineItems' -> 'nodes', 'null'::jsonb), '[]'::jsonb)`;
const addressOfRaw = sql`nullif(${rawColumn} -> 'shippingAddress', 'null'::jsonb)`;

// What the insert trigger of migration 0008 would look up for each new shipment, computed by the
// statement instead (the trigger then leaves the row alone, migration 0010): the same function, the
// same order, without a PL/pgSQL call per row.
const searchTextOfOrder = sql`(select shipment_search_text(${sql.identifier("o")}.${sql.identifier(orders.name.name)},
  ${sql.identifier("o")}.${sql.identifier(orders.customerName.name)}, ${RECORD}.${sql.identifier(shipments.nfeKey.name)})
  from ${orders} as ${sql.identifier("o")}
  where ${sql.identifier("o")}.${sql.identifier(orders.id.name)} = ${RECORD}.${sql.identifier(shipments.orderId.name)})`;

// And the order's creation instant, which the same trigger copies for the tallies' day (0010).
const orderCreatedAtOfOrder = sql`(select ${sql.identifier("o")}.${sql.identifier(orders.shopifyCreatedAt.name)}
  from ${orders} as ${sql.identifier("o")}
  where ${sql.identifier("o")}.${sql.identifier(orders.id.name)} = ${RECORD}.${sql.identifier(shipments.orderId.name)})`;

/** Inserts the rows in one statement, as one jsonb parameter, or as VALUES when a value cannot go as JSON. */
async function insertRows(
  tx: Tx,
  table: typeof shipments | typeof syncRunItems,
  rows: object[],
  computed: Record<string, SQL> = {},
) {
  const recordset = jsonRecordset(table, rows as never, computed);
  if (recordset) await tx.execute(sql`insert into ${table} (${recordset.columns}) ${recordset.recordset}`);
  else await tx.insert(table).values(rows as never);
}

/** What a re-sync changes on an existing draft or ready shipment, leaving operator-entered fields alone. */
function resync(existing: Shipment, mapped: ShipmentMapping) {
  const fresh = shipmentFields(mapped);
  const kept = new Set(existing.operatorEdited);
  const changes: Partial<typeof fresh & ReturnType<typeof derivedFields>> & {
    missingFields?: string[];
    status?: "draft" | "ready";
  } = {};
  for (const field of SYNCED_FIELDS) {
    if (kept.has(field)) continue;
    const value = fresh[field];
    if (!same(value, existing[field as keyof Shipment])) Object.assign(changes, { [field]: value });
  }
  // Fields the operator filled are no longer missing, whatever Shopify still lacks.
  const missing = mapped.missingFields.filter((field) => !kept.has(field));
  if (!same(missing, existing.missingFields)) changes.missingFields = missing;
  const derived = derivedFields(mapped);
  const problems = derived.problems.filter((problem) => !kept.has(problem.field));
  if (!same(problems, existing.problems)) changes.problems = problems;
  // The US$ value follows Shopify's values unless the operator changed what it is computed from.
  if (!VALUE_FIELDS.some((field) => kept.has(field))) {
    if (!same(derived.declaredValueUsdCents, existing.declaredValueUsdCents))
      changes.declaredValueUsdCents = derived.declaredValueUsdCents;
    if (!same(derived.exchangeRate, existing.exchangeRate)) changes.exchangeRate = derived.exchangeRate;
  }
  const status = missing.length === 0 ? "ready" : "draft";
  if (status !== existing.status) changes.status = status;
  return changes;
}

/** Why a late cancellation is flagged: the furthest step the shipment had reached. */
function lateCancellationReason(shipment: Shipment) {
  if (shipment.status === "shipped") return "cancelled_after_shipping";
  return shipment.documentsGeneratedAt ? "cancelled_after_documents" : "cancelled_after_pickup";
}

type ImportStore = Pick<Store, "id" | "originCountry" | "defaultIncoterm" | "defaultExportReason" | "testOrders">;

export interface ImportOptions {
  invoiceKeyAttribute?: string;
  /** The evaluation's instant (its São Paulo date picks the PTAX rate); default now. */
  now?: Date;
  /** The executing worker's lease: nothing is written once another worker took the run over. */
  lease?: Lease;
}

/**
 * A page read and judged, before anything of it is written: what the mapping decided of each
 * order (the items, counts and retries of the orders it skipped or refused) and the shippable
 * orders with their order rows. Mapping needs no database but the rates, so the import of a bulk
 * result maps the next page while the database writes this one (import-batches.ts).
 */
export interface MappedPage {
  runId: string;
  nodes: ShopifyOrderNode[];
  context: MappingContext;
  counts: PageCounts;
  items: (typeof syncRunItems.$inferInsert)[];
  unreadable: RetryEntry[];
  shippable: { node: ShopifyOrderNode; mapped: ShipmentMapping }[];
  /** The shippable orders' rows; null when building them threw (then the transaction does, as it always did). */
  rows: (typeof orders.$inferInsert)[] | null;
}

/** Maps `nodes` for `store` as part of run `runId`: the rates of the evaluation's day, then each order. */
export async function mapPage(
  db: Db,
  store: ImportStore,
  runId: string,
  nodes: ShopifyOrderNode[],
  options: ImportOptions = {},
): Promise<MappedPage> {
  const today = originNow(options.now ?? new Date()).date;
  const context: MappingContext = {
    originCountry: store.originCountry,
    invoiceKeyAttribute: options.invoiceKeyAttribute,
    exchange: { rates: await loadRateTable(db, today), today },
    customsDefaults: { incoterm: store.defaultIncoterm, exportReason: store.defaultExportReason },
    testOrders: store.testOrders as TestOrderPolicy,
  };
  return mapNodes(store, runId, nodes, context);
}

function mapNodes(store: ImportStore, runId: string, nodes: ShopifyOrderNode[], context: MappingContext): MappedPage {
  const page: MappedPage = {
    runId,
    nodes,
    context,
    counts: { ...emptyCounts(), fetched: nodes.length },
    items: [],
    unreadable: [],
    shippable: [],
    rows: null,
  };
  const { counts, unreadable, shippable } = page;
  const item = itemsOf(page);
  for (const node of nodes) {
    let mapped: ReturnType<typeof mapOrder>;
    try {
      mapped = mapOrder(node, context);
    } catch (error) {
      // One order Shopify sent in a shape we cannot read never stops the others. What broke is
      // logged here only: an error message can quote the order's values.
      console.error(`[sync] run ${runId}: order ${node.id} is unreadable (${(error as Error)?.name ?? "error"})`);
      counts.failed++;
      item(node, "failed", "unreadable", {
        message: "Shopify sent the order in a shape that cannot be read.",
        retried: true,
      });
      unreadable.push({ orderGid: boundedGid(node.id), orderName: boundedText(node.name), reason: "unreadable" });
      continue;
    }
    if (mapped.kind === "skipped_no_address") {
      counts.skippedNoAddress++;
      item(node, "skipped_no_address", "no_shipping_address");
    } else if (mapped.kind === "skipped_test") {
      counts.skippedTest++;
      item(node, "skipped_test", "test_order");
    } else if (mapped.kind === "skipped_not_shippable") {
      counts.skippedNotShippable++;
      item(node, "skipped_not_shippable", "nothing_to_ship");
    } else if (mapped.kind === "skipped_domestic") {
      counts.skippedDomestic++;
      item(node, "skipped_domestic", "domestic", { country: node.shippingAddress?.countryCodeV2 });
    } else if (mapped.kind === "invalid") {
      counts.failed++;
      item(node, "failed", mapped.code, { message: mapped.reason });
    } else {
      shippable.push({ node, mapped });
    }
  }
  try {
    page.rows = shippable.map(({ node }) => orderRow(store.id, node));
  } catch {
    // An order too deeply nested to copy, say: the transaction builds the rows again and fails,
    // and the page is imported order by order, as before the mapping moved out of it.
  }
  return page;
}

/** Adds an item (what the import did with an order) to the page. */
const itemsOf =
  ({ runId, items }: Pick<MappedPage, "runId" | "items">) =>
  (node: Pick<ShopifyOrderNode, "id" | "name">, outcome: Outcome, reason?: string, detail?: unknown) =>
    items.push({
      runId,
      orderGid: node.id,
      orderName: node.name,
      outcome,
      reason: reason ?? null,
      detail: detail ?? null,
    });

/**
 * Imports `nodes` for `store` as part of run `runId` and moves the store's watermark to
 * `watermark` (the newest updated_at of the page), all in one transaction. Should the database
 * refuse the page, each order is imported on its own, so one order it cannot store is a failed
 * item with a PII-free reason, and the others — and the watermark — go through: a poison order
 * never blocks the store's later syncs, which read it again by id (retries.ts) until it imports.
 */
export async function importPage(
  db: Db,
  store: ImportStore,
  runId: string,
  nodes: ShopifyOrderNode[],
  watermark: Date | null,
  options: ImportOptions = {},
): Promise<PageCounts> {
  return importMappedPage(db, store, await mapPage(db, store, runId, nodes, options), watermark, options);
}

/** importPage, for a page mapped beforehand (mapPage); a page is imported once. */
export async function importMappedPage(
  db: Db,
  store: ImportStore,
  page: MappedPage,
  watermark: Date | null,
  options: ImportOptions = {},
): Promise<PageCounts> {
  const { runId, nodes, context } = page;
  const write = { runId, lease: options.lease };
  const onlyWatermark = () => mapNodes(store, runId, [], context);
  try {
    return await importInOneTransaction(db, store, write, page, watermark);
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    if (nodes.length <= 1) {
      await recordStorageFailure(db, store, write, nodes[0], error);
      if (watermark) await importInOneTransaction(db, store, write, onlyWatermark(), watermark);
      return { ...emptyCounts(), fetched: nodes.length, failed: nodes.length };
    }
    const total = emptyCounts();
    for (const node of nodes) {
      const counts = await importPage(db, store, runId, [node], null, options);
      for (const key of Object.keys(total) as (keyof PageCounts)[]) total[key] += counts[key];
    }
    if (watermark) await importInOneTransaction(db, store, write, onlyWatermark(), watermark);
    return total;
  }
}

/** Where a page's writes go: the run, and the lease they are conditional on (none for webhook runs). */
interface RunWrite {
  runId: string;
  lease?: Lease;
}

/** Adds `counts` to the run, if the lease still holds it; otherwise the transaction is rolled back. */
async function countOnRun(tx: Pick<Db, "update">, write: RunWrite, counts: Partial<PageCounts>) {
  const set: Record<string, unknown> = { heartbeatAt: sql`now()` };
  for (const [key, value] of Object.entries(counts) as [keyof PageCounts, number][]) {
    if (value) set[key] = sql`${syncRuns[key]} + ${value}`;
  }
  const owned = write.lease
    ? and(eq(syncRuns.id, write.runId), eq(syncRuns.leaseOwner, write.lease.owner))
    : eq(syncRuns.id, write.runId);
  const updated = await tx.update(syncRuns).set(set).where(owned).returning({ id: syncRuns.id });
  if (write.lease && updated.length === 0) throw new LeaseLostError(write.runId);
}

/**
 * One order the database refused: a failed item with a code and a fixed sentence (never the
 * database's message, which can carry the order's values), counted on the run and kept for retry.
 */
async function recordStorageFailure(
  db: Db,
  store: ImportStore,
  write: RunWrite,
  node: ShopifyOrderNode | undefined,
  error: unknown,
) {
  if (!node) throw error;
  const failure = classifyStorageFailure(error);
  const orderGid = boundedGid(node.id);
  const orderName = boundedText(node.name);
  console.error(`[sync] run ${write.runId}: order ${orderGid} could not be stored (${describeForLog(failure)})`);
  await db.transaction(async (tx) => {
    await tx.insert(syncRunItems).values({
      runId: write.runId,
      orderGid,
      orderName,
      outcome: "failed",
      reason: failure.code,
      detail: { message: failure.message, sqlstate: failure.sqlstate, retried: true },
    });
    await recordRetry(tx, store.id, { orderGid, orderName, reason: failure.code });
    await countOnRun(tx, write, { fetched: 1, failed: 1 });
  });
}

async function importInOneTransaction(
  db: Db,
  store: ImportStore,
  write: RunWrite,
  page: MappedPage,
  watermark: Date | null,
): Promise<PageCounts> {
  // The page's items and counts as the mapping left them, completed by what the writes decide.
  const counts = { ...page.counts };
  const items = [...page.items];
  const item = itemsOf({ runId: write.runId, items });
  const { nodes, unreadable, shippable } = page;

  await db.transaction(async (tx) => {
    if (shippable.length > 0) {
      const upserted = await upsertOrders(tx, page.rows ?? shippable.map(({ node }) => orderRow(store.id, node)));
      const orderIds = new Map(upserted.map((row) => [row.gid, row.id]));
      const existing = await shipmentsOfOrders(tx, [...orderIds.values()]);
      const byOrder = new Map(existing.map((shipment) => [shipment.orderId, shipment]));

      const inserts: (typeof shipments.$inferInsert)[] = [];
      for (const { node, mapped } of shippable) {
        const orderId = orderIds.get(node.id)!;
        const current = byOrder.get(orderId);
        const cancelled = !!node.cancelledAt;
        if (!current) {
          const status = cancelled ? "cancelled" : mapped.status;
          inserts.push({
            orderId,
            storeId: store.id,
            status,
            missingFields: mapped.missingFields,
            ...shipmentFields(mapped),
            ...derivedFields(mapped),
          });
          if (cancelled) item(node, "cancelled", "order_cancelled");
          else {
            counts.created++;
            if (status === "ready") counts.complete++;
            else counts.drafts++;
            const detail =
              status === "draft" ? { missing: mapped.missingFields, problems: mapped.problems } : undefined;
            item(node, status === "ready" ? "created_ready" : "created_draft", undefined, detail);
          }
          continue;
        }
        if (current.status === "cancelled") {
          item(node, "unchanged", "already_cancelled");
          continue;
        }
        if (current.status === "shipped" || current.status === "pickup_scheduled" || current.documentsGeneratedAt) {
          // Past the point where Shopify's data decides anything. A cancellation is never applied
          // here (a pickup is booked or a label issued): it is flagged for an operator to resolve.
          if (cancelled && current.cancelledInShopifyAt) item(node, "unchanged", "already_flagged");
          else if (cancelled) {
            await tx
              .update(shipments)
              .set({
                cancelledInShopifyAt: new Date(node.cancelledAt!),
                version: sql`${shipments.version} + 1`,
                updatedAt: sql`now()`,
              })
              .where(eq(shipments.id, current.id));
            item(node, "cancelled", lateCancellationReason(current));
          } else if (current.status === "shipped" || current.status === "pickup_scheduled") {
            item(node, "unchanged", `already_${current.status}`);
          } else item(node, "unchanged", "already_documented");
          continue;
        }
        const changes = cancelled ? { status: "cancelled" as const } : resync(current, mapped);
        if (Object.keys(changes).length === 0) {
          item(node, "unchanged");
          continue;
        }
        await tx
          .update(shipments)
          .set({ ...changes, version: sql`${shipments.version} + 1`, updatedAt: sql`now()` })
          .where(eq(shipments.id, current.id));
        if (cancelled) item(node, "cancelled", "order_cancelled");
        else {
          counts.updated++;
          item(node, "updated", undefined, { changed: Object.keys(changes) });
        }
      }
      if (inserts.length > 0)
        await insertRows(tx, shipments, inserts, {
          searchText: searchTextOfOrder,
          orderCreatedAt: orderCreatedAtOfOrder,
        });
    }

    if (items.length > 0) await insertRows(tx, syncRunItems, items);
    // An order Shopify sent unreadable is read again by id on later syncs; every other order of
    // the page was read and judged, so it is no longer waiting for a retry.
    for (const node of unreadable) await recordRetry(tx, store.id, node);
    const unreadableGids = new Set(unreadable.map((node) => node.orderGid));
    await clearRetries(
      tx,
      store.id,
      nodes.map((node) => node.id).filter((gid) => !unreadableGids.has(gid)),
    );
    await countOnRun(tx, write, counts);
    if (watermark) {
      const mark = watermark.toISOString(); // ISO text: postgres.js cannot type a Date inside raw SQL
      await tx
        .update(stores)
        .set({
          syncWatermark: sql`greatest(coalesce(${stores.syncWatermark}, ${mark}::timestamptz), ${mark}::timestamptz)`,
        })
        .where(and(eq(stores.id, store.id)));
    }
  });
  return counts;
}
