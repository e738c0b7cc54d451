// Every GraphQL operation the dashboard sends to Shopify (Admin API 2026-07). The contract test
// (tests/integration/shopify-contract.test.ts) validates each export against the real schema,
// so a field Shopify does not have fails the suite before it fails in production.
const gql = String.raw;

export const SHOP_QUERY = gql`
  query Shop {
    shop {
      name
      myshopifyDomain
      currencyCode
      ianaTimezone
      email
      billingAddress {
        company
        address1
        address2
        city
        provinceCode
        zip
        phone
        countryCodeV2
      }
      plan {
        displayName
        shopifyPlus
      }
    }
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
`;

/**
 * The shop's primary language (the hold notes' language). A query of its own: it needs the
 * read_locales scope, which stores connected before it was asked for lack (ACCESS_DENIED).
 */
export const SHOP_LOCALES_QUERY = gql`
  query ShopLocales {
    shopLocales(published: true) {
      locale
      primary
    }
  }
`;

// Both sides of a Shopify MoneyBag: the shop's currency and the one the buyer paid in.
const MONEY_BAG = gql`shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }`;

// The one list of line-item fields the dashboard reads: the OrderFields fragment, the line-item
// pages of a long order and the bulk query all select exactly these.
const LINE_ITEM_FIELDS = gql`
  id
  title
  variantTitle
  sku
  quantity
  requiresShipping
  originalUnitPriceSet { ${MONEY_BAG} }
  variant {
    inventoryItem {
      harmonizedSystemCode
      countryCodeOfOrigin
      measurement {
        weight {
          value
          unit
        }
      }
    }
  }
`;

const ORDER_SCALARS = gql`
  id
  legacyResourceId
  name
  createdAt
  updatedAt
  processedAt
  closed
  closedAt
  cancelledAt
  cancelReason
  displayFinancialStatus
  displayFulfillmentStatus
  test
  email
  phone
  note
  currencyCode
  presentmentCurrencyCode
  totalPriceSet { ${MONEY_BAG} }
  customer { firstName lastName defaultEmailAddress { emailAddress } }
  shippingAddress {
    name firstName lastName company address1 address2 city province provinceCode country countryCodeV2 zip phone
  }
  customAttributes { key value }
`;

const SHIPPING_LINE_FIELDS = gql`title code carrierIdentifier source originalPriceSet { ${MONEY_BAG} }`;

const ORDER_FIELDS = gql`
  fragment OrderFields on Order {
    ${ORDER_SCALARS}
    shippingLines(first: 3) {
      nodes { ${SHIPPING_LINE_FIELDS} }
    }
    lineItems(first: $lineItemsFirst) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes { ${LINE_ITEM_FIELDS} }
    }
    invoiceKey: metafield(namespace: $invoiceNamespace, key: $invoiceKey) {
      value
    }
  }
`;

/** One page of orders changed since the watermark, oldest change first (incremental sync), with the total. */
export const ORDERS_PAGE_QUERY = gql`
  query OrdersPage(
    $first: Int!
    $after: String
    $query: String
    $lineItemsFirst: Int!
    $invoiceNamespace: String!
    $invoiceKey: String!
  ) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...OrderFields
      }
    }
    # How many orders match, for the progress bar: one point, and no extra round trip.
    ordersCount(query: $query, limit: 100000) {
      count
    }
  }
  ${ORDER_FIELDS}
`;

export const ORDER_QUERY = gql`
  query Order($id: ID!, $lineItemsFirst: Int!, $invoiceNamespace: String!, $invoiceKey: String!) {
    order(id: $id) {
      ...OrderFields
    }
  }
  ${ORDER_FIELDS}
`;

/** The next page of a long order's line items, after the ones its order page already carried. */
export const ORDER_LINE_ITEMS_QUERY = gql`
  query OrderLineItems($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      id
      lineItems(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes { ${LINE_ITEM_FIELDS} }
      }
    }
  }
`;

/** A light listing (ids and timestamps), for counting and for the throttling benchmark. */
export const ORDER_IDS_QUERY = gql`
  query OrderIds($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        updatedAt
      }
    }
  }
`;

/** "Archive in Shopify" for orders that have nothing to ship. */
export const ORDER_CLOSE_MUTATION = gql`
  mutation OrderClose($id: ID!) {
    orderClose(input: { id: $id }) {
      order {
        id
        closed
        closedAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const WEBHOOK_SUBSCRIPTION_CREATE_MUTATION = gql`
  mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
      webhookSubscription {
        id
        topic
        uri
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const WEBHOOK_SUBSCRIPTIONS_QUERY = gql`
  query WebhookSubscriptions {
    webhookSubscriptions(first: 50) {
      nodes {
        id
        topic
        uri
      }
    }
  }
`;

/**
 * Backfills: a bulk query of orders (no variables allowed inside; the filter is inlined). Grouped:
 * Shopify then writes each order's line items and shipping lines directly below it, so the result
 * streams one complete order at a time (without grouping, children may come after every order).
 */
export const BULK_OPERATION_RUN_QUERY_MUTATION = gql`
  mutation BulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: true) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** A bulk operation past its deadline is cancelled rather than left running on Shopify's side. */
export const BULK_OPERATION_CANCEL_MUTATION = gql`
  mutation BulkOperationCancel($id: ID!) {
    bulkOperationCancel(id: $id) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export const BULK_OPERATION_QUERY = gql`
  query BulkOperation($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      rootObjectCount
      fileSize
      url
      partialDataUrl
    }
  }
`;

/**
 * Tracking write-back: a page of an order's fulfillment orders, each with its first lines; the
 * fulfillment orders and the lines of each are paged on to the end (FULFILLMENT_ORDER_LINES_QUERY).
 */
export const FULFILLMENT_ORDERS_QUERY = gql`
  query FulfillmentOrders($id: ID!, $first: Int!, $after: String, $linesFirst: Int!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          lineItems(first: $linesFirst) {
            pageInfo {
              hasNextPage
              endCursor
            }
            nodes {
              id
              remainingQuantity
            }
          }
        }
      }
    }
  }
`;

/** The next lines of one fulfillment order. */
export const FULFILLMENT_ORDER_LINES_QUERY = gql`
  query FulfillmentOrderLines($id: ID!, $first: Int!, $after: String) {
    fulfillmentOrder(id: $id) {
      id
      lineItems(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          remainingQuantity
        }
      }
    }
  }
`;

export const FULFILLMENT_CREATE_MUTATION = gql`
  mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
        status
        trackingInfo(first: 1) {
          company
          number
          url
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** One carrier tracking event on a fulfillment (the order's timeline and the customer's status page). */
export const FULFILLMENT_EVENT_CREATE_MUTATION = gql`
  mutation FulfillmentEventCreate($fulfillmentEvent: FulfillmentEventInput!) {
    fulfillmentEventCreate(fulfillmentEvent: $fulfillmentEvent) {
      fulfillmentEvent {
        id
        status
        happenedAt
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** Cancels the fulfillment created for a label that was voided (its lines are to ship again). */
export const FULFILLMENT_CANCEL_MUTATION = gql`
  mutation FulfillmentCancel($id: ID!) {
    fulfillmentCancel(id: $id) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/**
 * The bulk-operation query for a first sync of a large store: the same order fields, inline
 * filter (bulk queries take no variables), connections without page sizes (a bulk operation
 * reads every line of every order). `invoice` is where the NF-e key metafield lives.
 */
export function bulkOrdersQuery(
  updatedSince: string,
  invoice: { namespace: string; key: string },
  /** Exclusive upper bound, for one part of a backfill split across concurrent bulk operations. */
  updatedBefore: string | null = null,
): string {
  const quoted = (value: string) => JSON.stringify(value);
  const search = `updated_at:>='${updatedSince}'` + (updatedBefore ? ` updated_at:<'${updatedBefore}'` : "");
  return gql`
    {
      orders(query: ${quoted(search)}, sortKey: UPDATED_AT) {
        edges {
          node {
            ${ORDER_SCALARS}
            invoiceKey: metafield(namespace: ${quoted(invoice.namespace)}, key: ${quoted(invoice.key)}) { value }
            shippingLines {
              edges { node { id ${SHIPPING_LINE_FIELDS} } }
            }
            lineItems {
              edges { node { ${LINE_ITEM_FIELDS} } }
            }
          }
        }
      }
    }
  `;
}

/**
 * Fulfillment holds: an order's fulfillment orders with what Shopify lets us do on each and the
 * holds on it (ours are heldByRequestingApp with our handle). 10 per page: 3 + 10 × (1 + 1 + 10) = 123
 * points at most, an order with more fulfillment orders is paged on.
 */
export const FULFILLMENT_ORDER_HOLDS_QUERY = gql`
  query FulfillmentOrderHolds($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      fulfillmentOrders(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          status
          supportedActions {
            action
          }
          fulfillmentHolds {
            id
            handle
            reasonNotes
            heldByRequestingApp
          }
        }
      }
    }
  }
`;

export const FULFILLMENT_ORDER_HOLD_MUTATION = gql`
  mutation FulfillmentOrderHold($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {
      fulfillmentHold {
        id
        handle
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** Releases exactly the holds listed (without holdIds Shopify would release every app's). */
export const FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION = gql`
  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]!) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
