// The shipper profile's fields, alone in a module the Shipper details form can import without the
// phone rules of shipper.ts (libphonenumber's metadata: 54 kB of gzip JavaScript on the Stores page).

export interface ShipperProfile {
  legalName: string | null;
  /** CNPJ, 14 characters without punctuation. Empty: the issuer CNPJ of each shipment's NF-e key. */
  taxId: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  /** UF, e.g. "SP". */
  state: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  /** Who signs the invoice declaration; empty: the user who issues the documents. */
  signatoryName: string | null;
  signatoryTitle: string | null;
}

export const SHIPPER_FIELDS = [
  "legalName",
  "taxId",
  "address1",
  "address2",
  "city",
  "state",
  "postalCode",
  "phone",
  "email",
  "signatoryName",
  "signatoryTitle",
] as const satisfies readonly (keyof ShipperProfile)[];

export type ShipperField = (typeof SHIPPER_FIELDS)[number];

/** What a carrier needs on every label and invoice (the tax ID may come from the NF-e key). */
export const REQUIRED_SHIPPER_FIELDS = ["legalName", "address1", "city", "state", "postalCode", "phone"] as const;
