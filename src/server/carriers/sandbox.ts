// The built-in sandbox carrier: confirms pickups with a confirmation number and issues tracking
// numbers in each carrier's real format (src/domain/tracking.ts), without leaving the machine.
// Its availability answers are typical values of the carriers' pickup APIs (the carriers publish the
// rules but no fixed numbers): they are what a sandbox account returns, not production figures.
import { randomInt } from "node:crypto";
import type { Carrier } from "@/domain/carrier-registry";
import type { PickupOptions } from "@/domain/pickup-rules";
import { generateTrackingNumber, isValidTrackingNumber, SEQUENCE_LIMIT } from "@/domain/tracking";
import { CarrierError, type CarrierAdapter } from "./types";

const SANDBOX_AVAILABILITY: Readonly<Record<Carrier, PickupOptions>> = {
  fedex: { cutoffTime: "18:00", minWindowMinutes: 120 }, // access time PT2H0M
  ups: { cutoffTime: "17:00", minWindowMinutes: 60 }, // call-by 17:00, lead time 60 min
  dhl: { cutoffTime: "18:00", minWindowMinutes: 60 },
  correios: { cutoffTime: "16:00", minWindowMinutes: 60 },
};

// Where each sandbox account's numbering starts, so numbers look like the carrier's (FedEx Express
// 12-digit numbers begin with 7; DHL waybills are 10 digits).
const SEQUENCE_BASE: Readonly<Record<Carrier, number>> = {
  fedex: 794_600_000_000,
  ups: 0,
  dhl: 4_270_000_000,
  correios: 10_000_000,
};

const CONFIRMATION_PREFIX: Readonly<Record<Carrier, string>> = {
  fedex: "FX",
  ups: "UP",
  dhl: "DH",
  correios: "CO",
};

export function createSandboxCarrier(): CarrierAdapter {
  // What a carrier remembers: a voided number cannot be voided again.
  const voided = new Set<string>();
  return {
    async pickupAvailability(carrier) {
      return SANDBOX_AVAILABILITY[carrier];
    },
    async schedulePickup(booking) {
      const day = booking.date.replaceAll("-", "");
      const confirmationNumber = `${CONFIRMATION_PREFIX[booking.carrier]}${day}${String(randomInt(1_000_000)).padStart(6, "0")}`;
      return { confirmationNumber };
    },
    async cancelPickup() {
      // Nothing is booked anywhere; a real adapter calls the carrier's cancel endpoint here.
    },
    async createShipment({ carrier, nextSequence }) {
      const sequence = (SEQUENCE_BASE[carrier] + (await nextSequence())) % SEQUENCE_LIMIT[carrier];
      return { trackingNumber: generateTrackingNumber(carrier, sequence) };
    },
    async voidShipment(carrier, trackingNumber) {
      // The checks a carrier's void endpoint makes before it cancels a label.
      if (!isValidTrackingNumber(carrier, trackingNumber)) {
        throw new CarrierError("unknownShipment", `No ${carrier} shipment ${trackingNumber}`);
      }
      const key = `${carrier}:${trackingNumber}`;
      if (voided.has(key)) throw new CarrierError("alreadyVoided", `${trackingNumber} is already voided`);
      voided.add(key);
    },
  };
}
