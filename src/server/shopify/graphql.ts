import "server-only";
// Every Admin GraphQL call goes through here. @shopify/shopify-api does not retry THROTTLED
// (it arrives inside HTTP 200), so this loop does: it waits (requested − available) / restoreRate
// seconds and tries again. It also paces itself: from the last throttle status it knows how full
// the shop's bucket is and waits before sending a query the bucket cannot cover yet, instead of
// spending a round trip on a refusal. 429 honours Retry-After (seconds); 5xx and network errors
// retry with exponential backoff; everything else becomes a typed error.
import {
  GraphqlQueryError,
  HttpInternalError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
  type Session,
  type Shopify,
} from "@shopify/shopify-api";
import {
  ShopifyForbiddenError,
  ShopifyMaxCostExceededError,
  ShopifyNetworkError,
  ShopifyQueryError,
  ShopifyThrottledError,
  ShopifyUnauthorizedError,
} from "./errors";
import { costTracker, type QueryCost } from "./cost-tracker";

export interface GraphqlCallOptions {
  sleep?: (ms: number) => Promise<void>;
  /** How many THROTTLED / 429 answers to wait out before giving up. */
  maxThrottleWaits?: number;
  /** How many 5xx / network failures to retry. */
  maxRetries?: number;
  /** First backoff delay for 5xx / network failures, doubled each time. */
  backoffMs?: number;
}

export interface GraphqlResult<T> {
  data: T;
  cost: QueryCost | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface GraphqlErrorEntry {
  message: string;
  extensions?: Record<string, unknown> & { code?: string; cost?: number };
}

function graphqlErrorsOf(error: GraphqlQueryError): GraphqlErrorEntry[] {
  const body = error.body as { errors?: { graphQLErrors?: GraphqlErrorEntry[] } } | undefined;
  return body?.errors?.graphQLErrors ?? [];
}

function costOf(body: unknown): QueryCost | null {
  const cost = (body as { extensions?: { cost?: QueryCost } } | undefined)?.extensions?.cost;
  return cost && cost.throttleStatus ? cost : null;
}

export async function shopifyGraphql<T>(
  shopify: Shopify,
  session: Session,
  operation: string,
  variables?: Record<string, unknown>,
  options: GraphqlCallOptions = {},
): Promise<GraphqlResult<T>> {
  const sleep = options.sleep ?? defaultSleep;
  const maxThrottleWaits = options.maxThrottleWaits ?? 30;
  const maxRetries = options.maxRetries ?? 4;
  const backoffMs = options.backoffMs ?? 500;
  const tracker = costTracker(session.shop);
  // Page sizes change what a query costs, so they are part of what the tracker remembers it by.
  const costKey = `${operation}${JSON.stringify(Object.entries(variables ?? {}).filter(([, v]) => typeof v === "number"))}`;
  const client = new shopify.clients.Graphql({ session });
  let throttleWaits = 0;
  let failures = 0;

  for (;;) {
    const paceMs = tracker.waitBeforeMs(costKey);
    if (paceMs > 0) await sleep(paceMs);
    try {
      const response = await client.request(operation, { variables, retries: 0 });
      const cost = costOf(response);
      tracker.record(costKey, cost);
      return { data: response.data as T, cost };
    } catch (error) {
      if (error instanceof GraphqlQueryError) {
        const errors = graphqlErrorsOf(error);
        const cost = costOf(error.body);
        tracker.record(costKey, cost);
        const code = errors[0]?.extensions?.code;
        if (code === "THROTTLED") {
          if (++throttleWaits > maxThrottleWaits) throw new ShopifyThrottledError("Shopify kept throttling this query");
          await sleep(tracker.throttleWaitMs(cost));
          continue;
        }
        // A field the granted scopes do not cover (HTTP 200 with ACCESS_DENIED): a reconnect grants it.
        if (code === "ACCESS_DENIED") {
          throw new ShopifyForbiddenError(errors[0].message, { cause: error });
        }
        if (code === "MAX_COST_EXCEEDED") {
          const requested = cost?.requestedQueryCost ?? errors[0]?.extensions?.cost ?? null;
          throw new ShopifyMaxCostExceededError(errors[0].message, typeof requested === "number" ? requested : null);
        }
        throw new ShopifyQueryError(errors.map((entry) => entry.message).join("; ") || error.message, errors);
      }
      if (error instanceof HttpThrottlingError) {
        if (++throttleWaits > maxThrottleWaits) throw new ShopifyThrottledError("Shopify kept answering 429");
        const retryAfterSeconds = (error.response as { retryAfter?: number }).retryAfter;
        await sleep((retryAfterSeconds ?? 1) * 1000);
        continue;
      }
      if (error instanceof HttpInternalError || error instanceof HttpRequestError) {
        if (++failures > maxRetries)
          throw new ShopifyNetworkError(`Shopify is unreachable: ${error.message}`, { cause: error });
        await sleep(backoffMs * 2 ** (failures - 1));
        continue;
      }
      if (error instanceof HttpResponseError) {
        if (error.response.code === 401)
          throw new ShopifyUnauthorizedError("Shopify refused the access token", { cause: error });
        if (error.response.code === 403)
          throw new ShopifyForbiddenError("The app lacks a permission for this", { cause: error });
        if (error.response.code >= 500) {
          if (++failures > maxRetries)
            throw new ShopifyNetworkError(`Shopify answered ${error.response.code}`, { cause: error });
          await sleep(backoffMs * 2 ** (failures - 1));
          continue;
        }
      }
      throw error;
    }
  }
}
