"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Store } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { StoreStatusBadge } from "@/components/status-badges";
import { EmptyState } from "@/components/ui/card";
import type { StoreRow } from "@/server/queries/stores";

const column = createColumnHelper<ServerTableFeatures, StoreRow>();

export function StoresTable({ page }: { page: TablePage<StoreRow> }) {
  const t = useTranslations("stores");
  const common = useTranslations();
  const format = useFormatter();
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: t("columns.name"),
          cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span>,
        }),
        column.accessor("shopDomain", {
          header: t("columns.domain"),
          cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
        }),
        column.accessor("status", {
          header: t("columns.status"),
          cell: (info) => <StoreStatusBadge status={info.getValue()} />,
        }),
        column.accessor("plan", { header: t("columns.plan"), cell: (info) => info.getValue() ?? "—" }),
        column.accessor("scopes", {
          header: t("columns.scopes"),
          cell: (info) => (
            <span className="text-xs text-slate-500">{info.getValue()?.split(",").join(", ") ?? "—"}</span>
          ),
        }),
        column.accessor("lastSyncedAt", {
          header: t("columns.lastSync"),
          cell: (info) => {
            const value = info.getValue();
            return value ? format.relativeTime(value) : <span className="text-slate-400">{t("neverSynced")}</span>;
          },
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
          id: "status",
          label: t("columns.status"),
          options: ["connected", "reconnect_needed", "uninstalled"].map((value) => ({
            value,
            label: common(`status.store.${value}`),
          })),
        },
      ]}
      empty={
        <EmptyState
          icon={<Store className="size-6" aria-hidden />}
          title={t("emptyTitle")}
          description={t("emptyBody")}
        />
      }
    />
  );
}
