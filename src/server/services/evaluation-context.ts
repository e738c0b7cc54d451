import "server-only";
// What evaluating a shipment needs beyond its own values: the store's customs defaults and the
// PTAX rates of the days the US$ rule may look at (today in São Paulo, or the NF-e's issue date).
import type { PtaxRate, RateTable } from "@/domain/exchange-rates";
import { originNow } from "@/domain/local-time";
import type { EvaluationContext, ShipmentDraftInput, ShipmentEvaluation } from "@/domain/shipment-evaluation";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { shipments, type Shipment } from "../db/schema";
import { loadRateTable } from "../exchange-rates/store";
import { storeCustomsDefaults } from "../queries/store-lookups";

export async function evaluationContextFor(
  db: Db,
  storeId: string,
  options: { invoiceDate?: string | null; now?: Date } = {},
): Promise<EvaluationContext> {
  const today = originNow(options.now ?? new Date()).date;
  const store = await storeCustomsDefaults(db, storeId);
  // The rule looks before the NF-e's issue date when the shipment has one, else before today.
  const references = [...new Set([today, options.invoiceDate ?? today])];
  const tables = await Promise.all(references.map((date) => loadRateTable(db, date)));
  return { exchange: { rates: mergeRateTables(tables), today }, customsDefaults: store ?? NO_DEFAULTS };
}

const NO_DEFAULTS = { incoterm: null, exportReason: null };

function mergeRateTables(tables: RateTable[]): RateTable {
  const merged: Record<string, PtaxRate[]> = {};
  for (const table of tables)
    for (const [currency, rates] of Object.entries(table)) (merged[currency] ??= []).push(...rates);
  return merged;
}

/** The evaluation input of a stored shipment. */
export function storedShipmentInput(shipment: Shipment): ShipmentDraftInput {
  return {
    carrier: shipment.carrier as ShipmentDraftInput["carrier"],
    service: shipment.service,
    recipient: shipment.recipient as ShipmentDraftInput["recipient"],
    customsItems: shipment.customsItems,
    parcels: shipment.parcels,
    nfeKey: shipment.nfeKey,
    declaredValue: shipment.declaredValue ?? "0",
    currency: shipment.currency ?? "BRL",
    incoterm: shipment.incoterm,
    exportReason: shipment.exportReason,
    invoiceDate: shipment.invoiceDate,
  };
}

/** The evaluation's results as stored on the shipment. */
function evaluationColumns(evaluation: ShipmentEvaluation) {
  return {
    status: evaluation.status,
    missingFields: evaluation.missingFields,
    problems: evaluation.problems,
    declaredValueUsdCents: evaluation.declaredValueUsdCents,
    exchangeRate: evaluation.exchangeRate,
  };
}

/**
 * The columns an operator's edit writes besides the values edited: the new evaluation, the fields
 * now the operator's (a later sync leaves them alone), the version bump that makes a concurrent
 * edit fail, and who edited when.
 */
export function operatorEditColumns(
  evaluation: ShipmentEvaluation,
  edit: { previouslyEdited: readonly string[]; edited: readonly string[]; actorId: string },
) {
  return {
    ...evaluationColumns(evaluation),
    operatorEdited: [...new Set([...edit.previouslyEdited, ...edit.edited])],
    version: sql`${shipments.version} + 1`,
    updatedBy: edit.actorId,
    updatedAt: sql`now()`,
  };
}
