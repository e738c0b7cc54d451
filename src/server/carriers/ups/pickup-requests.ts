// Our pickup booking as UPS's pickup bodies (Pickup.yaml; CARRIERS.md §4).
import type { PickupAddress, PickupBookingRequest } from "../api";
import { digits, fit, kg, refuse, yyyymmdd } from "./fields";

const hhmm = (time: string, field: string) => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) refuse(field, "not an HH:MM time");
  return time.replace(":", "");
};

/**
 * A pickup's company (max 27) and contact (max 22) name the place for the driver; the address and
 * phone identify it. Longer names are shortened at a word boundary rather than refusing the pickup.
 */
function shorten(text: string, max: number, field: string): string {
  const clean = text.trim().replace(/\s+/g, " ");
  if (!clean) refuse(field, "missing");
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1).lastIndexOf(" ");
  return (cut > max / 2 ? clean.slice(0, cut) : clean.slice(0, max)).trimEnd();
}

function pickupAddress(address: PickupAddress) {
  return {
    CompanyName: shorten(address.company, 27, "PickupAddress.CompanyName"),
    ContactName: shorten(address.contact, 22, "PickupAddress.ContactName"),
    AddressLine: [fit(address.line, 73, "PickupAddress.AddressLine")],
    City: fit(address.city, 50, "PickupAddress.City"),
    StateProvince: fit(address.state, 50, "PickupAddress.StateProvince"),
    PostalCode: fit(address.postalCode.replace(/[\s-]/g, ""), 8, "PickupAddress.PostalCode"),
    CountryCode: fit(address.countryCode.toUpperCase(), 2, "PickupAddress.CountryCode"),
    // Our shippers collect from their business address, never a residence.
    ResidentialIndicator: "N",
    Phone: { Number: digits(address.phone, 25, "PickupAddress.Phone") },
  };
}

/** The pickup rate request (POST /shipments/v2409/pickup/oncall): proves UPS collects there that day. */
export function pickupRateRequest(date: string, address: PickupAddress, accountNumber: string) {
  const full = pickupAddress(address);
  return {
    PickupRateRequest: {
      Request: { TransactionReference: { CustomerContext: "pickup availability" } },
      ShipperAccount: { AccountNumber: accountNumber, AccountCountryCode: full.CountryCode },
      PickupAddress: {
        AddressLine: full.AddressLine[0],
        City: full.City,
        StateProvince: full.StateProvince,
        PostalCode: full.PostalCode,
        CountryCode: full.CountryCode,
        ResidentialIndicator: "N",
      },
      // Y: the pickup address is not necessarily the account's registered address.
      AlternateAddressIndicator: "Y",
      ServiceDateOption: "03",
      // A whole working day asks only whether UPS serves the address on that date.
      PickupDateInfo: { PickupDate: yyyymmdd(date, "PickupDate"), ReadyTime: "0900", CloseTime: "1800" },
    },
  };
}

export function pickupCreationRequest(booking: PickupBookingRequest, accountNumber: string) {
  if (!Number.isInteger(booking.packages) || booking.packages < 1) refuse("PickupPiece", "no packages");
  const address = pickupAddress(booking.address);
  return {
    PickupCreationRequest: {
      Request: { TransactionReference: { CustomerContext: booking.reference } },
      // The booking need not be priced: the pickup rate call already asked.
      RatePickupIndicator: "N",
      Shipper: { Account: { AccountNumber: accountNumber, AccountCountryCode: address.CountryCode } },
      PickupDateInfo: {
        PickupDate: yyyymmdd(booking.date, "PickupDate"),
        ReadyTime: hhmm(booking.readyTime, "ReadyTime"),
        CloseTime: hhmm(booking.closeTime, "CloseTime"),
      },
      PickupAddress: address,
      AlternateAddressIndicator: "Y",
      PickupPiece: booking.pieces.map((piece, i) => {
        if (!Number.isInteger(piece.quantity) || piece.quantity < 1 || piece.quantity > 999) {
          refuse(`PickupPiece[${i}].Quantity`, "1 to 999");
        }
        // ServiceCode is 3 characters here against 2 on the ship request: zero-padded ("065";
        // CARRIERS.md §4 marks the padding unverified).
        return {
          ServiceCode: fit(piece.serviceCode, 3, `PickupPiece[${i}].ServiceCode`).padStart(3, "0"),
          Quantity: String(piece.quantity),
          DestinationCountryCode: fit(
            piece.destinationCountry.toUpperCase(),
            2,
            `PickupPiece[${i}].DestinationCountryCode`,
          ),
          // 01 = package (parcels, not letters or pallets).
          ContainerCode: "01",
        };
      }),
      TotalWeight: { Weight: kg(booking.totalWeightKg, 6, "TotalWeight"), UnitOfMeasurement: "KGS" },
      // Over 32 kg a piece needs two people (OverweightIndicator).
      OverweightIndicator: booking.totalWeightKg / booking.packages > 32 ? "Y" : "N",
      // 01 = charged to the shipper account (00 would mean no payment needed).
      PaymentMethod: "01",
      TrackingData: booking.trackingNumbers.map((number) => ({ TrackingNumber: fit(number, 18, "TrackingNumber") })),
      ReferenceNumber: fit(booking.reference, 35, "ReferenceNumber"),
    },
  };
}
