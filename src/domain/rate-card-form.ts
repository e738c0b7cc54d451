// The rate-card form (admin): one card's prices per zone, "zones.europe.basePrice" and so on.
import { z } from "zod";
import { ZONE_IDS } from "./quotes";

const number = z.coerce.number("errors.numberInvalid");
const zoneSchema = z.object({
  baseUpToKg: number,
  basePrice: number,
  perAdditionalKg: number,
  transitMin: number,
  transitMax: number,
});

export const rateCardFormSchema = z.object({
  id: z.uuid("errors.notFound"),
  zones: z.partialRecord(z.enum(ZONE_IDS), zoneSchema),
});
