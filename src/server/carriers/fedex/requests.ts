// Our shipment, rate, pickup and tracking requests as FedEx's REST bodies (pure). Field paths,
// enums and maximum lengths: /work/shared/CARRIERS.md "FedEx" and FedEx's OpenAPI files as
// vendored in karrioapi/karrio modules/connectors/fedex/vendor/{ship-api,rate-api,pickup-api,track,
// upload-documents-api}.json. A value that does not fit a FedEx maximum is either fitted faithfully
// (street lines wrapped over FedEx's three lines, phone formatting dropped) or refused here with
// invalidRequest, so FedEx never sees a request it would refuse for length.
import type { LabelFormat } from "@/domain/statuses";
import {
  CarrierApiError,
  type CarrierShipment,
  type Commodity,
  type Parcel,
  type Party,
  type PickupAddress,
  type PickupAvailabilityRequest,
  type PickupBookingRequest,
  type RateRequest,
} from "../api";

/** FedEx Express: the operating company every call here names (pickup-api.json carrierCode FDXE). */
const FEDEX_EXPRESS = "FDXE";

/** ship-api.json: requestedPackageLineItems "Maximum occurrences is 30"; track.json trackingInfo max 30. */
export const MAX_PACKAGES = 30;

// Maximum lengths from ship-api.json (Party address/contact descriptions, commercialInvoice) and
// pickup-api.json (remarks).
const MAX = {
  streetLine: 35,
  streetLines: 3,
  city: 35,
  postalCode: 10,
  personName: 70,
  companyName: 35,
  phone: 15,
  email: 80,
  tin: 18,
  commodityDescription: 450,
  declarationStatement: 554,
  termsOfSale: 3,
  reference: 40,
  remarks: 60,
} as const;

function refuse(message: string): never {
  throw new CarrierApiError("invalidRequest", "fedex", message);
}

function fit(value: string, max: number, what: string): string {
  const text = value.trim();
  if (text.length === 0) refuse(`${what} is empty`);
  if (text.length > max) refuse(`${what} is longer than FedEx's ${max} characters`);
  return text;
}

/** FedEx takes up to 3 street lines of 35: our one or two lines are wrapped at spaces to fit, else refused. */
export function streetLines(lines: (string | null)[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (!line?.trim()) continue;
    let rest = line.trim().replace(/\s+/g, " ");
    while (rest.length > MAX.streetLine) {
      const cut = rest.lastIndexOf(" ", MAX.streetLine);
      if (cut <= 0) refuse(`An address word is longer than FedEx's ${MAX.streetLine} characters`);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  if (out.length === 0) refuse("The address has no street line");
  if (out.length > MAX.streetLines) refuse(`The address needs more than FedEx's ${MAX.streetLines} lines of 35`);
  return out;
}

/** Digits only (FedEx's phoneNumber is "maximum of 15" digits); a missing phone is refused, never invented. */
export function phoneNumber(phone: string | null, who: string): string {
  const digits = (phone ?? "").replace(/[\s().+-]/g, "");
  if (!digits) refuse(`FedEx needs a phone number for the ${who}`);
  if (!/^[0-9]+$/.test(digits)) refuse(`The ${who}'s phone number has characters other than digits`);
  if (digits.length > MAX.phone) refuse(`The ${who}'s phone number is longer than FedEx's ${MAX.phone} digits`);
  return digits;
}

function amount(value: string, what: string): number {
  if (!/^[0-9]+(\.[0-9]{1,2})?$/.test(value)) refuse(`${what} is not a decimal amount: ${value}`);
  return Number(value);
}

function positive(value: number, what: string): number {
  if (!Number.isFinite(value) || value <= 0) refuse(`${what} must be a positive number`);
  return value;
}

/** Kilograms to 0.01 kg, the precision FedEx prints. */
const kg = (value: number) => Math.round(value * 100) / 100;

function address(party: Pick<Party, "city" | "state" | "postalCode" | "countryCode">) {
  const postalCode = party.postalCode?.trim() ?? "";
  if (postalCode.length > MAX.postalCode) refuse(`The postal code is longer than FedEx's ${MAX.postalCode}`);
  return {
    city: fit(party.city, MAX.city, "The city"),
    // ship-api.json: stateOrProvinceCode is at most 2 characters, required for US, CA and PR and
    // not for other countries — a longer subdivision code (Australia's "NSW") is left out, not cut.
    ...(party.state && party.state.trim().length <= 2 ? { stateOrProvinceCode: party.state.trim().toUpperCase() } : {}),
    ...(postalCode ? { postalCode } : {}),
    countryCode: fit(party.countryCode, 2, "The country code").toUpperCase(),
  };
}

function contactParty(party: Party, who: string) {
  return {
    contact: {
      personName: fit(party.name, MAX.personName, `The ${who}'s name`),
      ...(party.company ? { companyName: fit(party.company, MAX.companyName, `The ${who}'s company`) } : {}),
      phoneNumber: phoneNumber(party.phone, who),
      ...(party.email ? { emailAddress: fit(party.email, MAX.email, `The ${who}'s e-mail`) } : {}),
    },
    address: { streetLines: streetLines([party.address1, party.address2]), ...address(party) },
  };
}

function packageLine(parcel: Parcel, index: number) {
  // ship-api.json dimensions: integers, "Maximum value: 999" (cm); a fraction of a cm rounds up.
  const side = (value: number, what: string) => {
    const cm = Math.ceil(positive(value, what));
    if (cm > 999) refuse(`${what} is over FedEx's 999 cm`);
    return cm;
  };
  return {
    sequenceNumber: index + 1,
    groupPackageCount: 1,
    weight: { units: "KG", value: kg(positive(parcel.weightKg, "A parcel's weight")) },
    // Optional in ship-api.json's RequestedPackageLineItem (weight is required).
    ...(parcel.lengthCm === null || parcel.widthCm === null || parcel.heightCm === null
      ? {}
      : {
          dimensions: {
            length: side(parcel.lengthCm, "A parcel's length"),
            width: side(parcel.widthCm, "A parcel's width"),
            height: side(parcel.heightCm, "A parcel's height"),
            units: "CM",
          },
        }),
  };
}

function checkParcels(parcels: Parcel[]): void {
  if (parcels.length === 0) refuse("A shipment needs at least one parcel");
  if (parcels.length > MAX_PACKAGES) refuse(`FedEx takes at most ${MAX_PACKAGES} packages per shipment`);
}

/**
 * Our export reasons as FedEx's commercialInvoice.shipmentPurpose (ship-api.json enum GIFT, NOT_SOLD,
 * PERSONAL_EFFECTS, REPAIR_AND_RETURN, SAMPLE, SOLD): a return and a repair both travel as
 * REPAIR_AND_RETURN, the only FedEx purpose for goods going back.
 */
const SHIPMENT_PURPOSES: Readonly<Record<string, string>> = {
  sale: "SOLD",
  gift: "GIFT",
  sample: "SAMPLE",
  return: "REPAIR_AND_RETURN",
  repair: "REPAIR_AND_RETURN",
  personal_use: "PERSONAL_EFFECTS",
};

export function shipmentPurpose(reason: string): string {
  const purpose = SHIPMENT_PURPOSES[reason];
  if (!purpose) refuse(`No FedEx shipment purpose for the export reason "${reason}"`);
  return purpose;
}

/** FedEx labels (ship-api.json labelSpecification): a 4×6 PDF page, or ZPL II for a 4×6 thermal stock. */
export function labelSpecification(format: LabelFormat) {
  return format === "zpl"
    ? { imageType: "ZPLII", labelStockType: "STOCK_4X6", labelFormatType: "COMMON2D" }
    : { imageType: "PDF", labelStockType: "PAPER_4X6", labelFormatType: "COMMON2D" };
}

function commodity(item: Commodity, currency: string) {
  const quantity = item.quantity;
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    refuse(`"${item.description}": the quantity must be a whole number`);
  const unit = amount(item.unitValue, `"${item.description}": the unit value`);
  const hs = item.hsCode.replace(/[.\s]/g, "");
  if (!/^[0-9]{6,10}$/.test(hs)) refuse(`"${item.description}": the HS code must be 6 to 10 digits`);
  return {
    description: fit(item.description, MAX.commodityDescription, "A commodity's description"),
    countryOfManufacture: fit(item.originCountry, 2, "A commodity's country of origin").toUpperCase(),
    harmonizedCode: hs,
    quantity,
    quantityUnits: "EA",
    numberOfPieces: quantity,
    unitPrice: { amount: unit, currency },
    customsValue: { amount: Math.round(unit * quantity * 100) / 100, currency },
    weight: { units: "KG", value: kg(positive(item.unitWeightKg, `"${item.description}": the weight`) * quantity) },
    ...(item.sku ? { partNumber: item.sku } : {}),
  };
}

/**
 * The NF-e key's place: FedEx has no NF-e field (CARRIERS.md FedEx §3 "NF-e / DU-E: no dedicated
 * field"; INTRACOUNTRY_REGULATORY_REFERENCE is intra-Brazil only). Our choice, per CARRIERS.md: it goes
 * in commercialInvoice.comments[] (the first two comments print on FedEx's invoice), together with the
 * invoice date, which FedEx's commercial invoice has no field for either.
 */
export function invoiceComments(shipment: Pick<CarrierShipment, "nfeKey" | "invoice">): string[] {
  const comments = [`Invoice date ${shipment.invoice.date}`];
  if (shipment.nfeKey !== null) {
    if (!/^[0-9]{44}$/.test(shipment.nfeKey)) refuse("The NF-e key must be 44 digits");
    comments.unshift(`NF-e ${shipment.nfeKey}`);
  }
  return comments;
}

/** The shipment as FedEx's POST /ship/v1/shipments body (ship-api.json FullSchema-Shipment). */
export function shipRequest(
  shipment: CarrierShipment,
  accountNumber: string,
  options: { labelFormat: LabelFormat; paperlessDocumentId: string | null },
) {
  checkParcels(shipment.parcels);
  if (shipment.items.length === 0) refuse("A dutiable shipment needs at least one commodity");
  const currency = fit(shipment.currency, 3, "The currency").toUpperCase();
  const incoterm = fit(shipment.incoterm, MAX.termsOfSale, "The incoterm").toUpperCase();
  const taxId = shipment.shipper.taxId.replace(/[^0-9]/g, "");
  if (!/^[0-9]{14}$/.test(taxId)) refuse("The shipper's CNPJ must be 14 digits");
  if (taxId.length > MAX.tin) refuse("The shipper's tax id is too long");
  const reference = fit(shipment.reference, MAX.reference, "Our reference");
  const invoiceNumber = fit(shipment.invoice.number, MAX.reference, "The invoice number");
  const packages = shipment.parcels.map((parcel, index) => ({
    ...packageLine(parcel, index),
    // Our transaction reference on every package: POST /track/v1/referencenumbers finds the
    // shipment by it after a lost answer (CARRIERS.md FedEx §3 "Idempotency", our design).
    customerReferences: [{ customerReferenceType: "CUSTOMER_REFERENCE", value: reference }],
  }));
  const shipper = contactParty({ ...shipment.shipper, company: shipment.shipper.company }, "shipper");
  return {
    labelResponseOptions: "LABEL",
    accountNumber: { value: accountNumber },
    shipAction: "CONFIRM",
    requestedShipment: {
      shipDatestamp: shipment.shipDate,
      serviceType: shipment.serviceCode,
      packagingType: "YOUR_PACKAGING",
      pickupType: "USE_SCHEDULED_PICKUP",
      // CARRIERS.md FedEx §3 "Tax IDs": the CNPJ as a BUSINESS_NATIONAL tin of the shipper.
      shipper: { ...shipper, tins: [{ number: taxId, tinType: "BUSINESS_NATIONAL" }] },
      recipients: [contactParty(shipment.recipient, "recipient")],
      shippingChargesPayment: {
        paymentType: "SENDER",
        payor: { responsibleParty: { accountNumber: { value: accountNumber } } },
      },
      totalWeight: kg(shipment.parcels.reduce((sum, parcel) => sum + parcel.weightKg, 0)),
      totalPackageCount: shipment.parcels.length,
      customsClearanceDetail: {
        // Delivered duty paid: the shipper pays the duties; under DAP/DDU the recipient does.
        dutiesPayment: { paymentType: incoterm === "DDP" ? "SENDER" : "RECIPIENT" },
        isDocumentOnly: false,
        totalCustomsValue: { amount: amount(shipment.declaredValue, "The declared value"), currency },
        commercialInvoice: {
          termsOfSale: incoterm,
          shipmentPurpose: shipmentPurpose(shipment.exportReason),
          // CARRIERS.md FedEx §3 "Customs": the invoice number as an INVOICE_NUMBER customer reference.
          customerReferences: [{ customerReferenceType: "INVOICE_NUMBER", value: invoiceNumber }],
          comments: invoiceComments(shipment),
        },
        commodities: shipment.items.map((item) => commodity(item, currency)),
      },
      labelSpecification: labelSpecification(options.labelFormat),
      requestedPackageLineItems: packages,
      ...(options.paperlessDocumentId
        ? {
            // CARRIERS.md FedEx §3 "Our invoice PDF, ETD": the uploaded document attached pre-shipment.
            shipmentSpecialServices: {
              specialServiceTypes: ["ELECTRONIC_TRADE_DOCUMENTS"],
              etdDetail: {
                attachedDocuments: [
                  {
                    documentType: "COMMERCIAL_INVOICE",
                    documentReference: invoiceNumber,
                    documentId: options.paperlessDocumentId,
                  },
                ],
              },
            },
          }
        : {}),
    },
  };
}

/** POST /rate/v1/rates/quotes (rate-api.json): account rates with transit times for all services. */
export function rateRequest(request: RateRequest, accountNumber: string) {
  checkParcels(request.parcels);
  const currency = fit(request.currency, 3, "The currency").toUpperCase();
  return {
    accountNumber: { value: accountNumber },
    rateRequestControlParameters: { returnTransitTimes: true },
    requestedShipment: {
      shipper: { address: address(request.shipper) },
      recipient: { address: address(request.recipient) },
      pickupType: "USE_SCHEDULED_PICKUP",
      rateRequestType: ["ACCOUNT"],
      preferredCurrency: currency,
      shipDateStamp: request.shipDate,
      totalPackageCount: request.parcels.length,
      requestedPackageLineItems: request.parcels.map((parcel, index) => {
        const { weight, dimensions, groupPackageCount } = packageLine(parcel, index);
        return { groupPackageCount, weight, dimensions };
      }),
      // rate-api.json requires commodities with customsClearanceDetail; a quote has only the
      // shipment's total customs value, so it is sent as one line saying exactly that.
      customsClearanceDetail: {
        dutiesPayment: { paymentType: "SENDER" },
        commodities: [
          {
            description: "Shipment total customs value",
            quantity: 1,
            quantityUnits: "EA",
            customsValue: { amount: amount(request.declaredValue, "The declared value"), currency },
          },
        ],
      },
    },
  };
}

/** CARRIERS.md FedEx §3 "Cancel": PUT /ship/v1/shipments/cancel. */
export function cancelShipmentRequest(trackingNumber: string, accountNumber: string) {
  return { accountNumber: { value: accountNumber }, trackingNumber, deletionControl: "DELETE_ALL_PACKAGES" };
}

function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(at.getTime())) refuse(`Not a date: ${date}`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * POST /track/v1/referencenumbers (track.json referencesInformation): our CUSTOMER_REFERENCE on the
 * account, a day either side of the ship date (São Paulo's date may be FedEx's next or previous one).
 */
export function referenceLookupRequest(reference: string, shipDate: string, accountNumber: string) {
  return {
    referencesInformation: {
      type: "CUSTOMER_REFERENCE",
      value: fit(reference, MAX.reference, "Our reference"),
      accountNumber,
      carrierCode: FEDEX_EXPRESS,
      shipDateBegin: shiftDate(shipDate, -1),
      shipDateEndDate: shiftDate(shipDate, 1),
    },
    includeDetailedScans: false,
  };
}

/** POST /track/v1/trackingnumbers (track.json): at most 30 numbers per request. */
export function trackRequest(trackingNumbers: string[]) {
  if (trackingNumbers.length === 0 || trackingNumbers.length > MAX_PACKAGES) {
    refuse(`FedEx tracks 1 to ${MAX_PACKAGES} numbers per request`);
  }
  return {
    includeDetailedScans: true,
    trackingInfo: trackingNumbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
  };
}

/** pickup-api.json pickupLocation.address: street lines, city, state, postal code and country all required. */
function pickupAddressBody(pickup: PickupAddress) {
  if (!pickup.state) refuse("FedEx needs the pickup address's state");
  if (!pickup.postalCode) refuse("FedEx needs the pickup address's postal code");
  return {
    streetLines: streetLines([pickup.line]),
    ...address({
      city: pickup.city,
      state: pickup.state,
      postalCode: pickup.postalCode,
      countryCode: pickup.countryCode,
    }),
  };
}

/**
 * POST /pickup/v1/pickups/availabilities (pickup-api.json body_1): FedEx Express, international. The
 * service type is required for an international availability (CARRIERS.md FedEx §4), so a request
 * without one is refused rather than guessed.
 */
export function pickupAvailabilityRequest(request: PickupAvailabilityRequest) {
  if (!request.serviceCode) refuse("FedEx needs the service to check an international pickup");
  return {
    pickupAddress: pickupAddressBody(request.address),
    dispatchDate: request.date,
    pickupRequestType: ["SAME_DAY", "FUTURE_DAY"],
    carriers: [FEDEX_EXPRESS],
    countryRelationship: "INTERNATIONAL",
    shipmentAttributes: { serviceType: request.serviceCode },
  };
}

function hhmmss(time: string, what: string): string {
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time)) refuse(`${what} must be "HH:MM"`);
  return `${time}:00`;
}

/** POST /pickup/v1/pickups (pickup-api.json Full_Schema_Create_Pickup), Express, international. */
export function pickupCreateRequest(booking: PickupBookingRequest, accountNumber: string) {
  if (!Number.isSafeInteger(booking.packages) || booking.packages <= 0) refuse("A pickup needs at least one package");
  const contact = {
    companyName: fit(booking.address.company, MAX.companyName, "The pickup company"),
    personName: fit(booking.address.contact, MAX.personName, "The pickup contact"),
    phoneNumber: phoneNumber(booking.address.phone, "pickup contact"),
  };
  return {
    associatedAccountNumber: { value: accountNumber },
    originDetail: {
      pickupLocation: { contact, address: pickupAddressBody(booking.address) },
      // pickup-api.json: "YYYY-MM-DDTHH:MM:SS", local time at the pickup address (zone ignored).
      readyDateTimestamp: `${booking.date}T${hhmmss(booking.readyTime, "The ready time")}`,
      customerCloseTime: hhmmss(booking.closeTime, "The close time"),
      packageLocation: "NONE",
    },
    totalWeight: { units: "KG", value: kg(positive(booking.totalWeightKg, "The pickup weight")) },
    packageCount: booking.packages,
    carrierCode: FEDEX_EXPRESS,
    countryRelationships: "INTERNATIONAL",
    // Our booking reference in the remarks (max 60), the only free field a FedEx pickup has.
    remarks: fit(`Ref ${booking.reference}`, MAX.remarks, "The pickup reference"),
  };
}

/** PUT /pickup/v1/pickups/cancel (pickup-api.json body_2): the Express location is needed to cancel. */
export function pickupCancelRequest(
  pickup: { confirmationNumber: string; date: string; location: string | null },
  accountNumber: string,
) {
  return {
    associatedAccountNumber: { value: accountNumber },
    pickupConfirmationCode: fit(pickup.confirmationNumber, 40, "The pickup confirmation"),
    scheduledDate: pickup.date,
    ...(pickup.location ? { location: pickup.location } : {}),
    carrierCode: FEDEX_EXPRESS,
  };
}

/** The ETD upload's `document` part (upload-documents-api.json ETDUploadRequest), pre-shipment. */
export function etdDocument(shipment: Pick<CarrierShipment, "invoice" | "shipper" | "recipient">) {
  return {
    workflowName: "ETDPreshipment",
    carrierCode: FEDEX_EXPRESS,
    name: `invoice-${shipment.invoice.number.replace(/[^A-Za-z0-9_-]/g, "_")}.pdf`,
    contentType: "application/pdf",
    meta: {
      shipDocumentType: "COMMERCIAL_INVOICE",
      originCountryCode: shipment.shipper.countryCode.toUpperCase(),
      destinationCountryCode: shipment.recipient.countryCode.toUpperCase(),
    },
  };
}
