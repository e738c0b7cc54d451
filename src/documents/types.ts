// The data a shipment's documents are printed from. Callers (the documents service) assemble it from
// the database; this library neither reads nor validates anything beyond what it needs to print.
import type { Carrier } from "@/domain/carrier-registry";

export interface DocumentParty {
  name: string;
  company?: string | null;
  taxId?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  state?: string | null;
  postalCode?: string | null;
  countryCode: string;
  phone?: string | null;
  email?: string | null;
}

export interface DocumentParcel {
  weightKg: number;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
}

export interface DocumentLine {
  description: string;
  hsCode: string | null;
  quantity: number;
  unitValue: string /* decimal string */;
  originCountry: string;
  unitWeightKg: number | null;
  sku?: string | null;
}

export interface ShippingDocumentData {
  orderName: string; // "#1042"
  carrier: Carrier;
  carrierName: string; // "FedEx"
  service: string; // "International Priority"
  /** The carrier's number; null when the invoice is issued before it (paperless upload, Correios). */
  trackingNumber: string | null;
  /** Our reference of the shipment at the carrier, printed where the tracking number is not known yet. */
  reference?: string | null;
  issuedAt: string; // ISO timestamp; the only date/time source (documents are deterministic)
  shipper: DocumentParty; // Brazilian exporter, taxId = CNPJ digits
  recipient: DocumentParty;
  parcels: DocumentParcel[]; // ≥ 1
  lines: DocumentLine[]; // ≥ 1
  currency: string; // ISO 4217 of the line values
  freight?: string | null;
  insurance?: string | null;
  otherCharges?: string | null; // decimal strings
  incoterm: string; // "DAP", "DDP" …
  exportReason: string; // "sale", "gift", "sample", "return", "repair", "personal" (print in English, capitalised words)
  invoiceNumber: string; // commercial invoice number (e.g. the NF-e number)
  invoiceDate: string; // "YYYY-MM-DD"
  nfeKey: string | null; // 44 digits
  /**
   * The declared value in US$ for the simplified-export limit, and the PTAX rate it was converted
   * with (null rate: the values are in US$ already); null when no rate was at hand.
   */
  usdValue?: {
    usdCents: number;
    rate: { currency: string; buyBrl: string; usdBuyBrl: string; date: string } | null;
  } | null;
  declaration: { name: string; title: string; date: string /* YYYY-MM-DD */ };
}
