import "server-only";
// What the pickup dialog needs to suggest a business day without the holiday rules in the browser:
// per store, whose holidays apply and which coming weekdays they close.
import { addDays, closedWeekdays, holidayPlaceOf, placeNames, type IsoDate } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";
import { toShipperProfile } from "@/domain/shipper";
import type { Db } from "../db/client";
import { stores } from "../db/schema";
import type { PickupCalendar } from "@/lib/rows/pickup-calendar";

/** Long enough for any run of closed days after today (Carnival and a weekend is five). */
const HORIZON_DAYS = 60;

export async function pickupCalendars(
  db: Db,
  today: IsoDate = originNow().date,
): Promise<Record<string, PickupCalendar>> {
  const rows = await db.select({ id: stores.id, name: stores.name, shipper: stores.shipper }).from(stores);
  const calendars: Record<string, PickupCalendar> = {};
  for (const row of rows) {
    const place = holidayPlaceOf(toShipperProfile(row.shipper));
    calendars[row.id] = {
      storeName: row.name,
      place: place ? placeNames(place) : null,
      closed: closedWeekdays(today, addDays(today, HORIZON_DAYS), { place }),
    };
  }
  return calendars;
}
