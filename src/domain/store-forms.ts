// The Stores page's forms (the customs defaults form is storeSettingsSchema, in customs-terms.ts).
import { z } from "zod";
import { validateShipperForm } from "./shipper";
import { SHIPPER_FIELDS, type ShipperField } from "./shipper-fields";
import { normalizeShopDomain } from "./shop-domain";

/** "Check connection": one store, by its shop domain. */
export const shopFormSchema = z.object({
  shop: z.string().transform((value, ctx) => {
    const shop = normalizeShopDomain(value);
    if (!shop) ctx.addIssue({ code: "custom", message: "errors.shopDomainInvalid" });
    return shop ?? "";
  }),
});

const shipperFields = Object.fromEntries(SHIPPER_FIELDS.map((field) => [field, z.string().optional()])) as Record<
  ShipperField,
  z.ZodOptional<z.ZodString>
>;

/** "Shipper details": the exporter printed on labels and commercial invoices. */
export const shipperFormSchema = z
  .object({ storeId: z.uuid("errors.notFound"), ...shipperFields })
  .transform((input, ctx) => {
    const result = validateShipperForm(input);
    if (!result.ok) {
      for (const [field, problem] of Object.entries(result.problems)) {
        ctx.addIssue({ code: "custom", path: [field], message: `stores.shipper.errors.${problem}` });
      }
      return z.NEVER;
    }
    return { storeId: input.storeId, profile: result.profile };
  });
