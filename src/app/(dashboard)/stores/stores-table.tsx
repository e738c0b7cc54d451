"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Building2, PlugZap, RefreshCw, SlidersHorizontal, Store } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useActionState, useCallback, useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { StoreStatusBadge } from "@/components/status-badges";
import { LastRunLink } from "@/components/sync/sync-counts";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { RowActionGroup, WithTooltip } from "@/components/tables/row-action";
import type { StoreLastRun } from "@/lib/rows/sync-runs";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/card";
import type { StoreRow } from "@/server/queries/stores";
import { checkStoreConnectionAction } from "./actions";
import { ShipperDialog } from "./shipper-dialog";
import { ShipperReadinessNote } from "./shipper-readiness-note";
import { CustomsDefaultsSummary, StoreSettingsDialog } from "./store-settings-dialog";
import { translateOr } from "@/i18n/message-keys";

const column = createColumnHelper<ServerTableFeatures, StoreRow>();

export function StoresTable({
  page,
  isAdmin,
  openShipperOf,
  lastRuns,
}: {
  page: TablePage<StoreRow>;
  isAdmin: boolean;
  /** A link's store (?shipper=<id>, from a readiness flag): its Shipper details open at once. */
  openShipperOf?: StoreRow;
  /** Each store's last finished sync run, by store id. */
  lastRuns: Record<string, StoreLastRun>;
}) {
  const t = useTranslations("stores");
  const common = useTranslations();
  const format = useFormatter();
  // Kept here, outside the table, so the outcome survives the refresh that follows the check.
  const [checked, checkAction, checking] = useActionState(checkStoreConnectionAction, null);
  const [shipperStoreId, setShipperStoreId] = useState<string | null>(openShipperOf?.id ?? null);
  const [dialogSaved, setDialogSaved] = useState<string | null>(null);
  const [settingsStoreId, setSettingsStoreId] = useState<string | null>(null);
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // Once the linked form is closed, the link's ?shipper= goes, so a reload does not reopen it.
  const closeShipper = useCallback(() => {
    setShipperStoreId(null);
    if (!searchParams.has("shipper")) return;
    const params = new URLSearchParams(searchParams.toString());
    params.delete("shipper");
    router.replace(params.size > 0 ? `${pathname}?${params}` : pathname, { scroll: false });
  }, [router, pathname, searchParams]);
  const dialogDone = useCallback(
    (message: string) => {
      closeShipper();
      setSettingsStoreId(null);
      setDialogSaved(message);
    },
    [closeShipper],
  );
  const shipperStore =
    page.rows.find((row) => row.id === shipperStoreId) ??
    (openShipperOf?.id === shipperStoreId ? openShipperOf : undefined);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: t("columns.name"),
          // The store, its Shopify domain, plan and granted scopes in one cell (the scopes folded:
          // one is 40 characters long), so the row fits a laptop screen in either language.
          cell: (info) => {
            const store = info.row.original;
            const scopes = store.scopes?.split(",").filter(Boolean) ?? [];
            return (
              <div className="space-y-0.5">
                <div className="font-medium whitespace-nowrap text-slate-900">{info.getValue()}</div>
                <div className="font-mono text-xs whitespace-nowrap text-slate-600">{store.shopDomain}</div>
                <details className="text-xs text-slate-600" data-testid="store-scopes">
                  <summary className="cursor-pointer whitespace-nowrap hover:text-slate-900">
                    {t("planScopes", { plan: store.plan ?? "—", count: scopes.length })}
                  </summary>
                  <div className="mt-1 flex max-w-64 flex-wrap gap-1">
                    {scopes.map((scope) => (
                      <span
                        key={scope}
                        className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600"
                      >
                        {scope}
                      </span>
                    ))}
                  </div>
                </details>
              </div>
            );
          },
        }),
        column.accessor("status", {
          header: t("columns.status"),
          cell: (info) => (
            <div className="space-y-1">
              <StoreStatusBadge status={info.getValue()} />
              {info.getValue() === "reconnect_needed" && !isAdmin ? (
                <p className="text-xs text-amber-800">{t("needsAdmin")}</p>
              ) : null}
              {info.getValue() === "connected" && info.row.original.missingScopes.length > 0 ? (
                <p className="max-w-56 text-xs text-amber-800" data-testid="missing-scopes">
                  {t(isAdmin ? "missingScopes" : "missingScopesAskAdmin", {
                    scopes: info.row.original.missingScopes.join(", "),
                  })}
                </p>
              ) : null}
              <ShipperReadinessNote
                store={info.row.original}
                onFix={isAdmin ? () => setShipperStoreId(info.row.original.id) : undefined}
              />
            </div>
          ),
        }),
        column.display({
          id: "customsDefaults",
          header: common("storeSettings.column"),
          cell: (info) => <CustomsDefaultsSummary store={info.row.original} />,
        }),
        column.accessor("lastSyncedAt", {
          header: t("columns.lastSync"),
          cell: (info) => {
            const value = info.getValue();
            const run = lastRuns[info.row.original.id];
            return (
              <div className="space-y-0.5">
                {value ? (
                  <div className="whitespace-nowrap">{format.relativeTime(value)}</div>
                ) : (
                  <div className="whitespace-nowrap text-slate-400">{t("neverSynced")}</div>
                )}
                {run ? <LastRunLink run={run} /> : null}
              </div>
            );
          },
        }),
        column.display({
          id: "actions",
          header: () => <span className="sr-only">{t("columns.actions")}</span>,
          meta: { className: "text-right whitespace-nowrap" },
          cell: (info) => {
            const store = info.row.original;
            // A store to reconnect: Shopify refused it, or it lacks a scope the dashboard now asks for.
            const broken = store.status !== "connected" || store.missingScopes.length > 0;
            return (
              // "Sync Orders" above the smaller actions: one narrow column, so the table fits 1,440 px
              // in Portuguese; the row has no room for five labels, the others are icons with a tooltip.
              <div className="flex flex-col items-end gap-1">
                {store.status === "connected" ? (
                  <SyncOrdersButton storeId={store.id} variant="secondary" size="sm" />
                ) : null}
                <RowActionGroup>
                  {store.status === "connected" ? (
                    <form action={checkAction}>
                      <input type="hidden" name="shop" value={store.shopDomain} />
                      <WithTooltip label={t("check")}>
                        <Button
                          type="submit"
                          variant="ghost"
                          size="sm"
                          disabled={checking}
                          aria-label={t("checkStore", { shop: store.shopDomain })}
                        >
                          <RefreshCw className="size-4" aria-hidden />
                        </Button>
                      </WithTooltip>
                    </form>
                  ) : null}
                  {isAdmin ? (
                    <WithTooltip label={t("shipper.title")}>
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => setShipperStoreId(store.id)}
                        aria-label={t("shipper.open", { store: store.name })}
                      >
                        <Building2 className="size-4" aria-hidden />
                      </Button>
                    </WithTooltip>
                  ) : null}
                  {isAdmin ? (
                    <WithTooltip label={common("storeSettings.title")}>
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => setSettingsStoreId(store.id)}
                        aria-label={common("storeSettings.open", { store: store.name })}
                      >
                        <SlidersHorizontal className="size-4" aria-hidden />
                      </Button>
                    </WithTooltip>
                  ) : null}
                  {isAdmin ? (
                    // A full page: the OAuth round trip leaves the dashboard. Labelled when it is needed.
                    <WithTooltip label={t("reconnect")}>
                      <a
                        href={`/auth/toplevel?shop=${encodeURIComponent(store.shopDomain)}`}
                        className={buttonClasses(broken ? "primary" : "ghost", "sm")}
                        aria-label={t("reconnectStore", { shop: store.shopDomain })}
                      >
                        <PlugZap className="size-4" aria-hidden />
                        {broken ? t("reconnect") : null}
                      </a>
                    </WithTooltip>
                  ) : null}
                </RowActionGroup>
              </div>
            );
          },
        }),
      ]),
    [t, common, format, isAdmin, checkAction, checking, lastRuns],
  );

  return (
    <div className="space-y-4">
      {dialogSaved ? <Alert tone="success">{dialogSaved}</Alert> : null}
      <ShipperDialog store={shipperStore} onClose={closeShipper} onDone={dialogDone} />
      <StoreSettingsDialog
        store={page.rows.find((row) => row.id === settingsStoreId)}
        onClose={() => setSettingsStoreId(null)}
        onDone={dialogDone}
      />
      {checked ? (
        <Alert tone={checked.ok ? "success" : "error"}>{checked.ok ? checked.message : checked.formError}</Alert>
      ) : null}
      <DataTable
        label={t("title")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={[
          {
            id: "status",
            label: t("columns.status"),
            optionLabel: (value) => translateOr(common, `status.store.${value}`, value),
          },
        ]}
        empty={
          <EmptyState
            icon={<Store className="size-6" aria-hidden />}
            title={t("emptyTitle")}
            description={isAdmin ? t("emptyBodyAdmin") : t("emptyBody")}
          />
        }
      />
    </div>
  );
}
