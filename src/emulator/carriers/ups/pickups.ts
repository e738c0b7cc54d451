// The UPS emulator's pickups (Pickup.yaml): the pickup rate as availability, creation with UPS's
// rules (CARRIERS.md §4), cancel by PRN and the pending list.
import type { CarrierContext, EmulatorAccount, EmulatorReply, EmulatorRequest } from "../context";
import { cap, error, isWeekend, list, localParts, minutesOf, obj, str, success, type Json } from "./shared";

/** Our pickup defaults (UPS publishes none; docs/carriers/ups.md): call by 17:00, 60 min lead time. */
const CALL_BY_MINUTES = 17 * 60;
const LEAD_MINUTES = 60;
const MAX_PICKUPS = 20_000;

interface Pickup {
  prn: string;
  accountNumber: string;
  date: string;
  addressKey: string;
  readyTime: string;
  closeTime: string;
  cancelled: boolean;
  reference: string;
}

export function createPickupDesk(ctx: CarrierContext) {
  let pickups = new Map<string, Pickup>();

  /** UPS's pickup rules at create (CARRIERS.md §4): a business day, not past, ready before the call-by, close − ready ≥ lead time. */
  function pickupRefusal(date: string, readyTime: string, closeTime: string): EmulatorReply | null {
    const now = localParts(ctx.now());
    if (!/^\d{8}$/.test(date) || date < now.date || isWeekend(date))
      return error(400, "9560131", "Invalid pickup date");
    if (!/^([01]\d|2[0-3])[0-5]\d$/.test(readyTime) || !/^([01]\d|2[0-3])[0-5]\d$/.test(closeTime)) {
      return error(400, "9560133", "Invalid pickup time");
    }
    // A past ReadyTime becomes "now" (Pickup.yaml ReadyTime).
    const ready = date === now.date ? Math.max(minutesOf(readyTime), now.minutes) : minutesOf(readyTime);
    if (ready >= CALL_BY_MINUTES) return error(400, "9560131", "Invalid pickup date: the call-by time has passed");
    if (minutesOf(closeTime) - ready < LEAD_MINUTES) {
      return error(400, "9560132", "The close time leaves less than the lead time after the ready time");
    }
    return null;
  }

  function pickupRate(body: Json): EmulatorReply {
    const request = obj(body.PickupRateRequest);
    const info = obj(request.PickupDateInfo);
    const refused = pickupRefusal(str(info.PickupDate), str(info.ReadyTime), str(info.CloseTime));
    if (refused) return refused;
    return {
      status: 200,
      body: {
        PickupRateResponse: {
          Response: success,
          RateResult: { CurrencyCode: "BRL", GrandTotalOfAllCharge: "0.00", RateType: "FD" },
        },
      },
    };
  }

  function pickupCreate(body: Json, account: EmulatorAccount): EmulatorReply {
    const request = obj(body.PickupCreationRequest);
    if (str(obj(obj(request.Shipper).Account).AccountNumber) !== account.accountNumber) {
      return error(400, "9510101", "Invalid account number");
    }
    const info = obj(request.PickupDateInfo);
    const date = str(info.PickupDate);
    const refused = pickupRefusal(date, str(info.ReadyTime), str(info.CloseTime));
    if (refused) return refused;
    const address = obj(request.PickupAddress);
    const addressKey = [list(address.AddressLine).map(str).join(" "), str(address.PostalCode), str(address.CountryCode)]
      .join("|")
      .toUpperCase();
    // UPS answers the same PRN when a pickup already exists for the address (CARRIERS.md §4).
    const existing = [...pickups.values()].find(
      (p) =>
        !p.cancelled && p.accountNumber === account.accountNumber && p.date === date && p.addressKey === addressKey,
    );
    const pickup: Pickup = existing ?? {
      prn: `2929${String(ctx.next("ups:prn")).padStart(7, "0")}`,
      accountNumber: account.accountNumber,
      date,
      addressKey,
      readyTime: str(info.ReadyTime),
      closeTime: str(info.CloseTime),
      cancelled: false,
      reference: str(request.ReferenceNumber),
    };
    pickups.set(pickup.prn, pickup);
    cap(pickups, MAX_PICKUPS);
    return {
      status: 200,
      body: {
        PickupCreationResponse: {
          Response: success,
          PRN: pickup.prn,
          RateStatus: { Code: "01", Description: "Rated" },
        },
      },
    };
  }

  function pickupCancel(request: EmulatorRequest, account: EmulatorAccount, cancelBy: string): EmulatorReply {
    if (cancelBy !== "02") return error(400, "9510112", "Cancel by account is not supported by this emulator");
    const pickup = pickups.get(str(request.headers.prn));
    if (!pickup || pickup.accountNumber !== account.accountNumber)
      return error(400, "9510113", "No pickup found for the PRN");
    if (pickup.cancelled) return error(400, "9510114", "The pickup has already been cancelled");
    pickup.cancelled = true;
    return { status: 200, body: { PickupCancelResponse: { Response: success, PickupType: "01" } } };
  }

  function pickupPending(request: EmulatorRequest, account: EmulatorAccount): EmulatorReply {
    if (str(request.headers.accountnumber) !== account.accountNumber)
      return error(400, "9510101", "Invalid account number");
    const pending = [...pickups.values()].filter((p) => p.accountNumber === account.accountNumber && !p.cancelled);
    return {
      status: 200,
      body: {
        PickupPendingStatusResponse: {
          Response: success,
          PendingStatus: pending.map((p) => ({
            PickupType: "01",
            PRN: p.prn,
            PickupDate: p.date,
            OnCallStatusCode: "002",
          })),
        },
      },
    };
  }

  return {
    rate: pickupRate,
    create: pickupCreate,
    cancel: pickupCancel,
    pending: pickupPending,
    snapshot: () => [...pickups.values()],
    reset() {
      pickups = new Map();
    },
  };
}
