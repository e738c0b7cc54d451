import "server-only";
// Before sending an admin to Shopify's OAuth page: is there a store at that address at all? A
// mistyped name would otherwise end on Shopify's own "no store here" page, far from the dashboard.
// An Admin API request without a token answers 401 for a store that exists and 404 for a domain
// with no store; only that 404 is taken as "no store" — a timeout or any other answer lets OAuth
// go ahead, so a slow probe never stands between a merchant and their install.
import { abstractFetch } from "@shopify/shopify-api/runtime";
import type { Shopify } from "@shopify/shopify-api";

const PROBE_TIMEOUT_MS = 5000;

export async function shopHasNoStore(shopify: Shopify, shop: string): Promise<boolean> {
  try {
    // Through the library's fetch, so the emulator seam (when installed) routes it like every call.
    const response = await abstractFetch(`https://${shop}/admin/api/${shopify.config.apiVersion}/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ shop { id } }" }),
      redirect: "manual",
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.status === 404;
  } catch {
    return false;
  }
}
