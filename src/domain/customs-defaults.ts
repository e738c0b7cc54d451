// Incoterm and reason for export: printed on the commercial invoice and sent to the carrier, so
// never assumed. A shipment's own choice wins; else the store's default (which the shipment shows
// as "store default"); with neither, the shipment is a draft that lists the term.
import type { ShipmentProblem } from "./order-mapping";

/** Trade terms and export reasons an operator may choose (DOMAIN.md §1.6, §7). */
export const INCOTERM_VALUES = ["DAP", "DDU", "DDP"] as const;
export const EXPORT_REASON_VALUES = ["sale", "gift", "sample", "return", "repair", "personal_use"] as const;

export type CustomsTerm = "incoterm" | "exportReason";

export interface CustomsDefaults {
  incoterm: string | null;
  exportReason: string | null;
}

const ALLOWED: Record<CustomsTerm, readonly string[]> = {
  incoterm: INCOTERM_VALUES,
  exportReason: EXPORT_REASON_VALUES,
};

export type ResolvedTerm = { value: string; source: "shipment" | "store_default" } | null;

/** The term that applies: the shipment's own valid value, else the store's valid default, else null. */
export function resolveTerm(term: CustomsTerm, own: string | null, defaults: CustomsDefaults): ResolvedTerm {
  const valid = (value: string | null) => value !== null && ALLOWED[term].includes(value.trim());
  if (own !== null && own.trim() !== "") return valid(own) ? { value: own.trim(), source: "shipment" } : null;
  const fallback = defaults[term];
  return valid(fallback) ? { value: fallback!.trim(), source: "store_default" } : null;
}

/** The problem of a term: an invalid own value, or none at all (required). */
export function termProblem(term: CustomsTerm, own: string | null, defaults: CustomsDefaults): ShipmentProblem[] {
  if (resolveTerm(term, own, defaults)) return [];
  const given = own !== null && own.trim() !== "";
  return [{ field: term, code: given ? "invalid" : "required" }];
}
