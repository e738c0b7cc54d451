import "server-only";
// Imports one page of Shopify orders in one transaction: orders upserted on (store, gid),
// shipments created or re-evaluated, one sync_run_items row per order, the run's counters and
// the store's watermark — all or nothing, so a crash never loses or duplicates an order.
// A value an operator entered (shipments.operator_edited) is never overwritten by a re-sync.
import { and, eq, inArray, sql } from "drizzle-orm";
import { mapOrder, type ShopifyOrderNode } from "@/domain/order-mapping";
import { sameStoredValue as same } from "@/domain/stored-values";
import type { Db } from "../../db/client";
import { orders, shipments, stores, syncRunItems, syncRuns, type Shipment, type Store } from "../../db/schema";

type Outcome = (typeof syncRunItems.$inferInsert)["outcome"];

export interface PageCounts {
  fetched: number;
  created: number;
  updated: number;
  drafts: number;
  complete: number;
  skippedNoAddress: number;
  skippedDomestic: number;
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
] as const;

type ShipmentMapping = Extract<ReturnType<typeof mapOrder>, { kind: "shipment" }>;

function shipmentFields(mapped: ShipmentMapping) {
  return {
    carrier: mapped.carrier,
    service: mapped.service,
    nfeKey: mapped.nfe?.key ?? null,
    invoiceNumber: mapped.nfe ? String(mapped.nfe.number) : null,
    invoiceSeries: mapped.nfe ? String(mapped.nfe.series) : null,
    recipient: mapped.recipient,
    customsItems: mapped.customsItems,
    parcels: mapped.parcels,
    declaredValue: mapped.declaredValue,
    currency: mapped.currency,
    destinationCountry: mapped.destinationCountry,
  };
}

function orderRow(storeId: string, node: ShopifyOrderNode) {
  const address = node.shippingAddress;
  const customer = node.customer;
  return {
    storeId,
    shopifyGid: node.id,
    name: node.name,
    shopifyCreatedAt: new Date(node.createdAt),
    shopifyUpdatedAt: new Date(node.updatedAt),
    cancelledAt: node.cancelledAt ? new Date(node.cancelledAt) : null,
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    financialStatus: node.displayFinancialStatus,
    fulfillmentStatus: node.displayFulfillmentStatus,
    currency: node.currencyCode,
    totalPrice: Number.isFinite(Number(node.totalPriceSet?.shopMoney?.amount))
      ? node.totalPriceSet.shopMoney.amount
      : "0",
    customerName: address?.name ?? ([customer?.firstName, customer?.lastName].filter(Boolean).join(" ") || null),
    customerEmail: node.email ?? customer?.defaultEmailAddress?.emailAddress ?? null,
    shippingAddress: address,
    shippingCountry: address?.countryCodeV2 ?? null,
    lines: node.lineItems?.nodes ?? [],
    shippingLineTitle: node.shippingLines?.nodes?.[0]?.title ?? null,
    shippingLineCode: node.shippingLines?.nodes?.[0]?.code ?? null,
    raw: node,
    updatedAt: new Date(),
  };
}

/** What a re-sync changes on an existing draft or ready shipment, leaving operator-entered fields alone. */
function resync(existing: Shipment, mapped: ShipmentMapping) {
  const fresh = shipmentFields(mapped);
  const kept = new Set(existing.operatorEdited);
  const changes: Partial<typeof fresh> & { missingFields?: string[]; status?: "draft" | "ready" } = {};
  for (const field of SYNCED_FIELDS) {
    if (kept.has(field)) continue;
    const value = fresh[field];
    if (!same(value, existing[field as keyof Shipment])) Object.assign(changes, { [field]: value });
  }
  // Fields the operator filled are no longer missing, whatever Shopify still lacks.
  const missing = mapped.missingFields.filter((field) => !kept.has(field));
  if (!same(missing, existing.missingFields)) changes.missingFields = missing;
  const status = missing.length === 0 ? "ready" : "draft";
  if (status !== existing.status) changes.status = status;
  return changes;
}

/** Why a late cancellation is flagged: the furthest step the shipment had reached. */
function lateCancellationReason(shipment: Shipment) {
  if (shipment.status === "shipped") return "cancelled_after_shipping";
  return shipment.documentsGeneratedAt ? "cancelled_after_documents" : "cancelled_after_pickup";
}

/**
 * Imports `nodes` for `store` as part of run `runId` and moves the store's watermark to
 * `watermark` (the newest updated_at of the page), all in one transaction.
 */
export async function importPage(
  db: Db,
  store: Pick<Store, "id" | "originCountry">,
  runId: string,
  nodes: ShopifyOrderNode[],
  watermark: Date | null,
  options: { invoiceKeyAttribute?: string } = {},
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
        mapped = mapOrder(node, {
          originCountry: store.originCountry,
          invoiceKeyAttribute: options.invoiceKeyAttribute,
        });
      } catch (error) {
        // One order Shopify sent in a shape we cannot read never stops the others.
        counts.failed++;
        item(node, "failed", "unreadable", { message: `Unreadable order: ${(error as Error).message}` });
        continue;
      }
      if (mapped.kind === "skipped_no_address") {
        counts.skippedNoAddress++;
        item(node, "skipped_no_address", "no_shipping_address");
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
