// Our shipment, rate and pickup requests as MyDHL API 3.1.1 bodies (pure: no I/O). Every field
// and length is the spec's (dpdhl-express-api-3.1.1_swagger.yaml, as summarised in CARRIERS.md
// "DHL Express"); what cannot be fitted faithfully is refused before anything is sent.
import type { CarrierShipment, Party, PickupAddress, PickupBookingRequest, RateRequest } from "../api";
import type { LabelFormat } from "@/domain/statuses";

/** A value DHL would refuse (too long, missing, out of range): the request is not sent. */
export class DhlRequestProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DhlRequestProblem";
  }
}

/**
 * São Paulo's offset. Brazil abolished daylight saving in 2019 (src/domain/local-time.ts), so the
 * origin is always GMT-03:00; DHL takes "YYYY-MM-DDTHH:MM:SS GMT-03:00" (spec examples, max 29).
 */
const ORIGIN_OFFSET = "GMT-03:00";

export function dhlDateTime(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DhlRequestProblem(`Not a date: ${date}`);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new DhlRequestProblem(`Not a time: ${time}`);
  return `${date}T${time}:00 ${ORIGIN_OFFSET}`;
}

function fit(value: string, max: number, field: string): string {
  const text = value.trim();
  if (text.length === 0) throw new DhlRequestProblem(`${field} is empty`);
  if (text.length > max) throw new DhlRequestProblem(`${field} is longer than DHL's ${max} characters`);
  return text;
}

function optional(value: string | null, max: number, field: string): string | undefined {
  return value && value.trim() ? fit(value, max, field) : undefined;
}

/**
 * Street lines: DHL has three of 45 characters (addressLine1–3). Our two lines are re-wrapped at
 * word boundaries into them, so a long street is carried whole instead of being cut; an address
 * that needs more than three lines is refused.
 */
export function addressLines(address1: string, address2: string | null): string[] {
  const words = [address1, address2 ?? ""].join(" ").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new DhlRequestProblem("The street address is empty");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (word.length > 45) throw new DhlRequestProblem("A word of the address is longer than DHL's 45 characters");
    const next = line ? `${line} ${word}` : word;
    if (next.length <= 45) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  if (lines.length > 3) throw new DhlRequestProblem("The address does not fit DHL's three lines of 45 characters");
  return lines;
}

function postalAddress(party: Pick<Party, "address1" | "address2" | "city" | "state" | "postalCode" | "countryCode">) {
  const [addressLine1, addressLine2, addressLine3] = addressLines(party.address1, party.address2);
  return {
    // DHL requires the key; countries without postal codes send "" (spec: minLength 0).
    postalCode: party.postalCode ? fit(party.postalCode, 12, "Postal code") : "",
    cityName: fit(party.city, 45, "City"),
    countryCode: countryCode(party.countryCode),
    ...provinceCode(party.state),
    addressLine1,
    ...(addressLine2 ? { addressLine2 } : {}),
    ...(addressLine3 ? { addressLine3 } : {}),
  };
}

/**
 * MyDHL's provinceCode is 2 to 35 characters (3.1.1 spec): a one-letter subdivision code is left
 * out rather than sent to be refused (the city and postal code carry the address).
 */
function provinceCode(state: string | null): { provinceCode?: string } {
  const code = state?.trim() ?? "";
  return code.length >= 2 ? { provinceCode: fit(code, 35, "State") } : {};
}

function countryCode(value: string): string {
  if (!/^[A-Z]{2}$/.test(value)) throw new DhlRequestProblem(`Not an ISO country code: ${value}`);
  return value;
}

function contact(party: Party) {
  if (!party.phone) throw new DhlRequestProblem(`DHL needs a phone number for ${party.name}`);
  const email = optional(party.email, 70, "E-mail");
  return {
    ...(email ? { email } : {}),
    phone: fit(party.phone, 70, "Phone"),
    // DHL requires a company name; for a private recipient its convention is the person's name.
    companyName: fit(party.company ?? party.name, 100, "Company"),
    fullName: fit(party.name, 255, "Name"),
  };
}

function positive(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new DhlRequestProblem(`${field} must be a positive number`);
  return Math.round(value * 1000) / 1000;
}

function amount(value: string, field: string): number {
  if (!/^\d{1,15}(\.\d{1,2})?$/.test(value)) throw new DhlRequestProblem(`${field} is not an amount: ${value}`);
  return Number(value);
}

function packages(parcels: CarrierShipment["parcels"]) {
  if (parcels.length === 0) throw new DhlRequestProblem("A shipment needs at least one parcel");
  return parcels.map((parcel) => ({
    weight: positive(parcel.weightKg, "Weight"),
    // Optional in MyDHL's packages[] (weight is required): a parcel without them is sent without.
    ...(parcel.lengthCm === null || parcel.widthCm === null || parcel.heightCm === null
      ? {}
      : {
          dimensions: {
            length: positive(parcel.lengthCm, "Length"),
            width: positive(parcel.widthCm, "Width"),
            height: positive(parcel.heightCm, "Height"),
          },
        }),
  }));
}

/**
 * Our export reasons as DHL's exportReasonType (spec enum). A repair goes out and comes back:
 * "temporary". Gifts and personal belongings are "personal" shipments, the rest "commercial".
 */
const EXPORT_REASONS: Record<string, { type: string; text: string; shipment: "commercial" | "personal" }> = {
  sale: { type: "commercial_purpose_or_sale", text: "Sale", shipment: "commercial" },
  gift: { type: "gift", text: "Gift", shipment: "personal" },
  sample: { type: "sample", text: "Commercial sample", shipment: "commercial" },
  return: { type: "return", text: "Return", shipment: "commercial" },
  repair: { type: "temporary", text: "Repair and return", shipment: "commercial" },
  personal_use: { type: "personal_belongings_or_personal_use", text: "Personal use", shipment: "personal" },
};

export function exportReason(code: string) {
  const reason = Object.hasOwn(EXPORT_REASONS, code) ? EXPORT_REASONS[code] : undefined;
  if (!reason) throw new DhlRequestProblem(`No DHL export reason for "${code}"`);
  return reason;
}

/** DHL's content.incoterm enum (spec). */
const INCOTERMS = new Set([
  "EXW",
  "FCA",
  "CPT",
  "CIP",
  "DPU",
  "DAP",
  "DDP",
  "FAS",
  "FOB",
  "CFR",
  "CIF",
  "DAF",
  "DAT",
  "DDU",
  "DEQ",
  "DES",
]);

/** The shipment's content description (max 70): the items' names, shortened at a word as a summary. */
export function contentDescription(items: CarrierShipment["items"]): string {
  const text = [...new Set(items.map((item) => item.description.trim()).filter(Boolean))].join(", ");
  if (!text) throw new DhlRequestProblem("The items have no description");
  if (text.length <= 70) return text;
  const cut = text.slice(0, 69);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[,\s]+$/, "")}…`;
}

export interface ShipmentBuildOptions {
  accountNumber: string;
  labelFormat: LabelFormat;
  /** São Paulo "HH:MM" of the planned shipping time on the ship date. */
  shipTime: string;
  /** Our invoice PDF to send inline (paperless trade), base64; null prints it with the label. */
  invoicePdfBase64: string | null;
}

export function buildShipmentRequest(shipment: CarrierShipment, options: ShipmentBuildOptions) {
  const reference = fit(shipment.reference, 35, "Reference");
  const reason = exportReason(shipment.exportReason);
  if (!INCOTERMS.has(shipment.incoterm)) throw new DhlRequestProblem(`DHL has no incoterm "${shipment.incoterm}"`);
  if (shipment.items.length === 0) throw new DhlRequestProblem("A customs declaration needs at least one item");
  if (shipment.nfeKey !== null && !/^\d{44}$/.test(shipment.nfeKey)) {
    throw new DhlRequestProblem("The NF-e key must be 44 digits");
  }
  const taxId = shipment.shipper.taxId.replace(/\D/g, "");
  if (taxId.length !== 14) throw new DhlRequestProblem("The shipper's CNPJ must have 14 digits");
  const lineItems = shipment.items.map((item, index) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw new DhlRequestProblem(`Item ${index + 1}: the quantity must be a whole number of at least 1`);
    }
    const hsCode = item.hsCode.replace(/\D/g, "");
    if (hsCode.length < 6 || hsCode.length > 18)
      throw new DhlRequestProblem(`Item ${index + 1}: the HS code must have 6 to 18 digits`);
    const weight = positive(item.unitWeightKg * item.quantity, `Item ${index + 1} weight`);
    return {
      number: index + 1,
      description: fit(item.description, 512, `Item ${index + 1} description`),
      price: amount(item.unitValue, `Item ${index + 1} unit value`),
      quantity: { value: item.quantity, unitOfMeasurement: "PCS" },
      commodityCodes: [{ typeCode: "outbound", value: hsCode }],
      exportReasonType: reason.type,
      manufacturerCountry: countryCode(item.originCountry),
      // We know each item's net weight only; its share of the packaging is not recorded, so the
      // gross weight declared per line is the same figure (the parcels carry the gross weights).
      weight: { netValue: weight, grossValue: weight },
    };
  });
  return {
    plannedShippingDateAndTime: dhlDateTime(shipment.shipDate, options.shipTime),
    // The pickup is booked on its own (POST /pickups), for all of the day's parcels at once.
    pickup: { isRequested: false },
    productCode: fit(shipment.serviceCode, 6, "Product code"),
    accounts: [{ typeCode: "shipper", number: fit(options.accountNumber, 12, "Account number") }],
    // WY = Paperless Trade (karrio mydhl, secondary per CARRIERS.md): our invoice travels inline.
    ...(options.invoicePdfBase64 ? { valueAddedServices: [{ serviceCode: "WY" }] } : {}),
    outputImageProperties: {
      encodingFormat: options.labelFormat,
      // ARCH_6X4 is DHL's 4×6 in label template (CARRIERS.md "Label").
      imageOptions: [{ typeCode: "label", templateName: "ARCH_6X4", isRequested: true }],
    },
    // Our deterministic reference: DHL finds the shipment again by it (GET /tracking?shipmentReference).
    customerReferences: [{ typeCode: "CU", value: reference }],
    customerDetails: {
      shipperDetails: {
        postalAddress: postalAddress(shipment.shipper),
        contactInformation: contact(shipment.shipper),
        // CARRIERS.md "CNPJ (verified)": registrationNumbers typeCode CNP = Brazil CNPJ/CPF Federal Tax.
        registrationNumbers: [{ typeCode: "CNP", number: taxId, issuerCountryCode: "BR" }],
        typeCode: "business",
      },
      receiverDetails: {
        postalAddress: postalAddress(shipment.recipient),
        contactInformation: contact(shipment.recipient),
        typeCode: shipment.recipient.company ? "business" : "private",
      },
    },
    content: {
      packages: packages(shipment.parcels).map((parcel) => ({
        ...parcel,
        customerReferences: [{ typeCode: "CU", value: reference }],
      })),
      isCustomsDeclarable: true,
      declaredValue: amount(shipment.declaredValue, "Declared value"),
      declaredValueCurrency: currency(shipment.currency),
      exportDeclaration: {
        lineItems,
        invoice: {
          number: fit(shipment.invoice.number, 35, "Invoice number"),
          date: fit(shipment.invoice.date, 35, "Invoice date"),
        },
        // CARRIERS.md "NF-e / DU-E": DHL has no NF-e field; exportReference (max 40) is too short for
        // the 44-digit key, so it goes in a remarks[] entry. We hold no DU-E number (it would go to
        // customsDocuments[]).
        ...(shipment.nfeKey ? { remarks: [{ value: `NF-e ${shipment.nfeKey}` }] } : {}),
        exportReason: reason.text,
        exportReasonType: reason.type,
        shipmentType: reason.shipment,
      },
      description: contentDescription(shipment.items),
      incoterm: shipment.incoterm,
      unitOfMeasurement: "metric",
    },
    ...(options.invoicePdfBase64
      ? { documentImages: [{ typeCode: "INV", imageFormat: "PDF", content: options.invoicePdfBase64 }] }
      : {}),
  };
}

function currency(value: string): string {
  if (!/^[A-Z]{3}$/.test(value)) throw new DhlRequestProblem(`Not a currency code: ${value}`);
  return value;
}

type RateAddress = Pick<Party, "city" | "state" | "postalCode" | "countryCode">;

function rateAddress(party: RateAddress) {
  return {
    postalCode: party.postalCode ? fit(party.postalCode, 12, "Postal code") : "",
    cityName: fit(party.city, 45, "City"),
    countryCode: countryCode(party.countryCode),
    ...provinceCode(party.state),
  };
}

/** POST /rates (CARRIERS.md "Rate / quote"). `shipTime`: São Paulo "HH:MM" on the ship date. */
export function buildRateRequest(request: RateRequest, accountNumber: string, shipTime: string) {
  return {
    customerDetails: { shipperDetails: rateAddress(request.shipper), receiverDetails: rateAddress(request.recipient) },
    accounts: [{ typeCode: "shipper", number: fit(accountNumber, 12, "Account number") }],
    plannedShippingDateAndTime: dhlDateTime(request.shipDate, shipTime),
    unitOfMeasurement: "metric",
    isCustomsDeclarable: true,
    monetaryAmount: [
      {
        typeCode: "declaredValue",
        value: amount(request.declaredValue, "Declared value"),
        currency: currency(request.currency),
      },
    ],
    packages: packages(request.parcels),
  };
}

function pickupParty(address: PickupAddress) {
  return {
    postalAddress: postalAddress({
      address1: address.line,
      address2: null,
      city: address.city,
      state: address.state || null,
      postalCode: address.postalCode,
      countryCode: address.countryCode,
    }),
    contactInformation: {
      phone: fit(address.phone, 70, "Phone"),
      companyName: fit(address.company, 100, "Company"),
      fullName: fit(address.contact, 255, "Contact"),
    },
  };
}

/** POST /pickups (CARRIERS.md "Pickup"): ready time as the planned time, close time "HH:MM". */
export function buildPickupRequest(booking: PickupBookingRequest, accountNumber: string) {
  if (!Number.isInteger(booking.packages) || booking.packages < 1)
    throw new DhlRequestProblem("A pickup needs at least one package");
  if (booking.pieces.length === 0) throw new DhlRequestProblem("A pickup needs the services collected");
  const pieces = booking.pieces.reduce((sum, piece) => sum + piece.quantity, 0);
  if (
    !booking.pieces.every((piece) => Number.isInteger(piece.quantity) && piece.quantity >= 1) ||
    pieces !== booking.packages
  ) {
    throw new DhlRequestProblem("The pieces do not add up to the number of packages");
  }
  // The booking carries the total weight only; DHL wants one weight per package (it plans the
  // courier's capacity with it), so each package gets an equal share.
  const weight = positive(booking.totalWeightKg / booking.packages, "Package weight");
  dhlDateTime(booking.date, booking.closeTime);
  return {
    plannedPickupDateAndTime: dhlDateTime(booking.date, booking.readyTime),
    closeTime: booking.closeTime,
    locationType: "business",
    accounts: [{ typeCode: "shipper", number: fit(accountNumber, 12, "Account number") }],
    remark: `Ref ${booking.reference}`,
    customerDetails: { shipperDetails: pickupParty(booking.address) },
    shipmentDetails: booking.pieces.map((piece) => ({
      productCode: fit(piece.serviceCode, 6, "Product code"),
      isCustomsDeclarable: true,
      unitOfMeasurement: "metric",
      packages: Array.from({ length: piece.quantity }, () => ({ weight })),
    })),
  };
}
