import { AlertTriangle } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** On every page while a store's Shopify session is broken: admins get the one-click fix. */
export async function ReconnectBanner({
  stores,
  isAdmin,
}: {
  stores: { name: string; shopDomain: string }[];
  isAdmin: boolean;
}) {
  if (stores.length === 0) return null;
  const t = await getTranslations("stores");
  return (
    <div
      className="border-b border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 md:px-6"
      role="alert"
      data-testid="reconnect-banner"
    >
      {stores.map((store) => (
        <p key={store.shopDomain} className="flex flex-wrap items-center gap-2">
          <AlertTriangle className="size-4 shrink-0" aria-hidden />
          {isAdmin ? (
            <>
              <span>{t("bannerAdmin", { name: store.name })}</span>
              <a
                href={`/auth/toplevel?shop=${encodeURIComponent(store.shopDomain)}`}
                className="font-semibold underline underline-offset-2"
              >
                {t("reconnect")}
              </a>
            </>
          ) : (
            <span>{t("bannerOperator", { name: store.name })}</span>
          )}
        </p>
      ))}
    </div>
  );
}
