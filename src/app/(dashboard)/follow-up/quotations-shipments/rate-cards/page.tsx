import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert, PageHeader } from "@/components/ui/card";
import { ZONE_IDS } from "@/domain/quotes";
import { requireRole } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { loadRateCards } from "@/server/services/quotes";
import { RateCardForm } from "./rate-card-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rateCards"))("title") };
}

export default async function RateCardsPage() {
  await requireRole("admin", "/follow-up/quotations-shipments/rate-cards");
  const [cards, t] = await Promise.all([loadRateCards(await getDb()), getTranslations()]);
  return (
    <>
      <Link
        href="/follow-up/quotations-shipments"
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> {t("followUp.title")}
      </Link>
      <PageHeader title={t("rateCards.title")} description={t("rateCards.description")} />
      {cards.some((card) => card.isDefault) ? (
        <div className="mb-6">
          <Alert tone="warning">{t("rateCards.defaultsNotice")}</Alert>
        </div>
      ) : null}
      <div className="space-y-6">
        {cards.map((card) => (
          <RateCardForm key={card.id} card={card} zoneIds={[...ZONE_IDS]} />
        ))}
      </div>
    </>
  );
}
