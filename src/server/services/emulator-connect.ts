import "server-only";
// Development convenience with no shortcut: connects a store of the local emulator through the
// real OAuth code path — begin, the emulator's Install page answered "Install", and the same
// callback handling an admin's browser goes through.
import { appUrl } from "../env";
import { beginOAuth, handleOAuthCallback } from "./store-connection";
import type { ShopDeps } from "./shop-session";

// @shopify/shopify-api refuses requests that look like bots.
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export async function connectThroughEmulator(deps: ShopDeps, shop: string, emulatorUrl: string) {
  const begin = await beginOAuth(
    deps,
    shop,
    new Request(`${appUrl()}/auth/toplevel?shop=${shop}`, { headers: { "user-agent": BROWSER_UA } }),
  );
  const authorize = begin.headers.get("location");
  if (!authorize?.startsWith(emulatorUrl)) throw new Error(`OAuth did not lead to the emulator (${authorize})`);
  const page = await (await fetch(authorize)).text();
  const form = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name,
      value
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    ]),
  );
  form.set("decision", "install");
  const decision = await fetch(`${emulatorUrl}/admin/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const callback = decision.headers.get("location");
  if (!callback) throw new Error(`The emulator did not redirect back (HTTP ${decision.status})`);
  return handleOAuthCallback(
    deps,
    new Request(callback, { headers: { "user-agent": BROWSER_UA, cookie: cookieHeader(begin) } }),
    null,
  );
}
