"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ZONE_IDS, type RateCard } from "@/domain/quotes";
import { unflatten } from "@/domain/draft-form";
import { authedAction } from "@/server/auth/action";
import { updateRateCard } from "@/server/services/quotes";

const number = z.coerce.number("errors.numberInvalid");
const zoneSchema = z.object({
  baseUpToKg: number,
  basePrice: number,
  perAdditionalKg: number,
  transitMin: number,
  transitMax: number,
});

const rateCardSchema = z.preprocess(
  (input) => unflatten(input as Record<string, unknown>),
  z.object({ id: z.uuid("errors.notFound"), zones: z.partialRecord(z.enum(ZONE_IDS), zoneSchema) }),
);

/** An admin saves the prices of one rate card (validated; nothing saved on a problem). */
export const saveRateCardAction = authedAction(
  rateCardSchema,
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
