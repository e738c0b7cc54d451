// Shipment Management's forms: pickups, documents, tracking, void label, the label format.
import { z } from "zod";
import { LABEL_FORMATS } from "./statuses";

/** The selected shipments: one "ids" field per row. */
const ids = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.uuid("errors.notFound")).min(1, "errors.nothingSelected").max(500, "errors.tooManySelected"));

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "pickups.problems.invalidTime");
const pickupWindow = { date: z.iso.date("pickups.problems.invalidDate"), readyTime: time, closeTime: time };

export const schedulePickupFormSchema = z.object({ ids, ...pickupWindow });
export const reschedulePickupFormSchema = z.object({ pickupId: z.uuid("errors.notFound"), ...pickupWindow });
export const cancelPickupFormSchema = z.object({ pickupId: z.uuid("errors.notFound") });
export const voidLabelFormSchema = z.object({ shipmentId: z.uuid("errors.notFound") });
/** "Generate documents" and "Retry" (tracking): the selected shipments. */
export const shipmentSelectionFormSchema = z.object({ ids });
/** The user's label format preference (labels are bought and downloaded in it). */
export const labelFormatFormSchema = z.object({ format: z.enum(LABEL_FORMATS, "errors.invalid") });
