// The message of a shipment problem, as an i18n key and its values: what a draft's reason says to
// the operator (Edit Draft, the drafts list, a sync's item). NF-e key errors reuse the key
// validator's messages; the rest are "problems.<field>.<code>", else "problems.any.<code>", whose
// `{label}` the caller fills with the field's translated name (`fields.<field>`, in `labelKey`).
import type { ShipmentProblem } from "./shipment-problem";

const NFE_ERROR_CODES = new Set([
  "length",
  "characters",
  "state",
  "month",
  "cnpj",
  "model",
  "emissionType",
  "checkDigit",
]);

/** Messages written for one field; any other problem takes the generic one of its code. */
const FIELD_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  nfeKey: ["aboveLimit", "noRate", "required"],
  lineItems: ["incomplete"],
  incoterm: ["required", "invalid"],
  exportReason: ["required", "invalid"],
};

export interface ProblemMessage {
  key: string;
  values: Record<string, string | number>;
  /** The i18n key of the field's name, for the message's `{label}`. */
  labelKey: string;
}

export function problemMessage(problem: ShipmentProblem): ProblemMessage {
  const values = { ...(problem.values ?? {}), ...(problem.line === undefined ? {} : { line: problem.line + 1 }) };
  const labelKey = `fields.${problem.field}`;
  if (problem.field === "nfeKey" && NFE_ERROR_CODES.has(problem.code))
    return { key: `nfe.errors.${problem.code}`, values, labelKey };
  if (FIELD_MESSAGES[problem.field]?.includes(problem.code))
    return { key: `problems.${problem.field}.${problem.code}`, values, labelKey };
  return { key: `problems.any.${problem.code}`, values, labelKey };
}
