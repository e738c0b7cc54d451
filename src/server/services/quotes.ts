import "server-only";
// Quotations: a shipment is priced against the merchant's rate cards (chargeable weight per
// piece, zones by destination), the quotes are kept, and picking one sets the shipment's carrier
// and service and re-checks its completeness for that carrier.
import { and, eq, sql } from "drizzle-orm";
import { quoteShipment, validateRateCard, type RateCard } from "@/domain/quotes";
import { DEFAULT_RATE_CARDS } from "@/domain/rate-cards";
import { evaluateShipment, type ShipmentDraftInput } from "@/domain/shipment-evaluation";
import type { Db } from "../db/client";
import { quotes, rateCards, shipments } from "../db/schema";
import { evaluationColumns, evaluationContextFor, storedShipmentInput } from "./evaluation-context";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { allRateCards, findQuote, findRateCard, quotesForShipment } from "../queries/pricing";
import { findShipmentById } from "../queries/shipment-lookups";

// Read with pricing and picking: the edit page takes all three from this service.
export { quotesForShipment };

/** The rate cards in force; the example defaults are seeded the first time they are needed. */
export async function loadRateCards(db: Db): Promise<(RateCard & { id: string; isDefault: boolean })[]> {
  let rows = await allRateCards(db);
  if (rows.length === 0) {
    await db
      .insert(rateCards)
      .values(
        DEFAULT_RATE_CARDS.map((card) => ({
          carrier: card.carrier,
          service: card.service,
          currency: card.currency,
          zones: card.zones,
        })),
      )
      .onConflictDoNothing();
    rows = await allRateCards(db);
  }
  return rows.map((row) => ({
    id: row.id,
    carrier: row.carrier as RateCard["carrier"],
    service: row.service,
    currency: "BRL",
    zones: row.zones,
    isDefault: row.isDefault,
  }));
}

/** Prices the shipment with every rate card and replaces its stored quotes; returns the available ones. */
export async function quoteShipmentById(db: Db, shipmentId: string) {
  const shipment = await findShipmentById(db, shipmentId);
  if (!shipment) throw new AppError("errors.notFound");
  const cards = await loadRateCards(db);
  const parcels = (shipment.parcels ?? []) as ShipmentDraftInput["parcels"];
  const results = quoteShipment({ destinationCountry: shipment.destinationCountry ?? "", parcels }, cards);
  const available = results.filter((quote) => quote.available);
  await db.transaction(async (tx) => {
    await tx.delete(quotes).where(eq(quotes.shipmentId, shipmentId));
    if (available.length > 0) {
      await tx.insert(quotes).values(
        available.map((quote) => ({
          shipmentId,
          carrier: quote.carrier,
          service: quote.service,
          chargeableWeightKg: String(quote.chargeableWeightKg),
          price: quote.price.toFixed(2),
          currency: quote.currency,
          transitDays: quote.transitDays[1],
        })),
      );
    }
    await tx.update(shipments).set({ chosenQuoteId: null }).where(eq(shipments.id, shipmentId));
  });
  return { available: available.length, unavailable: results.filter((quote) => !quote.available) };
}

/** Picks a quote: the shipment takes its carrier and service and is re-evaluated for that carrier. */
export async function pickQuote(db: Db, quoteId: string, expectedVersion: number, actorId: string) {
  const quote = await findQuote(db, quoteId);
  if (!quote) throw new AppError("errors.notFound");
  const shipment = await findShipmentById(db, quote.shipmentId);
  if (!shipment || (shipment.status !== "draft" && shipment.status !== "ready"))
    throw new AppError("errors.draftNotEditable");
  const carrier = quote.carrier as NonNullable<ShipmentDraftInput["carrier"]>;
  const evaluation = evaluateShipment(
    { ...storedShipmentInput(shipment), carrier, service: quote.service },
    await evaluationContextFor(db, shipment.storeId, { invoiceDate: shipment.invoiceDate }),
  );
  const [saved] = await db
    .update(shipments)
    .set({
      carrier,
      service: quote.service,
      chosenQuoteId: quote.id,
      ...evaluationColumns(evaluation),
      operatorEdited: [...new Set([...shipment.operatorEdited, "carrier", "service"])],
      version: sql`${shipments.version} + 1`,
      updatedBy: actorId,
      updatedAt: sql`now()`,
    })
    .where(and(eq(shipments.id, shipment.id), eq(shipments.version, expectedVersion)))
    .returning({ id: shipments.id });
  if (!saved) throw new AppError("errors.staleQuote");
  await recordAudit(db, {
    actorId,
    action: "shipment.quote_chosen",
    entityType: "shipment",
    entityId: shipment.id,
    before: { carrier: shipment.carrier, service: shipment.service },
    after: { carrier, service: quote.service, price: quote.price, status: evaluation.status },
  });
  return { carrier, service: quote.service, status: evaluation.status, missingFields: evaluation.missingFields };
}

/**
 * An admin's new prices for one rate card. Problems come back as i18n keys per form field
 * (e.g. "zones.europe.basePrice") and nothing is saved.
 */
export async function updateRateCard(db: Db, id: string, zones: RateCard["zones"], actorId: string) {
  const card = await findRateCard(db, id);
  if (!card) throw new AppError("errors.notFound");
  const candidate: RateCard = {
    carrier: card.carrier as RateCard["carrier"],
    service: card.service,
    currency: "BRL",
    zones,
  };
  const problems = validateRateCard(candidate);
  if (problems.length > 0) {
    throw new AppError(`rateCards.problems.${problems[0].code}`, problems[0].path);
  }
  await db
    .update(rateCards)
    .set({ zones, isDefault: false, updatedBy: actorId, updatedAt: sql`now()` })
    .where(eq(rateCards.id, id));
  await recordAudit(db, {
    actorId,
    action: "rate_card.updated",
    entityType: "rate_card",
    entityId: id,
    before: card.zones,
    after: zones,
  });
}
