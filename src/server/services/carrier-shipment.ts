// The one place a stored shipment (with its order and the store's shipper profile) becomes what a
// carrier is sent and what our commercial invoice prints: both come from the same resolved values,
// so the invoice can never say something the carrier was not told. Every check that stops a label
// is here, before anything is bought; nothing sent to a carrier or printed for customs is defaulted.
import type { ExchangeRateUsed } from "@/domain/exchange-rates";
import { CARRIERS, isCarrier, type Carrier } from "@/domain/carrier-registry";
import { serviceCode } from "@/domain/carrier-services";
import { resolveCustomsTerms, unresolvedCustomsTerms } from "@/domain/customs-terms";
import { originNow } from "@/domain/local-time";
import { declaredCentsOf, formatCents } from "@/domain/money";
import type { DraftCustomsItem, DraftParcel, DraftRecipient } from "@/domain/shipment-evaluation";
import { missingForDocuments, shipperTaxId, toShipperProfile } from "@/domain/shipper";
import type { ShippingDocumentData } from "@/documents";
import type { CarrierShipment, Commodity, Parcel } from "../carriers/api";
import { AppError } from "../errors";
import type { ShipmentToDocument } from "../queries/documents";

/** A shipment ready for its carrier: the request (its `serviceCode` null only for Correios, which has no API). */
export interface ResolvedShipment {
  shipmentId: string;
  storeId: string;
  carrier: Carrier;
  service: string;
  request: Omit<CarrierShipment, "serviceCode"> & { serviceCode: string | null };
  /** What only the invoice prints. */
  invoice: {
    usdValue: ShippingDocumentData["usdValue"];
    declaration: ShippingDocumentData["declaration"];
  };
}

export interface Signatory {
  id: string;
  name: string;
}

const REFERENCE_PREFIX = "SS-";

/**
 * Our transaction reference of a purchase attempt: the same shipment and attempt always give the
 * same text, so a purchase whose answer was lost is found again at the carrier by it. 12 hex
 * characters of the id (2⁴⁸: unique among a store's shipments in practice; the database's unique
 * index refuses a clash) keep it well within the 35 characters every carrier's reference takes
 * (UPS ReferenceNumber.Value max 35, CARRIERS.md).
 */
export function purchaseReference(shipmentId: string, attempt: number): string {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("attempt must be a positive integer");
  const hex = shipmentId.replace(/-/g, "").toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new RangeError("shipment id must be a UUID");
  return `${REFERENCE_PREFIX}${hex.slice(0, 12)}-${attempt}`;
}

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || !value.trim();
const positive = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value) && value > 0;

function checkState(row: ShipmentToDocument): { carrier: Carrier; service: string } {
  const { shipment } = row;
  const order = row.orderName;
  // A Shopify test order imported under the store's "import" setting: no carrier ever sees it.
  if (shipment.isTest) throw new AppError("storeSettings.errors.testOrder", undefined, { order });
  if (shipment.status !== "ready" && shipment.status !== "pickup_scheduled") {
    throw new AppError("documents.errors.notReady", undefined, { order });
  }
  if (shipment.cancelledInShopifyAt) {
    throw new AppError("cancelledInShopify.errors.orderCancelled", undefined, { order });
  }
  if (!isCarrier(shipment.carrier) || blank(shipment.service)) {
    throw new AppError("documents.errors.noCarrier", undefined, { order });
  }
  // Shipped outside the dashboard: a second label would ship it twice.
  if (row.orderFulfillment === "FULFILLED" && !shipment.documentsGeneratedAt) {
    throw new AppError("documents.errors.fulfilledInShopify", undefined, { order });
  }
  return { carrier: shipment.carrier, service: shipment.service!.trim() };
}

function recipientOf(order: string, stored: DraftRecipient | null) {
  const recipient = stored;
  const missing = !recipient
    ? "name"
    : blank(recipient.name) && blank(recipient.company)
      ? "name"
      : blank(recipient.address1)
        ? "address1"
        : blank(recipient.city)
          ? "city"
          : blank(recipient.countryCode)
            ? "countryCode"
            : null;
  if (missing || !recipient)
    throw new AppError("labels.errors.recipientIncomplete", undefined, { order, field: missing! });
  const name = (blank(recipient.name) ? recipient.company : recipient.name)!.trim();
  return {
    name,
    company: blank(recipient.name) || blank(recipient.company) ? null : recipient.company!.trim(),
    address1: recipient.address1!.trim(),
    address2: blank(recipient.address2) ? null : recipient.address2!.trim(),
    city: recipient.city!.trim(),
    state: blank(recipient.provinceCode) ? null : recipient.provinceCode!.trim(),
    postalCode: blank(recipient.postalCode) ? null : recipient.postalCode!.trim(),
    countryCode: recipient.countryCode!.trim().toUpperCase(),
    phone: blank(recipient.phone) ? null : recipient.phone!.trim(),
    email: blank(recipient.email) ? null : recipient.email!.trim(),
  };
}

function parcelsOf(order: string, stored: DraftParcel[]): Parcel[] {
  if (stored.length === 0)
    throw new AppError("labels.errors.parcelIncomplete", undefined, { order, parcel: 1, field: "weight" });
  return stored.map((parcel, index) => {
    const number = index + 1;
    if (!positive(parcel.weightKg)) {
      throw new AppError("labels.errors.parcelIncomplete", undefined, { order, parcel: number, field: "weight" });
    }
    // The carriers' APIs take a package without dimensions (they bill the weight they measure), but
    // not a partial set: one or two sides given is a typo to fix, not something to send or guess.
    const sides = [parcel.lengthCm, parcel.widthCm, parcel.heightCm];
    const given = sides.filter((side) => side !== null && side !== undefined);
    if (given.length === 0) return { weightKg: parcel.weightKg, lengthCm: null, widthCm: null, heightCm: null };
    if (!sides.every(positive)) {
      throw new AppError("labels.errors.parcelIncomplete", undefined, { order, parcel: number, field: "dimensions" });
    }
    return {
      weightKg: parcel.weightKg,
      lengthCm: parcel.lengthCm!,
      widthCm: parcel.widthCm!,
      heightCm: parcel.heightCm!,
    };
  });
}

function itemsOf(order: string, stored: DraftCustomsItem[], currency: string): Commodity[] {
  if (stored.length === 0)
    throw new AppError("labels.errors.itemIncomplete", undefined, { order, line: 1, field: "description" });
  return stored.map((item, index) => {
    const line = index + 1;
    const refuse = (field: string) => new AppError("labels.errors.itemIncomplete", undefined, { order, line, field });
    if (blank(item.description)) throw refuse("description");
    if (blank(item.hsCode)) throw refuse("hsCode");
    // The country of origin is declared per line (customs); Brazil is not assumed for a line that has none.
    if (blank(item.originCountry) || !/^[A-Za-z]{2}$/.test(item.originCountry!.trim())) throw refuse("originCountry");
    if (!positive(item.weightKg)) throw refuse("weight");
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) throw refuse("quantity");
    if (blank(item.unitValue) || declaredCentsOf([{ quantity: 1, unitValue: item.unitValue }]) === null) {
      throw refuse("unitValue");
    }
    if (item.currency.toUpperCase() !== currency) throw refuse("currency");
    return {
      description: item.description!.trim(),
      hsCode: item.hsCode!.trim(),
      originCountry: item.originCountry!.trim().toUpperCase(),
      quantity: item.quantity,
      unitValue: item.unitValue!.trim(),
      unitWeightKg: item.weightKg,
      sku: blank(item.sku) ? null : item.sku!.trim(),
    };
  });
}

/**
 * The shipment as its carrier and its invoice need it, or the precise reason it cannot be issued
 * (an AppError naming the order). `issuedAt` fixes the dates; `attempt` the reference.
 */
export function resolveShipment(
  row: ShipmentToDocument,
  options: { attempt: number; issuedAt: Date; signatory: Signatory },
): ResolvedShipment {
  const { shipment } = row;
  const order = row.orderName;
  const { carrier, service } = checkState(row);
  const code = carrier === "correios" ? null : serviceCode(carrier, service);
  if (carrier !== "correios" && !code) {
    throw new AppError("labels.errors.serviceUnknown", undefined, { order, carrier: CARRIERS[carrier].name, service });
  }

  const profile = toShipperProfile(row.shipper);
  const taxId = shipperTaxId(profile, shipment.nfeKey);
  const missingShipper = missingForDocuments(profile, shipment.nfeKey);
  if (missingShipper.length > 0) {
    throw new AppError("documents.errors.shipperIncomplete", undefined, {
      store: row.storeName,
      count: missingShipper.length,
    });
  }
  // The shipment's own terms, else the store's; without either nothing is sent or printed.
  const terms = resolveCustomsTerms(shipment, row);
  if (!terms.incoterm || !terms.exportReason) {
    const unresolved = unresolvedCustomsTerms(terms);
    throw new AppError("storeSettings.errors.termsMissing", undefined, {
      order,
      missing: unresolved.length === 1 ? unresolved[0] : "both",
    });
  }
  if (blank(shipment.currency) || !/^[A-Za-z]{3}$/.test(shipment.currency!.trim())) {
    throw new AppError("labels.errors.currencyMissing", undefined, { order });
  }
  const currency = shipment.currency!.trim().toUpperCase();
  const recipient = recipientOf(order, shipment.recipient);
  const parcels = parcelsOf(order, shipment.parcels);
  const items = itemsOf(order, shipment.customsItems, currency);
  const declared = declaredCentsOf(items);
  if (declared === null || declared <= 0)
    throw new AppError("labels.errors.itemIncomplete", undefined, { order, line: 1, field: "unitValue" });

  // Dates are São Paulo's (UTC−3 all year since 2019), not UTC's: a label made at 22:00 is today's.
  const local = originNow(options.issuedAt);
  // A booked pickup fixes the day the parcel is handed over; a past one (rebooked later) does not.
  const shipDate = shipment.pickupDate && shipment.pickupDate > local.date ? shipment.pickupDate : local.date;

  return {
    shipmentId: shipment.id,
    storeId: shipment.storeId,
    carrier,
    service,
    request: {
      reference: purchaseReference(shipment.id, options.attempt),
      orderName: order,
      serviceCode: code,
      shipDate,
      shipper: {
        name: profile.signatoryName ?? profile.legalName!,
        company: profile.legalName!,
        taxId: taxId!,
        address1: profile.address1!,
        address2: profile.address2,
        city: profile.city!,
        state: profile.state,
        postalCode: profile.postalCode,
        // The shipper profile is a Brazilian exporter's (the NF-e, the CNPJ): the country is Brazil by definition.
        countryCode: "BR",
        phone: profile.phone,
        email: profile.email,
      },
      recipient,
      parcels,
      currency,
      declaredValue: formatCents(declared),
      items,
      invoice: {
        // Our commercial invoice is numbered by the NF-e when there is one, else by the order (our own document).
        number: blank(shipment.invoiceNumber) ? order.replace(/^#/, "") : shipment.invoiceNumber!.trim(),
        date: shipment.invoiceDate ?? local.date,
      },
      incoterm: terms.incoterm.value,
      exportReason: terms.exportReason.value,
      nfeKey: shipment.nfeKey,
    },
    invoice: {
      usdValue:
        shipment.declaredValueUsdCents === null
          ? null
          : { usdCents: shipment.declaredValueUsdCents, rate: shipment.exchangeRate as ExchangeRateUsed | null },
      declaration: {
        name: profile.signatoryName ?? options.signatory.name,
        title: profile.signatoryTitle ?? "Authorized signatory",
        date: local.date,
      },
    },
  };
}

/** The request for an API carrier (Correios has none). */
export function carrierRequest(resolved: ResolvedShipment): CarrierShipment {
  const { serviceCode: code, ...rest } = resolved.request;
  if (!code) throw new RangeError(`${resolved.carrier} has no API`);
  return { ...rest, serviceCode: code };
}

/** Our commercial invoice's data, from the same values the carrier is sent. */
export function invoiceData(
  resolved: ResolvedShipment,
  issuedAt: Date,
  trackingNumber: string | null,
): ShippingDocumentData {
  const { request } = resolved;
  const local = originNow(issuedAt);
  return {
    orderName: request.orderName,
    carrier: resolved.carrier,
    carrierName: CARRIERS[resolved.carrier].name,
    service: resolved.service,
    trackingNumber,
    reference: request.reference,
    issuedAt: `${local.date}T${local.time}:00-03:00`,
    shipper: { ...request.shipper, name: request.shipper.company },
    recipient: request.recipient,
    parcels: request.parcels,
    lines: request.items.map((item) => ({
      description: item.description,
      hsCode: item.hsCode,
      quantity: item.quantity,
      unitValue: item.unitValue,
      originCountry: item.originCountry,
      unitWeightKg: item.unitWeightKg,
      sku: item.sku,
    })),
    currency: request.currency,
    incoterm: request.incoterm,
    exportReason: request.exportReason,
    invoiceNumber: request.invoice.number,
    invoiceDate: request.invoice.date,
    nfeKey: request.nfeKey,
    usdValue: resolved.invoice.usdValue,
    declaration: resolved.invoice.declaration,
  };
}
