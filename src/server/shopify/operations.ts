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

const ORDER_FIELDS = gql`
  fragment OrderFields on Order {
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
    totalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    customer {
      firstName
      lastName
      defaultEmailAddress {
        emailAddress
      }
    }
    shippingAddress {
      name
      firstName
      lastName
      company
      address1
      address2
      city
      province
      provinceCode
      country
      countryCodeV2
      zip
      phone
    }
    shippingLines(first: 3) {
      nodes {
        title
        code
        carrierIdentifier
        source
        originalPriceSet {
          shopMoney {
            amount
          }
        }
      }
    }
    lineItems(first: $lineItemsFirst) {
      pageInfo {
        hasNextPage
      }
      nodes {
        id
        title
        variantTitle
        sku
        quantity
        requiresShipping
        originalUnitPriceSet {
          shopMoney {
            amount
            currencyCode
          }
        }
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
      }
    }
    customAttributes {
      key
      value
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

/** Backfills: a bulk query of orders (no variables allowed inside; the filter is inlined). */
export const BULK_OPERATION_RUN_QUERY_MUTATION = gql`
  mutation BulkOperationRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query, groupObjects: false) {
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

/** Tracking write-back: the open fulfillment orders of an order and their lines. */
export const FULFILLMENT_ORDERS_QUERY = gql`
  query FulfillmentOrders($id: ID!) {
    order(id: $id) {
      id
      fulfillmentOrders(first: 10) {
        nodes {
          id
          status
          lineItems(first: 50) {
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

/**
 * The bulk-operation query for a first sync of a large store: the same order fields, inline
 * filter (bulk queries take no variables), connections without page sizes.
 */
export function bulkOrdersQuery(updatedSince: string, invoice = { namespace: "nfe", key: "access_key" }): string {
  const quoted = (value: string) => JSON.stringify(value);
  return gql`
    {
      orders(query: ${quoted(`updated_at:>='${updatedSince}'`)}, sortKey: UPDATED_AT) {
        edges {
          node {
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
            totalPriceSet { shopMoney { amount currencyCode } }
            customer { firstName lastName defaultEmailAddress { emailAddress } }
            shippingAddress {
              name firstName lastName company address1 address2 city province provinceCode country countryCodeV2 zip phone
            }
            customAttributes { key value }
            invoiceKey: metafield(namespace: ${quoted(invoice.namespace)}, key: ${quoted(invoice.key)}) { value }
            shippingLines {
              edges { node { id title code carrierIdentifier source originalPriceSet { shopMoney { amount } } } }
            }
            lineItems {
              edges {
                node {
                  id title variantTitle sku quantity requiresShipping
                  originalUnitPriceSet { shopMoney { amount currencyCode } }
                  variant { inventoryItem { harmonizedSystemCode countryCodeOfOrigin measurement { weight { value unit } } } }
                }
              }
            }
          }
        }
      }
    }
  `;
}
