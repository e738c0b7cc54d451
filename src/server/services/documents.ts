import "server-only";
// "Generate documents" over a selection, and the downloads of what was issued. Each shipment's
// label is bought through the purchase protocol (label-purchase.ts): one at a time, paced by each
// carrier's published rate, and one shipment's failure does not stop the others — every shipment
// gets its own outcome. Downloads serve the bytes stored as issued, in the format they were issued.
import { CARRIERS, isCarrier } from "@/domain/carrier-registry";
import { originNow } from "@/domain/local-time";
import type { ShopifyLineItem, ShopifyOrderNode } from "@/domain/shopify-order";
import type { DraftRecipient } from "@/domain/shipment-evaluation";
import type { LabelFormat } from "@/domain/statuses";
import { mergePdfs, renderPackingSlip, type PackingSlipData } from "@/documents";
import { isApiCarrier, type ApiCarrier } from "../carriers/api";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { issuedDocumentFiles, packingSlipRows, shipmentsToDocument } from "../queries/documents";
import { userLabelFormat } from "../queries/users";
import { resolveShipment, type Signatory } from "./carrier-shipment";
import { purchaseLabel, type LabelDeps } from "./label-purchase";

export interface DocumentDeps extends LabelDeps {
  /** Waits between two purchases from the same carrier (tests: no real waiting). */
  sleep?: (ms: number) => Promise<void>;
}

type IssueResult =
  | { shipmentId: string; order: string; status: "issued"; trackingNumber: string | null }
  | { shipmentId: string; order: string; status: "alreadyIssued" }
  | { shipmentId: string; order: string; status: "failed"; error: AppError };

export interface IssueOutcome {
  issued: string[];
  alreadyIssued: string[];
  failed: Extract<IssueResult, { status: "failed" }>[];
  /** Every selected shipment's outcome, in the order given. */
  results: IssueResult[];
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Issues the documents of every selected shipment that has none yet. A refusal of our own is thrown
 * before anything is bought; a carrier's failure is thrown with one shipment selected (the form
 * shows it) and is that shipment's outcome with several.
 */
export async function issueDocuments(
  deps: DocumentDeps,
  shipmentIds: string[],
  signatory: Signatory,
): Promise<IssueOutcome> {
  const ids = [...new Set(shipmentIds)];
  const rows = await shipmentsToDocument(deps.db, ids);
  if (rows.length !== ids.length) throw new AppError("errors.notFound");
  const labelFormat = await userLabelFormat(deps.db, signatory.id);
  const issuer = { ...signatory, labelFormat };
  const byId = new Map(rows.map((row) => [row.shipment.id, row]));
  const sleep = deps.sleep ?? wait;
  const lastCall = new Map<ApiCarrier, number>();

  // Our own refusals (not ready, incomplete data, no carrier account) stop the whole selection
  // before anything is bought, naming the first shipment: the operator fixes the data and issues
  // again. What happens at a carrier is per shipment: a refusal there does not stop the others.
  const issuedAt = deps.now?.() ?? new Date();
  for (const row of rows) {
    if (row.shipment.documentsGeneratedAt) continue;
    resolveShipment(row, { attempt: 1, issuedAt, signatory });
    if (isApiCarrier(row.shipment.carrier)) await deps.carriers.forStore(row.shipment.storeId, row.shipment.carrier);
  }

  const results: IssueResult[] = [];
  for (const id of ids) {
    const row = byId.get(id)!;
    const order = row.orderName;
    if (row.shipment.documentsGeneratedAt) {
      results.push({ shipmentId: id, order, status: "alreadyIssued" });
      continue;
    }
    const carrier = row.shipment.carrier;
    const attemptOnce = async () => {
      if (isApiCarrier(carrier)) {
        const { client } = await deps.carriers.forStore(row.shipment.storeId, carrier);
        // A purchase is a few requests (upload, ship): spaced so the batch stays within the carrier's rate.
        // The clients pace each request too, but exactly at the limit: without this margin a 100-label
        // batch drew 18 answers of 429 from the UPS emulator (npm run bench:labels).
        const gap = Math.ceil(3000 / client.limits.requestsPerSecond);
        const since = Date.now() - (lastCall.get(carrier) ?? 0);
        if (since < gap) await sleep(gap - since);
        lastCall.set(carrier, Date.now());
      }
      return purchaseLabel(deps, row, issuer);
    };
    try {
      let trackingNumber: string | null;
      try {
        trackingNumber = await attemptOnce();
      } catch (error) {
        // Rate-limited: the intent is pending, so one more try (which reconciles first) is safe.
        if (!(error instanceof AppError && error.values?.code === "rateLimited")) throw error;
        await sleep(2000);
        trackingNumber = await attemptOnce();
      }
      results.push({ shipmentId: id, order, status: "issued", trackingNumber });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (ids.length === 1) throw error;
      results.push({ shipmentId: id, order, status: "failed", error });
    }
  }
  return {
    issued: results.flatMap((result) => (result.status === "issued" ? [result.shipmentId] : [])),
    alreadyIssued: results.flatMap((result) => (result.status === "alreadyIssued" ? [result.shipmentId] : [])),
    failed: results.filter((result) => result.status === "failed"),
    results,
  };
}

export const DOCUMENT_KINDS = ["all", "labels", "invoices", "packing-slips", "labels+slips"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentFile {
  bytes: Uint8Array;
  contentType: "application/pdf" | "application/zpl";
  extension: "pdf" | "zpl";
  orderNames: string[];
}

const listOrders = (names: string[]) => names.join(", ");

/** The packing slip of each shipment, in the order given. */
async function packingSlips(db: Db, shipmentIds: string[]) {
  const rows = await packingSlipRows(db, shipmentIds);
  const slips = new Map<string, { pdf: Uint8Array; orderName: string }>();
  for (const row of rows) {
    const local = originNow(row.orderCreatedAt);
    const recipient = (row.recipient ?? {}) as Partial<DraftRecipient>;
    const lines = (row.lines as ShopifyLineItem[])
      .filter((line) => line.requiresShipping !== false)
      .map((line) => ({
        sku: line.sku,
        description: line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title,
        quantity: line.quantity,
      }));
    const data: PackingSlipData = {
      storeName: row.storeName,
      orderName: row.orderName,
      orderDate: local.date,
      // Dated by the order, so the same slip is the same bytes whenever it is downloaded.
      issuedAt: `${local.date}T${local.time}:00-03:00`,
      carrier: isCarrier(row.carrier) ? row.carrier : null,
      carrierName: isCarrier(row.carrier) ? CARRIERS[row.carrier].name : null,
      trackingNumber: row.trackingNumber,
      shipTo: {
        name: recipient.name ?? recipient.company ?? "",
        company: recipient.name ? recipient.company : null,
        address1: recipient.address1 ?? "",
        address2: recipient.address2,
        city: recipient.city ?? "",
        state: recipient.provinceCode ?? recipient.province,
        postalCode: recipient.postalCode,
        countryCode: recipient.countryCode ?? "",
        phone: recipient.phone,
      },
      lines,
      note: (row.raw as ShopifyOrderNode | null)?.note ?? null,
    };
    slips.set(row.shipmentId, { pdf: await renderPackingSlip(data), orderName: row.orderName });
  }
  return slips;
}

/**
 * One file with the documents of the shipments, in the order given: labels in `format` (ZPL: the
 * labels' ZPL one after the other, as thermal printers take it; PDF: one merged PDF), invoices,
 * packing slips, or labels and invoices / slips per shipment (PDF only). A label issued in the other
 * format is not converted: the download is refused, naming those orders.
 */
export async function documentFile(
  db: Db,
  shipmentIds: string[],
  kind: DocumentKind,
  format: LabelFormat,
): Promise<DocumentFile> {
  const ids = [...new Set(shipmentIds)];
  if (kind === "packing-slips") {
    const slips = await packingSlips(db, ids);
    if (slips.size === 0) throw new AppError("errors.notFound");
    const ordered = ids.flatMap((id) => slips.get(id) ?? []);
    return {
      bytes: await mergePdfs(ordered.map((slip) => slip.pdf)),
      contentType: "application/pdf",
      extension: "pdf",
      orderNames: ordered.map((slip) => slip.orderName),
    };
  }
  const rows = await issuedDocumentFiles(db, ids);
  if (rows.length === 0) throw new AppError("documents.errors.noneIssued");
  const byId = new Map(rows.map((row) => [row.shipmentId, row]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const orderNames = ordered.map((row) => row.orderName);
  const wantsLabels = kind !== "invoices";
  const withLabel = ordered.filter((row) => row.labelPdf || row.labelZpl);
  // ZPL only makes sense for the labels alone; a PDF bundle needs PDF labels.
  const labelFormat: LabelFormat = kind === "labels" ? format : "pdf";
  if (wantsLabels) {
    const other = withLabel.filter((row) => row.labelFormat !== labelFormat);
    if (other.length > 0) {
      throw new AppError(labelFormat === "pdf" ? "labels.errors.issuedAsZpl" : "labels.errors.issuedAsPdf", undefined, {
        orders: listOrders(other.map((row) => row.orderName)),
        count: other.length,
      });
    }
  }
  if (kind === "labels" && withLabel.length === 0) throw new AppError("labels.errors.noLabels");
  if (kind === "labels" && labelFormat === "zpl") {
    const encoder = new TextEncoder();
    // Each label is a complete ^XA…^XZ job; a newline between them keeps one job per line block.
    const parts = withLabel.flatMap((row) => [row.labelZpl!, encoder.encode("\n")]);
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return {
      bytes,
      contentType: "application/zpl",
      extension: "zpl",
      orderNames: withLabel.map((row) => row.orderName),
    };
  }
  const slips = kind === "labels+slips" ? await packingSlips(db, ids) : new Map<string, { pdf: Uint8Array }>();
  const label = (row: (typeof ordered)[number]) => (row.labelPdf ? [row.labelPdf] : []);
  const parts = ordered.flatMap((row) => {
    if (kind === "labels") return label(row);
    if (kind === "invoices") return [row.invoicePdf];
    if (kind === "labels+slips")
      return [...label(row), ...(slips.has(row.shipmentId) ? [slips.get(row.shipmentId)!.pdf] : [])];
    return [...label(row), row.invoicePdf];
  });
  return { bytes: await mergePdfs(parts), contentType: "application/pdf", extension: "pdf", orderNames };
}
