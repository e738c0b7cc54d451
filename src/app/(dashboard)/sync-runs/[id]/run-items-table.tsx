"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Archive } from "lucide-react";
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { useActionState, useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/card";
import type { RunItemRow } from "@/server/queries/sync-runs";
import { archiveOrdersAction } from "../actions";

const column = createColumnHelper<ServerTableFeatures, RunItemRow>();

const tones: Record<string, BadgeTone> = {
  created_ready: "green",
  created_draft: "amber",
  updated: "blue",
  unchanged: "gray",
  skipped_no_address: "violet",
  skipped_domestic: "gray",
  skipped_test: "violet",
  cancelled: "gray",
  failed: "red",
};

function Reason({ item }: { item: RunItemRow }) {
  const t = useTranslations();
  const detail = item.detail ?? {};
  if (item.outcome === "created_draft" && detail.missing?.length) {
    return (
      <div className="flex flex-wrap gap-1">
        {detail.missing.map((field) => (
          <Badge key={field} tone="amber">
            {t.has(`fields.${field}`) ? t(`fields.${field}`) : field}
          </Badge>
        ))}
      </div>
    );
  }
  if (item.outcome === "failed") {
    const reason =
      item.reason && translateOr(t, `syncRuns.failedReasons.${item.reason}`, detail.message ?? item.reason);
    return (
      <span className="text-red-700">
        {reason}
        {detail.retried ? ` ${t("syncRuns.retriedOnLaterSyncs")}` : null}
      </span>
    );
  }
  // Messages are never empty (messages.test.ts), so "" means the reason has none.
  const reasonText = item.reason
    ? translateOr(t, `syncRuns.reasons.${item.reason}`, "", { country: detail.country ?? "" })
    : "";
  if (reasonText) {
    return <span className="text-slate-600">{reasonText}</span>;
  }
  return null;
}

export function RunItemsTable({ page }: { page: TablePage<RunItemRow> }) {
  const t = useTranslations("syncRuns");
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [result, archive, archiving] = useActionState(archiveOrdersAction, null);
  const archivable = page.rows.filter((row) => row.outcome === "skipped_no_address" && !row.archivedAt);

  const columns = useMemo(() => {
    const toggle = (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    return column.columns([
      column.display({
        id: "select",
        header: () => <span className="sr-only">{t("select")}</span>,
        cell: (info) => {
          const item = info.row.original;
          if (item.outcome !== "skipped_no_address" || item.archivedAt) return null;
          return (
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300"
              aria-label={t("selectOrder", { order: item.orderName ?? item.orderGid })}
              checked={selected.has(item.itemId)}
              onChange={() => toggle(item.itemId)}
            />
          );
        },
      }),
      column.accessor("orderName", {
        id: "order",
        header: t("columns.order"),
        cell: (info) => <span className="font-medium text-slate-900">{info.getValue() ?? "—"}</span>,
      }),
      column.accessor("outcome", {
        header: t("columns.outcome"),
        cell: (info) => (
          // A cancellation that came after the pickup or documents waits for an operator: red.
          <Badge tone={info.row.original.reason?.startsWith("cancelled_after_") ? "red" : tones[info.getValue()]}>
            {t(`outcomes.${info.getValue()}`)}
          </Badge>
        ),
      }),
      column.display({
        id: "reason",
        header: t("columns.reason"),
        cell: (info) => <Reason item={info.row.original} />,
      }),
      column.display({
        id: "archive",
        header: t("columns.shopify"),
        cell: (info) => {
          const item = info.row.original;
          if (item.outcome !== "skipped_no_address") return null;
          if (item.archivedAt) return <Badge tone="green">{t("archivedBadge")}</Badge>;
          return (
            <div className="space-y-1">
              <form action={archive}>
                <input type="hidden" name="itemIds" value={item.itemId} />
                <Button type="submit" variant="secondary" size="sm" disabled={archiving}>
                  <Archive className="size-4" aria-hidden />
                  {t("archive")}
                </Button>
              </form>
              {item.archiveError ? <p className="text-xs text-red-700">{item.archiveError}</p> : null}
            </div>
          );
        },
      }),
    ]);
  }, [t, selected, archive, archiving]);

  return (
    <div className="space-y-3">
      {result ? (
        <Alert tone={result.ok ? "success" : "error"}>{result.ok ? result.message : result.formError}</Alert>
      ) : null}
      {archivable.length > 0 ? (
        <form
          action={archive}
          className="flex flex-wrap items-center gap-3 rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-sm"
        >
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="itemIds" value={id} />
          ))}
          <span className="text-violet-900">{t("archiveHint", { count: archivable.length })}</span>
          <Button type="submit" size="sm" disabled={selected.size === 0 || archiving} className="ml-auto">
            <Archive className="size-4" aria-hidden />
            {t("archiveSelected", { count: selected.size })}
          </Button>
        </form>
      ) : null}
      <DataTable
        label={t("itemsLabel")}
        columns={columns}
        page={page}
        searchPlaceholder={t("searchOrder")}
        filters={[
          {
            id: "outcome",
            label: t("columns.outcome"),
            optionLabel: (value) => translateOr(t, `outcomes.${value}`, value),
          },
        ]}
        empty={<EmptyState title={t("noItems")} />}
      />
    </div>
  );
}
