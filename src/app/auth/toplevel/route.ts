// /auth/toplevel?shop=<store>.myshopify.com — the link merchants already have for regenerating a
// store's session: admin only, validates the shop, makes sure Shopify has a store there, then
// starts OAuth. A malformed or unknown address ends on our own translated page, with the way back
// to the connect form.
import { getTranslations } from "next-intl/server";
import { normalizeShopDomain } from "@/domain/shop-domain";
import { resolveLocale } from "@/i18n/locale";
import { authedRoute } from "@/server/auth/route";
import { errorPage } from "@/server/http/error-page";
import { beginOAuth } from "@/server/services/store-connection";
import { getShopify } from "@/server/shopify/api";
import { shopHasNoStore } from "@/server/shopify/shop-probe";

export const GET = authedRoute("admin", async (request) => {
  const given = request.nextUrl.searchParams.get("shop");
  const shop = normalizeShopDomain(given);
  const shopify = getShopify();
  if (shop && !(await shopHasNoStore(shopify, shop))) return beginOAuth({ shopify }, shop, request);
  const locale = await resolveLocale();
  const t = await getTranslations({ locale, namespace: "connect" });
  return errorPage(shop ? 404 : 400, {
    lang: locale,
    title: shop ? t("unknownShopTitle") : t("invalidShopTitle"),
    message: shop ? t("unknownShopBody", { shop }) : t("invalidShopBody", { shop: given ?? "" }),
    linkHref: "/stores?connect=1",
    linkLabel: t("tryAgain"),
  });
});
