// Shipping documents as PDFs, from plain data: no database, no framework, and the same bytes for the
// same input. The carrier's label is not drawn here: it is stored as the carrier issued it.

export { renderInvoiceWithPageCount } from "./invoice";
export { mergePdfs } from "./merge";
export { renderPackingSlip, type PackingSlipData } from "./packing-slip";
export type { ShippingDocumentData } from "./types";
