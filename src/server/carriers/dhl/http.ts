// One MyDHL API call: HTTP Basic on every request (DHL has no token endpoint, CARRIERS.md "Auth"),
// the required headers, a timeout, pacing, and DHL's error bodies turned into CarrierApiError.
import { randomUUID } from "node:crypto";
import { CarrierApiError, type ClientOptions } from "../api";
import { dhlErrorCode, parseDhlError } from "./responses";

/**
 * x-version: the spec declares it required with the value "3.1.0" and "do not change this field
 * value" (dpdhl-express-api-3.1.1_swagger.yaml, parameters.versionHeader; CARRIERS.md "Headers").
 */
const X_VERSION = "3.1.0";

export interface DhlCall {
  operation: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A purchase or booking: a timeout or 5xx leaves its outcome unknown. */
  mutating: boolean;
}

/** Spaces calls `1000 / perSecond` ms apart (per client instance: one per account). */
function pacer(perSecond: number) {
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + 1000 / perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

export function dhlHttp(options: ClientOptions, requestsPerSecond: number) {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { clientId, clientSecret } = options.account.credentials;
  const authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
  const wait = pacer(requestsPerSecond);

  return async function call(request: DhlCall): Promise<{ status: number; body: unknown }> {
    const url = new URL(`${options.endpoints.baseUrl.replace(/\/$/, "")}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    await wait();
    options.onRequest?.({
      carrier: "dhl",
      operation: request.operation,
      method: request.method,
      url: url.toString(),
      body: request.body,
    });
    const now = options.now?.() ?? new Date();
    let response: Response;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers: {
          Authorization: authorization,
          Accept: "application/json",
          "x-version": X_VERSION,
          // Correlation only (CARRIERS.md "Idempotency": DHL does not deduplicate on it).
          "Message-Reference": randomUUID(),
          "Message-Reference-Date": now.toUTCString(),
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // Sent (or maybe sent) and no answer: a purchase may have been carried out.
      throw new CarrierApiError(request.mutating ? "outcomeUnknown" : "unavailable", "dhl", null, { cause: error });
    }
    let body: unknown = undefined;
    const raw = await response.text().catch(() => "");
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok) return { status: response.status, body };
    const error = parseDhlError(body);
    const carrierMessage = error.code ? `${error.code}: ${error.message}` : error.message;
    if (response.status >= 500) {
      throw new CarrierApiError(request.mutating ? "outcomeUnknown" : "unavailable", "dhl", carrierMessage);
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get("Retry-After"));
      throw new CarrierApiError("rateLimited", "dhl", carrierMessage, {
        retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined,
      });
    }
    // Never the Authorization header nor the credentials: only DHL's own text travels on.
    throw new CarrierApiError(dhlErrorCode(response.status, error), "dhl", carrierMessage);
  };
}
