// What a store needs before its orders can be ready to ship: the customs terms an admin chose
// (Stores › Customs defaults) and the PTAX rates the US$ 1,000 rule converts with.
import { eq, sql } from "drizzle-orm";
import { addDays } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import type { Db } from "@/server/db/client";
import { exchangeRates, stores } from "@/server/db/schema";

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

/**
 * Closing PTAX bulletins (BRL per unit) for each of the `days` days before `until` (default: today in
 * São Paulo), so every evaluation of the test finds the rate of "the day before".
 */
export async function seedPtaxRates(
  db: Db,
  buyBrl: Record<string, string>,
  options: { until?: string; days?: number } = {},
) {
  const until = options.until ?? originNow().date;
  const rows = Object.entries(buyBrl).flatMap(([currency, rate]) =>
    Array.from({ length: options.days ?? 8 }, (_, index) => {
      const rateDate = addDays(until, -(index + 1));
      return {
        currency,
        rateDate,
        buyBrl: rate,
        sellBrl: rate,
        bulletin: "Fechamento PTAX",
        quotedAt: new Date(`${rateDate}T16:04:00Z`),
        source: "bcb_ptax",
      };
    }),
  );
  await db
    .insert(exchangeRates)
    .values(rows)
    .onConflictDoUpdate({
      target: [exchangeRates.currency, exchangeRates.rateDate],
      set: { buyBrl: sql`excluded.buy_brl`, sellBrl: sql`excluded.sell_brl` },
    });
}
