"use client";
import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES } from "@/domain/roles";

/** `switchLocale` is the route's server action that stores the choice (cookie, and the account's). */
export function LocaleSwitcher({ switchLocale }: { switchLocale: (locale: string) => Promise<void> }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-600">
      <Languages className="size-4" aria-hidden />
      <span className="sr-only">{t("label")}</span>
      <select
        aria-label={t("label")}
        data-testid="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await switchLocale(next);
            router.refresh();
          });
        }}
        className="rounded-md border-0 bg-transparent py-1 pr-7 pl-1 text-sm font-medium text-slate-700 ring-1 ring-slate-200 ring-inset focus:ring-2 focus:ring-brand-500"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code}>
            {t(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
