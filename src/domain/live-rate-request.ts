// What a carrier's rate API needs from our shipment, and which field is missing when it cannot be
// asked. UPS Rating (RateRequest.Shipment.Shipper/ShipTo Address, Package[].Dimensions and
// PackageWeight, InvoiceLineTotal), FedEx rate quotes (requestedShipment.shipper/recipient address,
// requestedPackageLineItems[].weight/dimensions, customsClearanceDetail) and DHL /rates
// (originPostalCode/CityName, destination…, weight, length/width/height) all take the postal code
// and city of both ends, every package's weight and dimensions, and the customs value — CARRIERS.md
// "Rate / quote" of each carrier. Nothing is filled in for a missing field: it is named instead.
import { isCountryCode } from "./address-rules";

export interface RateShipmentInput {
  shipper: { city: string | null; state: string | null; postalCode: string | null };
  recipient: { city: string | null; provinceCode: string | null; postalCode: string | null } | null;
  destinationCountry: string | null;
  parcels: { weightKg: number | null; lengthCm?: number | null; widthCm?: number | null; heightCm?: number | null }[];
  declaredValue: string | null;
  currency: string | null;
}

/** A field a live rate needs, as the quotes card names it (`parcel` is 1-based). */
export type MissingRateField =
  | { field: "shipperCity" | "shipperState" | "shipperPostalCode" }
  | { field: "destinationCountry" | "recipientCity" | "recipientPostalCode" }
  | { field: "parcels" }
  | { field: "parcelWeight" | "parcelDimensions"; parcel: number }
  | { field: "declaredValue" | "currency" };

interface RateAddress {
  city: string;
  state: string | null;
  postalCode: string;
  countryCode: string;
}

export interface RateShipment {
  shipper: RateAddress;
  recipient: RateAddress;
  parcels: { weightKg: number; lengthCm: number | null; widthCm: number | null; heightCm: number | null }[];
  currency: string;
  declaredValue: string;
}

const text = (value: string | null | undefined) => (typeof value === "string" ? value.trim() : "");
const positive = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value) && value > 0;
const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

/** The rate request's shipment part, or every field that keeps the carriers from being asked. */
export function rateShipment(
  input: RateShipmentInput,
): { ok: true; shipment: RateShipment } | { ok: false; missing: MissingRateField[] } {
  const missing: MissingRateField[] = [];
  const shipperCity = text(input.shipper.city);
  const shipperState = text(input.shipper.state).toUpperCase();
  const shipperPostal = text(input.shipper.postalCode);
  if (!shipperCity) missing.push({ field: "shipperCity" });
  if (!shipperState) missing.push({ field: "shipperState" });
  if (!shipperPostal) missing.push({ field: "shipperPostalCode" });
  const country = text(input.destinationCountry).toUpperCase();
  if (!isCountryCode(country) || country === "BR") missing.push({ field: "destinationCountry" });
  const recipientCity = text(input.recipient?.city);
  const recipientPostal = text(input.recipient?.postalCode);
  if (!recipientCity) missing.push({ field: "recipientCity" });
  if (!recipientPostal) missing.push({ field: "recipientPostalCode" });
  if (input.parcels.length === 0) missing.push({ field: "parcels" });
  input.parcels.forEach((parcel, index) => {
    if (!positive(parcel.weightKg)) missing.push({ field: "parcelWeight", parcel: index + 1 });
    // All three sides or none: the carriers rate a package without dimensions by its weight.
    const sides = [parcel.lengthCm, parcel.widthCm, parcel.heightCm];
    const given = sides.filter((side) => side !== null && side !== undefined).length;
    if (given > 0 && !sides.every(positive)) missing.push({ field: "parcelDimensions", parcel: index + 1 });
  });
  const value = text(input.declaredValue);
  if (!DECIMAL.test(value) || Number(value) <= 0) missing.push({ field: "declaredValue" });
  const currency = text(input.currency).toUpperCase();
  if (!CURRENCY.test(currency)) missing.push({ field: "currency" });
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    shipment: {
      shipper: { city: shipperCity, state: shipperState, postalCode: shipperPostal, countryCode: "BR" },
      recipient: {
        city: recipientCity,
        state: text(input.recipient?.provinceCode).toUpperCase() || null,
        postalCode: recipientPostal,
        countryCode: country,
      },
      parcels: input.parcels.map((parcel) => ({
        weightKg: parcel.weightKg!,
        lengthCm: parcel.lengthCm ?? null,
        widthCm: parcel.widthCm ?? null,
        heightCm: parcel.heightCm ?? null,
      })),
      currency,
      declaredValue: value,
    },
  };
}

export interface RateAnswer {
  price: string;
  currency: string;
  estimatedDelivery: string | null;
  transitDays: number | null;
}

/** Whether a carrier's rate is one we can store and show as it was answered (hostile answers are dropped). */
export function isReadableRate(rate: RateAnswer): boolean {
  return (
    typeof rate.price === "string" &&
    DECIMAL.test(rate.price) &&
    typeof rate.currency === "string" &&
    CURRENCY.test(rate.currency) &&
    (rate.transitDays === null || (Number.isInteger(rate.transitDays) && rate.transitDays >= 0)) &&
    (rate.estimatedDelivery === null ||
      (typeof rate.estimatedDelivery === "string" && /^\d{4}-\d{2}-\d{2}$/.test(rate.estimatedDelivery)))
  );
}
