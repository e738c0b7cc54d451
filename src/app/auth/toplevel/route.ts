// /auth/toplevel?shop=<store>.myshopify.com — the link merchants already have for regenerating a
// store's session: admin only, validates the shop, then starts OAuth.
import { getTranslations } from "next-intl/server";
import { normalizeShopDomain } from "@/domain/shop-domain";
import { resolveLocale } from "@/i18n/locale";
import { authedRoute } from "@/server/auth/route";
import { errorPage } from "@/server/http/error-page";
import { beginOAuth } from "@/server/services/store-connection";
import { getShopify } from "@/server/shopify/api";

export const GET = authedRoute("admin", async (request) => {
  const given = request.nextUrl.searchParams.get("shop");
  const shop = normalizeShopDomain(given);
  if (!shop) {
    const locale = await resolveLocale();
    const t = await getTranslations({ locale, namespace: "connect" });
    return errorPage(400, {
      lang: locale,
      title: t("invalidShopTitle"),
      message: t("invalidShopBody", { shop: given ?? "" }),
      linkHref: "/stores",
      linkLabel: t("backToStores"),
    });
  }
  return beginOAuth({ shopify: getShopify() }, shop, request);
});
