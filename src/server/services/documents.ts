import "server-only";
import type { ExchangeRateUsed } from "@/domain/exchange-rates";
// "Generate documents": the carrier issues a tracking number, the label and the commercial
// invoice are rendered and stored as issued (a re-download serves the same bytes), and the
// shipment is frozen. Every selected shipment is checked before the first one is issued.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { CARRIERS, isCarrier, type Carrier } from "@/domain/carrier-registry";
import { resolveCustomsTerms, unresolvedCustomsTerms } from "@/domain/customs-terms";
import { originNow } from "@/domain/local-time";
import { missingShipperFields, shipperTaxId, toShipperProfile } from "@/domain/shipper";
import type { CustomsItem, Recipient } from "@/domain/order-mapping";
import { mergePdfs, renderShipmentDocuments, type ShippingDocumentData } from "@/documents";
import type { CarrierAdapter } from "../carriers/types";
import type { Db } from "../db/client";
import { shipmentDocuments, shipments, trackingSequences } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { issuedDocumentFiles, shipmentsToDocument, type ShipmentToDocument } from "../queries/documents";

export interface DocumentDeps {
  db: Db;
  carriers: CarrierAdapter;
  now?: () => Date;
}

export interface Signatory {
  id: string;
  name: string;
}

/** The document contents of one shipment, or the precise reason it cannot be issued. */
function documentData(row: ShipmentToDocument, signatory: Signatory, issuedAt: Date, trackingNumber: string) {
  const { shipment } = row;
  const order = row.orderName;
  // A Shopify test order imported under the store's "import" setting: no carrier ever sees it.
  if (shipment.isTest) throw new AppError("storeSettings.errors.testOrder", undefined, { order });
  if (shipment.status !== "ready" && shipment.status !== "pickup_scheduled") {
    throw new AppError("documents.errors.notReady", undefined, { order });
  }
  if (shipment.cancelledInShopifyAt)
    throw new AppError("cancelledInShopify.errors.orderCancelled", undefined, { order });
  if (!isCarrier(shipment.carrier) || !shipment.service) {
    throw new AppError("documents.errors.noCarrier", undefined, { order });
  }
  // Shipped outside the dashboard: a second label would ship it twice.
  if (row.orderFulfillment === "FULFILLED" && !shipment.documentsGeneratedAt) {
    throw new AppError("documents.errors.fulfilledInShopify", undefined, { order });
  }
  const profile = toShipperProfile(row.shipper);
  const taxId = shipperTaxId(profile, shipment.nfeKey);
  const missing: string[] = [...missingShipperFields(profile), ...(taxId ? [] : ["taxId"])];
  if (missing.length > 0) {
    throw new AppError("documents.errors.shipperIncomplete", undefined, {
      store: row.storeName,
      count: missing.length,
    });
  }
  // No silent defaults: the shipment's own terms, else the store's; without either nothing is printed
  // (such a shipment is normally a draft listing them).
  const terms = resolveCustomsTerms(shipment, row);
  const unresolved = unresolvedCustomsTerms(terms);
  if (!terms.incoterm || !terms.exportReason) {
    throw new AppError("storeSettings.errors.termsMissing", undefined, {
      order,
      missing: unresolved.length === 1 ? unresolved[0] : "both",
    });
  }
  const recipient = shipment.recipient as Recipient;
  const items = shipment.customsItems as CustomsItem[];
  const parcels = shipment.parcels;
  // Printed dates are São Paulo's (UTC−3 all year since 2019), not UTC's: a label made at 22:00 is today's.
  const local = originNow(issuedAt);
  const date = local.date;
  const data: ShippingDocumentData = {
    orderName: order,
    carrier: shipment.carrier,
    carrierName: CARRIERS[shipment.carrier].name,
    service: shipment.service,
    trackingNumber,
    issuedAt: `${local.date}T${local.time}:00-03:00`,
    shipper: {
      name: profile.legalName!,
      taxId,
      address1: profile.address1!,
      address2: profile.address2,
      city: profile.city!,
      state: profile.state,
      postalCode: profile.postalCode,
      countryCode: "BR",
      phone: profile.phone,
      email: profile.email,
    },
    recipient: {
      name: recipient.name ?? recipient.company ?? "",
      company: recipient.name ? recipient.company : null,
      address1: recipient.address1 ?? "",
      address2: recipient.address2,
      city: recipient.city ?? "",
      state: recipient.provinceCode ?? recipient.province,
      postalCode: recipient.postalCode,
      countryCode: recipient.countryCode,
      phone: recipient.phone,
      email: recipient.email,
    },
    parcels: parcels.map((parcel) => ({
      weightKg: Number(parcel.weightKg),
      lengthCm: parcel.lengthCm ?? null,
      widthCm: parcel.widthCm ?? null,
      heightCm: parcel.heightCm ?? null,
    })),
    lines: items.map((item) => ({
      description: item.description,
      hsCode: item.hsCode,
      quantity: item.quantity,
      unitValue: item.unitValue,
      originCountry: item.originCountry ?? "BR",
      unitWeightKg: item.weightKg,
      sku: item.sku,
    })),
    currency: shipment.currency ?? "BRL",
    incoterm: terms.incoterm.value,
    exportReason: terms.exportReason.value,
    invoiceNumber: shipment.invoiceNumber ?? order.replace(/^#/, ""),
    invoiceDate: shipment.invoiceDate ?? date,
    nfeKey: shipment.nfeKey,
    usdValue:
      shipment.declaredValueUsdCents === null
        ? null
        : { usdCents: shipment.declaredValueUsdCents, rate: shipment.exchangeRate as ExchangeRateUsed | null },
    declaration: {
      name: profile.signatoryName ?? signatory.name,
      title: profile.signatoryTitle ?? "Authorized signatory",
      date,
    },
  };
  return data;
}

/** The next number of the carrier account's sequence, atomically (concurrent issuers never share one). */
async function nextSequence(db: Db, carrier: Carrier): Promise<number> {
  const [row] = await db
    .insert(trackingSequences)
    .values({ carrier, lastValue: 1 })
    .onConflictDoUpdate({
      target: trackingSequences.carrier,
      set: { lastValue: sql`${trackingSequences.lastValue} + 1` },
    })
    .returning({ value: trackingSequences.lastValue });
  return row.value;
}

export interface IssueOutcome {
  issued: string[];
  alreadyIssued: string[];
}

/** Issues the documents of every selected shipment that has none yet. */
export async function issueDocuments(
  deps: DocumentDeps,
  shipmentIds: string[],
  signatory: Signatory,
): Promise<IssueOutcome> {
  const rows = await shipmentsToDocument(deps.db, shipmentIds);
  if (rows.length !== new Set(shipmentIds).size) throw new AppError("errors.notFound");
  const outcome: IssueOutcome = { issued: [], alreadyIssued: [] };
  const pending = rows.filter((row) => {
    if (row.shipment.documentsGeneratedAt) outcome.alreadyIssued.push(row.shipment.id);
    return !row.shipment.documentsGeneratedAt;
  });
  // Checked with a placeholder number first, so a bad shipment stops the batch before any number is used.
  for (const row of pending) documentData(row, signatory, new Date(0), "0");

  for (const row of pending) {
    const { shipment } = row;
    const carrier = shipment.carrier as Carrier;
    const issuedAt = deps.now?.() ?? new Date();
    const { trackingNumber } = await deps.carriers.createShipment({
      carrier,
      service: shipment.service!,
      nextSequence: () => nextSequence(deps.db, carrier),
    });
    const documents = await renderShipmentDocuments(documentData(row, signatory, issuedAt, trackingNumber));
    await deps.db.transaction(async (tx) => {
      const [frozen] = await tx
        .update(shipments)
        .set({
          trackingNumber,
          documentsGeneratedAt: issuedAt,
          fulfillmentState: "pending",
          fulfillmentError: null,
          version: sql`${shipments.version} + 1`,
          updatedBy: signatory.id,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            eq(shipments.id, shipment.id),
            isNull(shipments.documentsGeneratedAt),
            inArray(shipments.status, ["ready", "pickup_scheduled"]),
          ),
        )
        .returning({ id: shipments.id });
      // Issued by someone else a moment ago: theirs stand.
      if (!frozen) return;
      await tx.insert(shipmentDocuments).values({
        shipmentId: shipment.id,
        trackingNumber,
        labelPdf: documents.label,
        invoicePdf: documents.invoice,
        labelPages: documents.labelPages,
        invoicePages: documents.invoicePages,
        generatedBy: signatory.id,
        generatedAt: issuedAt,
      });
      await recordAudit(tx, {
        actorId: signatory.id,
        action: "shipment.documents_issued",
        entityType: "shipment",
        entityId: shipment.id,
        after: { trackingNumber },
      });
      outcome.issued.push(shipment.id);
    });
  }
  return outcome;
}

export type DocumentKind = "all" | "labels" | "invoices";

/**
 * One PDF with the issued documents of the shipments, in the order given: for each shipment its
 * label pages then its invoice pages ("all"), or only labels (4×6 printers) or invoices (A4).
 * The same request always gives the same bytes.
 */
export async function documentsPdf(db: Db, shipmentIds: string[], kind: DocumentKind = "all") {
  const rows = await issuedDocumentFiles(db, shipmentIds);
  if (rows.length === 0) throw new AppError("documents.errors.noneIssued");
  const byId = new Map(rows.map((row) => [row.shipmentId, row]));
  const ordered = [...new Set(shipmentIds)].flatMap((id) => byId.get(id) ?? []);
  const label = (row: (typeof ordered)[number]) => (row.labelPdf ? [row.labelPdf] : []);
  const parts = ordered.flatMap((row) =>
    kind === "labels" ? label(row) : kind === "invoices" ? [row.invoicePdf] : [...label(row), row.invoicePdf],
  );
  return { pdf: await mergePdfs(parts), orderNames: ordered.map((row) => row.orderName) };
}
