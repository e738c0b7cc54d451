"use server";
// The signed-in user's own preferences: the format labels are bought and downloaded in.
import { revalidatePath } from "next/cache";
import { labelFormatFormSchema } from "@/domain/shipment-forms";
import { authedAction } from "@/server/auth/action";
import { setUserLabelFormat } from "@/server/services/users";

export const setLabelFormatAction = authedAction(
  labelFormatFormSchema,
  { role: "operator" },
  async ({ format }, { db, user, t }) => {
    await setUserLabelFormat(db, user.id, format);
    revalidatePath("/", "layout");
    return { ok: true, message: t("labels.formatSaved", { format }) };
  },
);
