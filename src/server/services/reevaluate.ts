import "server-only";
// Open shipments judged again when what their verdict depends on outside themselves changes: the
// store's customs defaults (an admin saves them) or the PTAX rates (a refresh brings the rate a
// "no rate" draft waited for). An incremental sync would not: it reads only orders Shopify changed.
// Only the verdicts that depend on that context are redone (NF-e key requirement, incoterm, reason
// for export); what the sync found about the order itself (lines it could not read, texts it had to
// cut) stays as it was.
import { and, eq, sql } from "drizzle-orm";
import { SHIPMENT_FIELDS, type ShipmentField } from "@/domain/carriers";
import { evaluateShipment } from "@/domain/shipment-evaluation";
import { sameStoredValue as same } from "@/domain/stored-values";
import type { Db } from "../db/client";
import { shipments } from "../db/schema";
import { openShipments } from "../queries/shipment-lookups";
import { evaluationContextFor, storedShipmentInput } from "./evaluation-context";

const CONTEXT_FIELDS: readonly ShipmentField[] = ["nfeKey", "incoterm", "exportReason"];

export interface ReevaluateScope {
  storeId?: string;
  /** Only the drafts that wait for a PTAX rate. */
  waitingForRate?: boolean;
  now?: Date;
}

/** Re-judges the open shipments in scope; returns how many were looked at and how many changed. */
export async function reevaluateOpenShipments(db: Db, scope: ReevaluateScope = {}) {
  const open = await openShipments(db, scope);
  const contexts = new Map<string, Awaited<ReturnType<typeof evaluationContextFor>>>();
  let changed = 0;
  for (const shipment of open) {
    const key = `${shipment.storeId}|${shipment.invoiceDate ?? ""}`;
    if (!contexts.has(key))
      contexts.set(
        key,
        await evaluationContextFor(db, shipment.storeId, { invoiceDate: shipment.invoiceDate, now: scope.now }),
      );
    const evaluation = evaluateShipment(storedShipmentInput(shipment), contexts.get(key)!);
    const kept = shipment.problems.filter((problem) => !CONTEXT_FIELDS.includes(problem.field));
    const fresh = evaluation.problems.filter((problem) => CONTEXT_FIELDS.includes(problem.field));
    const problems = [...fresh, ...kept];
    const missing = new Set(problems.map((problem) => problem.field));
    const missingFields = SHIPMENT_FIELDS.filter((field) => missing.has(field));
    const next = {
      status: missingFields.length === 0 ? ("ready" as const) : ("draft" as const),
      missingFields,
      problems,
      declaredValueUsdCents: evaluation.declaredValueUsdCents,
      exchangeRate: evaluation.exchangeRate,
    };
    if ((Object.keys(next) as (keyof typeof next)[]).every((field) => same(next[field], shipment[field]))) continue;
    // Versioned like every other write: an edit saved meanwhile wins, and is judged on its own save.
    const [updated] = await db
      .update(shipments)
      .set({ ...next, version: sql`${shipments.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(shipments.id, shipment.id), eq(shipments.version, shipment.version)))
      .returning({ id: shipments.id });
    if (updated) changed++;
  }
  return { checked: open.length, changed };
}
