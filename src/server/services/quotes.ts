import "server-only";
// Quotations: a shipment is priced against the merchant's rate cards (chargeable weight per
// piece, zones by destination) and, where the store has a carrier account, with that account's
// live rates; the quotes are kept with their source, and picking one sets the shipment's carrier
// and service and re-checks its completeness for that carrier.
import { and, eq, sql } from "drizzle-orm";
import { serviceName } from "@/domain/carrier-services";
import { holidayPlaceOf, nextBusinessDay } from "@/domain/holidays";
import { rateShipment, isReadableRate, type MissingRateField } from "@/domain/live-rate-request";
import { originNow } from "@/domain/local-time";
import {
  chargeableWeightKg,
  quoteBlockers,
  quoteShipment,
  unquotedCarrierRefusals,
  validateRateCard,
  type Piece,
  type RateCard,
} from "@/domain/quotes";
import { DEFAULT_RATE_CARDS } from "@/domain/rate-cards";
import { evaluateShipment, type ShipmentDraftInput } from "@/domain/shipment-evaluation";
import {
  API_CARRIERS,
  CarrierApiError,
  isApiCarrier,
  type ApiCarrier,
  type CarrierClient,
  type CarrierErrorCode,
  type LiveRate,
  type RateRequest,
} from "../carriers/api";
import type { CarrierDirectory } from "../carriers/directory";
import type { Db } from "../db/client";
import { quotes, rateCards, shipments } from "../db/schema";
import { evaluationContextFor, operatorEditColumns, storedShipmentInput } from "./evaluation-context";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { allRateCards, findQuote, findRateCard, quotesForShipment } from "../queries/pricing";
import { findShipmentById } from "../queries/shipment-lookups";
import { storeShipperProfile } from "../queries/store-lookups";

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

export interface QuoteDeps {
  db: Db;
  carriers: CarrierDirectory;
  now?: () => Date;
  /** How long each carrier may take to answer before its live rates are given up (default 10 s). */
  liveTimeoutMs?: number;
}

/** Why one carrier's live rates are missing (the card shows it, translated as carriers.errors.<code>). */
export interface LiveRateNotice {
  carrier: ApiCarrier;
  code: CarrierErrorCode;
  message: string | null;
}

const DEFAULT_LIVE_TIMEOUT_MS = 10_000;

/** The carrier's rates, or why there are none; bounded so one slow carrier does not hold the others. */
async function askRates(
  carrier: ApiCarrier,
  client: CarrierClient,
  request: RateRequest,
  timeoutMs: number,
): Promise<{ ok: true; rates: LiveRate[] } | { ok: false; notice: LiveRateNotice }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CarrierApiError("unavailable", carrier, `no answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
  });
  try {
    const rates = await Promise.race([client.rates(request), timeout]);
    const readable = rates.filter(isReadableRate);
    // An answer we cannot read is not shown as a price: the carrier is reported as unavailable.
    if (readable.length < rates.length && readable.length === 0) {
      return { ok: false, notice: { carrier, code: "unavailable", message: "unreadable rate answer" } };
    }
    return { ok: true, rates: readable };
  } catch (error) {
    if (error instanceof CarrierApiError) {
      return { ok: false, notice: { carrier, code: error.code, message: error.carrierMessage } };
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The accounts the store has among the API carriers (none for a carrier: no live rates for it, not an error). */
async function storeAccounts(deps: QuoteDeps, storeId: string) {
  const found = await Promise.all(
    API_CARRIERS.map(async (carrier) => {
      try {
        return { carrier, ...(await deps.carriers.forStore(storeId, carrier)) };
      } catch (error) {
        if (error instanceof AppError && error.code === "carriers.errors.noAccount") return null;
        throw error;
      }
    }),
  );
  return found.filter((account) => account !== null);
}

/**
 * Prices the shipment with every rate card and, for each API carrier the store has an account
 * with, with that account's live rates (all carriers asked at once, each bounded by a timeout),
 * and replaces its stored quotes. A carrier that fails keeps its rate-card quotes and comes back
 * as a notice; fields the carriers need but the shipment lacks come back named.
 */
export async function quoteShipmentById(deps: QuoteDeps, shipmentId: string, actorId: string | null = null) {
  const { db } = deps;
  const shipment = await findShipmentById(db, shipmentId);
  if (!shipment) throw new AppError("errors.notFound");
  const cards = await loadRateCards(db);
  const parcels = (shipment.parcels ?? []) as ShipmentDraftInput["parcels"];
  const destinationCountry = shipment.destinationCountry ?? "";
  const results = quoteShipment({ destinationCountry, parcels }, cards);
  const available = results.filter((quote) => quote.available);

  const accounts = await storeAccounts(deps, shipment.storeId);
  const notices: LiveRateNotice[] = [];
  let missing: MissingRateField[] = [];
  const live: (typeof quotes.$inferInsert)[] = [];
  if (accounts.length > 0) {
    const shipper = await storeShipperProfile(db, shipment.storeId);
    const built = rateShipment({
      shipper,
      recipient: shipment.recipient,
      destinationCountry: shipment.destinationCountry,
      parcels,
      declaredValue: shipment.declaredValue,
      currency: shipment.currency,
    });
    if (!built.ok) {
      missing = built.missing;
    } else {
      // Rates for the day the parcel would be handed over: the next business day in São Paulo at the shipper.
      const today = originNow(deps.now?.() ?? new Date()).date;
      const request: RateRequest = {
        shipDate: nextBusinessDay(today, { place: holidayPlaceOf(shipper) }),
        ...built.shipment,
      };
      const answers = await Promise.all(
        accounts.map(async (account) => ({
          account,
          answer: await askRates(
            account.carrier,
            account.client,
            request,
            deps.liveTimeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS,
          ),
        })),
      );
      for (const { account, answer } of answers) {
        if (!answer.ok) {
          notices.push(answer.notice);
          continue;
        }
        const chargeable = parcels.reduce(
          (sum, parcel) => sum + chargeableWeightKg(parcel as Piece & { weightKg: number }, account.carrier),
          0,
        );
        for (const rate of answer.rates) {
          live.push({
            shipmentId,
            carrier: account.carrier,
            // Our name of the carrier's code when we list it (carrier-services.ts), else the name the client gave.
            service: serviceName(account.carrier, rate.serviceCode) ?? rate.serviceName,
            serviceCode: rate.serviceCode,
            chargeableWeightKg: chargeable.toFixed(3),
            price: rate.price,
            currency: rate.currency,
            transitDays: rate.transitDays,
            estimatedDelivery: rate.estimatedDelivery,
            source: "live",
            carrierAccountId: account.accountId,
          });
        }
      }
    }
  }

  await db.transaction(async (tx) => {
    await tx.delete(quotes).where(eq(quotes.shipmentId, shipmentId));
    const rows: (typeof quotes.$inferInsert)[] = [
      ...available.flatMap((quote) =>
        quote.available
          ? [
              {
                shipmentId,
                carrier: quote.carrier,
                service: quote.service,
                chargeableWeightKg: String(quote.chargeableWeightKg),
                price: quote.price.toFixed(2),
                currency: quote.currency,
                transitDays: quote.transitDays[1],
                source: "rate_card" as const,
              },
            ]
          : [],
      ),
      ...live,
    ];
    if (rows.length > 0) await tx.insert(quotes).values(rows);
    await tx.update(shipments).set({ chosenQuoteId: null }).where(eq(shipments.id, shipmentId));
    // The quotes replace the previous ones: the activity log keeps that they were asked, and by whom.
    await recordAudit(tx, {
      actorId,
      action: "shipment.quoted",
      entityType: "shipment",
      entityId: shipmentId,
      after: {
        quotes: rows.length,
        carriers: new Set(rows.map((row) => row.carrier)).size,
        live: live.length,
        notices: notices.length,
      },
    });
  });
  const toQuote = { destinationCountry, parcels };
  return {
    available: available.length + live.length,
    live: live.length,
    // Why no rate card could price it (each pointing at what to fix), or, when some could, why the
    // other carriers are absent (a parcel over one carrier's limit).
    blockers: available.length === 0 ? quoteBlockers(toQuote, results) : [],
    carrierBlockers: quoteBlockers(toQuote, unquotedCarrierRefusals(results)),
    notices,
    missing,
  };
}

/** Picks a quote: the shipment takes its carrier and service and is re-evaluated for that carrier. */
export async function pickQuote(db: Db, quoteId: string, expectedVersion: number, actorId: string) {
  const quote = await findQuote(db, quoteId);
  if (!quote) throw new AppError("errors.notFound");
  const shipment = await findShipmentById(db, quote.shipmentId);
  if (!shipment || (shipment.status !== "draft" && shipment.status !== "ready"))
    throw new AppError("errors.draftNotEditable");
  const carrier = quote.carrier as NonNullable<ShipmentDraftInput["carrier"]>;
  // A live rate names the carrier's code: the shipment takes our name of it (carrier-services.ts).
  const service =
    quote.source === "live" && quote.serviceCode && isApiCarrier(carrier)
      ? (serviceName(carrier, quote.serviceCode) ?? quote.service)
      : quote.service;
  const evaluation = evaluateShipment(
    { ...storedShipmentInput(shipment), carrier, service },
    await evaluationContextFor(db, shipment.storeId, { invoiceDate: shipment.invoiceDate }),
  );
  const [saved] = await db
    .update(shipments)
    .set({
      carrier,
      service,
      chosenQuoteId: quote.id,
      ...operatorEditColumns(evaluation, {
        previouslyEdited: shipment.operatorEdited,
        edited: ["carrier", "service"],
        actorId,
      }),
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
    after: {
      carrier,
      service,
      price: quote.price,
      currency: quote.currency,
      source: quote.source,
      status: evaluation.status,
    },
  });
  return {
    shipmentId: quote.shipmentId,
    carrier,
    service,
    status: evaluation.status,
    missingFields: evaluation.missingFields,
  };
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
