"use client";
import { Calculator, Check } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { carrierName } from "@/domain/carrier-registry";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import type { QuoteRow } from "@/lib/rows/quotes";
import { cn } from "@/components/ui/cn";
import { goToField, useQuoteFields } from "./_form/quote-fields";
import { pickQuoteAction, quoteShipmentAction } from "./actions";
import type { QuoteProblemView } from "./quote-outcome";

export type QuoteView = Pick<
  QuoteRow,
  "id" | "carrier" | "service" | "chargeableWeightKg" | "price" | "currency" | "transitDays" | "source"
> & {
  /** The carrier account a live rate came from (null: a rate card's, or an account since removed). */
  accountName: string | null;
  estimatedDelivery: string | null;
};

type QuoteResult = Awaited<ReturnType<typeof quoteShipmentAction>>;

/**
 * Why nothing (or not everything) was quoted, each reason with a button that takes the operator to
 * the field that fixes it (highlighted in the form until it is filled in).
 */
function ProblemList({
  problems,
  className,
  tone = "error",
  testId,
}: {
  problems: QuoteProblemView[];
  className?: string;
  tone?: "error" | "notice";
  testId?: string;
}) {
  const { pointAt, pointed } = useQuoteFields();
  if (problems.length === 0) return null;
  return (
    <ul className={cn("space-y-1.5", className)} data-testid={testId}>
      {problems.map((problem) => (
        <li
          key={problem.text}
          className={cn(
            "flex flex-wrap items-center justify-between gap-x-3 gap-y-1",
            tone === "notice" && "rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900",
          )}
        >
          <span>{problem.text}</span>
          {problem.field && problem.fix ? (
            <button
              type="button"
              className={cn(buttonClasses("secondary", "sm"), "shrink-0")}
              onClick={() => {
                const field = problem.field!;
                if (!pointed.has(field)) pointAt([...pointed, field]);
                goToField(field);
              }}
            >
              {problem.fix}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The cheapest live rate of each currency (prices in different currencies are not compared). */
function cheapestLive(quotes: QuoteView[]): Set<string> {
  const best = new Map<string, QuoteView>();
  for (const quote of quotes) {
    if (quote.source !== "live") continue;
    const current = best.get(quote.currency);
    if (!current || Number(quote.price) < Number(current.price)) best.set(quote.currency, quote);
  }
  return new Set([...best.values()].map((quote) => quote.id));
}

/**
 * Quotes from the carrier accounts (live) and the rate cards (estimates): get them, compare, pick
 * one (sets carrier and service). Why nothing, or a carrier's live rates, could not be quoted is
 * shown above the list, pointing at the field to fix.
 */
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
  const { pointAt } = useQuoteFields();
  // Each answer points the form at the fields it names (or at none), when it arrives.
  const [quoted, quote, quoting] = useActionState(async (previous: QuoteResult | null, formData: FormData) => {
    const result = await quoteShipmentAction(previous, formData);
    pointAt(
      result.ok ? (result.data?.problems.flatMap((problem) => (problem.field ? [problem.field] : [])) ?? []) : [],
    );
    return result;
  }, null);
  const [picked, pick, picking] = useActionState(pickQuoteAction, null);
  const outcome = picked ?? quoted;
  const view = !picked && quoted?.ok ? quoted.data : undefined;
  const cheapest = cheapestLive(quotes);
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
      {view?.blocked ? (
        <div className="mb-3" data-testid="quote-blocked">
          <Alert tone="error">
            <p>{view.message}</p>
            <ProblemList problems={view.problems} className="mt-2" />
          </Alert>
        </div>
      ) : outcome ? (
        <div className="mb-3">
          <Alert tone={outcome.ok ? "success" : "error"}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
        </div>
      ) : null}
      {view && !view.blocked && view.problems.length > 0 ? (
        // Plain notes, not live regions: the outcome above is the card's one status message.
        <ProblemList problems={view.problems} className="mb-3" tone="notice" testId="live-rate-notices" />
      ) : null}
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-500">{t("quotes.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {quotes.map((q) => (
            <li
              key={q.id}
              className={cn(
                "flex items-center justify-between gap-2 py-2 text-sm",
                cheapest.has(q.id) && "-mx-2 rounded-md bg-emerald-50 px-2",
              )}
              data-source={q.source}
            >
              <div>
                <div className="font-medium text-slate-900">
                  {carrierName(q.carrier)} · {q.service}
                </div>
                <div className="text-xs text-slate-600">
                  {q.source === "live"
                    ? t("quotes.liveRate", { account: q.accountName ?? carrierName(q.carrier) ?? q.carrier })
                    : t("quotes.rateCardEstimate")}
                  {cheapest.has(q.id) ? (
                    <Badge tone="green" className="ml-2">
                      {t("quotes.cheapestLive")}
                    </Badge>
                  ) : null}
                </div>
                <div className="text-xs text-slate-500">
                  {format.number(Number(q.chargeableWeightKg), { maximumFractionDigits: 1 })} kg ·{" "}
                  {q.transitDays ? t("quotes.days", { count: q.transitDays }) : "—"}
                  {q.estimatedDelivery
                    ? ` · ${t("quotes.estimatedDelivery", {
                        date: format.dateTime(new Date(`${q.estimatedDelivery}T12:00:00Z`), {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        }),
                      })}`
                    : null}
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
