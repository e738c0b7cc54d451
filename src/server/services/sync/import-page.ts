import "server-only";
// Imports one page of Shopify orders in one transaction: orders upserted on (store, gid),
// shipments created or re-evaluated, one sync_run_items row per order, the run's counters and
// the store's watermark — all or nothing, so a crash never loses or duplicates an order.
// A value an operator entered (shipments.operator_edited) is never overwritten by a re-sync.
import { and, eq, inArray, sql } from "drizzle-orm";
import { originNow } from "@/domain/local-time";
import type { TestOrderPolicy } from "@/domain/customs-terms";
import { mapOrder, type MappingContext, type ShopifyOrderNode } from "@/domain/order-mapping";
import { cleanJson, cleanText } from "@/domain/sanitize";
import { formatCents, MAX_STORED_CENTS, parseMoneyCents } from "@/domain/money";
import { sameStoredValue as same } from "@/domain/stored-values";
import type { Db } from "../../db/client";
import { orders, shipments, stores, syncRunItems, syncRuns, type Shipment, type Store } from "../../db/schema";
import { loadRateTable } from "../../exchange-rates/store";

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

export const emptyCounts = (): PageCounts => ({
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
  typeof value === "string" ? Array.from(cleanText(value)).slice(0, ORDER_TEXT_MAX).join("") || null : null;

// Stored as Shopify sent it, made storable (sanitize.ts) and bounded: the raw snapshot is the record.
function orderRow(storeId: string, dirty: ShopifyOrderNode) {
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
}

/**
 * Imports `nodes` for `store` as part of run `runId` and moves the store's watermark to
 * `watermark` (the newest updated_at of the page), all in one transaction. Should the database
 * refuse the page, each order is imported on its own, so one order it cannot store is a failed
 * item with the reason, and the others — and the watermark — go through: a poison order never
 * blocks the store's later syncs.
 */
export async function importPage(
  db: Db,
  store: ImportStore,
  runId: string,
  nodes: ShopifyOrderNode[],
  watermark: Date | null,
  options: ImportOptions = {},
): Promise<PageCounts> {
  const today = originNow(options.now ?? new Date()).date;
  const context: MappingContext = {
    originCountry: store.originCountry,
    invoiceKeyAttribute: options.invoiceKeyAttribute,
    exchange: { rates: await loadRateTable(db, today), today },
    customsDefaults: { incoterm: store.defaultIncoterm, exportReason: store.defaultExportReason },
    testOrders: store.testOrders as TestOrderPolicy,
  };
  try {
    return await importInOneTransaction(db, store, runId, nodes, watermark, context);
  } catch (error) {
    if (nodes.length <= 1) {
      await recordStorageFailure(db, runId, nodes[0], error);
      if (watermark) await importInOneTransaction(db, store, runId, [], watermark, context);
      return { ...emptyCounts(), fetched: nodes.length, failed: nodes.length };
    }
    const total = emptyCounts();
    for (const node of nodes) {
      const counts = await importPage(db, store, runId, [node], null, options);
      for (const key of Object.keys(total) as (keyof PageCounts)[]) total[key] += counts[key];
    }
    if (watermark) await importInOneTransaction(db, store, runId, [], watermark, context);
    return total;
  }
}

/** One order the database refused: a failed item with the database's reason, counted on the run. */
async function recordStorageFailure(db: Db, runId: string, node: ShopifyOrderNode | undefined, error: unknown) {
  if (!node) throw error;
  // The database's own reason; drizzle's wrapper message would repeat the query and its values.
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const message = String((cause as Error)?.message ?? cause).slice(0, 300);
  console.error(`[sync] run ${runId}: order ${node.id} could not be stored: ${message}`);
  await db.transaction(async (tx) => {
    await tx.insert(syncRunItems).values({
      runId,
      orderGid: cleanText(String(node.id)).slice(0, 200),
      orderName: boundedText(node.name),
      outcome: "failed",
      reason: "storage_failed",
      detail: { message: `The order could not be stored: ${cleanText(message)}` },
    });
    await tx
      .update(syncRuns)
      .set({
        fetched: sql`${syncRuns.fetched} + 1`,
        failed: sql`${syncRuns.failed} + 1`,
        heartbeatAt: sql`now()`,
      })
      .where(eq(syncRuns.id, runId));
  });
}

async function importInOneTransaction(
  db: Db,
  store: ImportStore,
  runId: string,
  nodes: ShopifyOrderNode[],
  watermark: Date | null,
  context: MappingContext,
): Promise<PageCounts> {
  const counts = emptyCounts();
  counts.fetched = nodes.length;
  const items: (typeof syncRunItems.$inferInsert)[] = [];
  const item = (node: Pick<ShopifyOrderNode, "id" | "name">, outcome: Outcome, reason?: string, detail?: unknown) =>
    items.push({
      runId,
      orderGid: node.id,
      orderName: node.name,
      outcome,
      reason: reason ?? null,
      detail: detail ?? null,
    });

  await db.transaction(async (tx) => {
    const shippable: { node: ShopifyOrderNode; mapped: ShipmentMapping }[] = [];
    for (const node of nodes) {
      let mapped: ReturnType<typeof mapOrder>;
      try {
        mapped = mapOrder(node, context);
      } catch (error) {
        // One order Shopify sent in a shape we cannot read never stops the others.
        counts.failed++;
        item(node, "failed", "unreadable", { message: `Unreadable order: ${(error as Error).message}` });
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

    if (shippable.length > 0) {
      const upserted = await tx
        .insert(orders)
        .values(shippable.map(({ node }) => orderRow(store.id, node)))
        .onConflictDoUpdate({
          target: [orders.storeId, orders.shopifyGid],
          set: {
            name: sql`excluded.name`,
            shopifyUpdatedAt: sql`excluded.shopify_updated_at`,
            cancelledAt: sql`excluded.cancelled_at`,
            closedAt: sql`excluded.closed_at`,
            financialStatus: sql`excluded.financial_status`,
            fulfillmentStatus: sql`excluded.fulfillment_status`,
            currency: sql`excluded.currency`,
            totalPrice: sql`excluded.total_price`,
            customerName: sql`excluded.customer_name`,
            customerEmail: sql`excluded.customer_email`,
            shippingAddress: sql`excluded.shipping_address`,
            shippingCountry: sql`excluded.shipping_country`,
            lines: sql`excluded.lines`,
            shippingLineTitle: sql`excluded.shipping_line_title`,
            shippingLineCode: sql`excluded.shipping_line_code`,
            raw: sql`excluded.raw`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: orders.id, gid: orders.shopifyGid });
      const orderIds = new Map(upserted.map((row) => [row.gid, row.id]));
      const existing = await tx
        .select()
        .from(shipments)
        .where(inArray(shipments.orderId, [...orderIds.values()]));
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
      if (inserts.length > 0) await tx.insert(shipments).values(inserts);
    }

    if (items.length > 0) await tx.insert(syncRunItems).values(items);
    await tx
      .update(syncRuns)
      .set({
        fetched: sql`${syncRuns.fetched} + ${counts.fetched}`,
        created: sql`${syncRuns.created} + ${counts.created}`,
        updated: sql`${syncRuns.updated} + ${counts.updated}`,
        drafts: sql`${syncRuns.drafts} + ${counts.drafts}`,
        complete: sql`${syncRuns.complete} + ${counts.complete}`,
        skippedNoAddress: sql`${syncRuns.skippedNoAddress} + ${counts.skippedNoAddress}`,
        skippedDomestic: sql`${syncRuns.skippedDomestic} + ${counts.skippedDomestic}`,
        skippedTest: sql`${syncRuns.skippedTest} + ${counts.skippedTest}`,
        skippedNotShippable: sql`${syncRuns.skippedNotShippable} + ${counts.skippedNotShippable}`,
        failed: sql`${syncRuns.failed} + ${counts.failed}`,
        heartbeatAt: sql`now()`,
      })
      .where(eq(syncRuns.id, runId));
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
