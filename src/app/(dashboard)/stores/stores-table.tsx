"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Building2, PlugZap, RefreshCw, SlidersHorizontal, Store } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useCallback, useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { StoreStatusBadge } from "@/components/status-badges";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/card";
import type { StoreRow } from "@/server/queries/stores";
import { checkStoreConnectionAction } from "./actions";
import { ShipperDialog } from "./shipper-dialog";
import { CustomsDefaultsSummary, StoreSettingsDialog } from "./store-settings-dialog";
import { translateOr } from "@/i18n/message-keys";

const column = createColumnHelper<ServerTableFeatures, StoreRow>();

export function StoresTable({ page, isAdmin }: { page: TablePage<StoreRow>; isAdmin: boolean }) {
  const t = useTranslations("stores");
  const common = useTranslations();
  const format = useFormatter();
  // Kept here, outside the table, so the outcome survives the refresh that follows the check.
  const [checked, checkAction, checking] = useActionState(checkStoreConnectionAction, null);
  const [shipperStoreId, setShipperStoreId] = useState<string | null>(null);
  const [dialogSaved, setDialogSaved] = useState<string | null>(null);
  const [settingsStoreId, setSettingsStoreId] = useState<string | null>(null);
  const dialogDone = useCallback((message: string) => {
    setShipperStoreId(null);
    setSettingsStoreId(null);
    setDialogSaved(message);
  }, []);

  const columns = useMemo(
    () =>
      column.columns([
        column.accessor("name", {
          header: t("columns.name"),
          // The store and its Shopify domain in one cell, so the row fits a laptop screen.
          cell: (info) => (
            <div className="space-y-0.5">
              <div className="font-medium whitespace-nowrap text-slate-900">{info.getValue()}</div>
              <div className="font-mono text-xs whitespace-nowrap text-slate-600">{info.row.original.shopDomain}</div>
            </div>
          ),
        }),
        column.accessor("status", {
          header: t("columns.status"),
          cell: (info) => (
            <div className="space-y-1">
              <StoreStatusBadge status={info.getValue()} />
              {info.getValue() === "reconnect_needed" && !isAdmin ? (
                <p className="text-xs text-amber-800">{t("needsAdmin")}</p>
              ) : null}
            </div>
          ),
        }),
        column.accessor("plan", {
          header: t("columns.planScopes"),
          // Across the whole card on a phone: a scope's name is one long word.
          meta: { card: "wide" },
          cell: (info) => (
            <div className="max-w-72 space-y-1">
              <div>{info.getValue() ?? "—"}</div>
              <div className="flex flex-wrap gap-1">
                {info.row.original.scopes?.split(",").map((scope) => (
                  <span
                    key={scope}
                    className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] whitespace-nowrap text-slate-600"
                  >
                    {scope}
                  </span>
                ))}
              </div>
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
            return value ? format.relativeTime(value) : <span className="text-slate-400">{t("neverSynced")}</span>;
          },
        }),
        column.display({
          id: "actions",
          header: () => <span className="sr-only">{t("columns.actions")}</span>,
          meta: { className: "text-right whitespace-nowrap" },
          cell: (info) => {
            const store = info.row.original;
            const broken = store.status !== "connected";
            return (
              <div className="flex items-center justify-end gap-1">
                {store.status === "connected" ? (
                  <SyncOrdersButton storeId={store.id} variant="secondary" size="sm" />
                ) : null}
                {store.status === "connected" ? (
                  <form action={checkAction}>
                    <input type="hidden" name="shop" value={store.shopDomain} />
                    <Button
                      type="submit"
                      variant="ghost"
                      size="sm"
                      disabled={checking}
                      aria-label={t("checkStore", { shop: store.shopDomain })}
                      title={t("checkStore", { shop: store.shopDomain })}
                    >
                      <RefreshCw className="size-4" aria-hidden />
                      <span className="sr-only">{t("check")}</span>
                    </Button>
                  </form>
                ) : null}
                {isAdmin ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setShipperStoreId(store.id)}
                    aria-label={t("shipper.open", { store: store.name })}
                    title={t("shipper.title")}
                  >
                    <Building2 className="size-4" aria-hidden />
                  </Button>
                ) : null}
                {isAdmin ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setSettingsStoreId(store.id)}
                    aria-label={common("storeSettings.open", { store: store.name })}
                    title={common("storeSettings.title")}
                  >
                    <SlidersHorizontal className="size-4" aria-hidden />
                  </Button>
                ) : null}
                {isAdmin ? (
                  <a
                    href={`/auth/toplevel?shop=${encodeURIComponent(store.shopDomain)}`}
                    className={buttonClasses(broken ? "primary" : "ghost", "sm")}
                    aria-label={t("reconnectStore", { shop: store.shopDomain })}
                    title={t("reconnectStore", { shop: store.shopDomain })}
                  >
                    <PlugZap className="size-4" aria-hidden />
                    {/* A healthy store needs no reconnect: just the icon, the label is in the tooltip. */}
                    {broken ? t("reconnect") : null}
                  </a>
                ) : null}
              </div>
            );
          },
        }),
      ]),
    [t, common, format, isAdmin, checkAction, checking],
  );

  return (
    <div className="space-y-4">
      {dialogSaved ? <Alert tone="success">{dialogSaved}</Alert> : null}
      <ShipperDialog
        store={page.rows.find((row) => row.id === shipperStoreId)}
        onClose={() => setShipperStoreId(null)}
        onDone={dialogDone}
      />
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
