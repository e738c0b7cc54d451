import "server-only";
// Where a store keeps the NF-e access key of an order: a metafield (NFE_METAFIELD_NAMESPACE /
// NFE_METAFIELD_KEY, default nfe.access_key), else a note attribute (NFE_NOTE_ATTRIBUTE). Read at
// each call, not at module load, so every read path — pages, webhooks, bulk — follows the same
// settings and a test can change them.
import { settings } from "../../env";

export interface InvoiceMetafield {
  namespace: string;
  key: string;
}

export function invoiceMetafield(): InvoiceMetafield {
  return settings().nfeMetafield;
}

/** The variables OrderFields takes for the metafield. */
export function invoiceVariables(): { invoiceNamespace: string; invoiceKey: string } {
  const { namespace, key } = invoiceMetafield();
  return { invoiceNamespace: namespace, invoiceKey: key };
}
