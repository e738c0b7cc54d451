import { getRequestConfig } from "next-intl/server";
import { resolveLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    // Pickups and dates are in the merchants' time zone: every store here ships from São Paulo.
    timeZone: "America/Sao_Paulo",
  };
});
