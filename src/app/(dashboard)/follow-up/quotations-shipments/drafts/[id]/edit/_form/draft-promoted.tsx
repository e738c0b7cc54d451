"use client";
import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Shown instead of the form once a save completed the draft and it became a ready shipment. */
export function DraftPromoted({ message }: { message?: string }) {
  const t = useTranslations();
  return (
    <Card className="flex h-fit flex-col items-start gap-3 p-6">
      <CheckCircle2 className="size-8 text-emerald-600" aria-hidden />
      <p className="text-base font-medium text-slate-900" role="status">
        {message}
      </p>
      <div className="flex flex-wrap gap-2">
        <Link href="/shipments" className={buttonClasses("primary")}>
          {t("drafts.goToShipments")}
        </Link>
        <Link href="/follow-up/quotations-shipments?tab=drafts" className={buttonClasses("secondary")}>
          {t("drafts.nextDraft")}
        </Link>
      </div>
    </Card>
  );
}
