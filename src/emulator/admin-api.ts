// POST /admin/api/<version>/graphql.json: parse and validate against the real Admin schema,
// price the query, charge the shop's leaky bucket (THROTTLED / MAX_COST_EXCEEDED as Shopify
// answers them, inside HTTP 200), execute, refund down to the actual cost, and report
// `extensions.cost` on every response.
import { GraphQLError, execute, parse, validate, type DocumentNode, type ExecutionResult } from "graphql";
import { bulkQueryConcurrency, flattenToJsonl, operationInProgressError } from "./bulk";
import { MAX_SINGLE_QUERY_COST, actualQueryCost, findOperation, requestedQueryCost } from "./cost";
import { holdNode, holdsOf, placeHold, releaseHolds, type HoldInput } from "./holds";
import type { EmuOrder } from "./model";
import { pageSizeErrors } from "./page-size";
import { InvalidCursorError } from "./pagination";
import {
  fulfillmentOrderOf,
  gid,
  idFromGid,
  orderNode,
  ordersConnection,
  ordersCount,
  type ResolverContext,
} from "./resolvers";
import { ADMIN_API_VERSION, loadAdminSchema } from "./schema";
import type { EmulatorState, ShopState } from "./state";
import { orderWebhookPayload, type WebhookDispatcher } from "./webhooks";

/** A field or mutation the token's scopes do not cover: Shopify answers ACCESS_DENIED (HTTP 200). */
class AccessDeniedError extends Error {
  constructor(
    field: string,
    readonly requiredAccess: string,
  ) {
    super(`Access denied for ${field} field. Required access: ${requiredAccess}.`);
  }
}

function requireScope(shop: ShopState, field: string, ...anyOf: string[]) {
  if (!anyOf.some((scope) => shop.grantedScopes.includes(scope))) {
    throw new AccessDeniedError(field, anyOf.map((scope) => `\`${scope}\` access scope`).join(" or "));
  }
}

export interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminApiDeps {
  state: EmulatorState;
  webhooks: WebhookDispatcher;
  /** Base URL of the emulator as the app reaches it (for bulk result files). */
  publicUrl: string;
  /** The version in the request's path (/admin/api/<version>/graphql.json); the current one when unset. */
  apiVersion?: string;
  now?: () => Date;
}

export interface AdminApiResult {
  status: number;
  body: unknown;
  requestedCost?: number;
  actualCost?: number | null;
  throttled?: boolean;
  operationName?: string | null;
}

function shopifyValidationError(error: GraphQLError) {
  const undefinedField = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (undefinedField) {
    return {
      message: `Field '${undefinedField[1]}' doesn't exist on type '${undefinedField[2]}'`,
      locations: error.locations,
      extensions: { code: "undefinedField", typeName: undefinedField[2], fieldName: undefinedField[1] },
    };
  }
  return { message: error.message, locations: error.locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

const touch = (order: EmuOrder, now: Date) => {
  // updated_at must move forward even when two changes fall in the same millisecond.
  const next = Math.max(now.getTime(), Date.parse(order.updatedAt) + 1);
  order.updatedAt = new Date(next).toISOString();
};

/**
 * Each shop's bulk exports run one after another, each in its own turn of the event loop: the
 * emulator is one process, so concurrent operations share its CPU anyway, and between two exports
 * it answers polls and serves finished results (as Shopify does while other operations run).
 */
const exportQueues = new WeakMap<ShopState, Promise<void>>();

function queueExport(shop: ShopState, run: () => void) {
  const turn = (exportQueues.get(shop) ?? Promise.resolve())
    .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(run);
  exportQueues.set(shop, turn);
}

const EMULATED_APP_TITLE = "ShipSmart";

function rootValue(shop: ShopState, deps: AdminApiDeps, now: () => Date) {
  const findOrder = (id: string) => {
    const numeric = idFromGid(id, "Order");
    return numeric === null ? undefined : shop.ordersById.get(numeric);
  };
  // The emulator's one fulfillment order per order carries the order's id.
  const findFulfillmentOrder = (id: string) => {
    const numeric = idFromGid(id, "FulfillmentOrder");
    return numeric === null ? undefined : shop.ordersById.get(numeric);
  };
  // The app whose token is calling: the emulator serves one (AppCredentials).
  const app = { apiKey: deps.state.app.apiKey, title: EMULATED_APP_TITLE };
  const bulkNode = (operation: NonNullable<ReturnType<typeof shop.bulkOperations.get>>) => ({
    id: gid("BulkOperation", operation.id),
    status: operation.status,
    errorCode: operation.errorCode,
    createdAt: operation.createdAt,
    completedAt: operation.completedAt,
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: operation.fileSize === null ? null : String(operation.fileSize),
    url:
      operation.status === "COMPLETED"
        ? `${deps.publicUrl}/__emulator/bulk/${shop.profile.domain}/${operation.id}.jsonl`
        : null,
    partialDataUrl: null,
    query: operation.query,
    type: "QUERY",
  });
  const webhookNode = (subscription: ShopState["webhooks"][number]) => ({
    id: gid("WebhookSubscription", subscription.id),
    topic: subscription.topic,
    uri: subscription.uri,
    format: subscription.format,
    createdAt: subscription.createdAt,
    endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: subscription.uri },
  });

  return {
    // --- queries
    shop: () => ({
      id: gid("Shop", 1),
      name: shop.profile.name,
      myshopifyDomain: shop.profile.domain,
      email: `contato@${shop.profile.domain}`,
      contactEmail: `contato@${shop.profile.domain}`,
      currencyCode: shop.profile.currency,
      ianaTimezone: shop.profile.countryCode === "BR" ? "America/Sao_Paulo" : "UTC",
      billingAddress: {
        countryCodeV2: shop.profile.countryCode,
        country: shop.profile.countryCode,
        provinceCode: shop.profile.provinceCode,
        city: shop.profile.city,
        company: shop.profile.name,
        address1: shop.profile.address1 ?? null,
        zip: shop.profile.zip ?? null,
        phone: shop.profile.phone ?? null,
      },
      plan: {
        displayName:
          shop.profile.plan === "plus"
            ? "Shopify Plus"
            : shop.profile.plan[0].toUpperCase() + shop.profile.plan.slice(1),
        publicDisplayName: shop.profile.plan,
        partnerDevelopment: false,
        shopifyPlus: shop.profile.plan === "plus",
      },
    }),
    orders: (args: Parameters<typeof ordersConnection>[0], ctx: ResolverContext) => ordersConnection(args, ctx),
    ordersCount: (args: Parameters<typeof ordersCount>[0], ctx: ResolverContext) => ordersCount(args, ctx),
    order: ({ id }: { id: string }, ctx: ResolverContext) => {
      const order = findOrder(id);
      return order ? orderNode(order, ctx) : null;
    },
    fulfillmentOrder: ({ id }: { id: string }) => {
      const order = findFulfillmentOrder(id);
      return order ? fulfillmentOrderOf(order, app.apiKey) : null;
    },
    // The shop's languages (Settings › Languages): the primary one is the store's language.
    shopLocales: ({ published }: { published?: boolean }) => {
      requireScope(shop, "shopLocales", "read_locales");
      const primary = shop.profile.primaryLocale ?? "en";
      const locales = [{ locale: primary, name: primary, primary: true, published: true }];
      return published === false ? [] : locales;
    },
    currentAppInstallation: () => ({
      accessScopes: shop.grantedScopes.map((handle) => ({ handle, description: handle })),
    }),
    bulkOperation: ({ id }: { id: string }) => {
      const numeric = idFromGid(id, "BulkOperation");
      const operation = numeric === null ? undefined : shop.bulkOperations.get(numeric);
      return operation ? bulkNode(operation) : null;
    },
    // Deprecated since 2026-01: with several operations running it shows only the most recent one,
    // which is why the dashboard polls each operation by id. The emulator runs bulk queries only.
    currentBulkOperation: ({ type }: { type: string }) => {
      const newest = [...shop.bulkOperations.values()].at(-1);
      return type === "QUERY" && newest ? bulkNode(newest) : null;
    },
    webhookSubscriptions: () => {
      const nodes = shop.webhooks.map(webhookNode);
      return {
        nodes,
        edges: nodes.map((node) => ({ cursor: node.id, node })),
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      };
    },

    // --- mutations
    orderClose: ({ input }: { input: { id: string } }, ctx: ResolverContext) => {
      const order = findOrder(input.id);
      if (!order) return { order: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };
      if (!order.closedAt) {
        order.closedAt = now().toISOString();
        touch(order, now());
        deps.webhooks.emit(shop, "ORDERS_UPDATED", orderWebhookPayload(order));
      }
      return { order: orderNode(order, ctx), userErrors: [] };
    },
    fulfillmentCreate: ({
      fulfillment,
    }: {
      fulfillment: {
        lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems?: { id: string }[] }[];
        trackingInfo?: { company?: string; number?: string; url?: string };
        notifyCustomer?: boolean;
      };
    }) => {
      const [group] = fulfillment.lineItemsByFulfillmentOrder;
      const orderId = group ? idFromGid(group.fulfillmentOrderId, "FulfillmentOrder") : null;
      const order = orderId === null ? undefined : shop.ordersById.get(orderId);
      if (!order) {
        return {
          fulfillment: null,
          userErrors: [
            { field: ["fulfillment", "lineItemsByFulfillmentOrder"], message: "Fulfillment order does not exist." },
          ],
        };
      }
      if (order.cancelledAt) {
        return { fulfillment: null, userErrors: [{ field: ["fulfillment"], message: "Fulfillment order is closed." }] };
      }
      if (holdsOf(order).length > 0) {
        return {
          fulfillment: null,
          userErrors: [
            { field: ["fulfillment"], message: "The fulfillment order is on hold and cannot be fulfilled." },
          ],
        };
      }
      const requested = group.fulfillmentOrderLineItems?.map((item) => idFromGid(item.id, "FulfillmentOrderLineItem"));
      // Only what is left to ship: lines an earlier fulfillment covered are not fulfilled twice.
      const shippedBefore = new Set(
        order.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItemIds),
      );
      const lineItemIds = order.lineItems
        .filter(
          (line) => line.requiresShipping && !shippedBefore.has(line.id) && (!requested || requested.includes(line.id)),
        )
        .map((line) => line.id);
      const record = {
        id: deps.state.newId(),
        status: "SUCCESS" as const,
        trackingCompany: fulfillment.trackingInfo?.company ?? null,
        trackingNumber: fulfillment.trackingInfo?.number ?? null,
        trackingUrl: fulfillment.trackingInfo?.url ?? null,
        notifyCustomer: fulfillment.notifyCustomer ?? false,
        createdAt: now().toISOString(),
        lineItemIds,
      };
      order.fulfillments.push(record);
      const shipped = new Set(order.fulfillments.flatMap((f) => f.lineItemIds));
      order.fulfillmentStatus = order.lineItems.every((line) => !line.requiresShipping || shipped.has(line.id))
        ? "FULFILLED"
        : "PARTIALLY_FULFILLED";
      touch(order, now());
      deps.webhooks.emit(shop, "ORDERS_UPDATED", orderWebhookPayload(order));
      return {
        fulfillment: {
          id: gid("Fulfillment", record.id),
          name: `${order.name}-F${order.fulfillments.length}`,
          status: record.status,
          createdAt: record.createdAt,
          trackingInfo: () => [
            { company: record.trackingCompany, number: record.trackingNumber, url: record.trackingUrl },
          ],
        },
        userErrors: [],
      };
    },
    fulfillmentOrderHold: ({ id, fulfillmentHold }: { id: string; fulfillmentHold: HoldInput }) => {
      requireScope(shop, "fulfillmentOrderHold", "write_merchant_managed_fulfillment_orders");
      const order = findFulfillmentOrder(id);
      const empty = { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null };
      if (!order) {
        return {
          ...empty,
          userErrors: [
            {
              field: ["id"],
              message: "The fulfillment order could not be found.",
              code: "FULFILLMENT_ORDER_NOT_FOUND",
            },
          ],
        };
      }
      const placed = placeHold(
        order,
        fulfillmentHold,
        { apiKey: app.apiKey, title: app.title },
        { newId: () => deps.state.newId(), now },
      );
      if (!placed.hold) return { ...empty, userErrors: placed.userErrors };
      touch(order, now());
      return {
        fulfillmentHold: holdNode(placed.hold, app.apiKey),
        fulfillmentOrder: fulfillmentOrderOf(order, app.apiKey),
        remainingFulfillmentOrder: null,
        userErrors: [],
      };
    },
    fulfillmentOrderReleaseHold: ({ id, holdIds }: { id: string; holdIds?: string[] | null }) => {
      requireScope(shop, "fulfillmentOrderReleaseHold", "write_merchant_managed_fulfillment_orders");
      const order = findFulfillmentOrder(id);
      if (!order) {
        return {
          fulfillmentOrder: null,
          userErrors: [
            { field: ["id"], message: "The fulfillment order wasn't found.", code: "FULFILLMENT_ORDER_NOT_FOUND" },
          ],
        };
      }
      // Ids of another type or shape match no hold (Shopify releases only those on this fulfillment order).
      const ids = holdIds ? holdIds.map((holdId) => idFromGid(holdId, "FulfillmentHold") ?? -1) : null;
      const released = releaseHolds(order, ids, app.apiKey);
      if (released.userErrors.length > 0) return { fulfillmentOrder: null, userErrors: released.userErrors };
      touch(order, now());
      return { fulfillmentOrder: fulfillmentOrderOf(order, app.apiKey), userErrors: [] };
    },
    // Shopify refuses an unknown or cancelled fulfillment with a userError; the event is kept on
    // the fulfillment (GET /__emulator/shops/:shop/orders/:id shows it) so tests can check it.
    fulfillmentEventCreate: ({
      fulfillmentEvent: input,
    }: {
      fulfillmentEvent: {
        fulfillmentId: string;
        status: string;
        happenedAt?: string | null;
        message?: string | null;
        city?: string | null;
        country?: string | null;
      };
    }) => {
      const id = idFromGid(input.fulfillmentId, "Fulfillment");
      const fulfillment =
        id === null
          ? undefined
          : [...shop.ordersById.values()].flatMap((order) => order.fulfillments).find((f) => f.id === id);
      if (!fulfillment) {
        return {
          fulfillmentEvent: null,
          userErrors: [{ field: ["fulfillmentEvent", "fulfillmentId"], message: "Fulfillment does not exist." }],
        };
      }
      if (fulfillment.status === "CANCELLED") {
        return {
          fulfillmentEvent: null,
          userErrors: [{ field: ["fulfillmentEvent", "fulfillmentId"], message: "Fulfillment is cancelled." }],
        };
      }
      const event = {
        id: deps.state.newId(),
        status: input.status,
        happenedAt: input.happenedAt ?? now().toISOString(),
        message: input.message ?? null,
        city: input.city ?? null,
        country: input.country ?? null,
        createdAt: now().toISOString(),
      };
      (fulfillment.events ??= []).push(event);
      return {
        fulfillmentEvent: { ...event, id: gid("FulfillmentEvent", event.id) },
        userErrors: [],
      };
    },
    // Shopify's fulfillmentCancel: the fulfillment becomes CANCELLED and its lines are to ship again
    // (the order's fulfillment status is recomputed from the fulfillments still standing).
    fulfillmentCancel: ({ id }: { id: string }) => {
      const numeric = idFromGid(id, "Fulfillment");
      const order =
        numeric === null
          ? undefined
          : [...shop.ordersById.values()].find((candidate) => candidate.fulfillments.some((f) => f.id === numeric));
      const record = order?.fulfillments.find((f) => f.id === numeric);
      if (!order || !record) {
        return { fulfillment: null, userErrors: [{ field: ["id"], message: "Fulfillment does not exist." }] };
      }
      if (record.status === "CANCELLED") {
        return { fulfillment: null, userErrors: [{ field: ["id"], message: "Fulfillment is already cancelled." }] };
      }
      record.status = "CANCELLED";
      const shipped = new Set(order.fulfillments.filter((f) => f.status === "SUCCESS").flatMap((f) => f.lineItemIds));
      const shippable = order.lineItems.filter((line) => line.requiresShipping);
      order.fulfillmentStatus = shippable.every((line) => shipped.has(line.id))
        ? "FULFILLED"
        : shippable.some((line) => shipped.has(line.id))
          ? "PARTIALLY_FULFILLED"
          : "UNFULFILLED";
      touch(order, now());
      deps.webhooks.emit(shop, "ORDERS_UPDATED", orderWebhookPayload(order));
      return { fulfillment: { id: gid("Fulfillment", record.id), status: record.status }, userErrors: [] };
    },
    webhookSubscriptionCreate: ({
      topic,
      webhookSubscription,
    }: {
      topic: string;
      webhookSubscription: { uri?: string; callbackUrl?: string; format?: "JSON" };
    }) => {
      const uri = webhookSubscription.uri ?? webhookSubscription.callbackUrl;
      if (!uri || !/^https?:\/\//.test(uri)) {
        return {
          webhookSubscription: null,
          userErrors: [{ field: ["webhookSubscription", "uri"], message: "Address is invalid" }],
        };
      }
      if (shop.webhooks.some((sub) => sub.topic === topic && sub.uri === uri)) {
        return {
          webhookSubscription: null,
          userErrors: [
            { field: ["webhookSubscription", "uri"], message: "Address for this topic has already been taken" },
          ],
        };
      }
      const subscription = {
        id: deps.state.newId(),
        topic,
        uri,
        format: "JSON" as const,
        createdAt: now().toISOString(),
      };
      shop.webhooks.push(subscription);
      return { webhookSubscription: webhookNode(subscription), userErrors: [] };
    },
    webhookSubscriptionDelete: ({ id }: { id: string }) => {
      const numeric = idFromGid(id, "WebhookSubscription");
      const index = shop.webhooks.findIndex((sub) => sub.id === numeric);
      if (index < 0) {
        return {
          deletedWebhookSubscriptionId: null,
          userErrors: [{ field: ["id"], message: "Webhook subscription does not exist" }],
        };
      }
      shop.webhooks.splice(index, 1);
      return { deletedWebhookSubscriptionId: id, userErrors: [] };
    },
    bulkOperationRunQuery: ({ query, groupObjects }: { query: string; groupObjects: boolean }) => {
      const running = [...shop.bulkOperations.values()].filter(
        (op) => op.status === "CREATED" || op.status === "RUNNING",
      );
      if (running.length >= bulkQueryConcurrency(deps.apiVersion ?? ADMIN_API_VERSION)) {
        return {
          bulkOperation: null,
          userErrors: [operationInProgressError(running.map((op) => gid("BulkOperation", op.id)))],
        };
      }
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch (error) {
        return {
          bulkOperation: null,
          userErrors: [{ field: ["query"], message: (error as Error).message, code: "INVALID" }],
        };
      }
      const errors = validate(loadAdminSchema(), document);
      if (errors.length > 0) {
        return {
          bulkOperation: null,
          userErrors: errors.map((error) => ({
            field: ["query"],
            message: shopifyValidationError(error).message,
            code: "INVALID",
          })),
        };
      }
      const operation = {
        id: deps.state.newId(),
        status: "CREATED" as "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED",
        query,
        errorCode: null as string | null,
        createdAt: now().toISOString(),
        completedAt: null as string | null,
        objectCount: 0,
        rootObjectCount: 0,
        fileSize: null as number | null,
        jsonl: null as string | null,
      };
      shop.bulkOperations.set(operation.id, operation);
      // Runs after this response, as Shopify's does: the first poll may still see it running (for
      // the bulkRunningMs fault, every poll until then). A cancelled operation never completes.
      setTimeout(() => (operation.status = operation.status === "CREATED" ? "RUNNING" : operation.status), 10);
      const runExport = () => {
        if (operation.status === "CANCELED") return;
        try {
          const result = execute({
            schema: loadAdminSchema(),
            document,
            rootValue: rootValue(shop, deps, now),
            contextValue: { shop, bulk: true, now, appKey: deps.state.app.apiKey } satisfies ResolverContext,
          }) as ExecutionResult;
          if (result.errors?.length) throw result.errors[0];
          const flat = flattenToJsonl(result.data ?? {}, groupObjects);
          Object.assign(operation, {
            status: "COMPLETED",
            jsonl: flat.jsonl,
            objectCount: flat.objectCount,
            rootObjectCount: flat.rootObjectCount,
            fileSize: Buffer.byteLength(flat.jsonl),
            completedAt: now().toISOString(),
          });
        } catch {
          Object.assign(operation, {
            status: "FAILED",
            errorCode: "INTERNAL_SERVER_ERROR",
            completedAt: now().toISOString(),
          });
        }
        deps.webhooks.emit(shop, "BULK_OPERATIONS_FINISH", {
          admin_graphql_api_id: gid("BulkOperation", operation.id),
          completed_at: operation.completedAt,
          created_at: operation.createdAt,
          error_code: operation.errorCode?.toLowerCase() ?? null,
          status: operation.status.toLowerCase(),
          type: "query",
        });
      };
      setTimeout(() => queueExport(shop, runExport), 10 + (shop.faults.bulkRunningMs ?? 0));
      return { bulkOperation: bulkNode(operation), userErrors: [] };
    },
    bulkOperationCancel: ({ id }: { id: string }) => {
      const numeric = idFromGid(id, "BulkOperation");
      const operation = numeric === null ? undefined : shop.bulkOperations.get(numeric);
      if (!operation)
        return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
      if (operation.status !== "CREATED" && operation.status !== "RUNNING") {
        return {
          bulkOperation: bulkNode(operation),
          userErrors: [
            {
              field: null,
              message: `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`,
            },
          ],
        };
      }
      Object.assign(operation, { status: "CANCELED", completedAt: now().toISOString() });
      return { bulkOperation: bulkNode(operation), userErrors: [] };
    },
  };
}

export async function executeAdminGraphql(
  shop: ShopState,
  body: GraphqlBody,
  deps: AdminApiDeps,
): Promise<AdminApiResult> {
  const now = deps.now ?? (() => new Date());
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }
  const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<
    string,
    unknown
  >;
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  const schema = loadAdminSchema();

  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    const graphqlError = error as GraphQLError;
    return { status: 200, body: { errors: [{ message: graphqlError.message, locations: graphqlError.locations }] } };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) {
    return { status: 200, body: { errors: validationErrors.map(shopifyValidationError) } };
  }
  const operation = findOperation(document, operationName);
  const name = operation?.name?.value ?? operationName;

  const requested = requestedQueryCost(schema, document, variables, operationName);
  const throttleStatus = () => shop.bucket.status(now().getTime());
  const badPageSizes = pageSizeErrors(schema, document, variables, operationName);
  if (badPageSizes.length > 0) {
    // Refused before it runs, so nothing is charged.
    return {
      status: 200,
      requestedCost: requested,
      actualCost: null,
      operationName: name,
      body: {
        errors: badPageSizes,
        data: null,
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: throttleStatus() } },
      },
    };
  }
  if (requested > MAX_SINGLE_QUERY_COST) {
    return {
      status: 200,
      requestedCost: requested,
      actualCost: null,
      operationName: name,
      body: {
        errors: [
          {
            message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
            extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_SINGLE_QUERY_COST },
          },
        ],
        extensions: {
          cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() },
        },
      },
    };
  }
  if (!shop.bucket.tryTake(requested, now().getTime())) {
    return {
      status: 200,
      requestedCost: requested,
      actualCost: null,
      throttled: true,
      operationName: name,
      body: {
        errors: [
          {
            message: "Throttled",
            extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
          },
        ],
        extensions: {
          cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus() },
        },
      },
    };
  }

  let result: ExecutionResult;
  try {
    result = await execute({
      schema,
      document,
      rootValue: rootValue(shop, deps, now),
      contextValue: { shop, bulk: false, now, appKey: deps.state.app.apiKey } satisfies ResolverContext,
      variableValues: variables,
      operationName,
    });
  } catch (error) {
    shop.bucket.refund(requested, now().getTime());
    throw error;
  }
  const errors = result.errors?.map((error) => {
    if (error.originalError instanceof InvalidCursorError) {
      return { message: error.message, path: error.path, extensions: { code: "BAD_REQUEST" } };
    }
    if (error.originalError instanceof AccessDeniedError) {
      return {
        message: error.message,
        locations: error.locations,
        path: error.path,
        extensions: {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
          requiredAccess: error.originalError.requiredAccess,
        },
      };
    }
    return { message: error.message, locations: error.locations, path: error.path };
  });
  const actual = actualQueryCost(schema, document, result.data ?? null, variables, operationName);
  shop.bucket.refund(requested - actual, now().getTime());
  return {
    status: 200,
    requestedCost: requested,
    actualCost: actual,
    operationName: name,
    body: {
      ...(errors?.length ? { errors } : {}),
      data: result.data ?? null,
      extensions: {
        cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus() },
      },
    },
  };
}
