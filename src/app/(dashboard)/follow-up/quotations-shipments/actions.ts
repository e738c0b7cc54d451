"use server";
import { revalidatePath } from "next/cache";
import { bulkDraftsFormSchema } from "@/domain/draft-form";
import { authedAction } from "@/server/auth/action";
import { bulkUpdateDrafts } from "@/server/services/drafts";

/** Bulk on selected drafts: carrier and service, incoterm, reason for export, country of origin. */
export const bulkUpdateDraftsAction = authedAction(
  bulkDraftsFormSchema,
  { role: "operator" },
  async ({ ids, ...changes }, { db, user, t }) => {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const { updated, promoted } = await bulkUpdateDrafts(db, ids, defined, user.id);
    revalidatePath("/follow-up/quotations-shipments");
    revalidatePath("/shipments");
    return { ok: true, message: t("drafts.bulkDone", { updated, promoted }) };
  },
);
