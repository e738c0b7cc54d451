// The emulated DHL tracking answer: checkpoints that appear as the emulator's clock passes their
// delay from the label's creation, in DHL's shipments[].events[] shape (CARRIERS.md "Tracking").
import { addDays } from "@/domain/calendar";

const HOUR = 3_600_000;

/** What tracking needs of an emulated shipment. */
export interface TrackedShipment {
  trackingNumber: string;
  productCode: string;
  reference: string | null;
  plannedDate: string;
  createdAt: Date;
  /** Set by an "exception" scenario: an OH checkpoint then, and nothing after it. */
  exceptionAt: Date | null;
  receiverCity: string;
}

/**
 * The checkpoints after the label, with their delay (codes from CARRIERS.md "Event mapping"). A
 * new label has none: DHL shows a shipment only as "information received" until it is picked up.
 */
const TIMELINE: { afterHours: number; code: string; description: string; origin: boolean }[] = [
  { afterHours: 2, code: "PU", description: "Shipment picked up", origin: true },
  { afterHours: 4, code: "DF", description: "Departed Facility in SAO PAULO - BRAZIL", origin: true },
  { afterHours: 8, code: "CC", description: "Customs status updated", origin: false },
  { afterHours: 12, code: "AF", description: "Arrived at DHL Sort Facility", origin: false },
  { afterHours: 24, code: "WC", description: "With delivery courier", origin: false },
  { afterHours: 30, code: "OK", description: "Delivered", origin: false },
];

/** An instant as DHL's event date, time and offset, in São Paulo time (GMT-03:00, no DST). */
function localStamp(at: Date) {
  const iso = new Date(at.getTime() - 3 * HOUR).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), GMTOffset: "-03:00" };
}

const event = (at: Date, typeCode: string, description: string, area: string) => ({
  ...localStamp(at),
  typeCode,
  description,
  serviceArea: [{ code: area.slice(0, 3).toUpperCase(), description: area }],
});

function events(shipment: TrackedShipment, now: Date) {
  const list: ReturnType<typeof event>[] = [];
  for (const step of TIMELINE) {
    const at = shipment.createdAt.getTime() + step.afterHours * HOUR;
    if (at > now.getTime() || (shipment.exceptionAt && at > shipment.exceptionAt.getTime())) break;
    list.push(
      event(new Date(at), step.code, step.description, step.origin ? "SAO PAULO - BRAZIL" : shipment.receiverCity),
    );
  }
  if (shipment.exceptionAt && shipment.exceptionAt.getTime() <= now.getTime()) {
    list.push(event(shipment.exceptionAt, "OH", "Shipment on hold", shipment.receiverCity));
  }
  return list;
}

/** One entry of GET /tracking's shipments[] as of `now`. */
export function trackedShipment(shipment: TrackedShipment, now: Date) {
  const list = events(shipment, now);
  const created = localStamp(shipment.createdAt);
  return {
    shipmentTrackingNumber: shipment.trackingNumber,
    status: list.at(-1)?.description ?? "Shipment information received",
    shipmentTimestamp: `${created.date}T${created.time}`,
    productCode: shipment.productCode,
    shipperReferences: shipment.reference ? [{ value: shipment.reference, typeCode: "CU" }] : [],
    events: list,
    estimatedDeliveryDate: addDays(shipment.plannedDate, 4),
  };
}
