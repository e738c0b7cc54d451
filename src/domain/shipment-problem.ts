// What is wrong with a shipment, field by field: the mapping of an order, the customs terms and the
// NF-e requirement each report their findings in this one shape, which drafts list and translate.
import type { RuleProblem } from "./address-rules";
import type { ShipmentField } from "./carriers";
import type { NfeErrorCode } from "./nfe-key";

/** Rule codes of address-rules, NF-e key error codes, and the mapping's own. */
export type ShipmentProblemCode =
  | RuleProblem
  | NfeErrorCode
  | "unknown"
  | "notPositive"
  | "overLimit"
  | "outOfRange"
  | "aboveLimit"
  | "noRate"
  | "incomplete";

export interface ShipmentProblem {
  field: ShipmentField;
  code: ShipmentProblemCode;
  /** Index into `customsItems` for a per-line problem. */
  line?: number;
  values?: Record<string, string | number>;
}
