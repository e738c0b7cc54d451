"use server";
// The shipment page's actions, also offered on Shipment Management's rows: "Check now" (the same
// poll the schedule runs, for this one shipment) and "Record S10 code" for Correios.
import { revalidatePath } from "next/cache";
import { recordS10FormSchema } from "@/domain/correios-s10";
import { checkTrackingFormSchema } from "@/domain/tracking-schedule";
import { authedAction } from "@/server/auth/action";
import { carrierDirectory } from "@/server/carriers/directory";
import { recordCorreiosTracking } from "@/server/services/correios-tracking";
import { writeBackTracking } from "@/server/services/fulfillment";
import { pollTracking } from "@/server/services/tracking/poll";
import { getShopify } from "@/server/shopify/api";

function refresh(shipmentId: string) {
  revalidatePath(`/shipments/${shipmentId}`);
  revalidatePath("/shipments");
}

export const checkTrackingAction = authedAction(
  checkTrackingFormSchema,
  { role: "operator" },
  async ({ shipmentId }, { db, t }) => {
    const outcome = await pollTracking(
      { db, carriers: carrierDirectory(db), shopify: getShopify() },
      { limit: 1, shipmentIds: [shipmentId] },
    );
    refresh(shipmentId);
    if (outcome.claimed === 0) return { ok: false, formError: t("tracking.notCheckable") };
    if (outcome.postponed > 0) return { ok: false, formError: t("tracking.checkPostponed") };
    return { ok: true, message: t("tracking.checked", { count: outcome.newEvents }) };
  },
);

export const recordS10Action = authedAction(
  recordS10FormSchema,
  { role: "operator" },
  async ({ shipmentId, code }, { db, user, t }) => {
    const recorded = await recordCorreiosTracking(db, { shipmentId, code }, user.id);
    // As after documents: the tracking goes to Shopify now; a failure stays on the row with Retry.
    const sent = await writeBackTracking({ db, shopify: getShopify() }, [shipmentId], user.id);
    refresh(shipmentId);
    const message = [
      t("correios.recorded", { order: recorded.order, code: recorded.trackingNumber }),
      sent.failed > 0 ? t("correios.trackingFailed") : null,
    ]
      .filter(Boolean)
      .join(" ");
    return { ok: true, message };
  },
);
