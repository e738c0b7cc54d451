"use client";
import { Calculator, Check } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { carrierName } from "@/domain/carrier-registry";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import type { QuoteRow } from "@/lib/rows/quotes";
import { pickQuoteAction, quoteShipmentAction } from "./actions";

export type QuoteView = Pick<
  QuoteRow,
  "id" | "carrier" | "service" | "chargeableWeightKg" | "price" | "currency" | "transitDays"
>;

/** Quotes from the rate cards: get them, compare, pick one (sets carrier and service). */
export function QuotesCard({
  shipmentId,
  version,
  quotes,
  chosenQuoteId,
}: {
  shipmentId: string;
  version: number;
  quotes: QuoteView[];
  chosenQuoteId: string | null;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const [quoted, quote, quoting] = useActionState(quoteShipmentAction, null);
  const [picked, pick, picking] = useActionState(pickQuoteAction, null);
  const outcome = picked ?? quoted;
  return (
    <Card className="h-fit p-4" data-testid="quotes-card">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-900">{t("quotes.title")}</h2>
        <form action={quote}>
          <input type="hidden" name="id" value={shipmentId} />
          <Button type="submit" variant="secondary" size="sm" disabled={quoting}>
            <Calculator className="size-4" aria-hidden />
            {quotes.length > 0 ? t("quotes.requote") : t("quotes.getQuotes")}
          </Button>
        </form>
      </div>
      {outcome ? (
        <div className="mb-3">
          <Alert tone={outcome.ok ? "success" : "error"}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
        </div>
      ) : null}
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("quotes.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {quotes.map((q) => (
            <li key={q.id} className="flex items-center justify-between gap-2 py-2 text-sm">
              <div>
                <div className="font-medium text-slate-900">
                  {carrierName(q.carrier)} · {q.service}
                </div>
                <div className="text-xs text-slate-500">
                  {format.number(Number(q.chargeableWeightKg), { maximumFractionDigits: 1 })} kg ·{" "}
                  {q.transitDays ? t("quotes.days", { count: q.transitDays }) : "—"}
                </div>
              </div>
              <div className="flex items-center gap-2">
                <span className="font-semibold tabular-nums">
                  {format.number(Number(q.price), { style: "currency", currency: q.currency })}
                </span>
                {q.id === chosenQuoteId ? (
                  <Badge tone="green">
                    <Check className="size-3" aria-hidden /> {t("quotes.chosen")}
                  </Badge>
                ) : (
                  <form action={pick}>
                    <input type="hidden" name="quoteId" value={q.id} />
                    <input type="hidden" name="version" value={version} />
                    <Button
                      type="submit"
                      size="sm"
                      disabled={picking}
                      aria-label={t("quotes.pickLabel", { carrier: carrierName(q.carrier), service: q.service })}
                    >
                      {t("quotes.pick")}
                    </Button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
