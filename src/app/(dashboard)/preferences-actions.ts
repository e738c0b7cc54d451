"use server";
// The signed-in user's own preferences: the format labels are bought and downloaded in.
import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { LABEL_FORMATS } from "@/domain/statuses";
import { authedAction } from "@/server/auth/action";
import { users } from "@/server/db/schema";

const labelFormatFormSchema = z.object({ format: z.enum(LABEL_FORMATS, "errors.invalid") });

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
