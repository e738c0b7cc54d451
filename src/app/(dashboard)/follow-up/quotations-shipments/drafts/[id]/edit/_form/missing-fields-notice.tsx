"use client";
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { Badge } from "@/components/ui/badge";
import { ProblemList } from "@/components/shipments/problem-list";
import type { ShipmentProblem } from "@/domain/shipment-problem";

/** What the draft still misses, as badges, with the reasons behind them. */
export function MissingFieldsNotice({ missing, problems }: { missing: string[]; problems: ShipmentProblem[] }) {
  const t = useTranslations();
  if (missing.length === 0) return null;
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="missing-fields">
      <p className="mb-2 text-sm font-medium text-amber-900">{t("drafts.missingIntro", { count: missing.length })}</p>
      <div className="flex flex-wrap gap-1.5">
        {missing.map((field) => (
          <Badge key={field} tone="amber">
            {translateOr(t, `fields.${field}`, field)}
          </Badge>
        ))}
      </div>
      <ProblemList problems={problems} className="mt-2 text-amber-900" />
    </div>
  );
}
