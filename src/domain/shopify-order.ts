// The order as Shopify's Admin GraphQL API returns it: the OrderFields fragment of
// src/server/shopify/operations.ts (API 2026-07): what the paged sync, a bulk result row (its lines
// gathered back under it) and the read of one order by id all give. Types only: mapOrder
// (order-mapping.ts) turns it into our shipment, so Shopify's wire format stays at that edge.

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
