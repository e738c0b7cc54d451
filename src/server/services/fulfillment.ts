import "server-only";
// Tracking back to Shopify: once a shipment's documents are issued, its order is fulfilled in the
// store with the tracking number, company and URL (fulfillmentCreate on the open fulfillment
// orders, read to the end: every fulfillment order and every line, however many). The outcome is
// kept on the shipment — created, or failed with the reason and a Retry — so a failure is never
// silent and never loses the tracking number.
import type { Session } from "@shopify/shopify-api";
import { eq } from "drizzle-orm";
import { CARRIERS, type Carrier } from "@/domain/carrier-registry";
import { trackingUrl } from "@/domain/tracking";
import { shipments } from "../db/schema";
import { recordAudit } from "../queries/audit";
import { shipmentsAwaitingTracking } from "../queries/fulfillment";
import { shopifyGraphql } from "../shopify/graphql";
import {
  FULFILLMENT_CREATE_MUTATION,
  FULFILLMENT_ORDER_LINES_QUERY,
  FULFILLMENT_ORDERS_QUERY,
} from "../shopify/operations";
import { shopifyFailureReason, withShopSession, type ShopDeps } from "./shop-session";

type PageInfo = { hasNextPage: boolean; endCursor: string | null };
type FulfillmentOrderLine = { id: string; remainingQuantity: number };
type Lines = { pageInfo: PageInfo; nodes: FulfillmentOrderLine[] };

type FulfillmentOrderPage = { pageInfo: PageInfo; nodes: { id: string; status: string; lineItems: Lines }[] };

interface FulfillmentOrders {
  order: { fulfillmentOrders: FulfillmentOrderPage } | null;
}

// Page sizes under the 1,000-point cap: 3 + 5 × (1 + 2 + 150) = 768 for the fulfillment orders,
// 3 + 250 for the further lines of one of them.
const FULFILLMENT_ORDERS_PAGE = 5;
const FIRST_LINES_PAGE = 150;
const LINES_PAGE = 250;

/** Every open fulfillment order of the order, each with all of its lines. */
async function readFulfillmentOrders(deps: ShopDeps, session: Session, orderGid: string) {
  const all: { id: string; status: string; lines: FulfillmentOrderLine[] }[] = [];
  let after: string | null = null;
  do {
    const page: { data: FulfillmentOrders } = await shopifyGraphql<FulfillmentOrders>(
      deps.shopify,
      session,
      FULFILLMENT_ORDERS_QUERY,
      { id: orderGid, first: FULFILLMENT_ORDERS_PAGE, after, linesFirst: FIRST_LINES_PAGE },
    );
    const connection: FulfillmentOrderPage | undefined = page.data.order?.fulfillmentOrders;
    if (!connection) break;
    for (const node of connection.nodes) {
      all.push({ id: node.id, status: node.status, lines: await allLines(deps, session, node.id, node.lineItems) });
    }
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return all;
}

async function allLines(deps: ShopDeps, session: Session, fulfillmentOrderId: string, first: Lines) {
  const lines = [...first.nodes];
  let { hasNextPage, endCursor } = first.pageInfo;
  while (hasNextPage && endCursor) {
    const { data } = await shopifyGraphql<{ fulfillmentOrder: { lineItems: Lines } | null }>(
      deps.shopify,
      session,
      FULFILLMENT_ORDER_LINES_QUERY,
      { id: fulfillmentOrderId, first: LINES_PAGE, after: endCursor },
    );
    if (!data.fulfillmentOrder) break;
    lines.push(...data.fulfillmentOrder.lineItems.nodes);
    ({ hasNextPage, endCursor } = data.fulfillmentOrder.lineItems.pageInfo);
  }
  return lines;
}

interface FulfillmentCreate {
  fulfillmentCreate: {
    fulfillment: { id: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}

// Fulfillment orders Shopify lets an app fulfil (closed, cancelled or on hold ones it does not).
const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);

class FulfillmentRefused extends Error {}

async function fulfil(deps: ShopDeps, shop: string, orderGid: string, carrier: Carrier, trackingNumber: string) {
  return withShopSession(deps, shop, async (session) => {
    const open = (await readFulfillmentOrders(deps, session, orderGid)).filter(
      (node) => FULFILLABLE.has(node.status) && node.lines.some((line) => line.remainingQuantity > 0),
    );
    if (open.length === 0) throw new FulfillmentRefused("no_open_fulfillment_order");
    const { data: created } = await shopifyGraphql<FulfillmentCreate>(
      deps.shopify,
      session,
      FULFILLMENT_CREATE_MUTATION,
      {
        fulfillment: {
          // No line items listed: everything still to ship on each fulfillment order.
          lineItemsByFulfillmentOrder: open.map((node) => ({ fulfillmentOrderId: node.id })),
          trackingInfo: {
            company: CARRIERS[carrier].name,
            number: trackingNumber,
            url: trackingUrl(carrier, trackingNumber),
          },
          notifyCustomer: true,
        },
      },
    );
    const problem = created.fulfillmentCreate.userErrors[0]?.message;
    const fulfillment = created.fulfillmentCreate.fulfillment;
    if (problem || !fulfillment) throw new FulfillmentRefused(problem ?? "Shopify created no fulfillment");
    return fulfillment.id;
  });
}

interface WriteBackOutcome {
  created: number;
  failed: number;
}

/**
 * Sends the tracking of issued shipments to Shopify, those not yet sent (pending or failed).
 * Never throws for a shipment's failure: it is recorded on the shipment instead.
 */
export async function writeBackTracking(deps: ShopDeps, shipmentIds: string[], actorId: string | null) {
  const rows = await shipmentsAwaitingTracking(deps.db, shipmentIds);
  const outcome: WriteBackOutcome = { created: 0, failed: 0 };
  for (const row of rows) {
    try {
      const fulfillmentId = await fulfil(deps, row.shop, row.orderGid, row.carrier as Carrier, row.trackingNumber!);
      await deps.db
        .update(shipments)
        .set({ fulfillmentState: "created", fulfillmentError: null, shopifyFulfillmentId: fulfillmentId })
        .where(eq(shipments.id, row.id));
      await recordAudit(deps.db, {
        actorId,
        action: "shipment.tracking_sent_to_shopify",
        entityType: "shipment",
        entityId: row.id,
        after: { fulfillmentId, trackingNumber: row.trackingNumber },
      });
      outcome.created++;
    } catch (error) {
      const reason = shopifyFailureReason(error).slice(0, 500);
      await deps.db
        .update(shipments)
        .set({ fulfillmentState: "failed", fulfillmentError: reason })
        .where(eq(shipments.id, row.id));
      // The shipment keeps only the last reason; the activity log keeps each failed attempt.
      await recordAudit(deps.db, {
        actorId,
        action: "shipment.fulfillment_failed",
        entityType: "shipment",
        entityId: row.id,
        after: { reason, trackingNumber: row.trackingNumber },
      });
      outcome.failed++;
    }
  }
  return outcome;
}
