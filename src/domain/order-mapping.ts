// Order → shipment (docs/ARCHITECTURE.md, "Order to shipment"): a Shopify order node (the
// OrderFields fragment of src/server/shopify/operations.ts) becomes a skip, a refusal, or a
// shipment that is ready when every field its carrier requires (carriers.ts) is present and valid,
// else a draft listing what is missing.
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
  stateProblem,
} from "./address-rules";
import {
  type BoundedText,
  boundText,
  MAX_DECLARED_CENTS,
  MAX_LINE_ITEMS,
  MAX_QUANTITY,
  MAX_UNIT_VALUE_CENTS,
  MAX_WEIGHT_KG,
} from "./bounds";
import { type Carrier, CARRIER_IDS, CARRIERS } from "./carrier-registry";
import { detectCarrier, nfeKeyReason, requiredFields, SHIPMENT_FIELDS, type ShipmentField } from "./carriers";
import type { TestOrderPolicy } from "./customs-codes";
import { type CustomsDefaults, termProblem } from "./customs-terms";
import { type ExchangeRateUsed, type RateTable, toUsdCents } from "./exchange-rates";
import type { IsoDate } from "./calendar";
import { declaredCentsOf, formatCents, parseMoneyCents } from "./money";
import { validateNfeKey } from "./nfe-key";
import { nfeKeyProblem } from "./nfe-requirement";
import { cleanText } from "./sanitize";
import type { ShipmentProblem, ShipmentProblemCode } from "./shipment-problem";
import type { ShopifyLineItem, ShopifyMailingAddress, ShopifyOrderNode, WeightUnit } from "./shopify-order";

// ------------------------------------------------------------------------------------------------
// The result

export interface MappingContext {
  /** The store's country (ISO-2): orders shipped there are domestic. */
  originCountry: string;
  /** Note attribute that may carry the NF-e key; default "nfe_access_key". */
  invoiceKeyAttribute?: string;
  /**
   * The PTAX rates at hand and the day the US$ rule looks from (exchange-rates.ts): the day of the
   * sync, São Paulo time, as the NF-e is not issued yet. Without it no rate applies and the NF-e
   * key is required for every non-USD order.
   */
  exchange?: { rates: RateTable; today: IsoDate };
  /** The store's incoterm and reason for export, shown on the shipment as "store default". */
  customsDefaults?: CustomsDefaults;
  /** Shopify test orders: skipped (the default) or imported marked Test. */
  testOrders?: TestOrderPolicy;
}

/** Texts trimmed (null when empty); phone in E.164 when valid; postal and province codes uppercase. */
interface Recipient {
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
  /** Decimal string with two decimals ("129.90"), in the shipment's currency. */
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
  /** The key as Shopify carried it, kept even when invalid (its problem says why), else null. */
  invoiceKeyRead: string | null;
  recipient: Recipient;
  customsItems: CustomsItem[];
  parcels: [{ weightKg: number | null }];
  declaredValue: string;
  currency: string;
  /** The declared value in US cents and the PTAX rate behind it; null when unknown. */
  declaredValueUsdCents: number | null;
  exchangeRate: ExchangeRateUsed | null;
  destinationCountry: string;
  /** A Shopify test order (imported under the "import" policy): never sent to a carrier. */
  isTest: boolean;
}

type InvalidOrderCode =
  "no_line_items" | "too_many_lines" | "invalid_total" | "missing_country" | "unknown_country" | "value_out_of_range";

export type OrderMapping =
  | { kind: "skipped_no_address" }
  | { kind: "skipped_domestic" }
  | { kind: "skipped_test" }
  | { kind: "skipped_not_shippable" }
  | { kind: "invalid"; code: InvalidOrderCode; reason: string }
  | MappedShipment;

const DEFAULT_INVOICE_KEY_ATTRIBUTE = "nfe_access_key";

// ------------------------------------------------------------------------------------------------
// Field checks: one per field a carrier can require (carriers.ts decides which apply)

/** What the checks look at: the mapped shipment plus the raw values it was built from. */
interface Facts {
  shipment: Omit<MappedShipment, "status" | "missingFields" | "problems">;
  shippingLineCount: number;
  phoneRaw: string | null;
  /** normalizePhone(phoneRaw) for the destination, computed once. */
  phoneE164: string | null;
  nfeProblem: ShipmentProblem | null;
  nfeRequiredProblem: ShipmentProblem;
  customsDefaults: CustomsDefaults;
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
  nfeKey: (f) => (f.nfeProblem ? [f.nfeProblem] : f.shipment.nfe ? [] : [f.nfeRequiredProblem]),
  carrier: (f) => single("carrier", f.shipment.carrier ? null : f.shippingLineCount > 0 ? "unknown" : "required"),
  recipientName: (f) => single("recipientName", f.shipment.recipient.name ? null : "required"),
  recipientPhone: (f) => single("recipientPhone", phoneProblem(f.phoneRaw, f.shipment.destinationCountry, f.phoneE164)),
  address: ({ shipment: { recipient } }) =>
    (["address1", "city"] as const)
      .filter((part) => !recipient[part])
      .map((part) => ({ field: "address", code: "required", values: { part } })),
  postalCode: (f) =>
    single("postalCode", postalCodeProblem(f.shipment.destinationCountry, f.shipment.recipient.postalCode)),
  state: (f) => single("state", stateProblem(f.shipment.destinationCountry, f.shipment.recipient.provinceCode)),
  hsCode: perItem("hsCode", (item) => hsCodeProblem(item.hsCode)),
  itemDescription: perItem("itemDescription", (item) => (item.description ? null : "required")),
  unitValue: (f) =>
    f.shipment.customsItems.flatMap((item, line): ShipmentProblem[] => {
      const quantity: ShipmentProblemCode | null =
        !Number.isInteger(item.quantity) || item.quantity <= 0
          ? "notPositive"
          : item.quantity > MAX_QUANTITY
            ? "outOfRange"
            : null;
      const cents = parseMoneyCents(item.unitValue);
      const value: ShipmentProblemCode | null =
        cents === null || !isCurrencyCode(item.currency)
          ? "invalid"
          : cents <= 0
            ? "notPositive"
            : cents > MAX_UNIT_VALUE_CENTS
              ? "outOfRange"
              : null;
      return [
        ...(quantity
          ? [{ field: "unitValue" as const, code: quantity, line, values: { part: "quantity", max: MAX_QUANTITY } }]
          : []),
        ...(value
          ? [{ field: "unitValue" as const, code: value, line, values: { max: formatCents(MAX_UNIT_VALUE_CENTS) } }]
          : []),
      ];
    }),
  originCountry: perItem("originCountry", (item) => countryCodeProblem(item.originCountry)),
  weight: (f) => {
    const lines = perItem("weight", (item) =>
      item.weightKg === null
        ? "required"
        : item.weightKg <= 0
          ? "notPositive"
          : item.weightKg > MAX_WEIGHT_KG
            ? "outOfRange"
            : null,
    )(f);
    const { carrier, customsItems } = f.shipment;
    const limitKg = carrier ? CARRIERS[carrier].maxPieceKg : HEAVIEST_PIECE_KG;
    const knownKg = roundKg(customsItems.reduce((sum, item) => sum + (item.weightKg ?? 0) * item.quantity, 0));
    if (knownKg <= limitKg) return lines;
    return [...lines, { field: "weight", code: "overLimit", values: { weightKg: knownKg, limitKg } }];
  },
  incoterm: (f) => termProblem("incoterm", null, f.customsDefaults),
  exportReason: (f) => termProblem("exportReason", null, f.customsDefaults),
};

// ------------------------------------------------------------------------------------------------
// Mapping

function roundKg(kg: number): number {
  return Math.round(kg * 1e6) / 1e6;
}

const KG_PER_UNIT: Record<WeightUnit, number> = {
  GRAMS: 0.001,
  KILOGRAMS: 1,
  OUNCES: 0.028349523125,
  POUNDS: 0.45359237,
};

/** Trimmed, storable text (sanitize.ts), or null when empty. */
function text(value: string | null | undefined): string | null {
  const trimmed = typeof value === "string" ? cleanText(value).trim() : null;
  return trimmed ? trimmed : null;
}

/** Where a text that Shopify sent too long is reported. */
const TEXT_FIELD: Record<BoundedText, ShipmentField> = {
  name: "recipientName",
  company: "address",
  phone: "recipientPhone",
  email: "address",
  address1: "address",
  address2: "address",
  city: "address",
  province: "address",
  provinceCode: "state",
  postalCode: "postalCode",
  description: "itemDescription",
  sku: "itemDescription",
  hsCode: "hsCode",
  service: "carrier",
  nfeKey: "nfeKey",
};

/** Collects the texts cut to their limits while a shipment is mapped. */
class TextBounds {
  readonly problems: ShipmentProblem[] = [];
  take(field: BoundedText, value: string | null, line?: number): string | null {
    const bounded = boundText(field, value);
    if (bounded.length !== null) {
      this.problems.push({
        field: TEXT_FIELD[field],
        code: "tooLong",
        ...(line === undefined ? {} : { line }),
        values: { part: field, length: bounded.length, max: bounded.value!.length },
      });
    }
    return bounded.value;
  }
}

function weightKgOf(weight: { value: number; unit: WeightUnit } | null | undefined): number | null {
  if (!weight || !(weight.unit in KG_PER_UNIT) || typeof weight.value !== "number") return null;
  const kg = roundKg(weight.value * KG_PER_UNIT[weight.unit]);
  return Number.isFinite(kg) ? kg : null;
}

function customsItem(line: ShopifyLineItem, index: number, bounds: TextBounds): CustomsItem {
  const item = line.variant?.inventoryItem;
  const variant = text(line.variantTitle);
  const description = [text(line.title), variant === "Default Title" ? null : variant].filter(Boolean).join(" - ");
  const cents = parseMoneyCents(line.originalUnitPriceSet.presentmentMoney.amount);
  return {
    description: bounds.take("description", description, index) ?? "",
    sku: bounds.take("sku", text(line.sku), index),
    hsCode: bounds.take("hsCode", text(normalizeHsCode(item?.harmonizedSystemCode)), index),
    quantity: line.quantity,
    // The transaction value: what the buyer paid, in the currency they paid in (see mapOrder).
    // Two decimals whatever Shopify sent; an unreadable amount is kept as sent (its problem says so).
    unitValue: cents === null ? String(line.originalUnitPriceSet.presentmentMoney.amount) : formatCents(cents),
    currency: line.originalUnitPriceSet.presentmentMoney.currencyCode,
    originCountry: text(item?.countryCodeOfOrigin),
    weightKg: weightKgOf(item?.measurement.weight),
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
  return Number.isFinite(kg) ? roundKg(kg) : null;
}

function recipientOf(
  order: ShopifyOrderNode,
  address: ShopifyMailingAddress,
  country: string,
  phone: { raw: string | null; e164: string | null },
  bounds: TextBounds,
): Recipient {
  const name = text(address.name) ?? text([address.firstName, address.lastName].map(text).filter(Boolean).join(" "));
  return {
    name: bounds.take("name", name),
    company: bounds.take("company", text(address.company)),
    phone: bounds.take("phone", phone.raw && (phone.e164 ?? phone.raw)),
    email: bounds.take("email", text(order.email) ?? text(order.customer?.defaultEmailAddress?.emailAddress)),
    address1: bounds.take("address1", text(address.address1)),
    address2: bounds.take("address2", text(address.address2)),
    city: bounds.take("city", text(address.city)),
    province: bounds.take("province", text(address.province)),
    provinceCode: bounds.take("provinceCode", text(address.provinceCode)?.toUpperCase() ?? null),
    postalCode: bounds.take("postalCode", text(normalizePostalCode(address.zip))),
    countryCode: country,
  };
}

const invalid = (code: InvalidOrderCode, reason: string): OrderMapping => ({ kind: "invalid", code, reason });

export function mapOrder(order: ShopifyOrderNode, context: MappingContext): OrderMapping {
  if (order.test && (context.testOrders ?? "skip") === "skip") return { kind: "skipped_test" };
  if (order.lineItems.nodes.length === 0) return invalid("no_line_items", "The order has no line items.");
  if (order.lineItems.nodes.length > MAX_LINE_ITEMS)
    return invalid(
      "too_many_lines",
      `The order has more than ${MAX_LINE_ITEMS} lines; a shipment holds at most that many.`,
    );
  const total = order.totalPriceSet.shopMoney.amount;
  const totalCents = parseMoneyCents(total);
  if (totalCents === null || totalCents <= 0 || totalCents > MAX_DECLARED_CENTS)
    return invalid(
      "invalid_total",
      `The order total "${String(total).slice(0, 40)}" is not a positive amount the database can keep.`,
    );

  const address = order.shippingAddress;
  if (!address) return { kind: "skipped_no_address" };
  const shipped = order.lineItems.nodes.filter((line) => line.requiresShipping);
  // Every line is digital or a service (more lines may follow on a next page: then it is a draft).
  if (shipped.length === 0 && !order.lineItems.pageInfo.hasNextPage) return { kind: "skipped_not_shippable" };
  const country = text(address.countryCodeV2)?.toUpperCase() ?? null;
  if (!country) return invalid("missing_country", "The shipping address has no country code.");
  if (!isCountryCode(country)) return invalid("unknown_country", `Unknown country code "${country}".`);
  if (country === context.originCountry.trim().toUpperCase()) return { kind: "skipped_domestic" };

  const bounds = new TextBounds();
  const detected = order.shippingLines.nodes.map(detectCarrier).find((found) => found !== null) ?? null;
  const carrier = detected?.carrier ?? null;
  const phones = [address.phone, order.phone].map(text).filter((phone): phone is string => phone !== null);
  // libphonenumber is most of the mapping's time: each phone is normalized once per order (the
  // address's and the order's are usually the same), not once per use.
  const e164Of = new Map<string, string | null>();
  const e164 = (phone: string) => {
    if (!e164Of.has(phone)) e164Of.set(phone, normalizePhone(phone, country));
    return e164Of.get(phone)!;
  };
  const phoneRaw = phones.find((phone) => e164(phone)) ?? phones[0] ?? null;
  const phoneE164 = phoneRaw === null ? null : e164(phoneRaw);
  const customsItems = shipped.map((line, index) => customsItem(line, index, bounds));
  // Customs values are the transaction value the buyer paid, so a shipment's customs items and
  // declared value are in the order's presentment currency — one currency for the whole shipment,
  // stated on it and on the invoice. Shop money stays on the order row.
  const currency = order.presentmentCurrencyCode;
  const declared = declaredCentsOf(customsItems);
  if (declared !== null && declared > MAX_DECLARED_CENTS)
    return invalid(
      "value_out_of_range",
      `The declared value (${formatCents(declared)} ${currency}) is beyond what a shipment can declare.`,
    );
  if (declared === null && customsItems.every((item) => parseMoneyCents(item.unitValue) !== null))
    return invalid("value_out_of_range", "A line's quantity × unit value is beyond what a shipment can declare.");
  const exchange = context.exchange ?? { rates: {}, today: "1970-01-01" };
  const usd = declared === null ? null : toUsdCents(declared, currency, exchange.rates, exchange.today);

  const invoiceKey = bounds.take(
    "nfeKey",
    invoiceKeyOf(order, context.invoiceKeyAttribute ?? DEFAULT_INVOICE_KEY_ATTRIBUTE),
  );
  const checked = invoiceKey ? validateNfeKey(invoiceKey) : null;
  const nfeProblem: ShipmentProblem | null = checked && !checked.ok ? { field: "nfeKey", ...checked.error } : null;

  const shipment: Facts["shipment"] = {
    kind: "shipment",
    carrier,
    service: bounds.take("service", detected?.service ?? null),
    nfe: checked?.ok ? { key: checked.key, number: checked.decoded.number, series: checked.decoded.series } : null,
    invoiceKeyRead: checked?.ok ? checked.key : invoiceKey,
    recipient: recipientOf(order, address, country, { raw: phoneRaw, e164: phoneE164 }, bounds),
    customsItems,
    parcels: [{ weightKg: parcelWeightKg(customsItems) }],
    declaredValue: declared === null ? "0.00" : formatCents(declared),
    currency,
    declaredValueUsdCents: usd?.ok ? usd.usdCents : null,
    exchangeRate: usd?.ok ? usd.rate : null,
    destinationCountry: country,
    isTest: order.test === true,
  };

  const reason = nfeKeyReason(carrier, usd);
  const facts: Facts = {
    shipment,
    shippingLineCount: order.shippingLines.nodes.length,
    phoneRaw,
    phoneE164,
    nfeProblem,
    nfeRequiredProblem: nfeKeyProblem(reason ?? "carrier", shipment.declaredValue, currency, usd, exchange.today),
    customsDefaults: context.customsDefaults ?? { incoterm: null, exportReason: null },
  };
  const required = requiredFields(carrier, reason !== null);
  // A key that is there but wrong is reported even where none is required: it must not be kept as is.
  if (nfeProblem && !required.includes("nfeKey")) required.unshift("nfeKey");
  // A field no check knows has no source in Shopify: missing until an operator fills it.
  const problems = required.flatMap(
    (field): ShipmentProblem[] => CHECKS[field]?.(facts) ?? [{ field, code: "required" }],
  );
  problems.push(...bounds.problems);
  if (order.lineItems.pageInfo.hasNextPage)
    problems.push({ field: "lineItems", code: "incomplete", values: { read: order.lineItems.nodes.length } });
  const missing = new Set(problems.map((problem) => problem.field));
  const missingFields = SHIPMENT_FIELDS.filter((field) => missing.has(field));
  return { ...shipment, status: missingFields.length === 0 ? "ready" : "draft", missingFields, problems };
}
