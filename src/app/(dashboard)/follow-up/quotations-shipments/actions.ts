"use server";
import { revalidatePath } from "next/cache";
import { bulkParcelFormSchema, parcelChangesOf } from "@/domain/bulk-parcel";
import { bulkDraftsFormSchema } from "@/domain/draft-form";
import { authedAction } from "@/server/auth/action";
import { bulkEditParcels, bulkUpdateDrafts } from "@/server/services/drafts";
import { holdsSoon } from "@/server/services/fulfillment-holds-schedule";

/** Bulk on selected drafts: carrier and service, incoterm, reason for export, country of origin. */
export const bulkUpdateDraftsAction = authedAction(
  bulkDraftsFormSchema,
  { role: "operator" },
  async ({ ids, ...changes }, { db, user, t }) => {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const { updated, promoted } = await bulkUpdateDrafts(db, ids, defined, user.id);
    holdsSoon(ids);
    revalidatePath("/follow-up/quotations-shipments");
    revalidatePath("/shipments");
    return { ok: true, message: t("drafts.bulkDone", { updated, promoted }) };
  },
);

/** "Edit weight & dimensions" on selected drafts: all of them in one transaction, or none. */
export const bulkEditParcelsAction = authedAction(
  bulkParcelFormSchema,
  { role: "operator" },
  async (form, { db, user, t }) => {
    const { updated, ready } = await bulkEditParcels(db, form.drafts, parcelChangesOf(form), user.id);
    holdsSoon(form.drafts.map((draft) => draft.id));
    revalidatePath("/follow-up/quotations-shipments");
    revalidatePath("/shipments");
    return { ok: true, message: t("bulkParcel.done", { updated, ready }) };
  },
);
