// What the pickup dialog knows of a store's closed days, computed on the server.
import type { IsoDate } from "@/domain/holidays";

export interface PickupCalendar {
  storeName: string;
  /** The state's and city's names whose holidays count; null: no state in the shipper details. */
  place: { state: string; city: string | null } | null;
  /** Weekdays from today through the horizon that are not business days at the pickup address. */
  closed: IsoDate[];
}
