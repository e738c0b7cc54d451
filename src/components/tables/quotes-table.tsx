"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Calculator } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { carrierName } from "@/domain/carrier-registry";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { QuoteRow } from "@/lib/rows/quotes";

const column = createColumnHelper<ServerTableFeatures, QuoteRow>();

export function QuotesTable({ page }: { page: TablePage<QuoteRow> }) {
  const t = useTranslations("quotes");
  const format = useFormatter();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("orderName", {
          id: "order",
          header: t("columns.order"),
          cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span>,
        }),
        column.accessor("carrier", {
          header: t("columns.carrier"),
          cell: (info) => (
            <div>
              <div>{carrierName(info.getValue())}</div>
              <div className="text-xs text-slate-500">{info.row.original.service}</div>
              <div className="text-xs text-slate-500">
                {info.row.original.source === "live" ? t("liveRateShort") : t("rateCardEstimate")}
              </div>
            </div>
          ),
        }),
        column.accessor("chargeableWeightKg", {
          header: t("columns.chargeableWeight"),
          cell: (info) => `${format.number(Number(info.getValue()), { maximumFractionDigits: 2 })} kg`,
          meta: { className: "text-right tabular-nums", headerClassName: "text-right" },
        }),
        column.accessor("price", {
          header: t("columns.price"),
          cell: (info) =>
            format.number(Number(info.getValue()), { style: "currency", currency: info.row.original.currency }),
          meta: { className: "text-right tabular-nums", headerClassName: "text-right" },
        }),
        column.accessor("transitDays", {
          header: t("columns.transitDays"),
          cell: (info) => (info.getValue() == null ? "—" : t("days", { count: info.getValue()! })),
        }),
        column.accessor("chosen", {
          header: t("columns.chosen"),
          cell: (info) => (info.getValue() ? <Badge tone="green">{t("chosen")}</Badge> : null),
        }),
        column.accessor("createdAt", {
          header: t("columns.created"),
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
        }),
      ]),
    [t, format],
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
