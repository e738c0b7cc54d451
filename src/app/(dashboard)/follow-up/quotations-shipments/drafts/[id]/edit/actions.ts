"use server";
import { revalidatePath } from "next/cache";
import { CARRIERS } from "@/domain/carrier-registry";
import { draftFormSchema, pickQuoteFormSchema, quoteShipmentFormSchema } from "@/domain/draft-form";
import { pickQuote, quoteShipmentById } from "@/server/services/quotes";
import { authedAction } from "@/server/auth/action";
import { saveDraft, type SaveDraftResult } from "@/server/services/drafts";

/** The "Edit Draft" button: saves what was filled; a complete draft becomes a ready shipment. */
export const saveDraftAction = authedAction(draftFormSchema, { role: "operator" }, async (form, { db, user, t }) => {
  const result: SaveDraftResult = await saveDraft(db, form, user.id);
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

/** "Get quotes": prices the shipment with the rate cards. */
export const quoteShipmentAction = authedAction(
  quoteShipmentFormSchema,
  { role: "operator" },
  async ({ id }, { db, t }) => {
    const { available } = await quoteShipmentById(db, id);
    revalidatePath(`/follow-up/quotations-shipments/drafts/${id}/edit`);
    revalidatePath("/follow-up/quotations-shipments");
    return available > 0
      ? { ok: true, message: t("quotes.quoted", { count: available }) }
      : { ok: false, formError: t("quotes.noneAvailable") };
  },
);

/** Picking a quote sets the carrier and service and re-checks the draft for that carrier. */
export const pickQuoteAction = authedAction(
  pickQuoteFormSchema,
  { role: "operator" },
  async ({ quoteId, version }, { db, user, t }) => {
    const result = await pickQuote(db, quoteId, version, user.id);
    revalidatePath("/follow-up/quotations-shipments", "layout");
    revalidatePath("/shipments");
    return {
      ok: true,
      message: t("quotes.picked", { carrier: CARRIERS[result.carrier].name, service: result.service }),
    };
  },
);
