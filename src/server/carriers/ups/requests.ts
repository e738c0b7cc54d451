// Our shipment, rate, label and upload requests as UPS's request bodies, built from UPS's schemas
// (contracts/ups; CARRIERS.md: the examples in those files do not satisfy them). Field limits are
// UPS's: what cannot be fitted faithfully is refused (invalidRequest) before anything is sent.
import type { CarrierShipment, Party, RateRequest } from "../api";
import type { LabelFormat } from "@/domain/statuses";
import { cm, digits, fit, kg, money, optional, postal, refuse, yyyymmdd } from "./fields";

/** Path versions (CARRIERS.md §1): Ship, Rate, Pickup v2409; Paperless v2; Track and Label Recovery v1. */
export const UPS_VERSIONS = {
  ship: "v2409",
  rate: "v2409",
  pickup: "v2409",
  paperless: "v2",
  track: "v1",
  labels: "v1",
};

const LINE = 35;
const LINES = 3;

/**
 * The street as UPS's AddressLine: up to 3 lines of 35 (Shipping.yaml Address.AddressLine). A long
 * line is wrapped at spaces, as a label printer would; only what cannot fit in three is refused.
 */
export function addressLines(lines: (string | null)[], field: string): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let rest = line?.trim().replace(/\s+/g, " ") ?? "";
    while (rest.length > LINE) {
      const cut = rest.lastIndexOf(" ", LINE);
      if (cut <= 0) refuse(`${field}.AddressLine`, `a word longer than UPS's ${LINE} characters`);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    if (rest) out.push(rest);
  }
  if (out.length > LINES) refuse(`${field}.AddressLine`, `more than UPS's ${LINES} lines of ${LINE} characters`);
  return out;
}

function address(
  party: Pick<Party, "address1" | "address2" | "city" | "state" | "postalCode" | "countryCode">,
  field: string,
) {
  return {
    AddressLine: addressLines([party.address1, party.address2], field),
    City: fit(party.city, 30, `${field}.City`),
    StateProvinceCode: optional(party.state, 5, `${field}.StateProvinceCode`),
    PostalCode: postal(party.postalCode, `${field}.PostalCode`),
    CountryCode: fit(party.countryCode.toUpperCase(), 2, `${field}.CountryCode`),
  };
}

const phone = (value: string | null, field: string) =>
  value ? { Number: digits(value, 15, `${field}.Phone`) } : undefined;

/**
 * Our export reasons → UPS ReasonForExport (Shipping.yaml: "SALE, GIFT, SAMPLE, RETURN, REPAIR,
 * INTERCOMPANYDATA, Any other reason", max 20). personal_use has no UPS code: its own words.
 */
const REASONS: Record<string, string> = {
  sale: "SALE",
  gift: "GIFT",
  sample: "SAMPLE",
  return: "RETURN",
  repair: "REPAIR",
  personal_use: "PERSONAL USE",
};

export function upsReasonForExport(reason: string): string {
  const mapped = REASONS[reason];
  if (!mapped) refuse("ReasonForExport", `no UPS reason for "${reason}"`);
  return mapped;
}

/** A product description as UPS's Description[]: up to 3 lines of 35, split at spaces where possible. */
export function descriptionLines(text: string, field: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) refuse(field, "missing");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    for (let rest = word; rest;) {
      const room = line ? 35 - line.length - 1 : 35;
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = "";
      } else if (line) {
        lines.push(line);
        line = "";
      } else {
        lines.push(rest.slice(0, 35));
        rest = rest.slice(35);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > 3) refuse(field, "longer than UPS's 3 lines of 35 characters");
  return lines;
}

/** Shipment.Description (max 50) summarises the goods; the full descriptions travel in Product[]. */
function goodsSummary(items: CarrierShipment["items"]): string {
  const all = items.map((item) => item.description.trim()).join(", ");
  // Cut with ASCII dots: UPS's forms print Latin-1 at best.
  return all.length <= 50 ? all : `${all.slice(0, 47).trimEnd()}...`;
}

export function labelSpecification(format: LabelFormat) {
  // GIF for our PDF (UPS issues no PDF label; the GIF is wrapped in a 4×6 PDF page), ZPL for thermal
  // printers; both on 4×6 stock (LabelStockSize is required by the schema).
  return format === "zpl"
    ? { LabelImageFormat: { Code: "ZPL" }, LabelStockSize: { Height: "6", Width: "4" } }
    : { LabelImageFormat: { Code: "GIF" }, HTTPUserAgent: "Mozilla/4.5", LabelStockSize: { Height: "6", Width: "4" } };
}

export function shipRequest(
  shipment: CarrierShipment,
  accountNumber: string,
  options: { labelFormat: LabelFormat; paperlessDocumentId: string | null },
) {
  if (shipment.parcels.length === 0) refuse("Package", "no parcels");
  if (shipment.items.length === 0 || shipment.items.length > 50) refuse("Product", "1 to 50 items");
  const cnpj = digits(shipment.shipper.taxId, 15, "Shipper.TaxIdentificationNumber");
  const shipper = {
    Name: fit(shipment.shipper.company, 35, "Shipper.Name"),
    AttentionName: fit(shipment.shipper.name, 35, "Shipper.AttentionName"),
    // The legacy field (max 15) is what UPS's forms still print; GlobalTaxInformation below is its
    // replacement (CARRIERS.md §3 "Tax IDs"). A 14-digit CNPJ fits both.
    TaxIdentificationNumber: cnpj,
    Phone: phone(shipment.shipper.phone, "Shipper"),
    EMailAddress: optional(shipment.shipper.email, 50, "Shipper.EMailAddress"),
    Address: address(shipment.shipper, "Shipper.Address"),
  };
  const recipientName = fit(shipment.recipient.company ?? shipment.recipient.name, 35, "ShipTo.Name");
  const shipTo = {
    Name: recipientName,
    AttentionName: fit(shipment.recipient.name, 35, "ShipTo.AttentionName"),
    Phone: phone(shipment.recipient.phone, "ShipTo"),
    EMailAddress: optional(shipment.recipient.email, 50, "ShipTo.EMailAddress"),
    Address: address(shipment.recipient, "ShipTo.Address"),
  };
  const billShipper = { AccountNumber: accountNumber };
  const incoterm = fit(shipment.incoterm.toUpperCase(), 3, "TermsOfShipment");
  const nfe = shipment.nfeKey?.replace(/\D/g, "") ?? null;
  if (nfe !== null && nfe.length !== 44) refuse("NF-e key", "not 44 digits");
  const formTypes = options.paperlessDocumentId ? ["01", "07"] : ["01"];
  return {
    ShipmentRequest: {
      // validate: UPS checks city, state and postal code together, refusing a label it could not deliver.
      Request: { RequestOption: "validate", TransactionReference: { CustomerContext: shipment.reference } },
      Shipment: {
        Description: goodsSummary(shipment.items),
        ShipmentDate: yyyymmdd(shipment.shipDate, "ShipmentDate"),
        Shipper: { ...shipper, ShipperNumber: accountNumber },
        ShipFrom: shipper,
        ShipTo: shipTo,
        PaymentInformation: {
          // 01 transportation billed to the shipper; 02 duties and taxes too when the incoterm is DDP.
          ShipmentCharge: [
            { Type: "01", BillShipper: billShipper },
            ...(incoterm === "DDP" ? [{ Type: "02", BillShipper: billShipper }] : []),
          ],
        },
        // Replacement of the deprecated TaxIdentificationNumber: AgentRole 20 = ship-from, type
        // 0001 = exporter tax id, customer role 06 = exporter (Shipping.yaml GlobalTaxInformation).
        GlobalTaxInformation: {
          AgentTaxIdentificationNumber: [
            {
              AgentRole: "20",
              TaxIdentificationNumber: [
                {
                  IdentificationNumber: cnpj,
                  IDNumberCustomerRole: "06",
                  IDNumberTypeCode: "0001",
                  IDNumberPurposeCode: "01",
                  IDNumberIssuingCntryCd: shipment.shipper.countryCode.toUpperCase(),
                  IDNumberEncryptionIndicator: "0",
                },
              ],
            },
          ],
        },
        // Our deterministic reference, found again by the reference lookup (CARRIERS.md §3 "Idempotency").
        ReferenceNumber: [{ Value: fit(shipment.reference, 35, "ReferenceNumber") }],
        Service: { Code: fit(shipment.serviceCode, 2, "Service.Code") },
        InvoiceLineTotal: {
          CurrencyCode: fit(shipment.currency, 3, "CurrencyCode"),
          MonetaryValue: money(shipment.declaredValue, 11, "InvoiceLineTotal"),
        },
        ShipmentRatingOptions: { NegotiatedRatesIndicator: "Y" },
        Package: shipment.parcels.map((parcel, i) => ({
          // 02 = the customer's own box (Shipping.yaml Packaging.Code), what our stores ship in.
          Packaging: { Code: "02" },
          // Optional in Shipping.yaml/Rating.yaml's Package (its weight is required).
          ...(parcel.lengthCm === null || parcel.widthCm === null || parcel.heightCm === null
            ? {}
            : {
                Dimensions: {
                  UnitOfMeasurement: { Code: "CM" },
                  Length: cm(parcel.lengthCm, `Package[${i}].Length`),
                  Width: cm(parcel.widthCm, `Package[${i}].Width`),
                  Height: cm(parcel.heightCm, `Package[${i}].Height`),
                },
              }),
          PackageWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: kg(parcel.weightKg, 5, `Package[${i}].Weight`) },
        })),
        ShipmentServiceOptions: {
          InternationalForms: {
            FormType: formTypes,
            ...(options.paperlessDocumentId
              ? {
                  UserCreatedForm: { DocumentID: [fit(options.paperlessDocumentId, 40, "DocumentID")] },
                  AdditionalDocumentIndicator: "Y",
                }
              : {}),
            InvoiceNumber: fit(shipment.invoice.number, 35, "InvoiceNumber"),
            InvoiceDate: yyyymmdd(shipment.invoice.date, "InvoiceDate"),
            CurrencyCode: shipment.currency,
            TermsOfShipment: incoterm,
            ReasonForExport: upsReasonForExport(shipment.exportReason),
            // UPS has no NF-e field (CARRIERS.md §3, verified absence). Comments is "any extra
            // information" (max 150) and prints on the invoice; DeclarationStatement must repeat
            // customs' own declarations verbatim (Shipping.yaml), so the key goes in Comments.
            ...(nfe ? { Comments: `NF-e ${nfe}` } : {}),
            Contacts: {
              SoldTo: {
                Name: recipientName,
                AttentionName: shipTo.AttentionName,
                Phone: shipTo.Phone,
                Address: shipTo.Address,
              },
            },
            Product: shipment.items.map((item, i) => {
              const hs = item.hsCode.replace(/\D/g, "");
              if (hs.length < 6 || hs.length > 15)
                refuse(`Product[${i}].CommodityCode`, "an HS code has 6 to 15 digits");
              if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > 9_999_999) {
                refuse(`Product[${i}].Unit.Number`, "not a whole quantity UPS accepts");
              }
              return {
                Description: descriptionLines(item.description, `Product[${i}].Description`),
                CommodityCode: hs,
                OriginCountryCode: fit(item.originCountry.toUpperCase(), 2, `Product[${i}].OriginCountryCode`),
                PartNumber: optional(item.sku, 35, `Product[${i}].PartNumber`),
                Unit: {
                  Number: String(item.quantity),
                  Value: money(item.unitValue, 19, `Product[${i}].Unit.Value`),
                  // Quantities are counted in pieces (the invoice's unit).
                  UnitOfMeasurement: { Code: "PCS" },
                },
                ProductWeight: {
                  UnitOfMeasurement: { Code: "KGS" },
                  Weight: kg(item.unitWeightKg * item.quantity, 5, `Product[${i}].ProductWeight`),
                },
              };
            }),
          },
        },
      },
      LabelSpecification: labelSpecification(options.labelFormat),
    },
  };
}

function rateAddress(party: RateRequest["shipper"], field: string) {
  return {
    // The rate request knows no street; the schema requires the array, which may be empty.
    AddressLine: [] as string[],
    City: fit(party.city, 30, `${field}.City`),
    StateProvinceCode: party.state ? fit(party.state, 2, `${field}.StateProvinceCode`) : undefined,
    PostalCode: postal(party.postalCode, `${field}.PostalCode`),
    CountryCode: fit(party.countryCode.toUpperCase(), 2, `${field}.CountryCode`),
  };
}

// Rating.yaml requires the unit's Description beside its Code.
const KILOGRAMS = { Code: "KGS", Description: "Kilograms" };
const CENTIMETRES = { Code: "CM", Description: "Centimeters" };

/** Shoptimeintransit: every service with its transit time (CARRIERS.md §2). */
export function rateRequest(request: RateRequest, accountNumber: string) {
  if (request.parcels.length === 0) refuse("Package", "no parcels");
  const total = request.parcels.reduce((sum, parcel) => sum + parcel.weightKg, 0);
  const shipper = rateAddress(request.shipper, "Shipper.Address");
  return {
    RateRequest: {
      Request: { RequestOption: "Shoptimeintransit", TransactionReference: { CustomerContext: "rates" } },
      Shipment: {
        Shipper: { ShipperNumber: accountNumber, Address: shipper },
        ShipFrom: { Address: shipper },
        ShipTo: { Address: rateAddress(request.recipient, "ShipTo.Address") },
        PaymentDetails: { ShipmentCharge: [{ Type: "01", BillShipper: { AccountNumber: accountNumber } }] },
        ShipmentRatingOptions: { NegotiatedRatesIndicator: "Y" },
        DeliveryTimeInformation: { PackageBillType: "03", Pickup: { Date: yyyymmdd(request.shipDate, "Pickup.Date") } },
        ShipmentTotalWeight: { UnitOfMeasurement: KILOGRAMS, Weight: kg(total, 6, "ShipmentTotalWeight") },
        InvoiceLineTotal: {
          CurrencyCode: fit(request.currency, 3, "CurrencyCode"),
          MonetaryValue: money(request.declaredValue, 19, "InvoiceLineTotal"),
        },
        NumOfPieces: String(request.parcels.length),
        Package: request.parcels.map((parcel, i) => ({
          // 02 = the customer's own box, as on the ship request.
          PackagingType: { Code: "02" },
          // Optional in Shipping.yaml/Rating.yaml's Package (its weight is required).
          ...(parcel.lengthCm === null || parcel.widthCm === null || parcel.heightCm === null
            ? {}
            : {
                Dimensions: {
                  UnitOfMeasurement: CENTIMETRES,
                  Length: cm(parcel.lengthCm, `Package[${i}].Length`),
                  Width: cm(parcel.widthCm, `Package[${i}].Width`),
                  Height: cm(parcel.heightCm, `Package[${i}].Height`),
                },
              }),
          PackageWeight: { UnitOfMeasurement: KILOGRAMS, Weight: kg(parcel.weightKg, 6, `Package[${i}].Weight`) },
        })),
      },
    },
  };
}

export function uploadRequest(reference: string, pdfBase64: string, accountNumber: string) {
  return {
    UploadRequest: {
      Request: { TransactionReference: { CustomerContext: reference } },
      ShipperNumber: accountNumber,
      UserCreatedForm: [
        {
          UserCreatedFormFileName: `invoice-${reference}.pdf`,
          UserCreatedFormFile: pdfBase64,
          UserCreatedFormFileFormat: "pdf",
          // 002 = commercial invoice (CARRIERS.md §3 "paperless").
          UserCreatedFormDocumentType: "002",
        },
      ],
    },
  };
}

export function labelRecoveryRequest(trackingNumber: string, format: LabelFormat) {
  return {
    LabelRecoveryRequest: {
      Request: { TransactionReference: { CustomerContext: trackingNumber } },
      LabelSpecification: labelSpecification(format),
      TrackingNumber: fit(trackingNumber, 18, "TrackingNumber"),
    },
  };
}
