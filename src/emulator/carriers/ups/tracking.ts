// A UPS parcel's scans as time passes from its label's creation (UPS's status letters: M manifest,
// P pickup, I in progress, X exception, D delivered — CARRIERS.md §5; codes are UPS activity codes
// as seen in UPS answers: OT "Out For Delivery Today", KB delivered, SR released by customs).
export type Scenario = "normal" | { exceptionAt: number };

export interface ScanEvent {
  at: number;
  type: "M" | "P" | "I" | "X" | "D";
  code: string;
  statusCode: string;
  description: string;
  city: string;
  country: string;
}

const HOUR = 3_600_000;
const SCHEDULE: Omit<ScanEvent, "at">[] = [
  {
    type: "M",
    code: "MP",
    statusCode: "003",
    description: "Shipper created a label, UPS has not received the package yet.",
    city: "Sao Paulo",
    country: "BR",
  },
  { type: "P", code: "XA", statusCode: "038", description: "Pickup Scan", city: "Sao Paulo", country: "BR" },
  {
    type: "I",
    code: "SR",
    statusCode: "071",
    description: "Your package was released by the customs agency.",
    city: "Miami",
    country: "US",
  },
  { type: "I", code: "OT", statusCode: "072", description: "Out For Delivery Today", city: "New York", country: "US" },
  { type: "D", code: "KB", statusCode: "011", description: "DELIVERED", city: "New York", country: "US" },
];
/** Hours after the label: created at once, picked up ~2 h, customs ~8 h, out for delivery ~24 h, delivered ~30 h. */
const OFFSETS_H = [0, 2, 8, 24, 30];

const EXCEPTION: Omit<ScanEvent, "at"> = {
  type: "X",
  code: "UD",
  statusCode: "017",
  description: "The address needs correction; UPS is attempting to update it.",
  city: "New York",
  country: "US",
};

/** The scans that have happened by `now`, oldest first. An exception replaces the next scheduled scan and halts the rest. */
export function timeline(createdAt: number, now: number, scenario: Scenario): ScanEvent[] {
  const events: ScanEvent[] = [];
  for (let i = 0; i < SCHEDULE.length; i++) {
    const at = createdAt + OFFSETS_H[i] * HOUR;
    if (at > now) break;
    if (scenario !== "normal" && at > scenario.exceptionAt) {
      events.push({ ...EXCEPTION, at });
      break;
    }
    events.push({ ...SCHEDULE[i], at });
  }
  return events;
}
