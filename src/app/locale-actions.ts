"use server";
// Switching the language works signed in or out (the sign-in page has the switcher too), so
// this is the one action outside authedAction: it only sets a cookie, and for a signed-in user
// also remembers the choice on their account.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locale";
import { getCurrentUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { setUserLocale } from "@/server/services/users";

export async function switchLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user) await setUserLocale(await getDb(), user.id, locale);
}
