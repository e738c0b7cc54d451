import { Package } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { safeReturnPath } from "@/domain/return-path";
import { getCurrentUser } from "@/server/auth/session";
import { switchLocale } from "../../locale-actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  // Credentials in a URL (an old bookmark, a form submitted as GET) are never rendered back, not
  // even in the page's own URL: the address is replaced by one without them.
  if ("password" in params || "email" in params) {
    redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  }
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="absolute top-4 right-4">
        <LocaleSwitcher switchLocale={switchLocale} />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <div className="mb-3 rounded-xl bg-brand-600 p-2.5 text-white shadow-sm">
            <Package className="size-7" aria-hidden />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("app.name")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("app.tagline")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">{t("signIn.title")}</h2>
          <SignInForm returnTo={returnTo} />
        </div>
      </div>
    </main>
  );
}
