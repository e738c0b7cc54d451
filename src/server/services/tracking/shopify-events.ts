import "server-only";
// Each stored tracking event reaches the order in Shopify as a fulfillment event
// (fulfillmentEventCreate on the fulfillment the tracking write-back created; Admin API
// 2026-07 FulfillmentEventInput: fulfillmentId, status, happenedAt, message, city, country),
// through the same throttle-aware client and session handling as fulfillment.ts. An event that
// fails keeps the reason (tracking_events.shopify_error) and is sent again on the next poll;
// an event Shopify took keeps its id and is never sent twice.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Shopify } from "@shopify/shopify-api";
import { SHOPIFY_EVENT_STATUS } from "@/domain/tracking-schedule";
import type { Db } from "../../db/client";
import { shipments, stores, trackingEvents } from "../../db/schema";
import { shopifyGraphql } from "../../shopify/graphql";
import { FULFILLMENT_EVENT_CREATE_MUTATION } from "../../shopify/operations";
import { shopifyFailureReason, StoreReconnectNeededError, withShopSession } from "../shop-session";

interface FulfillmentEventCreate {
  fulfillmentEventCreate: {
    fulfillmentEvent: { id: string } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}

class EventRefused extends Error {}

/** Sends the shipment's events Shopify does not have yet; resolves with how many were sent and failed. */
export async function sendFulfillmentEvents(
  deps: { db: Db; shopify: Shopify },
  shipmentId: string,
): Promise<{ sent: number; failed: number }> {
  const [target] = await deps.db
    .select({ fulfillmentId: shipments.shopifyFulfillmentId, shop: stores.shopDomain })
    .from(shipments)
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(eq(shipments.id, shipmentId));
  // Without a fulfillment yet (the write-back is pending or failed) the events wait for it.
  if (!target?.fulfillmentId) return { sent: 0, failed: 0 };
  const unsent = await deps.db
    .select()
    .from(trackingEvents)
    .where(and(eq(trackingEvents.shipmentId, shipmentId), isNull(trackingEvents.shopifyEventId)))
    .orderBy(asc(trackingEvents.occurredAt), asc(trackingEvents.id));
  const outcome = { sent: 0, failed: 0 };
  for (const [index, event] of unsent.entries()) {
    try {
      const id = await withShopSession(deps, target.shop, async (session) => {
        const { data } = await shopifyGraphql<FulfillmentEventCreate>(
          deps.shopify,
          session,
          FULFILLMENT_EVENT_CREATE_MUTATION,
          {
            fulfillmentEvent: {
              fulfillmentId: target.fulfillmentId,
              status: SHOPIFY_EVENT_STATUS[event.status],
              happenedAt: event.occurredAt.toISOString(),
              message: event.description || null,
              city: event.location,
            },
          },
        );
        const problem = data.fulfillmentEventCreate.userErrors[0]?.message;
        const created = data.fulfillmentEventCreate.fulfillmentEvent;
        if (problem || !created) throw new EventRefused(problem ?? "Shopify created no fulfillment event");
        return created.id;
      });
      await deps.db
        .update(trackingEvents)
        .set({ shopifyEventId: id, shopifyError: null })
        .where(eq(trackingEvents.id, event.id));
      outcome.sent++;
    } catch (error) {
      const why = shopifyFailureReason(error).slice(0, 500);
      // The store is unreachable for all of them alike: mark the rest too and stop asking.
      const rest = error instanceof StoreReconnectNeededError ? unsent.slice(index) : [event];
      for (const failed of rest) {
        await deps.db.update(trackingEvents).set({ shopifyError: why }).where(eq(trackingEvents.id, failed.id));
      }
      outcome.failed += rest.length;
      if (rest.length > 1) break;
    }
  }
  return outcome;
}
