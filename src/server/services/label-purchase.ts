import "server-only";
// Buying one shipment's label, never twice (docs/ARCHITECTURE.md, "Carriers"). The protocol:
//  a. Reconcile first. A `pending` intent means an earlier attempt may have bought a label whose
//     answer we never stored (timeout, 5xx, crash before our commit). The carrier is asked what it
//     holds under the intent's reference: nothing → the purchase never happened, it is sent again
//     under the SAME reference; a shipment with its label → that one is taken; shipments without a
//     label (FedEx cannot re-issue one) → voided at the carrier, the intent is marked voided and a
//     new attempt is bought; several → one is kept, the others are voided.
//  b. Otherwise a `pending` intent (attempt = last + 1, reference from shipment + attempt) is
//     inserted and COMMITTED before the carrier is called. The partial unique index
//     label_purchases_one_live_per_shipment refuses a second live intent: two operators clicking at
//     once cannot both buy.
//  c. Paperless: where src/domain/paperless.ts says the destination takes electronic trade
//     documents, our invoice PDF is uploaded first and its document id attached; an account not
//     enabled for it (paperlessNotEnabled) gets the invoice printed instead, and the reason is kept.
//  d. createShipment with the reference, the user's label format and the document id.
//  e. One transaction stores the intent as purchased, the label bytes as issued, our invoice, and
//     freezes the shipment (tracking number, carrier id, tracking status label_created).
//  f. A definitive refusal fails the intent (nothing frozen); a retryable error (outcomeUnknown,
//     unavailable, rateLimited) leaves it pending, to be reconciled by the next attempt.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { CARRIERS } from "@/domain/carrier-registry";
import { acceptsPaperless } from "@/domain/paperless";
import type { LabelFormat } from "@/domain/statuses";
import { renderInvoiceWithPageCount } from "@/documents";
import {
  CarrierApiError,
  isApiCarrier,
  type CarrierClient,
  type IssuedLabel,
  type PurchasedShipment,
} from "../carriers/api";
import type { CarrierDirectory } from "../carriers/directory";
import type { Db } from "../db/client";
import { labelPurchases, shipmentDocuments, shipments, type LabelPurchase } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import type { ShipmentToDocument } from "../queries/documents";
import {
  carrierRequest,
  invoiceData,
  purchaseReference,
  resolveShipment,
  type ResolvedShipment,
  type Signatory,
} from "./carrier-shipment";

export interface LabelDeps {
  db: Db;
  carriers: CarrierDirectory;
  now?: () => Date;
  /** Tests: runs between the carrier's answer and our commit (a throw here is a crash at the worst moment). */
  afterPurchase?: (shipmentId: string) => void | Promise<void>;
}

export interface Issuer extends Signatory {
  labelFormat: LabelFormat;
}

/** A carrier's error as a translated refusal naming the order, the carrier and its own message. */
function carrierFailure(error: CarrierApiError, order: string): AppError {
  return new AppError("labels.errors.carrier", undefined, {
    order,
    carrier: CARRIERS[error.carrier].name,
    code: error.code,
    message: error.carrierMessage?.trim() || "none",
  });
}

async function setIntent(db: Db, id: string, values: Partial<LabelPurchase>) {
  await db.update(labelPurchases).set(values).where(eq(labelPurchases.id, id));
}

/** The intents of a shipment, newest attempt first. */
const intentsOf = (db: Db, shipmentId: string) =>
  db
    .select()
    .from(labelPurchases)
    .where(eq(labelPurchases.shipmentId, shipmentId))
    .orderBy(desc(labelPurchases.attempt));

/** Inserts and commits the pending intent of the next attempt; refuses while another one is live. */
async function openIntent(deps: LabelDeps, row: ShipmentToDocument, accountId: string, actorId: string) {
  const [last] = await intentsOf(deps.db, row.shipment.id);
  const attempt = (last?.attempt ?? 0) + 1;
  const [intent] = await deps.db
    .insert(labelPurchases)
    .values({
      shipmentId: row.shipment.id,
      carrierAccountId: accountId,
      carrier: row.shipment.carrier!,
      attempt,
      reference: purchaseReference(row.shipment.id, attempt),
      status: "pending",
      requestedBy: actorId,
      requestedAt: deps.now?.() ?? new Date(),
    })
    .onConflictDoNothing()
    .returning();
  // Another purchase of this shipment is live (in flight in another request): it decides.
  if (!intent) throw new AppError("labels.errors.inProgress", undefined, { order: row.orderName });
  return intent;
}

type Reconciled =
  | { kind: "resend"; intent: LabelPurchase }
  | { kind: "found"; intent: LabelPurchase; purchased: PurchasedShipment }
  | { kind: "voided" };

/** Step a: what the carrier holds under a pending intent's reference decides what happens next. */
async function reconcile(
  deps: LabelDeps,
  client: CarrierClient,
  intent: LabelPurchase,
  shipDate: string,
  labelFormat: LabelFormat,
): Promise<Reconciled> {
  const found = await client.findShipments(intent.reference, shipDate, labelFormat);
  if (found.length === 0) return { kind: "resend", intent };
  const keep = found.find((shipment) => shipment.label !== null) ?? null;
  for (const duplicate of found.filter((shipment) => shipment !== keep)) {
    // A sale we cannot use (no label to re-issue) or a second one under the same reference: voided,
    // so the merchant is not charged for it.
    await client.voidShipment({ ...duplicate, shipDate });
  }
  if (keep) {
    return {
      kind: "found",
      intent,
      purchased: { ...keep, label: keep.label as IssuedLabel, charges: null },
    };
  }
  await setIntent(deps.db, intent.id, {
    status: "voided",
    error: "reconciled: sold without a label, voided",
    completedAt: deps.now?.() ?? new Date(),
  });
  return { kind: "voided" };
}

/** Step c: the invoice uploaded where the destination accepts it; null (printed) otherwise, with why. */
async function paperless(
  client: CarrierClient,
  resolved: ResolvedShipment,
  issuedAt: Date,
): Promise<{ documentId: string | null; invoice: Uint8Array; pages: number; printedBecause: string | null }> {
  if (!acceptsPaperless(resolved.carrier, resolved.request.recipient.countryCode)) {
    return { documentId: null, invoice: new Uint8Array(), pages: 0, printedBecause: "destination" };
  }
  // Uploaded before the shipment exists, so it carries our reference instead of the tracking number.
  const { pdf, pageCount } = await renderInvoiceWithPageCount(invoiceData(resolved, issuedAt, null));
  try {
    const documentId = await client.uploadInvoice(carrierRequest(resolved), pdf);
    return { documentId, invoice: pdf, pages: pageCount, printedBecause: null };
  } catch (error) {
    if (error instanceof CarrierApiError && error.code === "paperlessNotEnabled") {
      return { documentId: null, invoice: new Uint8Array(), pages: 0, printedBecause: "paperlessNotEnabled" };
    }
    throw error;
  }
}

/** Step e: one transaction stores what was bought and freezes the shipment. */
async function commitPurchase(
  deps: LabelDeps,
  row: ShipmentToDocument,
  resolved: ResolvedShipment,
  intent: LabelPurchase,
  purchased: PurchasedShipment,
  paper: { documentId: string | null; invoice: Uint8Array; pages: number; printedBecause: string | null },
  issuer: Issuer,
  issuedAt: Date,
) {
  // Printed invoices carry the tracking number the carrier just gave.
  const invoice =
    paper.documentId === null
      ? await renderInvoiceWithPageCount(invoiceData(resolved, issuedAt, purchased.trackingNumber))
      : { pdf: paper.invoice, pageCount: paper.pages };
  const { label } = purchased;
  return deps.db.transaction(async (tx) => {
    const [frozen] = await tx
      .update(shipments)
      .set({
        trackingNumber: purchased.trackingNumber,
        carrierShipmentId: purchased.carrierShipmentId,
        documentsGeneratedAt: issuedAt,
        trackingStatus: "label_created",
        trackingNextCheckAt: issuedAt,
        fulfillmentState: "pending",
        fulfillmentError: null,
        version: sql`${shipments.version} + 1`,
        updatedBy: issuer.id,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(shipments.id, row.shipment.id),
          isNull(shipments.documentsGeneratedAt),
          inArray(shipments.status, ["ready", "pickup_scheduled"]),
        ),
      )
      .returning({ id: shipments.id });
    // Moved meanwhile (cancelled, issued elsewhere): the intent stays pending and the next attempt
    // reconciles it, so the label bought is found again rather than lost.
    if (!frozen) throw new AppError("labels.errors.changedMeanwhile", undefined, { order: row.orderName });
    await tx
      .update(labelPurchases)
      .set({
        status: "purchased",
        trackingNumber: purchased.trackingNumber,
        carrierShipmentId: purchased.carrierShipmentId,
        error: null,
        completedAt: issuedAt,
      })
      .where(eq(labelPurchases.id, intent.id));
    await tx.insert(shipmentDocuments).values({
      shipmentId: row.shipment.id,
      trackingNumber: purchased.trackingNumber,
      labelPdf: label.format === "pdf" ? label.bytes : null,
      labelZpl: label.format === "zpl" ? label.bytes : null,
      labelFormat: label.format,
      invoicePdf: invoice.pdf,
      invoiceDelivery: paper.documentId ? "paperless" : "printed",
      paperlessDocumentId: paper.documentId,
      labelPages: row.shipment.parcels.length,
      invoicePages: invoice.pageCount,
      generatedBy: issuer.id,
      generatedAt: issuedAt,
    });
    await recordAudit(tx, {
      actorId: issuer.id,
      action: "shipment.documents_issued",
      entityType: "shipment",
      entityId: row.shipment.id,
      after: {
        trackingNumber: purchased.trackingNumber,
        reference: intent.reference,
        attempt: intent.attempt,
        labelFormat: label.format,
        invoiceDelivery: paper.documentId ? "paperless" : "printed",
        printedBecause: paper.printedBecause,
      },
    });
    return purchased.trackingNumber;
  });
}

/** Correios has no API: only our invoice is issued; the agency prints the label and gives the S10 code. */
async function issueInvoiceOnly(deps: LabelDeps, row: ShipmentToDocument, issuer: Issuer, issuedAt: Date) {
  const resolved = resolveShipment(row, { attempt: 1, issuedAt, signatory: issuer });
  const invoice = await renderInvoiceWithPageCount(invoiceData(resolved, issuedAt, null));
  await deps.db.transaction(async (tx) => {
    const [frozen] = await tx
      .update(shipments)
      .set({
        documentsGeneratedAt: issuedAt,
        version: sql`${shipments.version} + 1`,
        updatedBy: issuer.id,
        updatedAt: sql`now()`,
      })
      .where(and(eq(shipments.id, row.shipment.id), isNull(shipments.documentsGeneratedAt)))
      .returning({ id: shipments.id });
    if (!frozen) throw new AppError("labels.errors.changedMeanwhile", undefined, { order: row.orderName });
    await tx.insert(shipmentDocuments).values({
      shipmentId: row.shipment.id,
      trackingNumber: null,
      labelPdf: null,
      invoicePdf: invoice.pdf,
      labelPages: 0,
      invoicePages: invoice.pageCount,
      generatedBy: issuer.id,
      generatedAt: issuedAt,
    });
    await recordAudit(tx, {
      actorId: issuer.id,
      action: "shipment.documents_issued",
      entityType: "shipment",
      entityId: row.shipment.id,
      after: { trackingNumber: null, invoiceOnly: true },
    });
  });
  return null;
}

/**
 * Buys the label of one shipment (or issues the invoice only, for Correios) and resolves with the
 * tracking number. Throws an AppError naming the order when it cannot.
 */
export async function purchaseLabel(deps: LabelDeps, row: ShipmentToDocument, issuer: Issuer): Promise<string | null> {
  const issuedAt = deps.now?.() ?? new Date();
  // Every refusal of our own (not ready, incomplete data, unknown service) before anything is asked.
  resolveShipment(row, { attempt: 1, issuedAt, signatory: issuer });
  const carrier = row.shipment.carrier;
  if (!isApiCarrier(carrier)) return issueInvoiceOnly(deps, row, issuer, issuedAt);
  const { accountId, client } = await deps.carriers.forStore(row.shipment.storeId, carrier);

  const guard = async <T>(work: () => Promise<T>, intent: LabelPurchase | null): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof CarrierApiError)) throw error;
      if (intent) {
        // Retryable: it may have happened; the intent stays pending for the next attempt to reconcile.
        await setIntent(
          deps.db,
          intent.id,
          error.retryable
            ? { error: error.code }
            : { status: "failed", error: error.code, completedAt: deps.now?.() ?? new Date() },
        );
      }
      throw carrierFailure(error, row.orderName);
    }
  };

  let intent: LabelPurchase | null = null;
  const [pending] = (await intentsOf(deps.db, row.shipment.id)).filter((item) => item.status === "pending");
  if (pending) {
    const original = resolveShipment(row, {
      attempt: pending.attempt,
      issuedAt: pending.requestedAt,
      signatory: issuer,
    });
    const reconciled = await guard(
      () => reconcile(deps, client, pending, original.request.shipDate, issuer.labelFormat),
      null,
    );
    if (reconciled.kind === "found") {
      const resolved = resolveShipment(row, { attempt: pending.attempt, issuedAt, signatory: issuer });
      // Whether the lost attempt's invoice was uploaded is not known any more: it is printed (the safe side).
      const paper = { documentId: null, invoice: new Uint8Array(), pages: 0, printedBecause: "reconciled" };
      return commitPurchase(deps, row, resolved, pending, reconciled.purchased, paper, issuer, issuedAt);
    }
    if (reconciled.kind === "resend") intent = pending;
  }
  intent ??= await openIntent(deps, row, accountId, issuer.id);
  const live = intent;

  const resolved = resolveShipment(row, { attempt: live.attempt, issuedAt, signatory: issuer });
  const paper = await guard(async () => {
    try {
      return await paperless(client, resolved, issuedAt);
    } catch (error) {
      // Nothing was bought yet: whatever the upload's error, this attempt ends here.
      if (error instanceof CarrierApiError) {
        await setIntent(deps.db, live.id, { status: "failed", error: `upload:${error.code}`, completedAt: issuedAt });
      }
      throw error;
    }
  }, null);
  const purchased = await guard(
    () =>
      client.createShipment(carrierRequest(resolved), {
        labelFormat: issuer.labelFormat,
        paperlessDocumentId: paper.documentId,
      }),
    live,
  );
  await deps.afterPurchase?.(row.shipment.id);
  return commitPurchase(deps, row, resolved, live, purchased, paper, issuer, issuedAt);
}
