// The emulator's HTTP server: Shopify's OAuth and Admin GraphQL endpoints, plus the control API
// under /__emulator that exists only here (seeding, faults, token revocation, request log).
import http from "node:http";
import { executeAdminGraphql } from "./admin-api";
import { handleControl } from "./control";
import type { HttpReply } from "./http-reply";
import { authorizeDecision, checkAuthorizeRequest, installPage, tokenEndpoint, type AuthorizeRequest } from "./oauth";
import { EmulatorState, type AppCredentials } from "./state";
import { WebhookDispatcher, type WebhookOptions } from "./webhooks";

const SHOP_HEADER = "x-emulated-shop";
const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const GRAPHQL_PATH = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;

export interface EmulatorOptions {
  app: AppCredentials;
  /** How the app reaches the emulator, e.g. http://127.0.0.1:4010 (bulk result URLs use it). */
  publicUrl?: string;
  webhooks?: WebhookOptions;
  state?: EmulatorState;
  /** Called after changes worth persisting (snapshot). */
  onChange?: () => void;
}

export interface Emulator {
  state: EmulatorState;
  webhooks: WebhookDispatcher;
  server: http.Server;
  url: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch {
    return {};
  }
}

/** The shop a request is for: the seam's header, a *.myshopify.com Host, or a `shop` parameter. */
function shopOf(request: http.IncomingMessage, url: URL, body: Record<string, unknown> = {}): string | null {
  const candidates = [
    request.headers[SHOP_HEADER],
    request.headers.host?.split(":")[0],
    url.searchParams.get("shop"),
    body.shop,
  ];
  for (const candidate of candidates) {
    const value = Array.isArray(candidate) ? candidate[0] : candidate;
    if (typeof value === "string" && SHOP_DOMAIN.test(value.toLowerCase())) return value.toLowerCase();
  }
  return null;
}

function send(response: http.ServerResponse, reply: HttpReply) {
  const headers = { ...reply.headers };
  let payload: string | undefined;
  if (typeof reply.body === "string") payload = reply.body;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["Content-Type"] ??= "application/json; charset=utf-8";
  }
  response.writeHead(reply.status, headers);
  response.end(payload);
}

const html = (status: number, body: string): HttpReply => ({
  status,
  headers: { "Content-Type": "text/html; charset=utf-8" },
  body,
});

const UNAUTHORIZED: HttpReply = {
  status: 401,
  body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
};

export function createEmulator(options: EmulatorOptions): Emulator {
  const state = options.state ?? new EmulatorState(options.app);
  const webhooks = new WebhookDispatcher(state, options.webhooks);
  let publicUrl = options.publicUrl ?? "";
  const changed = () => options.onChange?.();

  async function route(request: http.IncomingMessage, url: URL): Promise<HttpReply> {
    const method = request.method ?? "GET";
    const path = url.pathname;

    if (path.startsWith("/__emulator/")) {
      const body = method === "GET" ? {} : parseBody(await readBody(request), request.headers["content-type"]);
      const reply = await handleControl({ state, webhooks, method, path, url, body });
      if (method !== "GET") changed();
      return reply;
    }

    if (path === "/admin/oauth/authorize") {
      const body = method === "POST" ? parseBody(await readBody(request), request.headers["content-type"]) : {};
      const params = method === "POST" ? body : Object.fromEntries(url.searchParams);
      const authorize: AuthorizeRequest = {
        shop: shopOf(request, url, body) ?? "",
        clientId: String(params.client_id ?? ""),
        scope: String(params.scope ?? ""),
        redirectUri: String(params.redirect_uri ?? ""),
        state: String(params.state ?? ""),
      };
      const check = checkAuthorizeRequest(state, authorize);
      if (!check.ok) return html(check.status, `<!doctype html><title>Error</title><h1>${check.message}</h1>`);
      if (method === "GET") return html(200, installPage(state, authorize));
      const location = authorizeDecision(state, authorize, body.decision === "install");
      changed();
      return { status: 302, headers: { Location: location } };
    }

    const shopDomain = shopOf(request, url);
    const shop = shopDomain ? state.shop(shopDomain) : undefined;

    if (path === "/admin/oauth/access_token" && method === "POST") {
      const body = parseBody(await readBody(request), request.headers["content-type"]);
      if (!shopDomain) return { status: 400, body: { error: "invalid_request", error_description: "Unknown shop." } };
      const reply = tokenEndpoint(state, shopDomain, body);
      changed();
      return reply;
    }

    const graphql = GRAPHQL_PATH.exec(path);
    if (graphql && method === "POST") {
      if (!shop) return { status: 404, body: { errors: "Not Found" } };
      const token = request.headers["x-shopify-access-token"];
      if (!state.validAccessToken(Array.isArray(token) ? token[0] : token, shop.profile.domain)) return UNAUTHORIZED;
      if (shop.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, shop.faults.latencyMs));
      if (shop.faults.errorRate > 0 && Math.random() < shop.faults.errorRate) {
        return { status: 503, body: { errors: "Service Unavailable" } };
      }
      const body = parseBody(await readBody(request), request.headers["content-type"]);
      const result = await executeAdminGraphql(shop, body, { state, webhooks, publicUrl, apiVersion: graphql[1] });
      (request as { costLog?: unknown }).costLog = result;
      if (result.operationName && /^\s*mutation/.test(String(body.query))) changed();
      return { status: result.status, body: result.body };
    }

    return { status: 404, body: { errors: "Not Found" } };
  }

  const server = http.createServer(async (request, response) => {
    const started = performance.now();
    const url = new URL(request.url ?? "/", "http://emulator.local");
    let reply: HttpReply;
    try {
      reply = await route(request, url);
    } catch (error) {
      console.error("[emulator]", error);
      reply = { status: 500, body: { errors: "Internal Server Error" } };
    }
    send(response, reply);
    if (!url.pathname.startsWith("/__emulator/")) {
      const cost = (
        request as {
          costLog?: {
            requestedCost?: number;
            actualCost?: number | null;
            throttled?: boolean;
            operationName?: string | null;
          };
        }
      ).costLog;
      state.log({
        at: new Date().toISOString(),
        method: request.method ?? "GET",
        path: url.pathname,
        shop: shopOf(request, url),
        status: reply.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        requestedCost: cost?.requestedCost,
        actualCost: cost?.actualCost,
        throttled: cost?.throttled,
        operation: cost?.operationName ?? null,
      });
    }
  });

  const emulator: Emulator = {
    state,
    webhooks,
    server,
    get url() {
      return publicUrl;
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as { port: number };
          publicUrl ||= `http://${host}:${address.port}`;
          resolve(publicUrl);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}
