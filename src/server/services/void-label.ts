import "server-only";
// "Void label": a carrier label not yet collected is voided at the carrier. The carrier is asked
// first — the pickup when it collects only this shipment (with the pickup's FedEx location), then
// the label — and the database changes only after both confirm; a refused void books the cancelled
// pickup again, so a carrier failure leaves the shipment as it was. Afterwards the purchase intent
// is voided and the shipment either goes back to Ready without documents (its order is still
// active: the next label is attempt n+1) or ends cancelled (its order was cancelled in Shopify;
// its documents stay as a record). A Shopify fulfillment created for the label is cancelled too;
// a failure there is kept on the shipment with a Retry, like the tracking write-back.
import type { Shopify } from "@shopify/shopify-api";
import { and, desc, eq, inArray, like, sql } from "drizzle-orm";
import { CARRIERS } from "@/domain/carrier-registry";
import { originNow } from "@/domain/local-time";
import { CarrierApiError, isApiCarrier, type CarrierClient, type PickupBookingRequest } from "../carriers/api";
import type { CarrierDirectory } from "../carriers/directory";
import type { Db } from "../db/client";
import { labelPurchases, pickups, shipmentDocuments, shipments, stores, type Pickup } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { shipmentCountOnPickup, shipmentWithScheduledPickup } from "../queries/pickups";
import { shopifyGraphql } from "../shopify/graphql";
import { FULFILLMENT_CANCEL_MUTATION } from "../shopify/operations";
import { cancelledPickup, cancelledShipment, pickupBooking } from "./pickups";
import { withShopSession } from "./shop-session";

export interface VoidDeps {
  db: Db;
  carriers: CarrierDirectory;
  /** Cancels the label's Shopify fulfillment; without it (tests of the carrier side) that step is recorded as failed. */
  shopify?: Shopify;
}

/** A carrier's refusal to void, naming the order, the carrier and its reason. */
function voidRefusal(error: unknown, carrier: string, order: string): AppError {
  const code = error instanceof CarrierApiError ? error.code : "unavailable";
  return new AppError("labels.errors.voidRefused", undefined, { order, carrier, code });
}

async function loadShipment(db: Db, shipmentId: string) {
  const row = await shipmentWithScheduledPickup(db, shipmentId);
  if (!row) throw new AppError("errors.notFound");
  const { shipment, orderName: order } = row;
  if (shipment.status === "shipped") {
    throw new AppError("cancelledInShopify.errors.alreadyShipped", undefined, { order });
  }
  // Only a label the carrier has not collected yet can be voided.
  const uncollected = shipment.trackingStatus === null || shipment.trackingStatus === "label_created";
  if (
    (shipment.status !== "ready" && shipment.status !== "pickup_scheduled") ||
    !uncollected ||
    !shipment.documentsGeneratedAt ||
    !shipment.trackingNumber ||
    !isApiCarrier(shipment.carrier)
  ) {
    throw new AppError("labels.errors.notVoidable", undefined, { order });
  }
  const [intent] = await db
    .select()
    .from(labelPurchases)
    .where(and(eq(labelPurchases.shipmentId, shipmentId), eq(labelPurchases.status, "purchased")))
    .orderBy(desc(labelPurchases.attempt))
    .limit(1);
  return { ...row, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, intent: intent ?? null };
}

/** The client of the account that bought (or booked) it, else the store's current one. */
async function clientOf(deps: VoidDeps, accountId: string | null, storeId: string, carrier: "ups" | "fedex" | "dhl") {
  return accountId ? deps.carriers.forAccount(accountId) : (await deps.carriers.forStore(storeId, carrier)).client;
}

async function cancelFulfillment(deps: VoidDeps, storeId: string, fulfillmentId: string): Promise<string | null> {
  if (!deps.shopify) return "not_configured";
  const shopify = deps.shopify;
  try {
    const [store] = await deps.db.select({ shop: stores.shopDomain }).from(stores).where(eq(stores.id, storeId));
    const { data } = await withShopSession({ db: deps.db, shopify }, store.shop, (session) =>
      shopifyGraphql<{ fulfillmentCancel: { userErrors: { message: string }[] } }>(
        shopify,
        session,
        FULFILLMENT_CANCEL_MUTATION,
        { id: fulfillmentId },
      ),
    );
    return data.fulfillmentCancel.userErrors[0]?.message ?? null;
  } catch (error) {
    return (error as Error).message || "unknown";
  }
}

/**
 * Voids the label of one shipment. Its pickup is cancelled at the carrier when it collects only
 * this shipment; a pickup shared with others stays booked for them.
 */
export async function voidLabel(deps: VoidDeps, shipmentId: string, actorId: string) {
  const loaded = await loadShipment(deps.db, shipmentId);
  const { shipment, orderName: order, pickup, carrier, trackingNumber, intent } = loaded;
  const carrierName = CARRIERS[carrier].name;
  const client = await clientOf(deps, intent?.carrierAccountId ?? null, shipment.storeId, carrier);
  const pickupAlone = pickup ? (await shipmentCountOnPickup(deps.db, pickup.id)) <= 1 : false;
  let rebook: { pickup: Pickup; client: CarrierClient; booking: PickupBookingRequest } | null = null;
  if (pickup && pickupAlone) {
    const pickupClient = await clientOf(deps, pickup.carrierAccountId, shipment.storeId, carrier);
    const window = { date: pickup.pickupDate, readyTime: pickup.readyTime, closeTime: pickup.closeTime };
    const booking = await pickupBooking(deps.db, shipment.storeId, [shipment], carrier, window);
    await pickupClient
      .cancelPickup({
        confirmationNumber: pickup.confirmationNumber,
        date: pickup.pickupDate,
        location: pickup.carrierLocation,
        address: booking.address,
      })
      .catch((error: unknown) => Promise.reject(voidRefusal(error, carrierName, order)));
    rebook = { pickup, client: pickupClient, booking };
  }
  // The ship date the label was bought for (São Paulo's date, like the purchase's).
  const shipDate = shipment.pickupDate ?? originNow(shipment.documentsGeneratedAt!).date;
  try {
    await client.voidShipment({
      trackingNumber,
      carrierShipmentId: shipment.carrierShipmentId ?? trackingNumber,
      shipDate,
    });
  } catch (error) {
    if (rebook) {
      // The label stands, so the shipment still leaves: its pickup is booked again, same window.
      const rebooked = await rebook.client.schedulePickup(rebook.booking);
      await deps.db
        .update(pickups)
        .set({
          confirmationNumber: rebooked.confirmationNumber,
          carrierLocation: rebooked.location,
          updatedAt: sql`now()`,
        })
        .where(eq(pickups.id, rebook.pickup.id));
    }
    throw voidRefusal(error, carrierName, order);
  }

  const cancelledInShopify = !!shipment.cancelledInShopifyAt;
  const shopifyError = shipment.shopifyFulfillmentId
    ? await cancelFulfillment(deps, shipment.storeId, shipment.shopifyFulfillmentId)
    : null;
  const voided = await deps.db.transaction(async (tx) => {
    if (pickup && pickupAlone) {
      await tx.update(pickups).set(cancelledPickup(actorId)).where(eq(pickups.id, pickup.id));
    }
    const shopifyColumns = shipment.shopifyFulfillmentId
      ? shopifyError
        ? // Kept with the fulfillment id, so Retry knows what to cancel.
          { fulfillmentState: "failed" as const, fulfillmentError: `cancel:${shopifyError}`.slice(0, 500) }
        : { fulfillmentState: null, fulfillmentError: null, shopifyFulfillmentId: null }
      : { fulfillmentState: null, fulfillmentError: null };
    const next = cancelledInShopify
      ? { ...cancelledShipment(actorId), ...shopifyColumns, trackingNextCheckAt: null }
      : {
          status: "ready" as const,
          pickupId: null,
          pickupDate: null,
          trackingNumber: null,
          carrierShipmentId: null,
          trackingStatus: null,
          trackingNextCheckAt: null,
          documentsGeneratedAt: null,
          ...shopifyColumns,
          version: sql`${shipments.version} + 1`,
          updatedBy: actorId,
          updatedAt: sql`now()`,
        };
    const [moved] = await tx
      .update(shipments)
      .set(next)
      .where(and(eq(shipments.id, shipment.id), inArray(shipments.status, ["ready", "pickup_scheduled"])))
      .returning({ id: shipments.id });
    // Someone moved the shipment since it was read; the label is voided at the carrier all the same.
    if (!moved) throw new AppError("labels.errors.voidChangedMeanwhile", undefined, { order });
    if (intent) {
      await tx
        .update(labelPurchases)
        .set({ status: "voided", completedAt: sql`now()` })
        .where(eq(labelPurchases.id, intent.id));
    }
    // Back to Ready: the voided label must not be downloaded and printed by mistake (the intent
    // and the audit keep its tracking number). A cancelled shipment keeps its documents as a record.
    if (!cancelledInShopify) await tx.delete(shipmentDocuments).where(eq(shipmentDocuments.shipmentId, shipment.id));
    await recordAudit(tx, {
      actorId,
      action: "shipment.label_voided",
      entityType: "shipment",
      entityId: shipment.id,
      before: { status: shipment.status, pickupConfirmation: pickup?.confirmationNumber ?? null },
      after: {
        status: cancelledInShopify ? "cancelled" : "ready",
        carrier,
        trackingNumber,
        pickupCancelled: pickup && pickupAlone ? pickup.confirmationNumber : null,
        shopifyFulfillmentCancelled: shipment.shopifyFulfillmentId ? !shopifyError : null,
      },
    });
    return {
      order,
      trackingNumber,
      status: cancelledInShopify ? ("cancelled" as const) : ("ready" as const),
      pickupCancelled: !!(pickup && pickupAlone),
      shopifyCancelFailed: !!shopifyError,
    };
  });
  return voided;
}

/**
 * "Retry" on voided labels whose Shopify fulfillment could not be cancelled: of `shipmentIds`, those
 * waiting for that cancel are tried again; resolves with which they were and how many still failed.
 */
export async function retryFulfillmentCancels(
  deps: VoidDeps & { shopify: Shopify },
  shipmentIds: string[],
  actorId: string | null = null,
) {
  const waiting = await deps.db
    .select()
    .from(shipments)
    .where(and(inArray(shipments.id, shipmentIds), like(shipments.fulfillmentError, "cancel:%")));
  let failed = 0;
  for (const shipment of waiting) {
    const error = shipment.shopifyFulfillmentId
      ? await cancelFulfillment(deps, shipment.storeId, shipment.shopifyFulfillmentId)
      : null;
    if (error) failed++;
    await deps.db
      .update(shipments)
      .set(
        error
          ? { fulfillmentError: `cancel:${error}`.slice(0, 500) }
          : { fulfillmentState: null, fulfillmentError: null, shopifyFulfillmentId: null },
      )
      .where(eq(shipments.id, shipment.id));
    // Each attempt is on the shipment's activity log (the shipment itself keeps only the outcome).
    await recordAudit(deps.db, {
      actorId,
      action: error ? "shipment.fulfillment_cancel_failed" : "shipment.fulfillment_cancelled",
      entityType: "shipment",
      entityId: shipment.id,
      after: error ? { reason: error } : { fulfillmentId: shipment.shopifyFulfillmentId },
    });
  }
  return { handled: new Set(waiting.map((shipment) => shipment.id)), failed };
}
