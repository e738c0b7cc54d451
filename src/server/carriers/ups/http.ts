// UPS's transport: OAuth client-credentials token (cached until shortly before it expires; UPS
// issues no refresh token), the transId/transactionSrc headers, pacing, timeouts, and turning
// UPS's error bodies into CarrierApiError. Source: CARRIERS.md "UPS §1" (OAuthClientCredentials.yaml).
import { randomBytes } from "node:crypto";
import { CarrierApiError, type ClientOptions } from "../api";
import { upsErrorCode, upsErrors } from "./responses";

const DEFAULT_TIMEOUT_MS = 30_000;
/** A token is renewed this long before UPS says it expires, so no call goes out with a dying one. */
const TOKEN_MARGIN_MS = 60_000;
/**
 * UPS publishes no rate limit (CARRIERS.md §1: "not published"; a 429 means writing to them), so
 * the client keeps itself to a conservative 10 requests per second per account.
 */
export const UPS_REQUESTS_PER_SECOND = 10;

export interface UpsCall {
  operation: string;
  method: "GET" | "POST" | "DELETE";
  /** Below the base URL, e.g. "/api/shipments/v2409/ship". */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  /** A purchase or booking: a timeout or 5xx leaves its outcome unknown (not merely "unavailable"). */
  outcomeMatters?: boolean;
}

interface Token {
  value: string;
  expiresAt: number;
}

export class UpsHttp {
  private token: Token | null = null;
  private pendingToken: Promise<Token> | null = null;
  private nextSlot = 0;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly options: ClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
  }

  get accountNumber(): string {
    return this.options.account.credentials.accountNumber;
  }

  get environment(): "test" | "production" {
    return this.options.account.environment;
  }

  /** Waits for this request's slot in the 10/s pace (slots are handed out in call order). */
  private async pace(): Promise<void> {
    const at = Date.now();
    const slot = Math.max(at, this.nextSlot);
    this.nextSlot = slot + 1000 / UPS_REQUESTS_PER_SECOND;
    if (slot > at) await new Promise((resolve) => setTimeout(resolve, slot - at));
  }

  private async send(
    operation: string,
    method: string,
    url: string,
    init: { headers: Record<string, string>; body?: string },
    logged: unknown,
  ): Promise<Response> {
    await this.pace();
    this.options.onRequest?.({ carrier: "ups", operation, method, url, body: logged });
    return this.fetch(url, {
      method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  }

  private async fetchToken(): Promise<Token> {
    const { clientId, clientSecret } = this.options.account.credentials;
    const form = { grant_type: "client_credentials" };
    const url = `${this.options.endpoints.baseUrl}/security/v1/oauth/token`;
    let response: Response;
    try {
      response = await this.send(
        "token",
        "POST",
        url,
        {
          headers: {
            Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
            "x-merchant-id": this.accountNumber,
          },
          body: new URLSearchParams(form).toString(),
        },
        form,
      );
    } catch (error) {
      throw new CarrierApiError("unavailable", "ups", null, { cause: error });
    }
    const body = await readJson(response);
    if (!response.ok) throw failure(response, body, false, true);
    const parsed = body as { access_token?: unknown; expires_in?: unknown };
    // expires_in is a string of seconds (CARRIERS.md §1, OAuthClientCredentials.yaml).
    const seconds = Number(parsed.expires_in);
    if (typeof parsed.access_token !== "string" || !parsed.access_token || !Number.isFinite(seconds) || seconds <= 0) {
      throw new CarrierApiError("unavailable", "ups", "The token answer has no access_token/expires_in");
    }
    return { value: parsed.access_token, expiresAt: this.now().getTime() + seconds * 1000 };
  }

  private async bearer(forceNew: boolean): Promise<string> {
    const fresh = this.token && this.token.expiresAt - TOKEN_MARGIN_MS > this.now().getTime();
    if (!forceNew && fresh) return this.token!.value;
    // Concurrent calls share one token request.
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = null));
    this.token = await this.pendingToken;
    return this.token.value;
  }

  /** Sends an authenticated API call; resolves with the parsed JSON answer of a 2xx. */
  async call(call: UpsCall): Promise<unknown> {
    const first = await this.attempt(call, await this.bearer(false));
    if (first.status !== 401) return first.result();
    // An expired or revoked token: one new token, one retry.
    const second = await this.attempt(call, await this.bearer(true));
    return second.result();
  }

  private async attempt(call: UpsCall, token: string): Promise<{ status: number; result: () => unknown }> {
    const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : "";
    const url = `${this.options.endpoints.baseUrl}${call.path}${query}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: "application/json",
      // "an identifier unique to the request", ≤ 32 characters (CARRIERS.md §1).
      transId: randomBytes(16).toString("hex"),
      transactionSrc: "shipsmart",
      ...call.headers,
    };
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await this.send(
        call.operation,
        call.method,
        url,
        { headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) },
        call.body,
      );
    } catch (error) {
      // Aborted by our timeout or the connection failed: a purchase may have gone through.
      throw new CarrierApiError(call.outcomeMatters ? "outcomeUnknown" : "unavailable", "ups", null, { cause: error });
    }
    let body: unknown;
    try {
      body = await readJson(response);
    } catch (error) {
      throw new CarrierApiError(call.outcomeMatters ? "outcomeUnknown" : "unavailable", "ups", null, { cause: error });
    }
    if (response.ok) return { status: response.status, result: () => body };
    return {
      status: response.status,
      result: () => {
        throw failure(response, body, call.outcomeMatters ?? false, false);
      },
    };
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsed: text.slice(0, 200) };
  }
}

function failure(response: Response, body: unknown, outcomeMatters: boolean, token: boolean): CarrierApiError {
  const errors = upsErrors(body);
  const message = errors.length ? errors.map((e) => `${e.code}: ${e.message}`).join("; ") : null;
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get("retry-after"));
    return new CarrierApiError("rateLimited", "ups", message, {
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
    });
  }
  if (response.status >= 500)
    return new CarrierApiError(outcomeMatters ? "outcomeUnknown" : "unavailable", "ups", message);
  if (response.status === 401 || (token && response.status === 400))
    return new CarrierApiError("unauthorized", "ups", message);
  if (response.status === 403) return new CarrierApiError("forbidden", "ups", message);
  return new CarrierApiError(upsErrorCode(errors), "ups", message);
}
