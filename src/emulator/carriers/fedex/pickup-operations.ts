// The emulated pickup endpoints (CARRIERS.md FedEx §4; pickup-api.json): availability, booking and
// cancel, under the rules of pickups.ts.
import crypto from "node:crypto";
import type { CarrierContext, EmulatorReply, EmulatorRequest } from "../context";
import { ACCESS_TIME, bookingRefusal, CUTOFF, dayRefusal, localNow, nextBusinessDay } from "./pickups";
import { fedexError, postalRefusal, type Json } from "./replies";
import { bounded, MAX_PICKUPS, type FedexState } from "./state";

export function pickupOperations(state: FedexState, ctx: CarrierContext) {
  const { pickups } = state;

  const hhmmss = (t: { hours: number; minutes: number }) =>
    `${String(t.hours).padStart(2, "0")}:${String(t.minutes).padStart(2, "0")}:00`;

  function availability(body: Json): EmulatorReply {
    const today = localNow(ctx.now()).date;
    const asked: string = body.dispatchDate ?? today;
    const dates = [asked, nextBusinessDay(asked)];
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          requestTimestamp: ctx.now().toISOString(),
          options: dates.map((date) => ({
            carrier: "FDXE",
            available: dayRefusal(date, ctx.now()) === null,
            pickupDate: date,
            scheduleDay: date === today ? "SAME_DAY" : "FUTURE_DAY",
            cutOffTime: hhmmss(CUTOFF),
            accessTime: { ...ACCESS_TIME },
            residentialAvailable: false,
            countryRelationship: body.countryRelationship,
            defaultReadyTime: "09:00:00",
            readyTimeOptions: ["09:00:00", "10:00:00", "11:00:00", "12:00:00", "13:00:00", "14:00:00"],
            latestTimeOptions: ["16:00:00", "17:00:00", "18:00:00"],
          })),
        },
      },
    };
  }

  function createPickup(body: Json, request: EmulatorRequest): EmulatorReply {
    const origin = body.originDetail;
    if (postalRefusal(origin.pickupLocation.address)) {
      return fedexError(
        400,
        [{ code: "PICKUP.POSTALCODE.INVALID", message: "Pickup postal code is invalid." }],
        request,
      );
    }
    const [date, time] = String(origin.readyDateTimestamp).split("T");
    const readyTime = time.slice(0, 5);
    const closeTime = String(origin.customerCloseTime).slice(0, 5);
    const refusal = bookingRefusal(date, readyTime, closeTime, ctx.now());
    if (refusal) return fedexError(400, [refusal], request);
    const confirmationCode = String(ctx.next("fedex:pickup")).padStart(8, "0");
    pickups.set(confirmationCode, {
      confirmationCode,
      location: "SAOA",
      accountNumber: body.associatedAccountNumber.value,
      date,
      readyTime,
      closeTime,
      packageCount: body.packageCount ?? null,
      remarks: body.remarks ?? null,
      cancelled: false,
    });
    bounded(pickups, MAX_PICKUPS);
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          pickupConfirmationCode: confirmationCode,
          location: "SAOA",
          message: "Pickup request scheduled.",
          alerts: [],
        },
      },
    };
  }

  function cancelPickup(body: Json, request: EmulatorRequest): EmulatorReply {
    const pickup = pickups.get(body.pickupConfirmationCode);
    if (!pickup || pickup.accountNumber !== body.associatedAccountNumber.value || pickup.date !== body.scheduledDate) {
      return fedexError(
        400,
        [{ code: "PICKUP.CONFIRMATIONNUMBER.NOTFOUND", message: "The pickup confirmation number was not found." }],
        request,
      );
    }
    if (pickup.cancelled)
      return fedexError(
        400,
        [{ code: "PICKUP.ALREADY.CANCELLED", message: "The pickup has already been cancelled." }],
        request,
      );
    if (body.location !== undefined && body.location !== pickup.location) {
      return fedexError(
        400,
        [{ code: "PICKUP.LOCATION.INVALID", message: "The location does not match the pickup." }],
        request,
      );
    }
    pickup.cancelled = true;
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          pickupConfirmationCode: pickup.confirmationCode,
          cancelConfirmationMessage: "Requested pickup has been cancelled successfully.",
        },
      },
    };
  }

  return { availability, createPickup, cancelPickup };
}
