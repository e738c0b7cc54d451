import "server-only";
// What quoting reads: the merchant's rate cards and the quotes kept for a shipment.
import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Db } from "../db/client";
import { carrierAccounts, quotes, rateCards } from "../db/schema";

/** Every rate card, by carrier then service. */
export function allRateCards(db: Db) {
  return db.select().from(rateCards).orderBy(asc(rateCards.carrier), asc(rateCards.service));
}

export async function findRateCard(db: Db, id: string): Promise<typeof rateCards.$inferSelect | undefined> {
  const [card] = await db.select().from(rateCards).where(eq(rateCards.id, id));
  return card;
}

/** The shipment's stored quotes, cheapest first, a live rate with the name of the account it came from. */
export function quotesForShipment(db: Db, shipmentId: string) {
  return db
    .select({ ...getTableColumns(quotes), accountName: carrierAccounts.name })
    .from(quotes)
    .leftJoin(carrierAccounts, eq(carrierAccounts.id, quotes.carrierAccountId))
    .where(eq(quotes.shipmentId, shipmentId))
    .orderBy(asc(quotes.price), asc(quotes.id));
}

export async function findQuote(db: Db, quoteId: string): Promise<typeof quotes.$inferSelect | undefined> {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, quoteId));
  return quote;
}
