// What the dashboard asks of a carrier, whatever the carrier's API looks like. A real integration
// (FedEx Pickup API, UPS Pickup, MyDHL) implements this interface; the sandbox carrier answers
// every call locally so the whole workflow runs without carrier accounts.
import type { Carrier } from "@/domain/carrier-registry";
import type { PickupOptions } from "@/domain/pickup-rules";

export interface PickupBooking {
  carrier: Carrier;
  /** São Paulo local "YYYY-MM-DD" and "HH:MM". */
  date: string;
  readyTime: string;
  closeTime: string;
  packages: number;
  totalWeightKg: number;
  address: { line: string; city: string; state: string; postalCode: string; countryCode: string };
}

export interface CarrierAdapter {
  /** The carrier's same-day cut-off and minimum ready → close window for a date. */
  pickupAvailability(carrier: Carrier, date: string): Promise<PickupOptions>;
  /** Books a pickup; resolves with the carrier's confirmation number. */
  schedulePickup(booking: PickupBooking): Promise<{ confirmationNumber: string }>;
  cancelPickup(carrier: Carrier, confirmationNumber: string, date: string): Promise<void>;
  /** Registers a shipment and returns its tracking number (the label's barcode). */
  createShipment(request: {
    carrier: Carrier;
    service: string;
    nextSequence: () => Promise<number>;
  }): Promise<{ trackingNumber: string }>;
  /**
   * Voids an issued, not yet shipped shipment: its label can no longer be used. Rejects with a
   * CarrierError when the carrier refuses (unknown or already voided number, already in transit).
   */
  voidShipment(carrier: Carrier, trackingNumber: string): Promise<void>;
}

/** A carrier refused or failed a request; `code` is an i18n key under "cancelledInShopify.carrierErrors". */
export class CarrierError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CarrierError";
  }
}
