import "server-only";
import { eq } from "drizzle-orm";
import { CARRIER_IDS } from "@/domain/carrier-registry";
import { defineTable, type StateOf } from "@/lib/table/params";
import type { QuoteRow } from "@/lib/rows/quotes";
import type { Db } from "../db/client";
import { orders, quotes, shipments } from "../db/schema";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";

export const quotesTable = defineTable({
  sortable: ["order", "carrier", "price", "transitDays", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { carrier: CARRIER_IDS },
});

const quotesQuery = tableQuery(quotesTable, {
  sort: {
    order: orders.name,
    carrier: quotes.carrier,
    price: quotes.price,
    transitDays: quotes.transitDays,
    createdAt: quotes.createdAt,
  },
  filters: { carrier: quotes.carrier },
  search: [orders.name, orders.customerName],
  tiebreaker: quotes.id,
});

export async function listQuotes(db: Db, state: StateOf<typeof quotesTable>): Promise<Page<QuoteRow>> {
  const query = buildTableQuery(state, quotesQuery);
  const joined = () =>
    db
      .select({
        id: quotes.id,
        orderName: orders.name,
        carrier: quotes.carrier,
        service: quotes.service,
        chargeableWeightKg: quotes.chargeableWeightKg,
        price: quotes.price,
        currency: quotes.currency,
        transitDays: quotes.transitDays,
        source: quotes.source,
        chosenQuoteId: shipments.chosenQuoteId,
        createdAt: quotes.createdAt,
      })
      .from(quotes)
      .innerJoin(shipments, eq(shipments.id, quotes.shipmentId))
      .innerJoin(orders, eq(orders.id, shipments.orderId));
  const [rows, [{ total }]] = await Promise.all([
    joined()
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: countAll })
      .from(quotes)
      .innerJoin(shipments, eq(shipments.id, quotes.shipmentId))
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(query.where),
  ]);
  return {
    rows: rows.map(({ chosenQuoteId, ...row }) => ({ ...row, chosen: chosenQuoteId === row.id })),
    rowCount: total,
  };
}

export async function countQuotes(db: Db): Promise<number> {
  const [{ total }] = await db.select({ total: countAll }).from(quotes);
  return total;
}
