"use server";
// The signed-in user's own preferences: the format labels are bought and downloaded in.
import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { labelFormatFormSchema } from "@/domain/shipment-forms";
import { authedAction } from "@/server/auth/action";
import { users } from "@/server/db/schema";

export const setLabelFormatAction = authedAction(
  labelFormatFormSchema,
  { role: "operator" },
  async ({ format }, { db, user, t }) => {
    await db
      .update(users)
      .set({ labelFormat: format, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    revalidatePath("/", "layout");
    return { ok: true, message: t("labels.formatSaved", { format }) };
  },
);
