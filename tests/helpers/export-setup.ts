// What a store needs before its orders can be ready to ship: the customs terms an admin chose
// (Stores › Customs defaults) and the PTAX rates the US$ 1,000 rule converts with (seedRates).
import { eq } from "drizzle-orm";
import type { Db } from "@/server/db/client";
import { stores } from "@/server/db/schema";
import { seedRates } from "./ptax";

export { seedRates };

export async function setCustomsDefaults(
  db: Db,
  storeId: string,
  defaults: { incoterm: string | null; exportReason: string | null } = { incoterm: "DAP", exportReason: "sale" },
) {
  await db
    .update(stores)
    .set({ defaultIncoterm: defaults.incoterm, defaultExportReason: defaults.exportReason })
    .where(eq(stores.id, storeId));
}

/** Both: the store's customs defaults and the emulator's PTAX rates of the days before today. */
export async function prepareForExport(db: Db, storeId: string) {
  await setCustomsDefaults(db, storeId);
  await seedRates(db);
}
