// The HTTP side of the FedEx client: OAuth token (cached until shortly before it expires; renewed
// once on a 401), pacing, timeouts, and FedEx's status codes and error bodies read into
// CarrierApiError. Auth and headers: /work/shared/CARRIERS.md FedEx §1 (POST /oauth/token,
// form-urlencoded client_credentials; 60-minute tokens, no refresh grant; x-locale,
// x-customer-transaction-id). Secrets never leave this file except in the token request itself.
import crypto from "node:crypto";
import { CarrierApiError, type ClientOptions } from "../api";
import { errorCode, parseError } from "./responses";

const DEFAULT_TIMEOUT_MS = 30_000;
/** A token is renewed this long before FedEx says it expires, so no call races its expiry. */
const RENEW_BEFORE_MS = 5 * 60_000;

export type FedexBody =
  | { kind: "json"; value: unknown }
  | { kind: "multipart"; document: unknown; file: { name: string; type: string; bytes: Uint8Array } };

export interface FedexCall {
  operation: string;
  method: "POST" | "PUT";
  url: string;
  body: FedexBody;
  /**
   * A purchase (ship, pickup booking): a timeout or a 5xx leaves its outcome unknown — FedEx may
   * have carried it out — so the caller reconciles before retrying.
   */
  purchase?: boolean;
}

/** Spaces requests at least 1/rps apart (FedEx: 1,400 per 10 s per project, CARRIERS.md FedEx §1). */
function pacer(requestsPerSecond: number) {
  const gapMs = 1000 / requestsPerSecond;
  let next = 0;
  return async () => {
    const at = Date.now();
    const slot = Math.max(at, next);
    next = slot + gapMs;
    if (slot > at) await new Promise((resolve) => setTimeout(resolve, slot - at));
  };
}

export function fedexHttp(options: ClientOptions, requestsPerSecond: number) {
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = options.endpoints.baseUrl.replace(/\/+$/, "");
  const pace = pacer(requestsPerSecond);
  let token: { value: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const failure = (code: ConstructorParameters<typeof CarrierApiError>[0], message: string | null, extra?: object) =>
    new CarrierApiError(code, "fedex", message, extra);

  /** One request: paced, timed out, reported to onRequest. Network failures become CarrierApiErrors. */
  async function send(call: FedexCall, headers: Record<string, string>, logged: unknown): Promise<Response> {
    await pace();
    options.onRequest?.({
      carrier: "fedex",
      operation: call.operation,
      method: call.method,
      url: call.url,
      body: logged,
    });
    let payload: BodyInit;
    if (call.body.kind === "json") {
      payload = JSON.stringify(call.body.value);
      headers["content-type"] = "application/json";
    } else {
      const form = new FormData();
      form.append("document", JSON.stringify(call.body.document));
      const file = call.body.file;
      form.append("attachment", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
      payload = form;
    }
    try {
      return await fetcher(call.url, {
        method: call.method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      // A timeout or a dropped connection: for a purchase FedEx may have done it.
      const timedOut = cause instanceof DOMException && (cause.name === "TimeoutError" || cause.name === "AbortError");
      const message = timedOut ? `No answer within ${timeoutMs} ms` : "The connection to FedEx failed";
      throw failure(call.purchase ? "outcomeUnknown" : "unavailable", message, { cause });
    }
  }

  /** Reads a non-2xx answer into our error. */
  async function refusal(response: Response, call: Pick<FedexCall, "purchase">): Promise<CarrierApiError> {
    const body: unknown = await response.json().catch(() => null);
    const error = parseError(body);
    const message = error ? `${error.code}: ${error.message}` : `HTTP ${response.status}`;
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after"));
      return failure(
        "rateLimited",
        message,
        Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {},
      );
    }
    if (response.status >= 500) return failure(call.purchase ? "outcomeUnknown" : "unavailable", message);
    return failure(errorCode(response.status, error?.code ?? ""), message);
  }

  async function fetchToken(): Promise<string> {
    const { clientId, clientSecret } = options.account.credentials;
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    const url = `${base}/oauth/token`;
    await pace();
    options.onRequest?.({
      carrier: "fedex",
      operation: "token",
      method: "POST",
      url,
      body: { grant_type: "client_credentials", client_id: clientId, client_secret: "[redacted]" },
    });
    let response: Response;
    try {
      response = await fetcher(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw failure("unavailable", "The connection to FedEx's token service failed", { cause });
    }
    if (!response.ok) throw await refusal(response, {});
    const body = (await response.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    const value = typeof body?.access_token === "string" ? body.access_token : null;
    // expires_in: seconds, a number (CARRIERS.md FedEx §1, karrio proxy.py); a string is tolerated.
    const seconds = Number(body?.expires_in);
    if (!value || !Number.isFinite(seconds) || seconds <= 0)
      throw failure("unavailable", "FedEx answered without a token");
    token = { value, renewAt: now().getTime() + Math.max(0, seconds * 1000 - RENEW_BEFORE_MS) };
    return value;
  }

  function accessToken(): Promise<string> {
    if (token && now().getTime() < token.renewAt) return Promise.resolve(token.value);
    // Concurrent calls share one token request.
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  }

  function logged(body: FedexBody): unknown {
    if (body.kind === "json") return body.value;
    return {
      document: body.document,
      attachment: { filename: body.file.name, contentType: body.file.type, size: body.file.bytes.length },
    };
  }

  /** Sends an authenticated call; a 401 (token expired or revoked) renews the token and retries once. */
  async function request(call: FedexCall): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const bearer = await accessToken();
      const response = await send(
        call,
        {
          authorization: `Bearer ${bearer}`,
          "x-locale": "en_US",
          "x-customer-transaction-id": crypto.randomUUID(),
        },
        logged(call.body),
      );
      if (response.status === 401 && attempt === 0) {
        await response.body?.cancel();
        token = null;
        continue;
      }
      if (!response.ok) throw await refusal(response, call);
      return response.json().catch(() => {
        throw failure(call.purchase ? "outcomeUnknown" : "unavailable", "FedEx answered with a body that is not JSON");
      });
    }
  }

  return { request, accessToken, base };
}
