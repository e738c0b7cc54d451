// The emulated parcel's life as FedEx scan events, advancing with the emulator's clock from the
// label's creation. Codes from FedEx's Tracking-Status-Codes table (karrio fedex vendor folder;
// CARRIERS.md FedEx §5): OC order created, PU picked up, IT in transit, CC cleared customs, OD out
// for delivery, DL delivered, DE delivery exception, CA shipment cancelled.

const HOUR = 3_600_000;

interface Scan {
  offsetMs: number;
  code: string;
  description: string;
  city: string;
  countryCode: string;
}

export interface TrackedParcel {
  createdAt: Date;
  voidedAt: Date | null;
  /** When an exception was asked for (control API): the next scheduled scan becomes an exception. */
  exceptionFrom: Date | null;
  destination: { city: string; countryCode: string };
}

export interface ScanEvent {
  at: Date;
  code: string;
  description: string;
  exceptionCode: string | null;
  city: string;
  countryCode: string;
}

function schedule(destination: TrackedParcel["destination"]): Scan[] {
  const origin = { city: "SAO PAULO", countryCode: "BR" };
  return [
    { offsetMs: 0, code: "OC", description: "Shipment information sent to FedEx", ...origin },
    { offsetMs: 2 * HOUR, code: "PU", description: "Picked up", ...origin },
    { offsetMs: 4 * HOUR, code: "IT", description: "In transit", ...origin },
    { offsetMs: 8 * HOUR, code: "CC", description: "International shipment release - Import", ...destination },
    { offsetMs: 24 * HOUR, code: "OD", description: "On FedEx vehicle for delivery", ...destination },
    { offsetMs: 30 * HOUR, code: "DL", description: "Delivered", ...destination },
  ];
}

/** The scans that have happened by `now`, oldest first. */
export function scansOf(parcel: TrackedParcel, now: Date): ScanEvent[] {
  const events: ScanEvent[] = [];
  const destination = { city: parcel.destination.city.toUpperCase(), countryCode: parcel.destination.countryCode };
  for (const scan of schedule(destination)) {
    const at = new Date(parcel.createdAt.getTime() + scan.offsetMs);
    if (at > now) break;
    if (parcel.voidedAt && at > parcel.voidedAt) break;
    if (parcel.exceptionFrom && at > parcel.exceptionFrom) {
      events.push({
        at,
        code: "DE",
        description: "Delivery exception",
        exceptionCode: "07",
        city: scan.city,
        countryCode: scan.countryCode,
      });
      break;
    }
    events.push({ at, ...scan, exceptionCode: null });
  }
  if (parcel.voidedAt && parcel.voidedAt <= now) {
    events.push({
      at: parcel.voidedAt,
      code: "CA",
      description: "Shipment cancelled by sender",
      exceptionCode: null,
      city: "SAO PAULO",
      countryCode: "BR",
    });
  }
  return events;
}

/** Picked up (or later): FedEx no longer cancels it. */
export function isTendered(parcel: TrackedParcel, now: Date): boolean {
  return scansOf(parcel, now).some((scan) => scan.code !== "OC");
}

export function estimatedDelivery(parcel: TrackedParcel): Date {
  return new Date(parcel.createdAt.getTime() + 30 * HOUR);
}
