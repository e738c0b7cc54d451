// Shopify webhooks (orders, app/uninstalled, compliance topics). Authenticated by HMAC, not by a
// user session: the handler verifies it on the raw body before anything else.
import { getDb } from "@/server/db/client";
import { handleShopifyWebhook } from "@/server/services/shopify-webhooks";
import { getShopify } from "@/server/shopify/api";

export async function POST(request: Request) {
  return handleShopifyWebhook({ db: await getDb(), shopify: getShopify() }, request);
}
