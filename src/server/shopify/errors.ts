// Typed failures of Shopify calls, so callers can act on them: refresh or reconnect on
// Unauthorized, shrink the page on MaxCostExceeded, end a run with a reason on Network.
class ShopifyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 401: the access token is unknown, revoked or expired. */
export class ShopifyUnauthorizedError extends ShopifyError {}

/** 403: the token lacks a scope the operation needs. */
export class ShopifyForbiddenError extends ShopifyError {}

/** Still throttled after the allowed number of waits. */
export class ShopifyThrottledError extends ShopifyError {}

/** The query asks for more than the 1,000-point single-query limit. */
export class ShopifyMaxCostExceededError extends ShopifyError {
  constructor(
    message: string,
    readonly requestedCost: number | null,
  ) {
    super(message);
  }
}

/** 5xx answers and network failures that outlasted the retries. */
export class ShopifyNetworkError extends ShopifyError {}

/** The query itself was refused (validation) or resolved with errors. */
export class ShopifyQueryError extends ShopifyError {
  constructor(
    message: string,
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
  ) {
    super(message);
  }
}
