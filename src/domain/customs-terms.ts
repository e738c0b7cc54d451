// Customs terms without silent defaults: a shipment's incoterm and reason for export are its own
// choice, else the store's default that an admin set, else unresolved (the shipment stays a draft
// listing them, and no document is printed). Also the Stores "Customs defaults & test orders" form.
import { z } from "zod";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES, TEST_ORDER_POLICIES } from "./customs-codes";
import type { ShipmentProblem } from "./shipment-problem";

type Incoterm = (typeof INCOTERM_VALUES)[number];
type ExportReason = (typeof EXPORT_REASON_VALUES)[number];

type CustomsTermSource = "shipment" | "store_default";

interface ResolvedTerm<T extends string> {
  value: T;
  source: CustomsTermSource;
}

export interface ResolvedCustomsTerms {
  incoterm: ResolvedTerm<Incoterm> | null;
  exportReason: ResolvedTerm<ExportReason> | null;
}

const CUSTOMS_TERM_FIELDS = ["incoterm", "exportReason"] as const;
export type CustomsTermField = (typeof CUSTOMS_TERM_FIELDS)[number];

const given = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

function resolveOne<T extends string>(
  allowed: readonly T[],
  own: string | null | undefined,
  storeDefault: string | null | undefined,
): ResolvedTerm<T> | null {
  // A value the shipment holds is the operator's choice: if it is not a known one it stays
  // unresolved rather than being replaced by the store's default behind the operator's back.
  if (given(own)) {
    const value = own.trim();
    return (allowed as readonly string[]).includes(value) ? { value: value as T, source: "shipment" } : null;
  }
  if (given(storeDefault)) {
    const value = storeDefault.trim();
    return (allowed as readonly string[]).includes(value) ? { value: value as T, source: "store_default" } : null;
  }
  return null;
}

/** The shipment's own incoterm and reason for export, else the store's defaults; invalid values never resolve. */
export function resolveCustomsTerms(
  shipment: { incoterm: string | null; exportReason: string | null },
  store: { defaultIncoterm: string | null; defaultExportReason: string | null },
): ResolvedCustomsTerms {
  return {
    incoterm: resolveOne(INCOTERM_VALUES, shipment.incoterm, store.defaultIncoterm),
    exportReason: resolveOne(EXPORT_REASON_VALUES, shipment.exportReason, store.defaultExportReason),
  };
}

/** The terms that resolved to nothing, in display order. */
export function unresolvedCustomsTerms(terms: ResolvedCustomsTerms): CustomsTermField[] {
  return CUSTOMS_TERM_FIELDS.filter((field) => terms[field] === null);
}

/** The store's defaults as the evaluation takes them. */
export interface CustomsDefaults {
  incoterm: string | null;
  exportReason: string | null;
}

/** What keeps one term from resolving: an invalid own value, or none at all (required). */
export function termProblem(term: CustomsTermField, own: string | null, defaults: CustomsDefaults): ShipmentProblem[] {
  const resolved = resolveCustomsTerms(
    { incoterm: term === "incoterm" ? own : null, exportReason: term === "exportReason" ? own : null },
    { defaultIncoterm: defaults.incoterm, defaultExportReason: defaults.exportReason },
  )[term];
  if (resolved) return [];
  return [{ field: term, code: given(own) ? "invalid" : "required" }];
}

// ------------------------------------------------------------------------------------------------
// The store settings form. Every message is an i18n key (the action wrapper translates it).

/**
 * A value from the list, or empty = no default (stored as null). Null is accepted too: the action
 * parses the form with this schema and the service parses its output again.
 */
const optionalChoice = <T extends string>(allowed: readonly [T, ...T[]], message: string) =>
  z
    .enum([...allowed, ""], message)
    .nullable()
    .optional()
    .transform((value): T | null => (value ? (value as T) : null));

export const storeSettingsSchema = z.strictObject(
  {
    storeId: z.uuid("errors.notFound"),
    defaultIncoterm: optionalChoice(INCOTERM_VALUES, "storeSettings.errors.incotermInvalid"),
    defaultExportReason: optionalChoice(EXPORT_REASON_VALUES, "storeSettings.errors.exportReasonInvalid"),
    testOrders: z.enum(TEST_ORDER_POLICIES, "storeSettings.errors.testOrdersInvalid"),
    // Drafts on hold in Shopify while incomplete: "on" or "off" from the form (or the boolean this
    // schema makes of it, parsed again by the service); absent leaves the setting as it is.
    fulfillmentHolds: z
      .union([z.enum(["on", "off"]).transform((value) => value === "on"), z.boolean()], {
        error: "storeSettings.errors.holdsInvalid",
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? "storeSettings.errors.unknownField" : "storeSettings.errors.invalidForm",
  },
);

type StoreSettingsInput = z.output<typeof storeSettingsSchema>;
export type StoreSettings = Omit<StoreSettingsInput, "storeId">;
