// The request bodies our DHL client sends, as JSON Schemas transcribed by hand from DHL's MyDHL API
// 3.1.1 OpenAPI file (dpdhl-express-api-3.1.1_swagger.yaml, components.schemas, as vendored by
// karrio: modules/connectors/mydhl/vendors/) and /work/shared/CARRIERS.md "DHL Express". Only the
// fields we send are described in full; the rest of each object is left open, as DHL accepts it.
// Required fields, types, enums and maxLengths are the spec's. Used by the emulator (to refuse a
// request as DHL would) and by the tests (every request the client sent must pass).
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const str = (maxLength: number, minLength = 1) => ({ type: "string", minLength, maxLength });
const num = (minimum: number, maximum: number) => ({ type: "number", minimum, maximum });
const obj = (required: string[], properties: Record<string, unknown>) => ({
  type: "object",
  required,
  properties,
});
const arr = (items: unknown, minItems: number, maxItems: number) => ({ type: "array", items, minItems, maxItems });

/** supermodelIoLogisticsExpressAccount: typeCode enum, number maxLength 12. */
const account = obj(["typeCode", "number"], {
  typeCode: { type: "string", enum: ["shipper", "payer", "duties-taxes"] },
  number: str(12),
});
/** supermodelIoLogisticsExpressAddressCreateShipmentRequest. */
const postalAddress = obj(["postalCode", "cityName", "countryCode", "addressLine1"], {
  postalCode: str(12, 0),
  cityName: str(45),
  countryCode: str(2, 2),
  provinceCode: str(35, 2),
  addressLine1: str(45),
  addressLine2: str(45),
  addressLine3: str(45),
});
/** supermodelIoLogisticsExpressContact. */
const contact = obj(["phone", "companyName", "fullName"], {
  email: str(70),
  phone: str(70),
  companyName: str(100),
  fullName: str(255),
});
/** supermodelIoLogisticsExpressRegistrationNumbers ("CNP": Brazil CNPJ/CPF federal tax). */
const registrationNumber = obj(["typeCode", "number", "issuerCountryCode"], {
  typeCode: {
    type: "string",
    enum: ["VAT", "EIN", "GST", "SSN", "EOR", "DUN", "FED", "STA", "CNP", "IE", "INN", "KPP", "OGR", "OKP"],
  },
  number: str(35),
  issuerCountryCode: str(2, 2),
});
const party = obj(["postalAddress", "contactInformation"], {
  postalAddress,
  contactInformation: contact,
  registrationNumbers: arr(registrationNumber, 1, 50),
  typeCode: { type: "string", enum: ["business", "direct_consumer", "government", "other", "private", "reseller"] },
});
const dimensions = obj(["length", "width", "height"], {
  length: num(0.001, 9999999),
  width: num(0.001, 9999999),
  height: num(0.001, 9999999),
});
/** supermodelIoLogisticsExpressReference ("CU": customer reference), value maxLength 35. */
const customerReference = obj(["value"], {
  value: str(35),
  typeCode: {
    type: "string",
    enum: ["AAO", "CU", "FF", "FN", "IBC", "LLR", "OBC", "PRN", "ACP", "ACS", "ACR", "CDN", "STD", "CO"],
  },
});
const EXPORT_REASON_TYPES = [
  "permanent",
  "temporary",
  "return",
  "used_exhibition_goods_to_origin",
  "intercompany_use",
  "commercial_purpose_or_sale",
  "personal_belongings_or_personal_use",
  "sample",
  "gift",
  "return_to_origin",
  "warranty_replacement",
  "diplomatic_goods",
  "defence_material",
];
/** supermodelIoLogisticsExpressExportDeclaration (lineItems, invoice, remarks, reasons). */
const exportDeclaration = obj(["lineItems"], {
  lineItems: arr(
    obj(["number", "description", "price", "quantity", "manufacturerCountry", "weight"], {
      number: { type: "integer", minimum: 1, maximum: 999 },
      description: str(512),
      price: num(0, 999999999999999),
      quantity: obj(["value", "unitOfMeasurement"], {
        value: { type: "integer", minimum: 1, maximum: 1000000000 },
        unitOfMeasurement: { type: "string", enum: ["PCS", "BOX", "DOZ", "EA", "KG", "PRS", "SET", "X", "NO"] },
      }),
      commodityCodes: arr(
        obj(["typeCode", "value"], { typeCode: { type: "string", enum: ["outbound", "inbound"] }, value: str(18, 2) }),
        0,
        2,
      ),
      exportReasonType: { type: "string", enum: EXPORT_REASON_TYPES },
      manufacturerCountry: str(2, 2),
      weight: obj([], { netValue: num(0, 999999999999), grossValue: num(0, 999999999999) }),
    }),
    1,
    999,
  ),
  invoice: obj(["number", "date"], { number: str(35), date: str(35), signatureName: str(35, 0) }),
  remarks: arr(obj(["value"], { value: { type: "string" } }), 0, 3),
  exportReference: str(40, 0),
  exportReason: str(30),
  exportReasonType: { type: "string", enum: EXPORT_REASON_TYPES },
  shipmentType: { type: "string", enum: ["personal", "commercial"] },
  customsDocuments: arr(obj(["typeCode", "value"], { typeCode: str(3), value: str(35) }), 0, 50),
  placeOfIncoterm: str(256),
});
const INCOTERMS = [
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
];
/** "YYYY-MM-DDTHH:MM:SS GMT+HH:MM" (the spec's examples), maxLength 29. */
const plannedDateTime = { ...str(29), pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{2}:\\d{2}$" };

/** supermodelIoLogisticsExpressCreateShipmentRequest (POST /shipments). */
const shipmentSchema = obj(
  ["plannedShippingDateAndTime", "pickup", "productCode", "accounts", "customerDetails", "content"],
  {
    plannedShippingDateAndTime: plannedDateTime,
    pickup: obj(["isRequested"], { isRequested: { type: "boolean" } }),
    productCode: str(6),
    accounts: arr(account, 1, 3),
    valueAddedServices: arr(obj(["serviceCode"], { serviceCode: str(6) }), 0, 99),
    outputImageProperties: obj([], {
      printerDPI: { type: "number", enum: [200, 300] },
      encodingFormat: { type: "string", enum: ["pdf", "zpl", "lp2", "epl"] },
      imageOptions: arr(
        obj(["typeCode"], {
          typeCode: { type: "string", enum: ["label", "waybillDoc", "invoice", "qr-code", "shipmentReceipt"] },
          templateName: str(25),
          isRequested: { type: "boolean" },
        }),
        0,
        20,
      ),
    }),
    customerReferences: arr(customerReference, 0, 999),
    customerDetails: obj(["shipperDetails", "receiverDetails"], { shipperDetails: party, receiverDetails: party }),
    content: obj(["packages", "isCustomsDeclarable", "description", "incoterm", "unitOfMeasurement"], {
      packages: arr(
        obj(["weight"], {
          weight: num(0.001, 999999999999),
          dimensions,
          customerReferences: arr(customerReference, 1, 99),
          description: str(70),
        }),
        1,
        999,
      ),
      isCustomsDeclarable: { type: "boolean" },
      declaredValue: num(0, 999999999999999),
      declaredValueCurrency: str(3, 3),
      exportDeclaration,
      description: { ...str(70), pattern: "^[^\\s]" },
      incoterm: { type: "string", enum: INCOTERMS },
      unitOfMeasurement: { type: "string", enum: ["metric", "imperial"] },
    }),
    documentImages: arr(
      obj(["content"], {
        typeCode: { type: "string", enum: ["INV", "PNV", "COO", "CIN", "DCL", "AWB", "NAF"] },
        imageFormat: { type: "string", enum: ["PDF", "PNG", "GIF", "TIFF", "JPEG"] },
        content: { type: "string", minLength: 1 },
      }),
      1,
      999,
    ),
  },
);

/** supermodelIoLogisticsExpressAddressRatesRequest. */
const rateAddress = obj(["postalCode", "cityName", "countryCode"], {
  postalCode: str(12, 0),
  cityName: str(45),
  countryCode: str(2, 2),
  provinceCode: str(35, 2),
});
/** supermodelIoLogisticsExpressRateRequest (POST /rates). */
const rateSchema = obj(
  ["customerDetails", "plannedShippingDateAndTime", "unitOfMeasurement", "isCustomsDeclarable", "packages"],
  {
    customerDetails: obj(["shipperDetails", "receiverDetails"], {
      shipperDetails: rateAddress,
      receiverDetails: rateAddress,
    }),
    accounts: arr(account, 0, 2),
    productCode: str(6),
    plannedShippingDateAndTime: plannedDateTime,
    unitOfMeasurement: { type: "string", enum: ["metric", "imperial"] },
    isCustomsDeclarable: { type: "boolean" },
    monetaryAmount: arr(
      obj(["typeCode", "value", "currency"], {
        typeCode: { type: "string", enum: ["declaredValue", "insuredValue"] },
        value: { type: "number", maximum: 999999999999999 },
        currency: str(3, 3),
      }),
      0,
      10,
    ),
    packages: arr(obj(["weight"], { weight: num(0.001, 999999999999), dimensions }), 1, 999),
  },
);

/** supermodelIoLogisticsExpressPickupRequest (POST /pickups). */
const pickupSchema = obj(["plannedPickupDateAndTime", "accounts", "customerDetails", "shipmentDetails"], {
  plannedPickupDateAndTime: plannedDateTime,
  closeTime: { ...str(5), pattern: "^([0-1][0-9]|2[0-3]):([0-5][0-9])$" },
  location: str(80, 0),
  locationType: { type: "string", enum: ["business", "residence"] },
  accounts: arr(account, 1, 5),
  specialInstructions: arr(obj(["value"], { value: str(80, 0) }), 0, 4),
  remark: { type: "string" },
  customerDetails: obj(["shipperDetails"], {
    shipperDetails: obj(["postalAddress", "contactInformation"], { postalAddress, contactInformation: contact }),
  }),
  shipmentDetails: arr(
    obj(["productCode", "isCustomsDeclarable", "unitOfMeasurement", "packages"], {
      productCode: str(6),
      isCustomsDeclarable: { type: "boolean" },
      declaredValue: num(0, 999999999999999),
      declaredValueCurrency: str(3, 3),
      unitOfMeasurement: { type: "string", enum: ["metric", "imperial"] },
      shipmentTrackingNumber: { type: "string" },
      packages: arr(obj(["weight"], { weight: num(0.001, 999999999999), dimensions }), 1, 999),
    }),
    1,
    999,
  ),
});

export type DhlRequestKind = "shipment" | "rate" | "pickup";

const ajv = new Ajv({ strict: false, allErrors: true, verbose: true }); // verbose: the refused value in enum errors;
const VALIDATORS: Record<DhlRequestKind, ValidateFunction> = {
  shipment: ajv.compile(shipmentSchema),
  rate: ajv.compile(rateSchema),
  pickup: ajv.compile(pickupSchema),
};

/** One problem in DHL's own wording (the spec's error examples: "#/path: required key [x] not found"). */
function describe(error: ErrorObject): string {
  const at = `#${error.instancePath}`;
  const field = error.instancePath.split("/").pop() ?? "";
  switch (error.keyword) {
    case "required":
      return `${at}: required key [${String(error.params.missingProperty)}] not found`;
    case "maxLength":
      return `Parameters not having correct format: ${field} (maxLength=${String(error.params.limit)})`;
    case "minLength":
      return `Parameters not having correct format: ${field} (minLength=${String(error.params.limit)})`;
    case "enum":
      return `${at}: ${JSON.stringify(error.data)} is not a valid enum value`;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

/** The contract problems of a request body, in DHL's wording; empty when it conforms. */
export function dhlContractProblems(kind: DhlRequestKind, body: unknown): string[] {
  const validate = VALIDATORS[kind];
  return validate(body) ? [] : (validate.errors ?? []).map(describe);
}
