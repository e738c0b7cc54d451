"use server";
import { revalidatePath } from "next/cache";
import type { RateCard } from "@/domain/quotes";
import { rateCardFormSchema } from "@/domain/rate-card-form";
import { authedAction } from "@/server/auth/action";
import { updateRateCard } from "@/server/services/quotes";

/** An admin saves the prices of one rate card (validated; nothing saved on a problem). */
export const saveRateCardAction = authedAction(
  rateCardFormSchema,
  { role: "admin" },
  async ({ id, zones }, { db, user, t }) => {
    const parsed: RateCard["zones"] = Object.fromEntries(
      Object.entries(zones).map(([zone, rate]) => [
        zone,
        {
          baseUpToKg: rate!.baseUpToKg,
          basePrice: rate!.basePrice,
          perAdditionalKg: rate!.perAdditionalKg,
          transitDays: [rate!.transitMin, rate!.transitMax],
        },
      ]),
    );
    await updateRateCard(db, id, parsed, user.id);
    revalidatePath("/follow-up/quotations-shipments", "layout");
    return { ok: true, message: t("rateCards.saved") };
  },
);
