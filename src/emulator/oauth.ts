// Shopify's OAuth authorization-code grant: the "Install app" page, the redirect back to the app
// with code/hmac/host/shop/state/timestamp, and the token endpoint with expiring offline tokens
// and the refresh_token grant.
import crypto from "node:crypto";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS, type EmulatorState } from "./state";

const CODE_TTL_MS = 10 * 60 * 1000;

/** Hex HMAC-SHA256 of the sorted, form-encoded query without `hmac`, as @shopify/shopify-api checks it. */
export function oauthHmac(params: Record<string, string>, secret: string): string {
  const sorted = Object.keys(params)
    .filter((key) => key !== "hmac" && key !== "signature")
    .sort((a, b) => a.localeCompare(b));
  const query = new URLSearchParams(sorted.map((key) => [key, params[key]])).toString();
  return crypto.createHmac("sha256", secret).update(query).digest("hex");
}

export interface AuthorizeRequest {
  shop: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  state: string;
}

export type AuthorizeCheck = { ok: true } | { ok: false; status: number; message: string };

export function checkAuthorizeRequest(state: EmulatorState, request: AuthorizeRequest): AuthorizeCheck {
  if (!state.shop(request.shop)) return { ok: false, status: 404, message: `There is no store at ${request.shop}.` };
  if (request.clientId !== state.app.apiKey) {
    return { ok: false, status: 400, message: "Oauth error invalid_request: The client_id is not valid for this app." };
  }
  try {
    const url = new URL(request.redirectUri);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
  } catch {
    return {
      ok: false,
      status: 400,
      message: "Oauth error invalid_request: The redirect_uri is missing or not valid.",
    };
  }
  if (!request.state) return { ok: false, status: 400, message: "Oauth error invalid_request: The state is missing." };
  return { ok: true };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** The merchant-facing Install page. */
export function installPage(state: EmulatorState, request: AuthorizeRequest): string {
  const shop = state.shop(request.shop)!;
  const scopes = request.scope
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  const hidden = Object.entries({
    client_id: request.clientId,
    scope: request.scope,
    redirect_uri: request.redirectUri,
    state: request.state,
    shop: request.shop,
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Install app · ${escapeHtml(shop.profile.name)}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f1f1;color:#303030}
.bar{background:#1a1a1a;color:#fff;padding:12px 20px;font-weight:600}
.card{max-width:520px;margin:48px auto;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.15);padding:28px}
h1{font-size:20px;margin:0 0 4px} p{color:#616161;margin:0 0 16px} ul{padding-left:20px;margin:0 0 24px}
li{margin:4px 0;font-family:ui-monospace,monospace;font-size:13px}
.actions{display:flex;gap:12px;justify-content:flex-end}
button{font:inherit;border-radius:8px;padding:8px 16px;cursor:pointer;border:1px solid #c9c9c9;background:#fff}
button.primary{background:#303030;color:#fff;border-color:#303030}
.note{font-size:12px;color:#8a8a8a;margin-top:20px}
</style></head>
<body><div class="bar">Shopify · ${escapeHtml(shop.profile.name)}</div>
<main class="card">
<h1>Install ShipSmart</h1>
<p>${escapeHtml(request.shop)} is about to grant this app access to:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join("")}</ul>
<form method="post" action="/admin/oauth/authorize">${hidden}
<div class="actions"><button type="submit" name="decision" value="cancel">Cancel</button>
<button type="submit" name="decision" value="install" class="primary">Install app</button></div></form>
<p class="note">Local Shopify emulator — no real store is touched.</p>
</main></body></html>`;
}

/** Where the browser goes after the merchant decides. */
export function authorizeDecision(
  state: EmulatorState,
  request: AuthorizeRequest,
  install: boolean,
  now = Date.now(),
): string {
  const redirect = new URL(request.redirectUri);
  const shopName = request.shop.replace(/\.myshopify\.com$/, "");
  if (!install) {
    // Shopify sends the merchant back without a code.
    redirect.search = new URLSearchParams({
      error: "access_denied",
      error_description: "The merchant did not install the app.",
      shop: request.shop,
      state: request.state,
    }).toString();
    return redirect.toString();
  }
  const code = crypto.randomBytes(16).toString("hex");
  state.codes.set(code, { code, shop: request.shop, scope: request.scope, expiresAt: now + CODE_TTL_MS, used: false });
  const params: Record<string, string> = {
    code,
    host: Buffer.from(`admin.shopify.com/store/${shopName}`).toString("base64url"),
    shop: request.shop,
    state: request.state,
    timestamp: String(Math.floor(now / 1000)),
  };
  params.hmac = oauthHmac(params, state.app.apiSecret);
  redirect.search = new URLSearchParams(params).toString();
  return redirect.toString();
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

const oauthError = (error: string, description: string, status = 400): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

/** Scopes as Shopify grants them: write_x implies read_x, so read_x is dropped when write_x is there. */
export function compressScopes(scope: string): string {
  const scopes = new Set(
    scope
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const s of [...scopes]) if (s.startsWith("write_")) scopes.delete(`read_${s.slice(6)}`);
  return [...scopes].join(",");
}

export function tokenEndpoint(
  state: EmulatorState,
  shopDomain: string,
  params: Record<string, unknown>,
  now = Date.now(),
): TokenResponse {
  const shop = state.shop(shopDomain);
  if (!shop) return oauthError("invalid_request", "The shop does not exist.", 404);
  if (params.client_id !== state.app.apiKey || params.client_secret !== state.app.apiSecret) {
    return oauthError("invalid_client", "Client authentication failed.", 401);
  }
  if (params.grant_type === "refresh_token") {
    const presented =
      typeof params.refresh_token === "string" ? state.refreshTokens.get(params.refresh_token) : undefined;
    if (!presented || presented.revoked || presented.shop !== shop.profile.domain || presented.expiresAt <= now) {
      return oauthError("invalid_grant", "The refresh token is invalid, expired or revoked.");
    }
    if (presented.supersededBy) {
      const successor = state.refreshTokens.get(presented.supersededBy);
      if (successor && successor.supersededBy !== null) {
        return oauthError("invalid_grant", "The refresh token has already been rotated.");
      }
    }
    const { access, refresh } = state.issueTokens(shop.profile.domain, presented.scope, true, now);
    // The previous refresh token stays usable until the new one is first used (Shopify, Aug 2026).
    presented.supersededBy = refresh!.token;
    for (const token of state.refreshTokens.values()) {
      if (token.supersededBy === presented.token) token.revoked = true;
    }
    return {
      status: 200,
      body: {
        access_token: access.token,
        scope: access.scope,
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        refresh_token: refresh!.token,
        refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      },
    };
  }
  if (typeof params.code !== "string" || !params.code)
    return oauthError("invalid_request", "The code parameter is missing.");
  const code = state.codes.get(params.code);
  if (!code || code.used || code.expiresAt <= now || code.shop !== shop.profile.domain) {
    return oauthError("invalid_grant", "The authorization code is invalid, expired or was already used.");
  }
  code.used = true;
  const expiring = params.expiring === "1" || params.expiring === 1 || params.expiring === true;
  const scope = compressScopes(code.scope);
  const { access, refresh } = state.issueTokens(shop.profile.domain, scope, expiring, now);
  shop.installed = true;
  shop.grantedScopes = scope.split(",");
  return {
    status: 200,
    body: expiring
      ? {
          access_token: access.token,
          scope,
          expires_in: ACCESS_TOKEN_TTL_SECONDS,
          refresh_token: refresh!.token,
          refresh_token_expires_in: REFRESH_TOKEN_TTL_SECONDS,
        }
      : { access_token: access.token, scope },
  };
}
