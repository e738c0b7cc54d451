"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CARRIER_IDS } from "@/domain/carriers";
import { EXPORT_REASONS, INCOTERMS } from "@/domain/draft-form";
import { authedAction } from "@/server/auth/action";
import { bulkUpdateDrafts } from "@/server/services/drafts";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

const bulkSchema = z
  .object({
    ids: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.uuid("errors.notFound")).min(1, "errors.nothingSelected").max(500)),
    carrier: optional(z.enum(CARRIER_IDS, "errors.carrierInvalid")),
    service: optional(z.string().trim().max(100, "errors.tooLong")),
    incoterm: optional(z.enum(INCOTERMS, "errors.invalid")),
    exportReason: optional(z.enum(EXPORT_REASONS, "errors.invalid")),
    originCountry: optional(
      z
        .string()
        .regex(/^[A-Za-z]{2}$/, "errors.countryInvalid")
        .transform((value) => value.toUpperCase()),
    ),
  })
  .refine((value) => value.carrier || value.service || value.incoterm || value.exportReason || value.originCountry, {
    message: "errors.nothingToChange",
    path: ["_form"],
  });

/** Bulk on selected drafts: carrier and service, incoterm, reason for export, country of origin. */
export const bulkUpdateDraftsAction = authedAction(
  bulkSchema,
  { role: "operator" },
  async ({ ids, ...changes }, { db, user, t }) => {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const { updated, promoted } = await bulkUpdateDrafts(db, ids, defined, user.id);
    revalidatePath("/follow-up/quotations-shipments");
    revalidatePath("/shipments");
    return { ok: true, message: t("drafts.bulkDone", { updated, promoted }) };
  },
);
