// The quotes of a shipment: one quote as Edit Draft lists it, and the Quotations tab's row — one
// per quoted shipment, with its quotes gathered under it.
import type { ShipmentStatus } from "./shipments";

export interface QuoteRow {
  id: string;
  orderName: string;
  carrier: string;
  service: string;
  chargeableWeightKg: string;
  price: string;
  currency: string;
  transitDays: number | null;
  /** "live": the carrier account's rate; "rate_card": the merchant's rate card (an estimate). */
  source: "rate_card" | "live";
  chosen: boolean;
  createdAt: Date;
}

/** A quoted shipment as the Quotations tab's query reads it, before its quotes are attached. */
export interface QuotedShipment {
  id: string;
  orderName: string;
  storeName: string;
  customer: string | null;
  destination: string | null;
  status: ShipmentStatus;
  chosenQuoteId: string | null;
}

/** One quote as read for a page of quoted shipments. */
export type ShipmentQuote = Omit<QuoteRow, "chosen" | "orderName"> & { shipmentId: string };

/** A row of the Quotations tab: the shipment, the quote chosen for it (if any) and all its quotes. */
export interface QuoteGroupRow extends Omit<QuotedShipment, "chosenQuoteId"> {
  /** Every quote of the shipment, cheapest first (then fastest): what the row expands to. */
  quotes: QuoteRow[];
  /** The quote the operator picked in Edit Draft; null while none is. */
  chosen: QuoteRow | null;
  /** When the shipment was last quoted (a new quotation replaces all of its quotes). */
  quotedAt: Date;
}

function byPriceThenTransit(a: ShipmentQuote, b: ShipmentQuote): number {
  // One shipment's quotes are in one currency in practice (rate cards and live rates in BRL); a
  // mixed list still gets a stable order.
  return (
    Number(a.price) - Number(b.price) ||
    (a.transitDays ?? Infinity) - (b.transitDays ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Gathers a page's quotes under their shipments, in the page's order. A shipment keeps its
 * place even if its quotes were replaced between the two reads (then it shows none).
 */
export function groupQuotes(shipments: QuotedShipment[], quotes: ShipmentQuote[]): QuoteGroupRow[] {
  const byShipment = new Map<string, ShipmentQuote[]>();
  for (const quote of quotes) {
    const list = byShipment.get(quote.shipmentId) ?? [];
    list.push(quote);
    byShipment.set(quote.shipmentId, list);
  }
  return shipments.map(({ chosenQuoteId, ...shipment }) => {
    const own = [...(byShipment.get(shipment.id) ?? [])].sort(byPriceThenTransit);
    const rows: QuoteRow[] = own.map(({ shipmentId: _shipmentId, ...quote }) => ({
      ...quote,
      orderName: shipment.orderName,
      chosen: quote.id === chosenQuoteId,
    }));
    const quotedAt = own.reduce<Date>(
      (latest, quote) => (quote.createdAt > latest ? quote.createdAt : latest),
      new Date(0),
    );
    return { ...shipment, quotes: rows, chosen: rows.find((quote) => quote.chosen) ?? null, quotedAt };
  });
}
