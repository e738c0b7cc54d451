// The exporter printed on labels and commercial invoices (an invoice names the shipper with its
// address, phone and tax ID, and a signed declaration with name and title). Stored per store.
import { normalizePhone } from "./address-rules";
import { isValidCnpj, NFE_STATES } from "./nfe-key";
import { REQUIRED_SHIPPER_FIELDS, SHIPPER_FIELDS, type ShipperField, type ShipperProfile } from "./shipper-fields";

export function emptyShipper(): ShipperProfile {
  return Object.fromEntries(SHIPPER_FIELDS.map((field) => [field, null])) as unknown as ShipperProfile;
}

/** A stored value (jsonb, possibly from an older shape or null) as a complete profile. */
export function toShipperProfile(stored: unknown): ShipperProfile {
  const profile = emptyShipper();
  if (stored && typeof stored === "object") {
    for (const field of SHIPPER_FIELDS) {
      const value = (stored as Record<string, unknown>)[field];
      if (typeof value === "string" && value.trim() !== "") profile[field] = value.trim();
    }
  }
  return profile;
}

/** The required fields still empty, in form order. */
export function missingShipperFields(profile: ShipperProfile): ShipperField[] {
  return REQUIRED_SHIPPER_FIELDS.filter((field) => !profile[field]);
}

/**
 * What the carriers' pickup address needs, in the order the pickups service checks it (a pickup is
 * refused naming the first one missing): company, contact, phone and the street address.
 */
export const PICKUP_SHIPPER_FIELDS = [
  "legalName",
  "signatoryName",
  "phone",
  "address1",
  "city",
  "state",
  "postalCode",
] as const satisfies readonly ShipperField[];

/** The fields documents for a shipment need and the profile lacks: the required ones, and the CNPJ unless the NF-e key names its issuer. */
export function missingForDocuments(profile: ShipperProfile, nfeKey: string | null): ShipperField[] {
  return [...missingShipperFields(profile), ...(shipperTaxId(profile, nfeKey) ? [] : (["taxId"] as const))];
}

export interface ShipperReadiness {
  /** Every field documents or pickups would refuse without, in form order (empty: ready). */
  missing: ShipperField[];
  /** Whether documents can be issued for a shipment without an NF-e key. */
  documents: boolean;
  /** Whether a carrier pickup can be booked at the shipper's address. */
  pickups: boolean;
}

/**
 * A store's readiness, judged before anyone tries: what "Generate documents" and "Schedule pickup"
 * would refuse on. The CNPJ counts as missing when the profile has none: only a shipment with an
 * NF-e key can do without it, and most shipments under US$ 1,000 carry no key.
 */
export function shipperReadiness(profile: ShipperProfile): ShipperReadiness {
  const documents = missingForDocuments(profile, null);
  const pickups = PICKUP_SHIPPER_FIELDS.filter((field) => !profile[field]);
  const gaps = new Set<ShipperField>([...documents, ...pickups]);
  return {
    missing: SHIPPER_FIELDS.filter((field) => gaps.has(field)),
    documents: documents.length === 0,
    pickups: pickups.length === 0,
  };
}

/** The tax ID printed for a shipment: the profile's CNPJ, else the NF-e key's issuer (positions 7–20). */
export function shipperTaxId(profile: ShipperProfile, nfeKey: string | null): string | null {
  if (profile.taxId) return profile.taxId;
  if (nfeKey && /^[0-9A-Z]{44}$/.test(nfeKey)) {
    const issuer = nfeKey.slice(6, 20);
    return isValidCnpj(issuer) ? issuer : null;
  }
  return null;
}

/** The profile a newly connected shop starts with: its Shopify billing address. */
export function shipperFromShop(shop: {
  name: string;
  email?: string | null;
  billingAddress: {
    company?: string | null;
    address1?: string | null;
    address2?: string | null;
    city?: string | null;
    provinceCode?: string | null;
    zip?: string | null;
    phone?: string | null;
  };
}): ShipperProfile {
  const address = shop.billingAddress;
  return toShipperProfile({
    legalName: address.company || shop.name,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    state: address.provinceCode,
    postalCode: address.zip,
    phone: address.phone,
    email: shop.email,
  });
}

export type ShipperProblem = "required" | "invalid" | "tooLong";

const MAX_LENGTH = 200;
const BRAZILIAN_UFS = new Set(Object.values(NFE_STATES).map((state) => state.uf));

/**
 * The shipper details as an admin typed them: trimmed, CNPJ without punctuation, CEP as
 * 00000-000, phone in E.164. Every problem is tied to its field; nothing is guessed.
 */
export function validateShipperForm(
  input: Partial<Record<ShipperField, string | null | undefined>>,
): { ok: true; profile: ShipperProfile } | { ok: false; problems: Partial<Record<ShipperField, ShipperProblem>> } {
  const profile = toShipperProfile(input);
  const problems: Partial<Record<ShipperField, ShipperProblem>> = {};
  for (const field of SHIPPER_FIELDS) {
    if ((profile[field]?.length ?? 0) > MAX_LENGTH) problems[field] = "tooLong";
  }
  for (const field of REQUIRED_SHIPPER_FIELDS) if (!profile[field]) problems[field] = "required";

  if (profile.taxId) {
    const cnpj = profile.taxId.toUpperCase().replace(/[.\-/\s]/g, "");
    if (isValidCnpj(cnpj)) profile.taxId = cnpj;
    else problems.taxId = "invalid";
  }
  if (profile.state) {
    profile.state = profile.state.toUpperCase();
    if (!BRAZILIAN_UFS.has(profile.state)) problems.state = "invalid";
  }
  if (profile.postalCode) {
    const digits = profile.postalCode.replace(/\D/g, "");
    if (digits.length === 8) profile.postalCode = `${digits.slice(0, 5)}-${digits.slice(5)}`;
    else problems.postalCode = "invalid";
  }
  if (profile.phone) {
    const phone = normalizePhone(profile.phone, "BR");
    if (phone) profile.phone = phone;
    else problems.phone = "invalid";
  }
  if (profile.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(profile.email)) problems.email = "invalid";
  return Object.keys(problems).length === 0 ? { ok: true, profile } : { ok: false, problems };
}
