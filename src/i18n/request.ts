import { getRequestConfig } from "next-intl/server";
import { resolveLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    // Pickups and dates are in the merchants' time zone: every store here ships from São Paulo.
    timeZone: "America/Sao_Paulo",
    // "2 hours ago" is measured from the request's own time, on the server and in the browser
    // alike (NextIntlClientProvider inherits it): without it next-intl falls back to each
    // environment's clock, reports ENVIRONMENT_FALLBACK and risks a hydration mismatch.
    now: new Date(),
  };
});
