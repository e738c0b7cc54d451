// Runs before every page and route: answers an over-long URL with 414 before anything else,
// sends signed-out visitors to sign-in (every page, action and route still checks the session
// itself — this is for navigation) and sets the security headers, including a per-request CSP
// nonce that Next applies to its own scripts.
import { getToken } from "next-auth/jwt";
import { createTranslator } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_URL_BYTES, isUrlTooLong } from "./domain/request-limits";
import { localeFromAcceptLanguage, localeSchema } from "./domain/users";
import { sessionCookie } from "./server/auth/session-cookie";
import { decodeSessionToken } from "./server/auth/session-token-cache";
import { appUrl, authSecret, isProduction } from "./server/env";
import { errorPage } from "./server/http/error-page";
import { strictTransportSecurity } from "./server/http/hsts";

const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/webhooks\//];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.some((pattern) => pattern.test(pathname));
}

function contentSecurityPolicy(nonce: string): string {
  const dev = !isProduction;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  const hsts = strictTransportSecurity({ production: isProduction, appUrl: appUrl() });
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

/** 414 in the visitor's language (their last choice, else the browser's), before any other work. */
async function urlTooLong(request: NextRequest, csp: string): Promise<NextResponse> {
  const locale =
    localeSchema.safeParse(request.cookies.get("NEXT_LOCALE")?.value).data ??
    localeFromAcceptLanguage(request.headers.get("accept-language"));
  const messages = (await import(`./i18n/messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages, namespace: "errorPages" });
  const page = errorPage(414, {
    lang: locale,
    title: t("urlTooLongTitle"),
    message: t("urlTooLongBody", { max: MAX_URL_BYTES }),
    linkHref: "/shipments",
    linkLabel: t("backHome"),
  });
  return withSecurityHeaders(new NextResponse(page.body, { status: 414, headers: page.headers }), csp);
}

/** Sign-in, coming back to where the visitor was — unless that address would make the link too long. */
function signInRedirect(pathAndQuery: string): URL {
  const signIn = new URL("/sign-in", appUrl());
  signIn.searchParams.set("callbackUrl", pathAndQuery);
  if (isUrlTooLong(`${signIn.pathname}${signIn.search}`)) signIn.search = "";
  return signIn;
}

// next-auth's one-line `export { default } from "next-auth/middleware"` does not build as
// proxy.ts, and its withAuth skips the sign-in page (which needs the headers too), so the
// session check is done here with getToken.
export default async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  // As Next hands it over (the query re-encoded: a %20 arrives as +) — what our code would work on.
  const { pathname, search } = request.nextUrl;
  if (isUrlTooLong(`${pathname}${search}`)) return urlTooLong(request, csp);

  if (
    !isPublic(pathname) &&
    !(await getToken({
      req: request,
      secret: authSecret(),
      cookieName: sessionCookie().name,
      decode: decodeSessionToken,
    }))
  ) {
    return withSecurityHeaders(NextResponse.redirect(signInRedirect(`${pathname}${search}`)), csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
