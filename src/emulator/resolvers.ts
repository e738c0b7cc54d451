// Resolvers for the part of the Admin API the dashboard uses. graphql-js's default resolver
// reads plain properties and calls function properties with (args, context, info), so a node is
// a plain object whose argument-taking fields are functions.
import type { EmuAddress, EmuLineItem, EmuOrder, EmuShippingLine } from "./model";
import type { ShopState } from "./state";
import { fulfillmentOrderStatus, holdNode, holdsOf, supportedActions } from "./holds";
import { matchesSearch, parseSearchQuery } from "./search-query";
import { paginate, type PageArgs, type SortKey } from "./pagination";
import { moneyBag, presentmentCurrencyOf } from "./presentment";

export interface ResolverContext {
  shop: ShopState;
  /** Bulk operations read whole connections: no first/last needed, no pagination cap. */
  bulk: boolean;
  now: () => Date;
  /** The API key of the app whose token made the request (`heldByRequestingApp`). */
  appKey: string;
}

export const gid = (type: string, id: number | string) => `gid://shopify/${type}/${id}`;

export function idFromGid(value: string, type: string): number | null {
  const match = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(value);
  return match ? Number(match[1]) : null;
}

// Page sizes (first or last, at most 250) are checked on the query before it runs: see cost.ts.
function pageArgs(args: PageArgs, ctx: ResolverContext): PageArgs {
  return ctx.bulk ? { ...args, first: args.first ?? null, last: args.last ?? null } : args;
}

function listConnection<T, N>(
  items: T[],
  args: PageArgs & { reverse?: boolean },
  ctx: ResolverContext,
  toNode: (item: T) => N,
) {
  const indexed = items.map((item, index) => ({ item, index }));
  if (args.reverse) indexed.reverse();
  return paginate(
    indexed,
    pageArgs(args, ctx),
    (entry) => [entry.index, entry.index],
    (entry) => toNode(entry.item),
    { reverse: args.reverse ?? false, cap: ctx.bulk ? Infinity : undefined },
  );
}

function addressNode(address: EmuAddress | null) {
  if (!address) return null;
  return {
    ...address,
    countryCodeV2: address.countryCode,
    formatted: () =>
      [
        address.name,
        address.address1,
        address.address2,
        `${address.zip ?? ""} ${address.city}`.trim(),
        address.country,
      ].filter(Boolean),
  };
}

function lineItemNode(line: EmuLineItem, order: EmuOrder) {
  return {
    __typename: "LineItem",
    id: gid("LineItem", line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: line.quantity,
    requiresShipping: line.requiresShipping,
    originalUnitPriceSet: moneyBag(order, line.unitPrice, line.presentmentUnitPrice),
    variant:
      line.variantId === null
        ? null
        : {
            id: gid("ProductVariant", line.variantId),
            sku: line.sku,
            title: line.variantTitle ?? "Default Title",
            inventoryItem: {
              id: gid("InventoryItem", line.inventoryItemId ?? line.variantId),
              harmonizedSystemCode: line.hsCode,
              countryCodeOfOrigin: line.countryOfOrigin,
              provinceCodeOfOrigin: null,
              measurement: {
                id: gid("InventoryItemMeasurement", line.inventoryItemId ?? line.variantId),
                weight: line.weight,
              },
            },
          },
  };
}

function shippingLineNode(line: EmuShippingLine, order: EmuOrder) {
  return {
    id: gid("ShippingLine", line.id),
    title: line.title,
    code: line.code,
    carrierIdentifier: line.carrierIdentifier,
    source: line.source,
    originalPriceSet: moneyBag(order, line.price, line.presentmentPrice),
    discountedPriceSet: moneyBag(order, line.price, line.presentmentPrice),
  };
}

/** A deliberately broken order (fault injection): data no importer should accept as it is. */
function malformed(order: EmuOrder): EmuOrder {
  return {
    ...order,
    totalPrice: "-1.00",
    lineItems: [],
    // countryCode null serializes (countryCodeV2 is nullable); an empty string would break the whole page.
    shippingAddress: order.shippingAddress && {
      ...order.shippingAddress,
      countryCode: null as never,
      zip: "???",
      city: "",
    },
  };
}

/** Whether fault injection breaks this order: listed explicitly, or picked by a hash of its id. */
function isMalformed(id: number, faults: ResolverContext["shop"]["faults"]): boolean {
  if (faults.malformedOrderIds.includes(id)) return true;
  if (faults.malformedRate <= 0) return false;
  const hash = (Math.imul(id ^ 0x9e3779b9, 0x85ebca6b) >>> 0) / 0x1_0000_0000;
  return hash < faults.malformedRate;
}

export function orderNode(source: EmuOrder, ctx: ResolverContext) {
  const order = isMalformed(source.id, ctx.shop.faults) ? malformed(source) : source;
  const currency = order.currency;
  const lines = order.lineItems.map((line) => lineItemNode(line, order));
  return {
    __typename: "Order",
    id: gid("Order", order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    displayFinancialStatus: order.financialStatus,
    // An unfulfilled order whose fulfillment order is held reads ON_HOLD, as in the Shopify admin.
    displayFulfillmentStatus: fulfillmentOrderStatus(order) === "ON_HOLD" ? "ON_HOLD" : order.fulfillmentStatus,
    test: order.test,
    email: order.email,
    phone: order.phone,
    note: order.note,
    tags: [],
    sourceName: "web",
    currencyCode: currency,
    presentmentCurrencyCode: presentmentCurrencyOf(order),
    totalPriceSet: moneyBag(order, order.totalPrice, order.presentmentTotalPrice),
    subtotalPriceSet: subtotal(order, lines),
    totalWeight: String(
      Math.round(
        order.lineItems.reduce((sum, line) => sum + (line.weight ? toGrams(line.weight) * line.quantity : 0), 0),
      ),
    ),
    customer: order.customer && {
      id: gid("Customer", order.customer.id),
      firstName: order.customer.firstName,
      lastName: order.customer.lastName,
      displayName: [order.customer.firstName, order.customer.lastName].filter(Boolean).join(" ") || "—",
      defaultEmailAddress: order.customer.email ? { emailAddress: order.customer.email } : null,
      defaultPhoneNumber: order.phone ? { phoneNumber: order.phone } : null,
    },
    shippingAddress: addressNode(order.shippingAddress),
    billingAddress: addressNode(order.billingAddress),
    shippingLine: order.shippingLines[0] ? shippingLineNode(order.shippingLines[0], order) : null,
    shippingLines: (args: PageArgs & { reverse?: boolean }) =>
      listConnection(order.shippingLines, args, ctx, (line) => shippingLineNode(line, order)),
    lineItems: (args: PageArgs & { reverse?: boolean }) => listConnection(lines, args, ctx, (line) => line),
    customAttributes: order.customAttributes,
    metafield: ({ namespace, key }: { namespace?: string; key: string }) => {
      const [ns, k] = namespace ? [namespace, key] : key.includes(".") ? key.split(".", 2) : ["$app", key];
      const found = order.metafields.find((field) => field.namespace === ns && field.key === k);
      return found ? { id: gid("Metafield", `${order.id}-${ns}-${k}`), ...found } : null;
    },
    metafields: (args: PageArgs & { namespace?: string; keys?: string[]; reverse?: boolean }) =>
      listConnection(
        order.metafields.filter(
          (field) =>
            (!args.namespace || field.namespace === args.namespace) &&
            (!args.keys || args.keys.includes(`${field.namespace}.${field.key}`)),
        ),
        args,
        ctx,
        (field) => ({ id: gid("Metafield", `${order.id}-${field.namespace}-${field.key}`), ...field }),
      ),
    fulfillmentOrders: (args: PageArgs & { reverse?: boolean }) =>
      listConnection([fulfillmentOrderNode(order, lines, ctx.appKey)], args, ctx, (node) => node),
    fulfillments: ({ first }: { first?: number }) =>
      order.fulfillments.slice(0, first ?? undefined).map((fulfillment) => ({
        id: gid("Fulfillment", fulfillment.id),
        name: `${order.name}-F${fulfillment.id % 1000}`,
        status: fulfillment.status,
        createdAt: fulfillment.createdAt,
        trackingInfo: () => [
          { company: fulfillment.trackingCompany, number: fulfillment.trackingNumber, url: fulfillment.trackingUrl },
        ],
      })),
  };
}

/** The lines' sum in both currencies, each side summed from its own unit prices (as Shopify does). */
function subtotal(order: EmuOrder, lines: ReturnType<typeof lineItemNode>[]) {
  const sum = (side: "shopMoney" | "presentmentMoney") =>
    (
      lines.reduce(
        (cents, line) => cents + Math.round(Number(line.originalUnitPriceSet[side].amount) * 100) * line.quantity,
        0,
      ) / 100
    ).toFixed(2);
  return moneyBag(order, sum("shopMoney"), sum("presentmentMoney"));
}

function toGrams(weight: { value: number; unit: string }): number {
  switch (weight.unit) {
    case "KILOGRAMS":
      return weight.value * 1000;
    case "POUNDS":
      return weight.value * 453.592;
    case "OUNCES":
      return weight.value * 28.3495;
    default:
      return weight.value;
  }
}

/** The order's fulfillment order as `fulfillmentOrder(id:)` reads it (its id is the order's). */
export function fulfillmentOrderOf(order: EmuOrder, appKey: string) {
  return fulfillmentOrderNode(
    order,
    order.lineItems.map((line) => lineItemNode(line, order)),
    appKey,
  );
}

/** One fulfillment order per order (a single location), whose lines are what is left to ship. */
function fulfillmentOrderNode(order: EmuOrder, lines: ReturnType<typeof lineItemNode>[], appKey: string) {
  const fulfilled = new Set(order.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItemIds));
  return {
    id: gid("FulfillmentOrder", order.id),
    status: fulfillmentOrderStatus(order),
    fulfillmentHolds: holdsOf(order).map((hold) => holdNode(hold, appKey)),
    supportedActions: supportedActions(order),
    requestStatus: "UNSUBMITTED",
    assignedLocation: { name: "Depósito São Paulo" },
    lineItems: (args: PageArgs, ctx: ResolverContext) =>
      paginate(
        order.lineItems.map((line, index) => ({ line, index })),
        pageArgs(args, ctx),
        (entry) => [entry.index, entry.index],
        (entry) => ({
          id: gid("FulfillmentOrderLineItem", entry.line.id),
          totalQuantity: entry.line.quantity,
          remainingQuantity: fulfilled.has(entry.line.id) ? 0 : entry.line.quantity,
          lineItem: lines[entry.index],
        }),
      ),
  };
}

const SORT_KEYS: Record<string, (order: EmuOrder) => SortKey> = {
  UPDATED_AT: (order) => order.updatedAt,
  CREATED_AT: (order) => order.createdAt,
  PROCESSED_AT: (order) => order.processedAt,
  ID: (order) => order.id,
  ORDER_NUMBER: (order) => Number(order.name.replace(/\D/g, "")),
  TOTAL_PRICE: (order) => Number(order.totalPrice),
};

function matchingOrders(query: string | null | undefined, ctx: ResolverContext): EmuOrder[] {
  const search = parseSearchQuery(query);
  return ctx.shop.orders.filter((order) => matchesSearch(search, order));
}

/** `ordersCount`: exact up to `limit` (Shopify's default 10,000), "at least" beyond. */
export function ordersCount(args: { query?: string | null; limit?: number | null }, ctx: ResolverContext) {
  const count = matchingOrders(args.query, ctx).length;
  const limit = args.limit ?? 10_000;
  return { count: Math.min(count, limit), precision: count > limit ? "AT_LEAST" : "EXACT" };
}

export function ordersConnection(
  args: PageArgs & { query?: string | null; sortKey?: string | null; reverse?: boolean | null },
  ctx: ResolverContext,
) {
  const sortValue = SORT_KEYS[args.sortKey ?? "PROCESSED_AT"] ?? SORT_KEYS.PROCESSED_AT;
  const keyOf = (order: EmuOrder): [SortKey, number] => [sortValue(order), order.id];
  const matching = matchingOrders(args.query, ctx);
  matching.sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    return ka[0] < kb[0] ? -1 : ka[0] > kb[0] ? 1 : ka[1] - kb[1];
  });
  if (args.reverse) matching.reverse();
  return paginate(matching, pageArgs(args, ctx), keyOf, (order) => orderNode(order, ctx), {
    reverse: args.reverse ?? false,
    cap: ctx.bulk ? Infinity : undefined,
  });
}
