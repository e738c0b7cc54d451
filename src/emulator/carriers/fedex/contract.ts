// FedEx's request contract as JSON Schemas (ajv), used by the emulator to refuse a request FedEx
// would refuse and by the integration tests to check every request the client sends. Our own
// transcription — required fields, types, enums and maximum lengths — from FedEx's OpenAPI files as
// vendored in karrioapi/karrio (HEAD deea10f) at modules/connectors/fedex/vendor/:
//   ship-api.json            POST /ship/v1/shipments (FullSchema-Shipment), PUT /ship/v1/shipments/cancel
//   rate-api.json            POST /rate/v1/rates/quotes (components/schemas/body)
//   pickup-api.json          POST /pickup/v1/pickups (Full_Schema_Create_Pickup), /availabilities (body_1),
//                            PUT /pickup/v1/pickups/cancel (body_2)
//   track.json               POST /track/v1/trackingnumbers, /track/v1/referencenumbers
//   upload-documents-api.json POST /documents/v1/etds/upload (ETDUploadRequest, the `document` part)
// and the field lists of /work/shared/CARRIERS.md "FedEx". Most FedEx maximum lengths are written in
// the files' descriptions ("Max length is 35"), not as maxLength keywords: they are transcribed here.
// Only the parts our client sends are described in depth; other properties are let through, as FedEx does.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";

type Schema = Record<string, unknown>;

const str = (maxLength?: number, extra: Schema = {}): Schema => ({
  type: "string",
  minLength: 1,
  ...(maxLength ? { maxLength } : {}),
  ...extra,
});
const oneOf = (...values: string[]): Schema => ({ type: "string", enum: values });
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: "object",
  properties,
  required,
});
const arr = (items: Schema, maxItems?: number, minItems = 1): Schema => ({
  type: "array",
  items,
  minItems,
  ...(maxItems ? { maxItems } : {}),
});
const date = str(10, { pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
const num = (extra: Schema = {}): Schema => ({ type: "number", ...extra });
const int = (maximum?: number): Schema => ({ type: "integer", minimum: 0, ...(maximum ? { maximum } : {}) });

/** ship-api.json accountNumber: "Maximum length is 9" (FedEx accounts are 9 digits, CARRIERS.md §1). */
const accountNumber = obj({ value: str(9) }, ["value"]);
const money = obj({ amount: num({ minimum: 0 }), currency: str(3) }, ["amount", "currency"]);
/** ship-api.json Weight: units KG|LB. */
const weight = obj({ units: oneOf("KG", "LB"), value: num({ exclusiveMinimum: 0 }) }, ["units", "value"]);
/** ship-api.json Dimensions: integers, "Maximum value: 999", units CM|IN. */
const dimensions = obj({ length: int(999), width: int(999), height: int(999), units: oneOf("CM", "IN") }, [
  "length",
  "width",
  "height",
  "units",
]);
/** ship-api.json Party address: streetLines (each max 35), city (maxLength 35), postalCode max 10, countryCode max 2. */
const partyAddress = obj(
  {
    streetLines: arr(str(35), 3),
    city: str(35),
    stateOrProvinceCode: str(2),
    postalCode: str(10),
    countryCode: str(2),
    residential: { type: "boolean" },
  },
  ["streetLines", "city", "countryCode"],
);
/** ship-api.json Party contact: personName max 70, companyName max 35, phoneNumber (required) max 15, email max 80. */
const contact = obj(
  { personName: str(70), companyName: str(35), phoneNumber: str(15), phoneExtension: str(6), emailAddress: str(80) },
  ["phoneNumber"],
);
/** ship-api.json TaxpayerIdentification: number max 18, tinType enum. */
const tin = obj(
  {
    number: str(18),
    tinType: oneOf(
      "PERSONAL_NATIONAL",
      "PERSONAL_STATE",
      "FEDERAL",
      "BUSINESS_NATIONAL",
      "BUSINESS_STATE",
      "BUSINESS_UNION",
    ),
  },
  ["number", "tinType"],
);
const party = obj({ address: partyAddress, contact, tins: arr(tin, undefined, 0) }, ["address", "contact"]);
/** ship-api.json CustomerReference: customerReferenceType enum; value (FedEx's reference fields take 40). */
const customerReference = obj(
  {
    customerReferenceType: oneOf(
      "CUSTOMER_REFERENCE",
      "DEPARTMENT_NUMBER",
      "INVOICE_NUMBER",
      "P_O_NUMBER",
      "INTRACOUNTRY_REGULATORY_REFERENCE",
      "RMA_ASSOCIATION",
    ),
    value: str(40),
  },
  ["customerReferenceType", "value"],
);
const pickupType = oneOf("CONTACT_FEDEX_TO_SCHEDULE", "DROPOFF_AT_FEDEX_LOCATION", "USE_SCHEDULED_PICKUP");

/** ship-api.json Commodity: description required (max 450), countryOfManufacture max 4, weight units KG. */
const commodity = obj(
  {
    description: str(450),
    name: str(450),
    countryOfManufacture: str(4),
    harmonizedCode: str(14, { pattern: "^[0-9]+$" }),
    quantity: int(),
    quantityUnits: str(3),
    numberOfPieces: int(),
    unitPrice: money,
    customsValue: money,
    weight: obj({ units: oneOf("KG"), value: num({ exclusiveMinimum: 0 }) }, ["units", "value"]),
    partNumber: str(50),
  },
  ["description"],
);

const shipSchema = obj(
  {
    labelResponseOptions: oneOf("URL_ONLY", "LABEL"),
    accountNumber,
    shipAction: oneOf("CONFIRM", "TRANSFER"),
    requestedShipment: obj(
      {
        shipDatestamp: date,
        shipper: { ...party, required: ["address", "contact"] },
        recipients: arr(party),
        pickupType,
        serviceType: str(),
        packagingType: str(),
        totalWeight: num({ exclusiveMinimum: 0 }),
        totalPackageCount: int(),
        shippingChargesPayment: obj(
          {
            paymentType: oneOf("SENDER", "RECIPIENT", "THIRD_PARTY", "COLLECT"),
            payor: obj({ responsibleParty: obj({ accountNumber }, ["accountNumber"]) }, ["responsibleParty"]),
          },
          ["paymentType"],
        ),
        shipmentSpecialServices: obj({
          specialServiceTypes: arr(str()),
          etdDetail: obj({
            attributes: arr(oneOf("POST_SHIPMENT_UPLOAD_REQUESTED")),
            attachedDocuments: arr(
              obj(
                {
                  documentType: oneOf(
                    "CERTIFICATE_OF_ORIGIN",
                    "NET_RATE_SHEET",
                    "COMMERCIAL_INVOICE",
                    "ETD_LABEL",
                    "USMCA_CERTIFICATION_OF_ORIGIN",
                    "OTHER",
                    "PRO_FORMA_INVOICE",
                    "USMCA_COMMERCIAL_INVOICE_CERTIFICATION_OF_ORIGIN",
                  ),
                  documentReference: str(),
                  description: str(),
                  documentId: str(),
                },
                ["documentType", "documentId"],
              ),
            ),
          }),
        }),
        customsClearanceDetail: obj(
          {
            dutiesPayment: obj({ paymentType: oneOf("SENDER", "RECIPIENT", "THIRD_PARTY", "COLLECT") }, [
              "paymentType",
            ]),
            isDocumentOnly: { type: "boolean" },
            totalCustomsValue: money,
            // ship-api.json CommercialInvoice: termsOfSale max 3, declarationStatement max 554, shipmentPurpose enum.
            commercialInvoice: obj({
              termsOfSale: str(3),
              shipmentPurpose: oneOf("GIFT", "NOT_SOLD", "PERSONAL_EFFECTS", "REPAIR_AND_RETURN", "SAMPLE", "SOLD"),
              customerReferences: arr(customerReference),
              comments: arr(str()),
              declarationStatement: str(554),
              originatorName: str(),
            }),
            // ship-api.json: commodities required, "Maximum upto 999".
            commodities: arr(commodity, 999),
          },
          ["commercialInvoice", "commodities"],
        ),
        // ship-api.json LabelSpecification: labelStockType and imageType required.
        labelSpecification: obj(
          {
            labelFormatType: oneOf("COMMON2D", "LABEL_DATA_ONLY"),
            imageType: oneOf("ZPLII", "EPL2", "PDF", "PNG"),
            labelStockType: oneOf(
              "PAPER_4X6",
              "STOCK_4X675",
              "PAPER_4X675",
              "PAPER_4X8",
              "PAPER_4X9",
              "PAPER_7X475",
              "PAPER_85X11_BOTTOM_HALF_LABEL",
              "PAPER_85X11_TOP_HALF_LABEL",
              "PAPER_LETTER",
              "STOCK_4X675_LEADING_DOC_TAB",
              "STOCK_4X8",
              "STOCK_4X9_LEADING_DOC_TAB",
              "STOCK_4X6",
              "STOCK_4X675_TRAILING_DOC_TAB",
              "STOCK_4X9_TRAILING_DOC_TAB",
              "STOCK_4X9",
            ),
          },
          ["imageType", "labelStockType"],
        ),
        // ship-api.json RequestedPackageLineItem: "Maximum occurrences is 30"; weight required.
        requestedPackageLineItems: arr(
          obj(
            {
              sequenceNumber: int(),
              groupPackageCount: int(),
              weight,
              dimensions,
              customerReferences: arr(customerReference),
              itemDescription: str(50),
            },
            ["weight"],
          ),
          30,
        ),
      },
      [
        "shipper",
        "recipients",
        "pickupType",
        "serviceType",
        "packagingType",
        "totalWeight",
        "shippingChargesPayment",
        "labelSpecification",
        "requestedPackageLineItems",
      ],
    ),
  },
  ["labelResponseOptions", "accountNumber", "requestedShipment"],
);

/** rate-api.json RateAddress: postalCode and countryCode required. */
const rateAddress = obj({ city: str(35), stateOrProvinceCode: str(2), postalCode: str(10), countryCode: str(2) }, [
  "postalCode",
  "countryCode",
]);
const rateSchema = obj(
  {
    accountNumber,
    rateRequestControlParameters: obj({ returnTransitTimes: { type: "boolean" } }),
    requestedShipment: obj(
      {
        shipper: obj({ address: rateAddress }, ["address"]),
        recipient: obj({ address: rateAddress }, ["address"]),
        pickupType,
        serviceType: str(),
        preferredCurrency: str(3),
        rateRequestType: arr(oneOf("LIST", "INCENTIVE", "ACCOUNT", "PREFERRED")),
        shipDateStamp: date,
        // CARRIERS.md FedEx §2: totalPackageCount ≤ 100.
        totalPackageCount: int(100),
        requestedPackageLineItems: arr(obj({ groupPackageCount: int(), weight, dimensions }, ["weight"])),
        customsClearanceDetail: obj(
          {
            dutiesPayment: obj({ paymentType: oneOf("SENDER") }),
            commodities: arr(
              obj({ description: str(450), quantity: int(), quantityUnits: str(3), customsValue: money }),
            ),
          },
          ["commodities"],
        ),
      },
      ["shipper", "recipient", "pickupType", "requestedPackageLineItems"],
    ),
  },
  ["accountNumber", "requestedShipment"],
);

/** ship-api.json cancel body: accountNumber and trackingNumber required; deletionControl enum. */
const voidSchema = obj(
  {
    accountNumber,
    trackingNumber: str(),
    senderCountryCode: str(2),
    deletionControl: oneOf("DELETE_ALL_PACKAGES"),
    emailShipment: { type: "boolean" },
  },
  ["accountNumber", "trackingNumber"],
);

/** track.json trackingnumbers: includeDetailedScans and trackingInfo (max 30) required. */
const trackSchema = obj(
  {
    includeDetailedScans: { type: "boolean" },
    trackingInfo: arr(
      obj(
        {
          shipDateBegin: date,
          shipDateEnd: date,
          trackingNumberInfo: obj({ trackingNumber: str(), carrierCode: str() }, ["trackingNumber"]),
        },
        ["trackingNumberInfo"],
      ),
      30,
    ),
  },
  ["includeDetailedScans", "trackingInfo"],
);

/**
 * track.json referencenumbers: referencesInformation{value, shipDateBegin, shipDateEndDate} required;
 * accountNumber or destination postal and country code "mandatory to track by reference" — ours sends the account.
 */
const lookupSchema = obj(
  {
    referencesInformation: obj(
      {
        type: str(),
        value: str(40),
        accountNumber: str(9),
        carrierCode: str(4),
        shipDateBegin: date,
        shipDateEndDate: date,
        destinationCountryCode: str(2),
        destinationPostalCode: str(10),
      },
      ["value", "shipDateBegin", "shipDateEndDate", "accountNumber"],
    ),
    includeDetailedScans: { type: "boolean" },
  },
  ["referencesInformation"],
);

/** pickup-api.json pickupLocation.address: all of streetLines, city, state, postal and country code required. */
const pickupAddress = obj(
  {
    streetLines: arr(str(35), 3),
    city: str(35),
    stateOrProvinceCode: str(2),
    postalCode: str(10),
    countryCode: str(2),
  },
  ["streetLines", "city", "stateOrProvinceCode", "postalCode", "countryCode"],
);
const carriers = oneOf("FDXE", "FDXG");
const hhmmss = str(8, { pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" });

const pickupAvailabilitySchema = obj(
  {
    pickupAddress: { ...pickupAddress, required: ["postalCode", "countryCode"] },
    dispatchDate: date,
    packageReadyTime: hhmmss,
    customerCloseTime: hhmmss,
    pickupRequestType: arr(oneOf("SAME_DAY", "FUTURE_DAY")),
    carriers: arr(carriers),
    countryRelationship: oneOf("DOMESTIC", "INTERNATIONAL"),
    shipmentAttributes: obj({ serviceType: str() }),
  },
  ["pickupAddress", "pickupRequestType", "carriers", "countryRelationship"],
);

const pickupCreateSchema = obj(
  {
    associatedAccountNumber: accountNumber,
    originDetail: obj(
      {
        pickupLocation: obj(
          { contact: obj({ companyName: str(35), personName: str(70), phoneNumber: str(15) }), address: pickupAddress },
          ["contact", "address"],
        ),
        readyDateTimestamp: str(19, {
          pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$",
        }),
        customerCloseTime: hhmmss,
        pickupDateType: oneOf("SAME_DAY", "FUTURE_DAY"),
        packageLocation: oneOf("FRONT", "NONE", "REAR", "SIDE"),
      },
      ["customerCloseTime", "pickupLocation", "readyDateTimestamp"],
    ),
    totalWeight: obj({ units: oneOf("KG", "LB"), value: num({ exclusiveMinimum: 0, maximum: 99999 }) }),
    packageCount: int(),
    carrierCode: carriers,
    countryRelationships: oneOf("DOMESTIC", "INTERNATIONAL"),
    remarks: str(60),
    commodityDescription: str(),
  },
  ["associatedAccountNumber", "originDetail", "carrierCode"],
);

const pickupCancelSchema = obj(
  {
    associatedAccountNumber: accountNumber,
    pickupConfirmationCode: str(),
    remarks: str(60),
    carrierCode: carriers,
    scheduledDate: date,
    location: str(),
  },
  ["associatedAccountNumber", "pickupConfirmationCode", "scheduledDate"],
);

/** upload-documents-api.json ETDUploadRequest (the multipart `document` part). */
const uploadSchema = obj(
  {
    workflowName: oneOf("ETDPreshipment", "ETDPostshipment"),
    carrierCode: carriers,
    name: str(),
    contentType: oneOf(
      "application/pdf",
      "application/x-soffice",
      "application/doc",
      "text/richtext",
      "text/rtf",
      "application/x-rtf",
      "application/rtf",
      "application/msword",
      "text/plain",
      "image/bmp",
      "image/png",
      "image/gif",
      "image/jpeg",
      "image/tiff",
    ),
    meta: obj(
      {
        shipDocumentType: oneOf(
          "CERTIFICATE_OF_ORIGIN",
          "COMMERCIAL_INVOICE",
          "ETD_LABEL",
          "USMCA_CERTIFICATION_OF_ORIGIN",
          "USMCA_COMMERCIAL_INVOICE_CERTIFICATION_OF_ORIGIN",
          "OTHER",
          "PRO_FORMA_INVOICE",
        ),
        originCountryCode: str(2),
        destinationCountryCode: str(2),
        trackingNumber: str(),
        shipmentDate: str(),
      },
      ["shipDocumentType", "originCountryCode", "destinationCountryCode"],
    ),
  },
  ["workflowName", "name", "contentType", "meta"],
);

/** CARRIERS.md FedEx §1: the token form's fields. */
const tokenSchema = obj(
  {
    grant_type: oneOf("client_credentials", "csp_credentials", "client_pc_credentials"),
    client_id: str(),
    client_secret: str(),
  },
  ["grant_type", "client_id", "client_secret"],
);

const ajv = new Ajv({ strict: false, allErrors: true });
const VALIDATORS: Record<FedexOperation, ValidateFunction> = {
  token: ajv.compile(tokenSchema),
  rate: ajv.compile(rateSchema),
  ship: ajv.compile(shipSchema),
  void: ajv.compile(voidSchema),
  lookup: ajv.compile(lookupSchema),
  track: ajv.compile(trackSchema),
  pickupAvailability: ajv.compile(pickupAvailabilitySchema),
  pickupCreate: ajv.compile(pickupCreateSchema),
  pickupCancel: ajv.compile(pickupCancelSchema),
  upload: ajv.compile(uploadSchema),
};

export type FedexOperation =
  | "token"
  | "rate"
  | "ship"
  | "void"
  | "lookup"
  | "track"
  | "pickupAvailability"
  | "pickupCreate"
  | "pickupCancel"
  | "upload";

/** One contract violation: the JSON pointer of the field and what is wrong with it. */
export interface ContractProblem {
  path: string;
  message: string;
}

function problemOf(error: ErrorObject): ContractProblem {
  const missing = error.keyword === "required" ? `/${String(error.params.missingProperty)}` : "";
  return { path: `${error.instancePath}${missing}` || "/", message: error.message ?? error.keyword };
}

/** The problems of a request body against FedEx's contract for `operation` (empty: valid). */
export function checkFedexRequest(operation: FedexOperation, body: unknown): ContractProblem[] {
  const validate = VALIDATORS[operation];
  return validate(body) ? [] : (validate.errors ?? []).map(problemOf);
}
