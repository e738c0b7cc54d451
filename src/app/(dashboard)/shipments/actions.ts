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
import { getCarrierAdapter } from "@/server/carriers";
import { carrierDirectory } from "@/server/carriers/directory";
import { issueDocuments } from "@/server/services/documents";
import { writeBackTracking } from "@/server/services/fulfillment";
import { cancelPickup, reschedulePickup, schedulePickups } from "@/server/services/pickups";
import { voidLabel } from "@/server/services/void-label";
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

/** "Void label" on a shipment whose order was cancelled in Shopify after its documents were issued. */
export const voidLabelAction = authedAction(
  voidLabelFormSchema,
  { role: "operator" },
  async ({ shipmentId }, { db, user, t }) => {
    const voided = await voidLabel({ db, carriers: getCarrierAdapter() }, shipmentId, user.id);
    refresh();
    return {
      ok: true,
      message: t("cancelledInShopify.voided", { order: voided.order, tracking: voided.trackingNumber }),
    };
  },
);

/**
 * "Generate documents": issues what is not issued yet, then sends the tracking to Shopify. The
 * answer carries the download link of all selected shipments' documents.
 */
export const generateDocumentsAction = authedAction(
  shipmentSelectionFormSchema,
  { role: "operator" },
  async ({ ids }, { db, user, t }) => {
    const outcome = await issueDocuments({ db, carriers: getCarrierAdapter() }, ids, { id: user.id, name: user.name });
    const sent = await writeBackTracking({ db, shopify: getShopify() }, outcome.issued, user.id);
    refresh();
    const message = [
      t("documents.issued", { issued: outcome.issued.length, already: outcome.alreadyIssued.length }),
      sent.failed > 0 ? t("documents.trackingFailed", { count: sent.failed }) : null,
    ]
      .filter(Boolean)
      .join(" ");
    return { ok: true, message, data: { downloadUrl: `/shipments/documents?ids=${ids.join(",")}` } };
  },
);

/** "Retry" on a shipment whose tracking did not reach Shopify. */
export const retryTrackingAction = authedAction(
  shipmentSelectionFormSchema,
  { role: "operator" },
  async ({ ids }, { db, user, t }) => {
    const sent = await writeBackTracking({ db, shopify: getShopify() }, ids, user.id);
    refresh();
    if (sent.failed > 0) return { ok: false, formError: t("documents.trackingFailed", { count: sent.failed }) };
    return { ok: true, message: t("documents.trackingSent", { count: sent.created }) };
  },
);
