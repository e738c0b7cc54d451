import { Search } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { translateOr } from "@/i18n/message-keys";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import type { orderImportHistory } from "@/server/queries/sync-runs";

/** "Why isn't order #1234 here?" — every import of one order number, with its outcome and reason. */
export async function OrderLookup({
  order,
  history,
}: {
  order: string;
  history: Awaited<ReturnType<typeof orderImportHistory>> | null;
}) {
  const t = await getTranslations();
  // Messages are never empty (messages.test.ts), so "" means the reason has none.
  const reasonText = (reason: string | null) =>
    reason ? translateOr(t, `syncRuns.reasons.${reason}`, "", { country: "" }) : "";
  const format = await getFormatter();
  return (
    <Card className="mb-6 p-4">
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex-1 space-y-1.5">
          <span className="block text-sm font-medium text-slate-700">{t("syncRuns.lookupLabel")}</span>
          <Input name="order" defaultValue={order} placeholder="#1001" className="max-w-xs" />
        </label>
        <Button type="submit" variant="secondary">
          <Search className="size-4" aria-hidden />
          {t("syncRuns.lookup")}
        </Button>
      </form>
      {history ? (
        history.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600" data-testid="order-history">
            {t("syncRuns.lookupNone", { order })}
          </p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="order-history">
            {history.map((entry) => (
              <li key={`${entry.runId}-${entry.at.toISOString()}`} className="flex flex-wrap items-center gap-3 py-2">
                <Link
                  href={`/sync-runs/${entry.runId}?q=${encodeURIComponent(entry.orderName ?? "")}`}
                  className="text-brand-700 hover:underline"
                >
                  {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
                </Link>
                <span className="text-slate-600">{entry.storeName}</span>
                <Badge>{t(`syncRuns.outcomes.${entry.outcome}`)}</Badge>
                {reasonText(entry.reason) ? <span className="text-slate-600">{reasonText(entry.reason)}</span> : null}
                {entry.detail?.missing?.map((field) => (
                  <Badge key={field} tone="amber">
                    {t.has(`fields.${field}`) ? t(`fields.${field}`) : field}
                  </Badge>
                ))}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Card>
  );
}
