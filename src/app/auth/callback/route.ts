// /auth/callback — where Shopify sends the admin back after Install. We check the shop is the one
// that began OAuth, the library verifies the state cookie, HMAC and timestamp; anything wrong ends
// on a clear page and changes nothing.
import { ShopifyError } from "@shopify/shopify-api";
import { getTranslations } from "next-intl/server";
import { NextResponse } from "next/server";
import { normalizeShopDomain } from "@/domain/shop-domain";
import { resolveLocale } from "@/i18n/locale";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { appUrl } from "@/server/env";
import { errorPage } from "@/server/http/error-page";
import { OAuthShopMismatchError, handleOAuthCallback } from "@/server/services/store-connection";
import { getShopify } from "@/server/shopify/api";

export const GET = authedRoute("admin", async (request, user) => {
  const params = request.nextUrl.searchParams;
  const shop = normalizeShopDomain(params.get("shop")) ?? "";
  // Absolute URLs from APP_URL: behind a proxy (or `next start -H`) request.url names another host.
  const stores = new URL("/stores", appUrl());
  if (params.get("error")) {
    stores.searchParams.set("cancelled", shop);
    return NextResponse.redirect(stores);
  }
  try {
    const { reconnected } = await handleOAuthCallback({ db: await getDb(), shopify: getShopify() }, request, user.id);
    stores.searchParams.set(reconnected ? "reconnected" : "connected", shop);
    return NextResponse.redirect(stores);
  } catch (error) {
    if (!(error instanceof ShopifyError || error instanceof OAuthShopMismatchError)) throw error;
    console.warn(`[oauth] callback for ${shop || "unknown shop"} refused: ${error.name}`);
    const locale = await resolveLocale();
    const t = await getTranslations({ locale, namespace: "connect" });
    return errorPage(400, {
      lang: locale,
      title: t("callbackFailedTitle"),
      message: t("callbackFailedBody"),
      linkHref: "/stores",
      linkLabel: t("backToStores"),
    });
  }
});
