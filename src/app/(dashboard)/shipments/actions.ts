"use server";
import { revalidatePath } from "next/cache";
import {
  cancelPickupFormSchema,
  reschedulePickupFormSchema,
  schedulePickupFormSchema,
  shipmentSelectionFormSchema,
  voidLabelFormSchema,
} from "@/domain/shipment-forms";
import { authedAction } from "@/server/auth/action";
import { carrierDirectory } from "@/server/carriers/directory";
import { AppError } from "@/server/errors";
import { issueDocuments } from "@/server/services/documents";
import { writeBackTracking } from "@/server/services/fulfillment";
import { queueHoldRetry, reconcileHolds } from "@/server/services/fulfillment-holds";
import { cancelPickup, reschedulePickup, schedulePickups } from "@/server/services/pickups";
import { retryFulfillmentCancels, voidLabel } from "@/server/services/void-label";
import { getShopify } from "@/server/shopify/api";

function refresh() {
  revalidatePath("/shipments");
  revalidatePath("/follow-up/quotations-shipments");
}

/** "Schedule pickup" for one or many ready shipments. */
export const schedulePickupAction = authedAction(
  schedulePickupFormSchema,
  { role: "operator" },
  async ({ ids, ...window }, { db, user, t }) => {
    const booked = await schedulePickups({ db, carriers: carrierDirectory(db) }, ids, window, user.id);
    refresh();
    return {
      ok: true,
      message: t("pickups.scheduled", {
        count: ids.length,
        confirmations: booked.map((pickup) => pickup.confirmationNumber).join(", "),
      }),
    };
  },
);

export const reschedulePickupAction = authedAction(
  reschedulePickupFormSchema,
  { role: "operator" },
  async ({ pickupId, ...window }, { db, user, t }) => {
    const pickup = await reschedulePickup({ db, carriers: carrierDirectory(db) }, pickupId, window, user.id);
    refresh();
    return { ok: true, message: t("pickups.rescheduled", { confirmation: pickup.confirmationNumber }) };
  },
);

export const cancelPickupAction = authedAction(
  cancelPickupFormSchema,
  { role: "operator" },
  async ({ pickupId }, { db, user, t }) => {
    const { released, cancelled, alreadyCancelledAtCarrier, carrier } = await cancelPickup(
      { db, carriers: carrierDirectory(db) },
      pickupId,
      user.id,
    );
    refresh();
    const message = [
      alreadyCancelledAtCarrier ? t("pickups.alreadyCancelledAtCarrier", { carrier }) : null,
      released > 0 || cancelled === 0 ? t("pickups.cancelled", { count: released }) : null,
      cancelled > 0 ? t("cancelledInShopify.pickupCancelled", { count: cancelled }) : null,
    ]
      .filter(Boolean)
      .join(" ");
    return { ok: true, message };
  },
);

/** "Void label" on a shipment whose carrier label is not collected yet. */
export const voidLabelAction = authedAction(
  voidLabelFormSchema,
  { role: "operator" },
  async ({ shipmentId }, { db, user, t }) => {
    const voided = await voidLabel({ db, carriers: carrierDirectory(db), shopify: getShopify() }, shipmentId, user.id);
    refresh();
    const values = { order: voided.order, tracking: voided.trackingNumber };
    const message = [
      t(voided.status === "ready" ? "labels.voidedReady" : "labels.voidedCancelled", values),
      voided.shopifyCancelFailed ? t("labels.shopifyCancelFailed", { order: voided.order }) : null,
    ]
      .filter(Boolean)
      .join(" ");
    return { ok: true, message };
  },
);

/**
 * "Generate documents": buys the labels not bought yet (each shipment gets its outcome), then sends
 * the tracking to Shopify. The answer carries the download link of all selected shipments' documents.
 */
export const generateDocumentsAction = authedAction(
  shipmentSelectionFormSchema,
  { role: "operator" },
  async ({ ids }, { db, user, t }) => {
    const outcome = await issueDocuments({ db, carriers: carrierDirectory(db) }, ids, { id: user.id, name: user.name });
    const sent = await writeBackTracking({ db, shopify: getShopify() }, outcome.issued, user.id);
    refresh();
    const reason = (error: AppError) => t(error.code, error.values as never);
    const message = [
      t("documents.issued", { issued: outcome.issued.length, already: outcome.alreadyIssued.length }),
      sent.failed > 0 ? t("documents.trackingFailed", { count: sent.failed }) : null,
      outcome.failed.length > 0 ? t("labels.outcomesTitle", { failed: outcome.failed.length }) : null,
    ]
      .filter(Boolean)
      .join(" ");
    return {
      ok: true,
      message,
      data: {
        downloadUrl: `/shipments/documents?ids=${ids.join(",")}`,
        // Our messages name the order already; one that does not gets it in front.
        failures: outcome.failed.map((failure) =>
          failure.error.values?.order
            ? reason(failure.error)
            : t("labels.outcomeFailed", { order: failure.order, reason: reason(failure.error) }),
        ),
      },
    };
  },
);

/** "Retry" on a shipment whose tracking did not reach Shopify, or whose voided label's fulfillment was not cancelled there. */
export const retryTrackingAction = authedAction(
  shipmentSelectionFormSchema,
  { role: "operator" },
  async ({ ids }, { db, user, t }) => {
    const shopify = getShopify();
    const cancels = await retryFulfillmentCancels({ db, carriers: carrierDirectory(db), shopify }, ids, user.id);
    const sent = await writeBackTracking(
      { db, shopify },
      ids.filter((id) => !cancels.handled.has(id)),
      user.id,
    );
    refresh();
    const failed = sent.failed + cancels.failed;
    if (failed > 0) return { ok: false, formError: t("documents.trackingFailed", { count: failed }) };
    return { ok: true, message: t("documents.trackingSent", { count: sent.created + cancels.handled.size }) };
  },
);

/**
 * "Retry" on a shipment whose hold in Shopify could not be placed, renewed or released (the drafts
 * table, and Shipment Management for a completed draft still held): attempted now.
 */
export const retryHoldAction = authedAction(
  shipmentSelectionFormSchema,
  { role: "operator" },
  async ({ ids }, { db, t }) => {
    await queueHoldRetry(db, ids);
    const outcome = await reconcileHolds({ db, shopify: getShopify() }, { shipmentIds: ids, limit: ids.length });
    refresh();
    if (outcome.failed > 0) return { ok: false, formError: t("holds.retryFailed", { count: outcome.failed }) };
    return { ok: true, message: t("holds.retried", { count: outcome.held + outcome.released + outcome.unchanged }) };
  },
);
