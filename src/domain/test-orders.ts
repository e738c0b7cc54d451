// Test helper: realistic Shopify order nodes (the OrderFields fragment) for the domain tests. The
// default is a complete international order: a São Paulo shop selling to New York, shipped by FedEx.
import type { PtaxRate, RateTable } from "./exchange-rates";
import type { MappingContext } from "./order-mapping";
import type { ShopifyLineItem, ShopifyMailingAddress, ShopifyOrderNode, WeightUnit } from "./shopify-order";

/** Complete recipient addresses by destination country. */
export const ADDRESSES = {
  US: address(
    "Emily Carter",
    "350 5th Ave",
    "New York",
    "New York",
    "NY",
    "United States",
    "US",
    "10118",
    "+1 212 555 0143",
  ),
  CA: address(
    "Liam Tremblay",
    "290 Bremner Blvd",
    "Toronto",
    "Ontario",
    "ON",
    "Canada",
    "CA",
    "M5V 3L9",
    "+1 416 555 0199",
  ),
  GB: address(
    "Olivia Hughes",
    "10 Downing St",
    "London",
    "England",
    "ENG",
    "United Kingdom",
    "GB",
    "SW1A 2AA",
    "+44 20 7946 0958",
  ),
  DE: address(
    "Jonas Weber",
    "Unter den Linden 77",
    "Berlin",
    "Berlin",
    "BE",
    "Germany",
    "DE",
    "10117",
    "+49 30 901820",
  ),
  AU: address(
    "Chloe Nguyen",
    "1 Macquarie St",
    "Sydney",
    "New South Wales",
    "NSW",
    "Australia",
    "AU",
    "2000",
    "+61 2 9250 7111",
  ),
  BR: address(
    "Ana Souza",
    "Av. Paulista, 1000",
    "São Paulo",
    "São Paulo",
    "SP",
    "Brazil",
    "BR",
    "01310-100",
    "+55 11 98765-4321",
  ),
} satisfies Record<string, ShopifyMailingAddress>;

function address(
  name: string,
  address1: string,
  city: string,
  province: string,
  provinceCode: string,
  country: string,
  countryCodeV2: string,
  zip: string,
  phone: string,
): ShopifyMailingAddress {
  const [firstName, ...rest] = name.split(" ");
  return {
    name,
    firstName,
    lastName: rest.join(" "),
    company: null,
    address1,
    address2: null,
    city,
    province,
    provinceCode,
    country,
    countryCodeV2,
    zip,
    phone,
  };
}

export const SHIPPING_LINES = {
  fedex: { title: "FedEx International Priority", code: "FEDEX_INTERNATIONAL_PRIORITY", carrierIdentifier: "fedex" },
  ups: { title: "UPS Worldwide Saver", code: "UPS_WORLDWIDE_SAVER", carrierIdentifier: "ups" },
  dhl: { title: "DHL Express Worldwide", code: "DHL_EXPRESS_WORLDWIDE", carrierIdentifier: "dhl" },
  correios: { title: "Correios Exporta Fácil", code: "CORREIOS_EXPORTA_FACIL", carrierIdentifier: "correios" },
  custom: { title: "Frete internacional", code: "custom", carrierIdentifier: null },
} satisfies Record<string, { title: string; code: string | null; carrierIdentifier: string | null }>;

/** A valid NF-e key (a fictitious one: SP, 2026-01, series 1, number 12345). */
export const VALID_NFE_KEY = "35260111222333000181550010000123451876543219";

export interface LineSpec {
  title?: string;
  variantTitle?: string | null;
  sku?: string | null;
  quantity?: number;
  price?: string;
  /** What the buyer paid per unit in the presentment currency; default: `price` at the order's rate. */
  presentmentPrice?: string;
  requiresShipping?: boolean;
  hsCode?: string | null;
  origin?: string | null;
  weight?: { value: number; unit: WeightUnit } | null;
  /** A custom line item: no variant, so no HS code, origin or weight. */
  noVariant?: boolean;
}

let nextId = 1;

function lineItem(spec: LineSpec = {}): ShopifyLineItem {
  const id = nextId++;
  return {
    id: `gid://shopify/LineItem/${id}`,
    title: spec.title ?? "Havaianas Top Sandals",
    variantTitle: spec.variantTitle === undefined ? "Blue / 39-40" : spec.variantTitle,
    sku: spec.sku === undefined ? `HAV-TOP-${id}` : spec.sku,
    quantity: spec.quantity ?? 1,
    requiresShipping: spec.requiresShipping ?? true,
    originalUnitPriceSet: {
      shopMoney: { amount: spec.price ?? "89.90", currencyCode: "BRL" },
      presentmentMoney: { amount: spec.presentmentPrice ?? spec.price ?? "89.90", currencyCode: "BRL" },
    },
    variant: spec.noVariant
      ? null
      : {
          inventoryItem: {
            harmonizedSystemCode: spec.hsCode === undefined ? "6402.20" : spec.hsCode,
            countryCodeOfOrigin: spec.origin === undefined ? "BR" : spec.origin,
            measurement: { weight: spec.weight === undefined ? { value: 300, unit: "GRAMS" } : spec.weight },
          },
        },
  };
}

/** The two lines of the default order: two pairs of sandals (2 × 300 g) and a wallet (120 g); BRL 328.80. */
export function defaultLines(): LineSpec[] {
  return [
    { quantity: 2 },
    {
      title: "Leather Wallet",
      variantTitle: "Default Title",
      sku: "WAL-01",
      price: "149.00",
      hsCode: "4202.31.00",
      weight: { value: 0.12, unit: "KILOGRAMS" },
    },
  ];
}

export interface OrderSpec {
  name?: string;
  /** The shop's currency (default BRL). */
  currency?: string;
  /** The currency the buyer paid in; default: the shop's. */
  presentmentCurrency?: string;
  /** Presentment units per shop unit, for amounts not pinned (default 1). */
  presentmentRate?: number;
  /** Defaults to the lines' total plus BRL 250 of shipping. */
  total?: string;
  address?: Partial<ShopifyMailingAddress> | null;
  /** Destination preset; `address` overrides its fields. */
  to?: keyof typeof ADDRESSES;
  phone?: string | null;
  email?: string | null;
  shippingLines?: { title: string; code: string | null; carrierIdentifier: string | null }[];
  lines?: LineSpec[];
  invoiceKey?: string | null;
  attributes?: { key: string; value: string | null }[];
}

export function shopifyOrder(spec: OrderSpec = {}): ShopifyOrderNode {
  const id = nextId++;
  const currency = spec.currency ?? "BRL";
  const presentment = spec.presentmentCurrency ?? currency;
  const rate = spec.presentmentRate ?? 1;
  // Same currency and rate: the amounts as they are; otherwise converted and rounded to cents.
  const convert = (amount: string) =>
    rate === 1 ? amount : (Math.round(Math.round(Number(amount) * 100) * rate) / 100).toFixed(2);
  const bag = (amount: string, paid = convert(amount)) => ({
    shopMoney: { amount, currencyCode: currency },
    presentmentMoney: { amount: paid, currencyCode: presentment },
  });
  const specs = spec.lines ?? defaultLines();
  const lines = specs.map(lineItem);
  lines.forEach((line, index) => {
    const shop = line.originalUnitPriceSet.shopMoney.amount;
    line.originalUnitPriceSet = bag(shop, specs[index].presentmentPrice ?? convert(shop));
  });
  const goods = lines.reduce(
    (sum, line) => sum + Number(line.originalUnitPriceSet.shopMoney.amount) * line.quantity,
    0,
  );
  const total = spec.total ?? (goods + 250).toFixed(2);
  const base = ADDRESSES[spec.to ?? "US"];
  const createdAt = "2026-07-14T13:05:00Z";
  return {
    id: `gid://shopify/Order/${id}`,
    legacyResourceId: String(id),
    name: spec.name ?? `#${1000 + id}`,
    createdAt,
    updatedAt: createdAt,
    processedAt: createdAt,
    closed: false,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    displayFinancialStatus: "PAID",
    displayFulfillmentStatus: "UNFULFILLED",
    test: false,
    email: spec.email === undefined ? "emily.carter@example.com" : spec.email,
    phone: spec.phone === undefined ? null : spec.phone,
    note: null,
    currencyCode: currency,
    presentmentCurrencyCode: presentment,
    totalPriceSet: bag(total),
    customer: {
      firstName: "Emily",
      lastName: "Carter",
      defaultEmailAddress: { emailAddress: "emily.carter@example.com" },
    },
    shippingAddress: spec.address === null ? null : { ...base, ...spec.address },
    shippingLines: {
      nodes: (spec.shippingLines ?? [SHIPPING_LINES.fedex]).map((line) => ({
        ...line,
        source: "shopify",
        originalPriceSet: bag("250.00"),
      })),
    },
    lineItems: { pageInfo: { hasNextPage: false }, nodes: lines },
    customAttributes: spec.attributes ?? [],
    invoiceKey: spec.invoiceKey ? { value: spec.invoiceKey } : null,
  };
}

/** A closing PTAX bulletin for the tests (BRL per unit). */
export function ptaxRate(currency: string, date: string, buyBrl: string): PtaxRate {
  return {
    currency,
    date,
    buyBrl,
    sellBrl: buyBrl,
    bulletin: "Fechamento PTAX",
    quotedAt: `${date}T16:04:00.000Z`,
    source: "bcb_ptax",
  };
}

/** The day the test orders are evaluated (a Tuesday), and the closing rates of the Monday before. */
export const TEST_TODAY = "2026-07-14";
export const TEST_RATES: RateTable = {
  USD: [ptaxRate("USD", "2026-07-13", "5.4300"), ptaxRate("USD", "2026-07-10", "5.4100")],
  EUR: [ptaxRate("EUR", "2026-07-13", "6.1200")],
};

/** A São Paulo store with rates at hand and customs defaults set: complete orders map to ready shipments. */
export const TEST_CONTEXT: MappingContext = {
  originCountry: "BR",
  exchange: { rates: TEST_RATES, today: TEST_TODAY },
  customsDefaults: { incoterm: "DAP", exportReason: "sale" },
};
