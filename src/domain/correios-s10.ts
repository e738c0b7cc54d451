// "Record S10 code": the Correios tracking code an operator copies from the agency receipt.
// Correios has no API we call (docs/ARCHITECTURE.md, "Carriers"), so this code is what makes a
// Correios shipment trackable and sent to Shopify. UPU S10: two letters, eight digits, a check
// digit and "BR" (src/domain/tracking.ts has the check-digit rule and its source).
import { z } from "zod";
import { isValidTrackingNumber, normalizeTrackingNumber } from "./tracking";

const S10_SHAPE = /^[A-Z]{2}[0-9]{9}BR$/;

/** Why a typed code is refused (i18n keys): not the S10 shape, or a wrong check digit. */
export function s10Problem(code: string): "correios.errors.format" | "correios.errors.checkDigit" | null {
  if (!S10_SHAPE.test(code)) return "correios.errors.format";
  return isValidTrackingNumber("correios", code) ? null : "correios.errors.checkDigit";
}

export const recordS10FormSchema = z.object({
  shipmentId: z.uuid("errors.notFound"),
  code: z
    .string()
    // Bounded before normalising: a receipt code is 13 characters, typed with spaces at most.
    .max(40, "correios.errors.format")
    .transform(normalizeTrackingNumber)
    .superRefine((code, ctx) => {
      const problem = s10Problem(code);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
