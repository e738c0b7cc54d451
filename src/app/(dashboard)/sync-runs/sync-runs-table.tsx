"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { History, ListChecks } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { SyncRunStatusBadge } from "@/components/status-badges";
import { RowActionGroup, RowActionLink } from "@/components/tables/row-action";
import { SyncCountLine } from "@/components/sync/sync-counts";
import { EmptyState } from "@/components/ui/card";
import type { SyncRunRow } from "@/server/queries/sync-runs";
import { translateOr } from "@/i18n/message-keys";

const column = createColumnHelper<ServerTableFeatures, SyncRunRow>();

function durationSeconds(row: SyncRunRow): number | null {
  if (!row.startedAt || !row.finishedAt) return null;
  return Math.max(0, (row.finishedAt.getTime() - row.startedAt.getTime()) / 1000);
}

export function SyncRunsTable({ page }: { page: TablePage<SyncRunRow> }) {
  const t = useTranslations("syncRuns");
  const common = useTranslations();
  const format = useFormatter();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("createdAt", {
          header: t("columns.started"),
          cell: (info) => (
            <Link href={`/sync-runs/${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {format.dateTime(info.getValue(), { dateStyle: "medium", timeStyle: "short" })}
            </Link>
          ),
        }),
        column.accessor("storeName", {
          id: "store",
          header: t("columns.store"),
          cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span>,
        }),
        column.accessor("trigger", {
          header: t("columns.trigger"),
          cell: (info) => (
            <div>
              <div>{t(`trigger.${info.getValue()}`)}</div>
              {info.row.original.triggeredBy ? (
                <div className="text-xs text-slate-500">{info.row.original.triggeredBy}</div>
              ) : null}
            </div>
          ),
        }),
        column.accessor("status", {
          header: t("columns.status"),
          cell: (info) => <SyncRunStatusBadge status={info.getValue()} />,
        }),
        column.display({
          id: "duration",
          header: t("columns.duration"),
          cell: (info) => {
            const seconds = durationSeconds(info.row.original);
            return seconds == null
              ? "—"
              : t("seconds", { seconds: format.number(seconds, { maximumFractionDigits: 1 }) });
          },
        }),
        column.display({
          id: "counts",
          header: t("columns.counts"),
          cell: (info) => <SyncCountLine run={info.row.original} />,
        }),
        column.accessor("error", {
          header: t("columns.error"),
          cell: (info) => {
            const error = info.getValue();
            if (!error) return null;
            // The run's page words it the same way: the translated reason, else what was stored.
            const text = translateOr(common, `sync.errors.${info.row.original.errorCode}`, error);
            return <span className="text-xs text-red-700">{text}</span>;
          },
        }),
        column.display({
          id: "actions",
          header: () => <span className="sr-only">{common("shipments.columns.actions")}</span>,
          meta: { className: "text-right" },
          cell: (info) => (
            <RowActionGroup>
              <RowActionLink
                href={`/sync-runs/${info.row.original.id}`}
                label={t("details")}
                name={t("detailsOf", {
                  store: info.row.original.storeName,
                  when: format.dateTime(info.row.original.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
                icon={<ListChecks className="size-4" aria-hidden />}
              />
            </RowActionGroup>
          ),
        }),
      ]),
    [t, common, format],
  );
  return (
    <DataTable
      label={t("title")}
      columns={columns}
      page={page}
      searchPlaceholder={t("search")}
      filters={[
        {
          id: "status",
          label: t("columns.status"),
          optionLabel: (value) => translateOr(common, `status.syncRun.${value}`, value),
        },
        {
          id: "trigger",
          label: t("columns.trigger"),
          optionLabel: (value) => translateOr(t, `trigger.${value}`, value),
        },
      ]}
      empty={
        <EmptyState
          icon={<History className="size-6" aria-hidden />}
          title={t("emptyTitle")}
          description={t("emptyBody")}
        />
      }
    />
  );
}
