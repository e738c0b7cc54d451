"use server";
import { revalidatePath } from "next/cache";
import { getFormatter } from "next-intl/server";
import { CARRIERS } from "@/domain/carrier-registry";
import { draftFormSchema, pickQuoteFormSchema, quoteShipmentFormSchema } from "@/domain/draft-form";
import { pickQuote, quoteShipmentById } from "@/server/services/quotes";
import { authedAction } from "@/server/auth/action";
import { carrierDirectory } from "@/server/carriers/directory";
import { saveDraft, type SaveDraftResult } from "@/server/services/drafts";
import { holdsSoon } from "@/server/services/fulfillment-holds-schedule";
import { describeQuoteOutcome } from "./quote-outcome";

/** The "Edit Draft" button: saves what was filled; a complete draft becomes a ready shipment. */
export const saveDraftAction = authedAction(draftFormSchema, { role: "operator" }, async (form, { db, user, t }) => {
  const result: SaveDraftResult = await saveDraft(db, form, user.id);
  // Its hold in Shopify follows (released once complete, new notes otherwise), after the answer.
  holdsSoon([form.id]);
  // The edit page too: its heading and badge follow the status the save gave.
  revalidatePath(`/follow-up/quotations-shipments/drafts/${form.id}/edit`);
  revalidatePath("/follow-up/quotations-shipments");
  revalidatePath("/shipments");
  return {
    ok: true,
    data: result,
    message: result.promoted
      ? t("drafts.promoted")
      : result.missingFields.length === 0
        ? t("drafts.savedReady")
        : t("drafts.savedStillMissing", { count: result.missingFields.length }),
  };
});

/**
 * "Get quotes": prices the shipment with the rate cards and the store's carrier accounts. The
 * answer says, translated, why nothing or not everything could be quoted, each reason with the
 * form field that fixes it (`data`, see quote-outcome.ts).
 */
export const quoteShipmentAction = authedAction(
  quoteShipmentFormSchema,
  { role: "operator" },
  async ({ id }, { db, user, t }) => {
    const outcome = await quoteShipmentById({ db, carriers: carrierDirectory(db) }, id, user.id);
    revalidatePath(`/follow-up/quotations-shipments/drafts/${id}/edit`);
    revalidatePath("/follow-up/quotations-shipments");
    const format = await getFormatter();
    const view = describeQuoteOutcome(t, (items) => format.list(items), outcome);
    return { ok: true, message: view.message, data: view };
  },
);

/** Picking a quote sets the carrier and service and re-checks the draft for that carrier. */
export const pickQuoteAction = authedAction(
  pickQuoteFormSchema,
  { role: "operator" },
  async ({ quoteId, version }, { db, user, t }) => {
    const result = await pickQuote(db, quoteId, version, user.id);
    holdsSoon([result.shipmentId]);
    revalidatePath("/follow-up/quotations-shipments", "layout");
    revalidatePath("/shipments");
    return {
      ok: true,
      message: t("quotes.picked", { carrier: CARRIERS[result.carrier].name, service: result.service }),
    };
  },
);
