// The Edit Draft form as the page posts it for a shipment, every field filled from what is stored,
// with `changes` applied ("nfeKey", "items.0.hsCode", "recipient.phone", …).
import { draftFormSchema, type DraftForm } from "@/domain/draft-form";
import { parseSubmission } from "@/domain/form-submission";
import type { shipments } from "@/server/db/schema";

export function draftFormFor(shipment: typeof shipments.$inferSelect, changes: Record<string, string> = {}): DraftForm {
  const flat: Record<string, string> = {
    id: shipment.id,
    version: String(shipment.version),
    carrier: shipment.carrier ?? "",
    service: shipment.service ?? "",
    nfeKey: shipment.nfeKey ?? "",
    incoterm: shipment.incoterm ?? "",
    exportReason: shipment.exportReason ?? "",
  };
  for (const [key, value] of Object.entries({ ...shipment.recipient })) {
    if (key !== "province") flat[`recipient.${key}`] = (value as string | null) ?? "";
  }
  shipment.customsItems.forEach((item, index) => {
    for (const key of ["description", "sku", "hsCode", "quantity", "unitValue", "originCountry", "weightKg"]) {
      const value = ({ ...item } as Record<string, unknown>)[key];
      flat[`items.${index}.${key}`] = value == null ? "" : String(value);
    }
  });
  const weightKg = shipment.parcels[0]?.weightKg;
  flat["parcel.weightKg"] = weightKg == null ? "" : String(weightKg);
  const submission = parseSubmission(draftFormSchema, Object.entries({ ...flat, ...changes }));
  if (!submission.ok) throw new Error(`the form was refused: ${JSON.stringify(submission)}`);
  return submission.data;
}
