// Order → shipment (DESIGN §4): a Shopify order node (the OrderFields fragment of
// src/server/shopify/operations.ts) becomes a skip, a refusal, or a shipment that is ready when every
// field its carrier requires (carriers.ts) is present and valid, else a draft listing what is missing.
import {
  countryCodeProblem,
  hsCodeProblem,
  isCountryCode,
  isCurrencyCode,
  normalizeHsCode,
  normalizePhone,
  normalizePostalCode,
  phoneProblem,
  postalCodeProblem,
  type RuleProblem,
  stateProblem,
} from "./address-rules";
import {
  type Carrier,
  CARRIER_IDS,
  CARRIERS,
  detectCarrier,
  requiredFields,
  SHIPMENT_FIELDS,
  type ShipmentField,
} from "./carriers";
import { type NfeErrorCode, validateNfeKey } from "./nfe-key";

// ------------------------------------------------------------------------------------------------
// The order as Shopify's Admin GraphQL API returns it (fragment OrderFields, API 2026-07)

type Money = { amount: string; currencyCode: string };
/** Shopify's MoneyBag: the amount in the shop's currency and in the one the buyer paid in. */
type MoneyBag = { shopMoney: Money; presentmentMoney: Money };
export type WeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";

export interface ShopifyOrderNode {
  id: string;
  legacyResourceId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closed: boolean;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  test: boolean;
  email: string | null;
  phone: string | null;
  note: string | null;
  /** The shop's currency. */
  currencyCode: string;
  /** The currency the buyer paid in (the shop's when they are the same). */
  presentmentCurrencyCode: string;
  totalPriceSet: MoneyBag;
  customer: {
    firstName: string | null;
    lastName: string | null;
    defaultEmailAddress: { emailAddress: string } | null;
  } | null;
  shippingAddress: ShopifyMailingAddress | null;
  shippingLines: {
    nodes: {
      title: string;
      code: string | null;
      carrierIdentifier: string | null;
      source: string | null;
      originalPriceSet: MoneyBag;
    }[];
  };
  /** `hasNextPage` still true: Shopify has lines that could not be read (line-items.ts pages them all in). */
  lineItems: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: ShopifyLineItem[] };
  customAttributes: { key: string; value: string | null }[];
  invoiceKey: { value: string } | null;
}

export interface ShopifyMailingAddress {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCodeV2: string | null;
  zip: string | null;
  phone: string | null;
}

export interface ShopifyLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  requiresShipping: boolean;
  originalUnitPriceSet: MoneyBag;
  variant: {
    inventoryItem: {
      harmonizedSystemCode: string | null;
      countryCodeOfOrigin: string | null;
      measurement: { weight: { value: number; unit: WeightUnit } | null };
    };
  } | null;
}

// ------------------------------------------------------------------------------------------------
// The result

export interface MappingContext {
  /** The store's country (ISO-2): orders shipped there are domestic. */
  originCountry: string;
  /** Note attribute that may carry the NF-e key; default "nfe_access_key". */
  invoiceKeyAttribute?: string;
  /** USD value of one unit of each currency, to compare the declared value with the simplified-export limit. */
  usdRates?: Readonly<Record<string, number>>;
}

/** Rule codes of address-rules, NF-e key error codes, and the mapping's own. */
export type ShipmentProblemCode = RuleProblem | NfeErrorCode | "unknown" | "notPositive" | "overLimit";

export interface ShipmentProblem {
  field: ShipmentField;
  code: ShipmentProblemCode;
  /** Index into `customsItems` for a per-line problem. */
  line?: number;
  values?: Record<string, string | number>;
}

/** Texts trimmed (null when empty); phone in E.164 when valid; postal and province codes uppercase. */
export interface Recipient {
  name: string | null;
  company: string | null;
  phone: string | null;
  email: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  postalCode: string | null;
  countryCode: string;
}

export interface CustomsItem {
  description: string;
  sku: string | null;
  hsCode: string | null;
  quantity: number;
  /** Decimal string as Shopify sent it ("129.90"). */
  unitValue: string;
  currency: string;
  originCountry: string | null;
  /** Weight of one unit. */
  weightKg: number | null;
}

export interface MappedShipment {
  kind: "shipment";
  status: "ready" | "draft";
  missingFields: ShipmentField[];
  problems: ShipmentProblem[];
  carrier: Carrier | null;
  service: string | null;
  nfe: { key: string; number: number; series: number } | null;
  recipient: Recipient;
  customsItems: CustomsItem[];
  parcels: [{ weightKg: number | null }];
  declaredValue: string;
  currency: string;
  destinationCountry: string;
}

export type InvalidOrderCode = "no_line_items" | "invalid_total" | "missing_country" | "unknown_country";

export type OrderMapping =
  | { kind: "skipped_no_address" }
  | { kind: "skipped_domestic" }
  | { kind: "invalid"; code: InvalidOrderCode; reason: string }
  | MappedShipment;

export const DEFAULT_INVOICE_KEY_ATTRIBUTE = "nfe_access_key";

// ------------------------------------------------------------------------------------------------
// Field checks: one per field a carrier can require (carriers.ts decides which apply)

/** What the checks look at: the mapped shipment plus the raw values it was built from. */
interface Facts {
  shipment: Omit<MappedShipment, "status" | "missingFields" | "problems">;
  shippingLineCount: number;
  phoneRaw: string | null;
  nfeProblem: ShipmentProblem | null;
}

type Check = (facts: Facts) => ShipmentProblem[];

const perItem =
  (field: ShipmentField, problem: (item: CustomsItem) => ShipmentProblemCode | null): Check =>
  (facts) =>
    facts.shipment.customsItems.flatMap((item, line) => {
      const code = problem(item);
      return code ? [{ field, code, line }] : [];
    });

const single = (field: ShipmentField, code: ShipmentProblemCode | null): ShipmentProblem[] =>
  code ? [{ field, code }] : [];

const HEAVIEST_PIECE_KG = Math.max(...CARRIER_IDS.map((id) => CARRIERS[id].maxPieceKg));

const CHECKS: Partial<Record<ShipmentField, Check>> = {
  nfeKey: (f) => (f.nfeProblem ? [f.nfeProblem] : f.shipment.nfe ? [] : [{ field: "nfeKey", code: "required" }]),
  carrier: (f) => single("carrier", f.shipment.carrier ? null : f.shippingLineCount > 0 ? "unknown" : "required"),
  recipientName: (f) => single("recipientName", f.shipment.recipient.name ? null : "required"),
  recipientPhone: (f) => single("recipientPhone", phoneProblem(f.phoneRaw, f.shipment.destinationCountry)),
  address: ({ shipment: { recipient } }) =>
    (["address1", "city"] as const)
      .filter((part) => !recipient[part])
      .map((part) => ({ field: "address", code: "required", values: { part } })),
  postalCode: (f) =>
    single("postalCode", postalCodeProblem(f.shipment.destinationCountry, f.shipment.recipient.postalCode)),
  state: (f) => single("state", stateProblem(f.shipment.destinationCountry, f.shipment.recipient.provinceCode)),
  hsCode: perItem("hsCode", (item) => hsCodeProblem(item.hsCode)),
  itemDescription: perItem("itemDescription", (item) => (item.description ? null : "required")),
  unitValue: perItem("unitValue", (item) => {
    const value = parseAmount(item.unitValue);
    if (value === null || !isCurrencyCode(item.currency)) return "invalid";
    return value > 0 ? null : "notPositive";
  }),
  originCountry: perItem("originCountry", (item) => countryCodeProblem(item.originCountry)),
  weight: (f) => {
    const lines = perItem("weight", (item) =>
      item.weightKg === null ? "required" : item.weightKg > 0 ? null : "notPositive",
    )(f);
    const { carrier, customsItems } = f.shipment;
    const limitKg = carrier ? CARRIERS[carrier].maxPieceKg : HEAVIEST_PIECE_KG;
    const knownKg = roundKg(customsItems.reduce((sum, item) => sum + (item.weightKg ?? 0) * item.quantity, 0));
    if (knownKg <= limitKg) return lines;
    return [...lines, { field: "weight", code: "overLimit", values: { weightKg: knownKg, limitKg } }];
  },
};

// ------------------------------------------------------------------------------------------------
// Mapping

function parseAmount(value: string | null | undefined): number | null {
  return value && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
}

function roundKg(kg: number): number {
  return Math.round(kg * 1e6) / 1e6;
}

const KG_PER_UNIT: Record<WeightUnit, number> = {
  GRAMS: 0.001,
  KILOGRAMS: 1,
  OUNCES: 0.028349523125,
  POUNDS: 0.45359237,
};

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function customsItem(line: ShopifyLineItem): CustomsItem {
  const item = line.variant?.inventoryItem;
  const weight = item?.measurement.weight;
  const variant = text(line.variantTitle);
  return {
    description: [text(line.title), variant === "Default Title" ? null : variant].filter(Boolean).join(" - "),
    sku: text(line.sku),
    hsCode: text(normalizeHsCode(item?.harmonizedSystemCode)),
    quantity: line.quantity,
    // The transaction value: what the buyer paid, in the currency they paid in (see mapOrder).
    unitValue: line.originalUnitPriceSet.presentmentMoney.amount,
    currency: line.originalUnitPriceSet.presentmentMoney.currencyCode,
    originCountry: text(item?.countryCodeOfOrigin),
    weightKg: weight && weight.unit in KG_PER_UNIT ? roundKg(weight.value * KG_PER_UNIT[weight.unit]) : null,
  };
}

/** The key from the metafield, else from the note attribute (its name compared case-insensitively). */
function invoiceKeyOf(order: ShopifyOrderNode, attribute: string): string | null {
  const fromMetafield = text(order.invoiceKey?.value);
  if (fromMetafield) return fromMetafield;
  const wanted = attribute.trim().toLowerCase();
  return text(order.customAttributes.find((a) => a.key.trim().toLowerCase() === wanted && text(a.value))?.value);
}

/** The items' total weight, or null while any item lacks a positive weight. */
function parcelWeightKg(items: CustomsItem[]): number | null {
  let kg = 0;
  for (const item of items) {
    if (item.weightKg === null || item.weightKg <= 0) return null;
    kg += item.weightKg * item.quantity;
  }
  return roundKg(kg);
}

function recipientOf(
  order: ShopifyOrderNode,
  address: ShopifyMailingAddress,
  country: string,
  phone: string | null,
): Recipient {
  return {
    name: text(address.name) ?? text([address.firstName, address.lastName].map(text).filter(Boolean).join(" ")),
    company: text(address.company),
    phone: phone && (normalizePhone(phone, country) ?? phone),
    email: text(order.email) ?? text(order.customer?.defaultEmailAddress?.emailAddress),
    address1: text(address.address1),
    address2: text(address.address2),
    city: text(address.city),
    province: text(address.province),
    provinceCode: text(address.provinceCode)?.toUpperCase() ?? null,
    postalCode: text(normalizePostalCode(address.zip)),
    countryCode: country,
  };
}

const invalid = (code: InvalidOrderCode, reason: string): OrderMapping => ({ kind: "invalid", code, reason });

export function mapOrder(order: ShopifyOrderNode, context: MappingContext): OrderMapping {
  if (order.lineItems.nodes.length === 0) return invalid("no_line_items", "The order has no line items.");
  const total = order.totalPriceSet.shopMoney.amount;
  const totalValue = parseAmount(total);
  if (totalValue === null || totalValue <= 0)
    return invalid("invalid_total", `The order total "${total}" is not positive.`);

  const address = order.shippingAddress;
  const shipped = order.lineItems.nodes.filter((line) => line.requiresShipping);
  if (!address || shipped.length === 0) return { kind: "skipped_no_address" };
  const country = text(address.countryCodeV2)?.toUpperCase() ?? null;
  if (!country) return invalid("missing_country", "The shipping address has no country code.");
  if (!isCountryCode(country)) return invalid("unknown_country", `Unknown country code "${country}".`);
  if (country === context.originCountry.trim().toUpperCase()) return { kind: "skipped_domestic" };

  const detected = order.shippingLines.nodes.map(detectCarrier).find((found) => found !== null) ?? null;
  const carrier = detected?.carrier ?? null;
  const phones = [address.phone, order.phone].map(text).filter((phone): phone is string => phone !== null);
  const phoneRaw = phones.find((phone) => normalizePhone(phone, country)) ?? phones[0] ?? null;
  const customsItems = shipped.map(customsItem);
  // Customs values are the transaction value the buyer paid, so a shipment's customs items and
  // declared value are in the order's presentment currency — one currency for the whole shipment,
  // stated on it and on the invoice. Shop money stays on the order row.
  const currency = order.presentmentCurrencyCode;
  const declared = customsItems.reduce((sum, item) => sum + (parseAmount(item.unitValue) ?? 0) * item.quantity, 0);
  const usdRate = (context.usdRates ?? { USD: 1 })[currency];
  const declaredUsd = usdRate === undefined ? null : declared * usdRate;

  const invoiceKey = invoiceKeyOf(order, context.invoiceKeyAttribute ?? DEFAULT_INVOICE_KEY_ATTRIBUTE);
  const checked = invoiceKey ? validateNfeKey(invoiceKey) : null;
  const nfeProblem: ShipmentProblem | null = checked && !checked.ok ? { field: "nfeKey", ...checked.error } : null;

  const shipment: Facts["shipment"] = {
    kind: "shipment",
    carrier,
    service: detected?.service ?? null,
    nfe: checked?.ok ? { key: checked.key, number: checked.decoded.number, series: checked.decoded.series } : null,
    recipient: recipientOf(order, address, country, phoneRaw),
    customsItems,
    parcels: [{ weightKg: parcelWeightKg(customsItems) }],
    declaredValue: declared.toFixed(2),
    currency,
    destinationCountry: country,
  };

  const facts: Facts = {
    shipment,
    shippingLineCount: order.shippingLines.nodes.length,
    phoneRaw,
    nfeProblem,
  };
  const required = requiredFields(carrier, declaredUsd);
  // A key that is there but wrong is reported even where none is required: it must not be kept as is.
  if (nfeProblem && !required.includes("nfeKey")) required.unshift("nfeKey");
  // A field no check knows (say an incoterm) has no source in Shopify: missing until an operator fills it.
  const problems = required.flatMap(
    (field): ShipmentProblem[] => CHECKS[field]?.(facts) ?? [{ field, code: "required" }],
  );
  const missing = new Set(problems.map((problem) => problem.field));
  const missingFields = SHIPMENT_FIELDS.filter((field) => missing.has(field));
  return { ...shipment, status: missingFields.length === 0 ? "ready" : "draft", missingFields, problems };
}
