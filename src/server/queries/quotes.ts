import "server-only";
// The Quotations tab: one row per quoted shipment (a quotation offers one quote per carrier
// service, so listing quotes repeated each order five or six times), with the chosen quote and
// every quote of the shipments on the page.
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { CARRIER_IDS } from "@/domain/carrier-registry";
import { defineTable, type StateOf } from "@/lib/table/params";
import { groupQuotes, type QuoteGroupRow } from "@/lib/rows/quotes";
import type { Db } from "../db/client";
import { orders, quotes, shipments, stores } from "../db/schema";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";

const CHOICES = ["chosen", "open"] as const;

export const quotesTable = defineTable({
  sortable: ["order", "customer", "quotes", "quotedAt"],
  // The shipments quoted last first: the ones an operator is working on.
  defaultSort: { id: "quotedAt", desc: true },
  filters: { carrier: CARRIER_IDS, choice: CHOICES },
});

/** The shipment's own quotes (quotes_shipment_idx), for the correlated conditions and sorts. */
const ownQuotes = eq(quotes.shipmentId, shipments.id);

function choiceCondition(values: string[]): SQL {
  if (values.includes("chosen") && values.includes("open")) return sql`true`;
  return values.includes("chosen") ? isNotNull(shipments.chosenQuoteId) : isNull(shipments.chosenQuoteId);
}

const quotesQuery = tableQuery(quotesTable, {
  sort: {
    order: orders.name,
    customer: orders.customerName,
    quotes: sql`(select count(*) from ${quotes} where ${ownQuotes})`,
    quotedAt: sql`(select max(${quotes.createdAt}) from ${quotes} where ${ownQuotes})`,
  },
  filters: {
    // Shipments with at least one quote from the chosen carriers.
    carrier: (values: string[]) =>
      sql`exists (select 1 from ${quotes} where ${and(ownQuotes, inArray(quotes.carrier, values))})`,
    choice: choiceCondition,
  },
  search: [orders.name, orders.customerName],
  tiebreaker: shipments.id,
  where: [sql`exists (select 1 from ${quotes} where ${ownQuotes})`],
});

export async function listQuotes(db: Db, state: StateOf<typeof quotesTable>): Promise<Page<QuoteGroupRow>> {
  const query = buildTableQuery(state, quotesQuery);
  const [page, [{ total }]] = await Promise.all([
    db
      .select({
        id: shipments.id,
        orderName: orders.name,
        storeName: stores.name,
        customer: orders.customerName,
        destination: shipments.destinationCountry,
        status: shipments.status,
        chosenQuoteId: shipments.chosenQuoteId,
      })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .innerJoin(stores, eq(stores.id, shipments.storeId))
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: countAll })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(query.where),
  ]);
  const ids = page.map((row) => row.id);
  const pageQuotes =
    ids.length === 0
      ? []
      : await db
          .select({
            id: quotes.id,
            shipmentId: quotes.shipmentId,
            carrier: quotes.carrier,
            service: quotes.service,
            chargeableWeightKg: quotes.chargeableWeightKg,
            price: quotes.price,
            currency: quotes.currency,
            transitDays: quotes.transitDays,
            source: quotes.source,
            createdAt: quotes.createdAt,
          })
          .from(quotes)
          .where(inArray(quotes.shipmentId, ids));
  return { rows: groupQuotes(page, pageQuotes), rowCount: total };
}

/** The Quotations tab's count: shipments with quotes. */
export async function countQuotedShipments(db: Db): Promise<number> {
  const [{ total }] = await db.select({ total: sql<number>`count(distinct ${quotes.shipmentId})::int` }).from(quotes);
  return total;
}
