// The message of a shipment problem, as an i18n key and its values: what a draft's reason says to
// the operator (Edit Draft, the drafts list, a sync's item). NF-e key errors reuse the key
// validator's messages; the rest are "problems.<field>.<code>", else "problems.any.<code>".
import type { ShipmentProblem } from "./order-mapping";

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
}

export function problemMessage(problem: ShipmentProblem): ProblemMessage {
  const values = { ...(problem.values ?? {}), ...(problem.line === undefined ? {} : { line: problem.line + 1 }) };
  if (problem.field === "nfeKey" && NFE_ERROR_CODES.has(problem.code))
    return { key: `nfe.errors.${problem.code}`, values };
  if (FIELD_MESSAGES[problem.field]?.includes(problem.code))
    return { key: `problems.${problem.field}.${problem.code}`, values };
  return { key: `problems.any.${problem.code}`, values: { ...values, field: problem.field } };
}
