// The Sync Orders button and Sync history's forms.
import { z } from "zod";

/** "Sync Orders": one store, or every connected store without a storeId. */
export const syncOrdersFormSchema = z.object({ storeId: z.uuid("errors.notFound").optional() });

/** "Archive in Shopify": the sync items (orders without a shipping address) to archive. */
export const archiveOrdersFormSchema = z.object({
  itemIds: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).map(Number))
    .pipe(z.array(z.number().int().positive()).min(1, "errors.nothingSelected").max(500)),
});
