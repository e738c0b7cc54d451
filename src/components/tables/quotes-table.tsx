"use client";
// The Quotations tab: one row per quoted shipment — customer, destination, the quote chosen for
// it and how many there are — expandable to every quote, cheapest first.
import { createColumnHelper } from "@tanstack/react-table";
import { Calculator, ChevronDown, Eye, Pencil } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { carrierName } from "@/domain/carrier-registry";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { QuoteGroupRow, QuoteRow } from "@/lib/rows/quotes";
import { RowActionGroup, RowActionLink } from "./row-action";
import { useRegionName } from "./shipment-filters";

const column = createColumnHelper<ServerTableFeatures, QuoteGroupRow>();
/** An opened list of quotes makes its row tall: the other cells stay at the top, beside its start. */
const TOP = { className: "align-top" };

/** Where a quoted shipment is worked on: Edit Draft (where a quote is chosen), else its page. */
function shipmentHref(row: QuoteGroupRow): string {
  return row.status === "draft" ? `/follow-up/quotations-shipments/drafts/${row.id}/edit` : `/shipments/${row.id}`;
}

function QuoteSummary({ quote }: { quote: QuoteRow }) {
  const t = useTranslations("quotes");
  const format = useFormatter();
  return (
    <div className="min-w-0">
      <div className="flex items-center gap-2">
        <span className="font-medium text-slate-900">{carrierName(quote.carrier) ?? quote.carrier}</span>
        <span className="font-medium text-slate-900 tabular-nums">
          {format.number(Number(quote.price), { style: "currency", currency: quote.currency })}
        </span>
      </div>
      <div className="text-xs text-slate-500">
        {quote.service}
        {quote.transitDays == null ? null : ` · ${t("days", { count: quote.transitDays })}`}
      </div>
    </div>
  );
}

/** The count of quotes, opening the list of them under it. */
function QuotesDisclosure({ row }: { row: QuoteGroupRow }) {
  const t = useTranslations("quotes");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const listId = `quotes-of-${row.id}`;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded text-sm font-medium whitespace-nowrap text-brand-700 hover:underline"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={t("showQuotesOf", { count: row.quotes.length, order: row.orderName })}
        onClick={() => setOpen((value) => !value)}
      >
        {t("quoteCount", { count: row.quotes.length })}
        <ChevronDown className={cn("size-4 transition-transform", open && "rotate-180")} aria-hidden />
      </button>
      {open ? (
        <ul
          id={listId}
          className="w-72 divide-y divide-slate-100 rounded-md border border-slate-200"
          data-testid="quote-list"
        >
          {row.quotes.map((quote) => (
            <li
              key={quote.id}
              className={cn("flex items-start justify-between gap-3 px-3 py-2", quote.chosen && "bg-emerald-50/60")}
            >
              <div className="min-w-0">
                <div className="font-medium text-slate-900">{carrierName(quote.carrier) ?? quote.carrier}</div>
                <div className="text-xs text-slate-500">
                  {quote.service}
                  {quote.transitDays == null ? null : ` · ${t("days", { count: quote.transitDays })}`}
                </div>
                <div className="text-xs text-slate-500">
                  {quote.source === "live" ? t("liveRateShort") : t("rateCardEstimate")} ·{" "}
                  {format.number(Number(quote.chargeableWeightKg), { maximumFractionDigits: 2 })} kg
                </div>
              </div>
              <div className="shrink-0 text-right">
                <div className="font-medium text-slate-900 tabular-nums">
                  {format.number(Number(quote.price), { style: "currency", currency: quote.currency })}
                </div>
                {quote.chosen ? <Badge tone="green">{t("chosen")}</Badge> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function QuotesTable({ page }: { page: TablePage<QuoteGroupRow> }) {
  const t = useTranslations("quotes");
  const common = useTranslations();
  const format = useFormatter();
  const regionName = useRegionName();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("orderName", {
          id: "order",
          header: t("columns.order"),
          meta: TOP,
          cell: (info) => (
            <div>
              <Link
                href={shipmentHref(info.row.original)}
                className="font-medium whitespace-nowrap text-brand-700 hover:underline"
              >
                {info.getValue()}
              </Link>
              <div className="max-w-44 truncate text-xs text-slate-500" title={info.row.original.storeName}>
                {info.row.original.storeName}
              </div>
            </div>
          ),
        }),
        column.accessor("customer", {
          header: t("columns.customer"),
          meta: TOP,
          cell: (info) => (
            <div>
              <span className="block max-w-48 truncate" title={info.getValue() ?? undefined}>
                {info.getValue() ?? "—"}
              </span>
              <div className="text-xs text-slate-500">{regionName(info.row.original.destination) ?? "—"}</div>
            </div>
          ),
        }),
        column.accessor("chosen", {
          header: t("columns.chosenQuote"),
          meta: TOP,
          cell: (info) => {
            const chosen = info.getValue();
            if (chosen) return <QuoteSummary quote={chosen} />;
            const cheapest = info.row.original.quotes[0];
            return (
              <div>
                <div className="text-slate-500">{t("noneChosen")}</div>
                {cheapest ? (
                  <div className="text-xs text-slate-500">
                    {t("cheapestFrom", {
                      price: format.number(Number(cheapest.price), { style: "currency", currency: cheapest.currency }),
                    })}
                  </div>
                ) : null}
              </div>
            );
          },
        }),
        column.accessor((row) => row.quotes.length, {
          id: "quotes",
          header: t("columns.quotes"),
          meta: TOP,
          cell: (info) => <QuotesDisclosure row={info.row.original} />,
        }),
        column.accessor("quotedAt", {
          header: t("columns.created"),
          meta: TOP,
          cell: (info) => (
            <div className="whitespace-nowrap">
              <div>{format.dateTime(info.getValue(), { dateStyle: "medium" })}</div>
              <div className="text-xs text-slate-500">{format.dateTime(info.getValue(), { timeStyle: "short" })}</div>
            </div>
          ),
        }),
        column.display({
          id: "actions",
          header: () => <span className="sr-only">{common("shipments.columns.actions")}</span>,
          meta: { className: "text-right align-top" },
          cell: (info) => {
            const row = info.row.original;
            return (
              <RowActionGroup>
                {row.status === "draft" ? (
                  <RowActionLink
                    href={shipmentHref(row)}
                    label={common("drafts.edit")}
                    name={common("drafts.editOrder", { order: row.orderName })}
                    icon={<Pencil className="size-4" aria-hidden />}
                  />
                ) : (
                  <RowActionLink
                    href={shipmentHref(row)}
                    label={t("viewShipment")}
                    name={t("viewShipmentOf", { order: row.orderName })}
                    icon={<Eye className="size-4" aria-hidden />}
                  />
                )}
              </RowActionGroup>
            );
          },
        }),
      ]),
    [t, common, format, regionName],
  );
  return (
    <DataTable
      label={t("title")}
      columns={columns}
      page={page}
      searchPlaceholder={t("search")}
      filters={[
        {
          id: "carrier",
          label: t("columns.carrier"),
          optionLabel: (value) => carrierName(value) ?? value,
        },
        {
          id: "choice",
          label: t("columns.chosenQuote"),
          optionLabel: (value) => (value === "chosen" ? t("choiceChosen") : t("choiceOpen")),
        },
      ]}
      empty={
        <EmptyState
          icon={<Calculator className="size-6" aria-hidden />}
          title={t("emptyTitle")}
          description={t("emptyBody")}
        />
      }
    />
  );
}
