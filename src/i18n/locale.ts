import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALES, localeFromAcceptLanguage, type Locale } from "@/domain/users";
import { getCurrentUser } from "@/server/auth/session";

export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The signed-in user's choice, else the browser's last choice (cookie), else Accept-Language. */
export async function resolveLocale(): Promise<Locale> {
  const user = await getCurrentUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
