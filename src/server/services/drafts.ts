import "server-only";
// Saving the Edit Draft form: the operator's values are merged into the shipment, its
// completeness re-evaluated for the carrier (a complete draft becomes a ready shipment), the
// changed fields remembered as operator-entered (a re-sync never overwrites them), and the change
// audited. Optimistic locking: a save based on an old version is refused and changes nothing.
import { and, asc, eq, inArray } from "drizzle-orm";
import { applyParcelChanges, carrierWeightLimit, changedParcelFields, type ParcelChanges } from "@/domain/bulk-parcel";
import { carrierName } from "@/domain/carrier-registry";
import type { DraftForm } from "@/domain/draft-form";
import { validateNfeKey } from "@/domain/nfe-key";
import type { ExchangeRateUsed } from "@/domain/exchange-rates";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { declaredValueOf, evaluateShipment, type ShipmentDraftInput } from "@/domain/shipment-evaluation";
import { sameStoredValue as same } from "@/domain/stored-values";
import type { Db } from "../db/client";
import { orders, shipments, type Shipment } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { findShipmentById, lastChangeOf } from "../queries/shipment-lookups";
import { evaluationContextFor, operatorEditColumns, storedShipmentInput } from "./evaluation-context";

export interface SaveDraftResult {
  status: "ready" | "draft";
  missingFields: string[];
  problems: ShipmentProblem[];
  /** The declared value as saved, and its US$ equivalent with the PTAX rate used. */
  usd: { declaredValue: string; currency: string; usdCents: number | null; rate: ExchangeRateUsed | null };
  promoted: boolean;
}

type Recipient = ShipmentDraftInput["recipient"];

function draftInput(form: DraftForm, existing: Shipment): ShipmentDraftInput {
  const previous = (existing.recipient ?? {}) as Partial<Recipient>;
  const currency = existing.currency ?? "BRL";
  const customsItems = form.items.map((item) => ({ ...item, currency }));
  return {
    carrier: form.carrier,
    service: form.service,
    recipient: { ...form.recipient, province: previous.province ?? null },
    customsItems,
    parcels: [form.parcel],
    nfeKey: form.nfeKey,
    declaredValue: declaredValueOf(customsItems) ?? "0.00",
    currency,
    incoterm: form.incoterm,
    exportReason: form.exportReason,
    invoiceDate: form.invoiceDate,
  };
}

export async function saveDraft(db: Db, form: DraftForm, actorId: string): Promise<SaveDraftResult> {
  const existing = await findShipmentById(db, form.id);
  if (!existing) throw new AppError("errors.notFound");
  // Issued documents freeze the shipment: the label and invoice must match what ships.
  if ((existing.status !== "draft" && existing.status !== "ready") || existing.documentsGeneratedAt) {
    throw new AppError("errors.draftNotEditable");
  }

  // A key that is typed must be right: its precise problem is shown and nothing is saved.
  const nfe = form.nfeKey ? validateNfeKey(form.nfeKey) : null;
  if (nfe && !nfe.ok) throw new AppError(`nfe.errors.${nfe.error.code}`, "nfeKey", nfe.error.values);
  const input = draftInput(form, existing);
  if (nfe?.ok) input.nfeKey = nfe.key;
  const evaluation = evaluateShipment(
    input,
    await evaluationContextFor(db, existing.storeId, { invoiceDate: form.invoiceDate }),
  );
  // A valid key fills the invoice number and series it encodes, unless the operator typed them.
  const nfeKey = nfe?.ok ? nfe.key : form.nfeKey;
  const next = {
    carrier: input.carrier,
    service: input.service,
    recipient: input.recipient,
    customsItems: input.customsItems,
    parcels: input.parcels,
    nfeKey,
    invoiceNumber: form.invoiceNumber ?? (nfe?.ok ? String(nfe.decoded.number) : null),
    invoiceSeries: form.invoiceSeries ?? (nfe?.ok ? String(nfe.decoded.series) : null),
    invoiceDate: form.invoiceDate,
    declaredValue: input.declaredValue,
    incoterm: input.incoterm,
    exportReason: input.exportReason,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => !same(next[field], existing[field]));
  const status = evaluation.status;

  const [saved] = await db
    .update(shipments)
    .set({
      ...next,
      ...operatorEditColumns(evaluation, { previouslyEdited: existing.operatorEdited, edited: changed, actorId }),
    })
    .where(and(eq(shipments.id, form.id), eq(shipments.version, form.version)))
    .returning({ id: shipments.id });

  if (!saved) {
    // Someone saved since this form was loaded: say who and when, overwrite nothing.
    const current = await lastChangeOf(db, form.id);
    throw new AppError("errors.staleDraft", undefined, {
      name: current?.name ?? "—",
      // HH:MM where the merchants work; the message asks the operator to reload.
      time: current
        ? new Intl.DateTimeFormat("en-GB", {
            hour: "2-digit",
            minute: "2-digit",
            timeZone: "America/Sao_Paulo",
          }).format(current.at)
        : "",
    });
  }

  await recordAudit(db, {
    actorId,
    action: existing.status === "draft" && status === "ready" ? "shipment.promoted" : "shipment.draft_saved",
    entityType: "shipment",
    entityId: form.id,
    before: Object.fromEntries(changed.map((field) => [field, existing[field]])),
    after: {
      ...Object.fromEntries(changed.map((field) => [field, next[field]])),
      status,
      missing: evaluation.missingFields,
    },
  });
  return {
    status,
    missingFields: evaluation.missingFields,
    problems: evaluation.problems,
    usd: {
      declaredValue: input.declaredValue,
      currency: input.currency,
      usdCents: evaluation.declaredValueUsdCents,
      rate: evaluation.exchangeRate,
    },
    promoted: existing.status === "draft" && status === "ready",
  };
}

export interface BulkDraftChanges {
  carrier?: ShipmentDraftInput["carrier"];
  service?: string | null;
  incoterm?: string | null;
  exportReason?: string | null;
  originCountry?: string | null;
}

/** The same change on many drafts at once (carrier, incoterm, reason, origin), each re-evaluated and audited. */
export async function bulkUpdateDrafts(db: Db, ids: string[], changes: BulkDraftChanges, actorId: string) {
  let promoted = 0;
  let updated = 0;
  for (const id of ids) {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(shipments).where(eq(shipments.id, id)).for("update");
      if (!existing || existing.status !== "draft") return;
      const stored = storedShipmentInput(existing);
      const input: ShipmentDraftInput = {
        ...stored,
        carrier: changes.carrier !== undefined ? changes.carrier : stored.carrier,
        service: changes.service !== undefined ? changes.service : stored.service,
        customsItems: changes.originCountry
          ? stored.customsItems.map((item) => ({ ...item, originCountry: changes.originCountry! }))
          : stored.customsItems,
        incoterm: changes.incoterm !== undefined ? changes.incoterm : stored.incoterm,
        exportReason: changes.exportReason !== undefined ? changes.exportReason : stored.exportReason,
      };
      const evaluation = evaluateShipment(
        input,
        await evaluationContextFor(tx, existing.storeId, { invoiceDate: existing.invoiceDate }),
      );
      const edited = Object.keys(changes).map((field) => (field === "originCountry" ? "customsItems" : field));
      await tx
        .update(shipments)
        .set({
          carrier: input.carrier,
          service: input.service,
          customsItems: input.customsItems,
          incoterm: input.incoterm,
          exportReason: input.exportReason,
          ...operatorEditColumns(evaluation, { previouslyEdited: existing.operatorEdited, edited, actorId }),
        })
        .where(eq(shipments.id, id));
      await recordAudit(tx, {
        actorId,
        action: evaluation.status === "ready" ? "shipment.promoted" : "shipment.draft_saved",
        entityType: "shipment",
        entityId: id,
        before: Object.fromEntries(
          Object.keys(changes).map((field) => [field, (existing as Record<string, unknown>)[field] ?? null]),
        ),
        after: { ...changes, status: evaluation.status, missing: evaluation.missingFields, bulk: true },
      });
      updated++;
      if (evaluation.status === "ready") promoted++;
    });
  }
  return { updated, promoted };
}

/** HH:MM in São Paulo, where the merchants work: when a draft was changed under the operator. */
const saoPauloTime = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "America/Sao_Paulo" }).format(at);

export interface BulkParcelResult {
  updated: number;
  /** Drafts the edit completed: they are ready shipments now. */
  ready: number;
}

/**
 * "Edit weight & dimensions": the same parcel change on every selected draft, in ONE transaction —
 * all of them or none. Each draft is locked and must still be at the version the operator saw (as
 * a single Edit Draft save), still a draft, and within its carrier's heaviest piece; the first
 * that is not refuses the whole edit, naming its order. Each is then re-evaluated (a complete one
 * becomes ready), its parcel remembered as operator-entered and the change audited.
 */
export async function bulkEditParcels(
  db: Db,
  selected: { id: string; version: number }[],
  changes: ParcelChanges,
  actorId: string,
): Promise<BulkParcelResult> {
  return db.transaction(async (tx) => {
    const ids = selected.map((draft) => draft.id);
    // Locked in id order, so two overlapping bulk edits wait for each other instead of deadlocking.
    const locked = await tx
      .select()
      .from(shipments)
      .where(inArray(shipments.id, ids))
      .orderBy(asc(shipments.id))
      .for("update");
    const names = await tx
      .select({ id: shipments.id, name: orders.name })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(inArray(shipments.id, ids));
    const byId = new Map(locked.map((row) => [row.id, row]));
    const orderOf = new Map(names.map((row) => [row.id, row.name]));

    for (const { id, version } of selected) {
      const existing = byId.get(id);
      if (!existing) throw new AppError("errors.notFound");
      const order = orderOf.get(id) ?? "—";
      if (existing.version !== version) {
        const change = await lastChangeOf(tx, id);
        throw new AppError("bulkParcel.errors.stale", undefined, {
          order,
          name: change?.name ?? "—",
          time: change ? saoPauloTime(change.at) : "",
        });
      }
      if (existing.status !== "draft" || existing.documentsGeneratedAt) {
        throw new AppError("bulkParcel.errors.notDraft", undefined, { order });
      }
      const limitKg = carrierWeightLimit(existing.carrier, changes.weightKg);
      if (limitKg !== null) {
        throw new AppError("bulkParcel.errors.overCarrierLimit", "weightKg", {
          order,
          carrier: carrierName(existing.carrier) ?? "",
          limitKg,
        });
      }
    }

    const contexts = new Map<string, Awaited<ReturnType<typeof evaluationContextFor>>>();
    let ready = 0;
    for (const { id } of selected) {
      const existing = byId.get(id)!;
      const parcels = applyParcelChanges(existing.parcels, changes);
      const contextKey = `${existing.storeId}|${existing.invoiceDate ?? ""}`;
      let context = contexts.get(contextKey);
      if (!context) {
        context = await evaluationContextFor(tx, existing.storeId, { invoiceDate: existing.invoiceDate });
        contexts.set(contextKey, context);
      }
      const evaluation = evaluateShipment({ ...storedShipmentInput(existing), parcels }, context);
      await tx
        .update(shipments)
        .set({
          parcels,
          ...operatorEditColumns(evaluation, {
            previouslyEdited: existing.operatorEdited,
            edited: ["parcels"],
            actorId,
          }),
        })
        .where(eq(shipments.id, id));
      await recordAudit(tx, {
        actorId,
        action: evaluation.status === "ready" ? "shipment.promoted" : "shipment.draft_saved",
        entityType: "shipment",
        entityId: id,
        before: { parcels: existing.parcels },
        after: {
          parcels,
          status: evaluation.status,
          missing: evaluation.missingFields,
          bulk: true,
          fields: changedParcelFields(changes),
        },
      });
      if (evaluation.status === "ready") ready++;
    }
    return { updated: selected.length, ready };
  });
}
