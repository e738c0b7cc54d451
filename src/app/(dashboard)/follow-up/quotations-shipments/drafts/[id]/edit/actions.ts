"use server";
import { revalidatePath } from "next/cache";
import { CARRIERS } from "@/domain/carrier-registry";
import { draftFormSchema, pickQuoteFormSchema, quoteShipmentFormSchema } from "@/domain/draft-form";
import { pickQuote, quoteShipmentById } from "@/server/services/quotes";
import { authedAction } from "@/server/auth/action";
import { carrierDirectory } from "@/server/carriers/directory";
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

/**
 * "Get quotes": prices the shipment with the rate cards and the store's carrier accounts. The
 * answer carries, translated, why a carrier's live rates are missing (`data.notices`).
 */
export const quoteShipmentAction = authedAction(
  quoteShipmentFormSchema,
  { role: "operator" },
  async ({ id }, { db, user, t }) => {
    const outcome = await quoteShipmentById({ db, carriers: carrierDirectory(db) }, id, user.id);
    revalidatePath(`/follow-up/quotations-shipments/drafts/${id}/edit`);
    revalidatePath("/follow-up/quotations-shipments");
    const notices = [
      ...outcome.missing.map((missing) =>
        t("quotes.liveNeeds", {
          field: t(`quotes.fields.${missing.field}`, { parcel: "parcel" in missing ? missing.parcel : 0 }),
        }),
      ),
      ...outcome.notices.map((notice) =>
        t("quotes.liveMissing", {
          reason: t(`carriers.errors.${notice.code}`, {
            carrier: CARRIERS[notice.carrier].name,
            message: notice.message ?? "",
          }),
        }),
      ),
    ];
    if (outcome.available === 0) {
      const problem = outcome.rateCardProblem;
      return {
        ok: false,
        formError: [
          problem ? t(`quotes.cardProblems.${problem.reason}`, problem) : t("quotes.noneAvailable"),
          ...notices,
        ].join(" "),
      };
    }
    const cards = outcome.available - outcome.live;
    return {
      ok: true,
      message:
        outcome.live > 0
          ? t("quotes.quotedLive", { count: outcome.available, live: outcome.live, cards })
          : t("quotes.quoted", { count: outcome.available }),
      data: { notices },
    };
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
