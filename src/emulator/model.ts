// The emulator's in-memory data model: what a Shopify store holds, in the shape our resolvers
// read. Ids are Shopify's numeric legacy ids; GraphQL ids are `gid://shopify/<Type>/<id>`.

export type PlanName = "standard" | "advanced" | "plus" | "enterprise";

export type WeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";

export interface EmuAddress {
  firstName: string | null;
  lastName: string | null;
  name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  /** Province / state name, e.g. "California"; null where the country has none. */
  province: string | null;
  /** ISO 3166-2 subdivision code without the country, e.g. "CA"; null when missing. */
  provinceCode: string | null;
  country: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  countryCode: string;
  zip: string | null;
  /** E.164 where known, e.g. "+14155550123"; null when the customer left it out. */
  phone: string | null;
}

export interface EmuLineItem {
  id: number;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** Unit price in the shop currency, decimal string, e.g. "149.90". */
  unitPrice: string;
  /** Unit price the buyer saw, in the order's presentment currency; absent = converted at the order's rate. */
  presentmentUnitPrice?: string;
  variantId: number | null;
  inventoryItemId: number | null;
  /** Harmonized System code (6–10 digits); null when the merchant did not fill it. */
  hsCode: string | null;
  /** ISO 3166-1 alpha-2 country of origin; null when unknown. */
  countryOfOrigin: string | null;
  weight: { value: number; unit: WeightUnit } | null;
  requiresShipping: boolean;
}

export interface EmuShippingLine {
  id: number;
  title: string;
  code: string | null;
  carrierIdentifier: string | null;
  source: string;
  /** Decimal string in the shop currency. */
  price: string;
  /** In the order's presentment currency; absent = converted at the order's rate. */
  presentmentPrice?: string;
}

export interface EmuFulfillment {
  id: number;
  status: "SUCCESS" | "CANCELLED";
  trackingCompany: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  notifyCustomer: boolean;
  createdAt: string;
  lineItemIds: number[];
  /** Carrier tracking events an app added (fulfillmentEventCreate), oldest first. */
  events?: EmuFulfillmentEvent[];
}

interface EmuFulfillmentEvent {
  id: number;
  status: string;
  happenedAt: string;
  message: string | null;
  city: string | null;
  country: string | null;
  createdAt: string;
}

/**
 * A fulfillment hold on the order's fulfillment order (fulfillmentOrderHold). `appKey` is the API
 * key of the app that placed it: the emulated app's own, or another app's placed through the
 * control API (POST /__emulator/shops/:shop/orders/:id/holds).
 */
export interface EmuFulfillmentHold {
  id: number;
  appKey: string;
  appTitle: string;
  handle: string | null;
  reason: string;
  reasonNotes: string | null;
  notifyMerchant: boolean;
  externalId: string | null;
  createdAt: string;
}

export type FinancialStatus =
  "AUTHORIZED" | "EXPIRED" | "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "VOIDED";

type FulfillmentStatus = "FULFILLED" | "IN_PROGRESS" | "ON_HOLD" | "OPEN" | "PARTIALLY_FULFILLED" | "UNFULFILLED";

export interface EmuOrder {
  id: number;
  /** "#1001" */
  name: string;
  /** ISO 8601 timestamps (UTC, with Z). */
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF" | null;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  test: boolean;
  email: string | null;
  phone: string | null;
  /** ISO 4217 shop currency, e.g. "BRL". */
  currency: string;
  /** Decimal string: sum of lines + shipping. */
  totalPrice: string;
  /** ISO 4217 currency the buyer paid in; absent = the shop currency. */
  presentmentCurrency?: string;
  /** Presentment units per shop unit: amounts not pinned below are converted with it (see presentment.ts). */
  presentmentRate?: number;
  /** The total in the presentment currency; absent = converted at the rate. */
  presentmentTotalPrice?: string;
  customer: { id: number; firstName: string | null; lastName: string | null; email: string | null } | null;
  /** Null for orders that ship nothing (gift cards, digital goods). */
  shippingAddress: EmuAddress | null;
  billingAddress: EmuAddress | null;
  shippingLines: EmuShippingLine[];
  lineItems: EmuLineItem[];
  note: string | null;
  customAttributes: { key: string; value: string }[];
  metafields: { namespace: string; key: string; type: string; value: string }[];
  fulfillments: EmuFulfillment[];
  /** Active holds on its fulfillment order (absent in snapshots written before holds existed). */
  fulfillmentHolds?: EmuFulfillmentHold[];
}

export interface EmuShopProfile {
  /** "loja-demo.myshopify.com" */
  domain: string;
  name: string;
  plan: PlanName;
  currency: string;
  /** ISO 3166-1 alpha-2 of the shop's address (the export origin). */
  countryCode: string;
  provinceCode: string | null;
  city: string;
  /** Street address, postal code and phone of the shop (Shopify's billing address). */
  address1?: string | null;
  zip?: string | null;
  phone?: string | null;
  /** The shop's primary language (shopLocales), e.g. "pt-BR"; absent = "en". */
  primaryLocale?: string;
}
