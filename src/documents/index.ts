// Shipping documents as PDFs, from plain data: no database, no framework, and the same bytes for the
// same input.

import { renderInvoiceWithPageCount } from "./invoice";
import { renderLabel } from "./label";
import type { ShippingDocumentData } from "./types";

export { mergePdfs } from "./merge";
export { toPdfText } from "./text";
export type { ShippingDocumentData } from "./types";

export interface ShipmentDocuments {
  label: Uint8Array;
  invoice: Uint8Array;
  labelPages: number;
  invoicePages: number;
}

/** The label (one page per parcel) and the commercial invoice of one shipment. */
export async function renderShipmentDocuments(data: ShippingDocumentData): Promise<ShipmentDocuments> {
  const label = await renderLabel(data);
  const invoice = await renderInvoiceWithPageCount(data);
  return { label, invoice: invoice.pdf, labelPages: data.parcels.length, invoicePages: invoice.pageCount };
}
