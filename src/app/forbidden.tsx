import { ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("errorPages");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-4 text-center">
      <ShieldAlert className="mb-4 size-10 text-amber-500" aria-hidden />
      <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">{t("forbiddenBody")}</p>
      <Link href="/shipments" className={buttonClasses("secondary", "md", "mt-6")}>
        {t("backHome")}
      </Link>
    </main>
  );
}
