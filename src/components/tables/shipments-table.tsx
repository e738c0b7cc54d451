"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Pencil, Truck } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { ShipmentStatusBadge, carrierName } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { DraftsBulkBar } from "./drafts-bulk-bar";
import { SHIPMENT_FIELDS } from "@/domain/carriers";
import { DESTINATIONS } from "@/domain/destinations";
import type { ShipmentRow } from "@/server/queries/shipments";

const column = createColumnHelper<ServerTableFeatures, ShipmentRow>();

function useRegionName() {
  const locale = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    return (code: string | null) => (code ? (names.of(code) ?? code) : null);
  }, [locale]);
}

/** Shipment Management, the Shipments tab (variant "shipments") and Incomplete (Drafts) (variant "drafts"). */
export function ShipmentsTable({
  variant,
  page,
  storeOptions = [],
}: {
  variant: "shipments" | "drafts";
  page: TablePage<ShipmentRow>;
  /** Drafts: the stores to filter by (offered when there is more than one). */
  storeOptions?: { id: string; name: string }[];
}) {
  const t = useTranslations("shipments");
  const common = useTranslations();
  const format = useFormatter();
  const regionName = useRegionName();
  const [selected, setSelected] = useState<string[]>([]);
  const clearSelection = useCallback(() => setSelected([]), []);

  const columns = useMemo(() => {
    const leading = [
      column.accessor("orderName", {
        id: "order",
        header: t("columns.order"),
        cell: (info) => (
          <div>
            <div className="font-medium text-slate-900">{info.getValue()}</div>
            <div className="text-xs text-slate-500">{info.row.original.storeName}</div>
          </div>
        ),
      }),
      column.accessor("customer", { header: t("columns.customer"), cell: (info) => info.getValue() ?? "—" }),
      column.accessor("destination", {
        header: t("columns.destination"),
        cell: (info) => regionName(info.getValue()) ?? "—",
      }),
      column.accessor("carrier", {
        header: t("columns.carrier"),
        cell: (info) => {
          const name = carrierName(info.getValue());
          if (!name) return <span className="text-slate-400">{t("noCarrier")}</span>;
          return (
            <div>
              <div>{name}</div>
              {info.row.original.service ? (
                <div className="text-xs text-slate-500">{info.row.original.service}</div>
              ) : null}
            </div>
          );
        },
      }),
    ];
    if (variant === "drafts") {
      const toggle = (id: string) =>
        setSelected((current) => (current.includes(id) ? current.filter((value) => value !== id) : [...current, id]));
      return column.columns([
        column.display({
          id: "select",
          header: () => <span className="sr-only">{common("drafts.select")}</span>,
          cell: (info) => (
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300"
              aria-label={common("drafts.selectOrder", { order: info.row.original.orderName })}
              checked={selected.includes(info.row.original.id)}
              onChange={() => toggle(info.row.original.id)}
            />
          ),
        }),
        ...leading,
        column.accessor("missingFields", {
          id: "missing",
          header: t("columns.missing"),
          cell: (info) => (
            <div className="flex flex-wrap gap-1">
              {info.getValue().map((field) => (
                <Badge key={field} tone="amber">
                  {common.has(`fields.${field}`) ? common(`fields.${field}`) : field}
                </Badge>
              ))}
            </div>
          ),
        }),
        column.accessor("createdAt", {
          header: t("columns.created"),
          cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
        }),
        column.display({
          id: "edit",
          header: () => <span className="sr-only">{t("columns.edit")}</span>,
          meta: { className: "text-right" },
          cell: (info) => (
            <Link
              href={`/follow-up/quotations-shipments/drafts/${info.row.original.id}/edit`}
              className={buttonClasses("ghost", "sm")}
              aria-label={common("drafts.editOrder", { order: info.row.original.orderName })}
              title={common("drafts.edit")}
            >
              <Pencil className="size-4" aria-hidden />
            </Link>
          ),
        }),
      ]);
    }
    return column.columns([
      ...leading,
      column.accessor("status", {
        header: t("columns.status"),
        cell: (info) => <ShipmentStatusBadge status={info.getValue()} />,
      }),
      column.accessor("value", {
        header: t("columns.value"),
        cell: (info) => {
          const value = info.getValue();
          const currency = info.row.original.currency;
          return value && currency ? format.number(Number(value), { style: "currency", currency }) : "—";
        },
        meta: { className: "text-right tabular-nums", headerClassName: "text-right" },
      }),
      column.accessor("createdAt", {
        header: t("columns.created"),
        cell: (info) => format.dateTime(info.getValue(), { dateStyle: "medium" }),
      }),
    ]);
  }, [variant, t, common, format, regionName, selected]);

  const carrierOptions = ["fedex", "ups", "dhl", "correios"].map((value) => ({ value, label: carrierName(value)! }));
  const statusOptions = ["ready", "pickup_scheduled", "shipped", "cancelled"].map((value) => ({
    value,
    label: common(`status.shipment.${value}`),
  }));

  return (
    <div className="space-y-3">
      {variant === "drafts" ? <DraftsBulkBar selected={selected} onDone={clearSelection} /> : null}
      <DataTable
        label={variant === "drafts" ? t("draftsLabel") : t("title")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={[
          ...(variant === "shipments" ? [{ id: "status", label: t("columns.status"), options: statusOptions }] : []),
          { id: "carrier", label: t("columns.carrier"), options: carrierOptions },
          ...(variant === "drafts"
            ? [
                {
                  id: "missing",
                  label: t("columns.missing"),
                  options: SHIPMENT_FIELDS.map((field) => ({ value: field, label: common(`fields.${field}`) })),
                },
                {
                  id: "destination",
                  label: t("columns.destination"),
                  options: DESTINATIONS.map((code) => ({ value: code, label: regionName(code) ?? code })),
                },
                ...(storeOptions.length > 1
                  ? [
                      {
                        id: "store",
                        label: t("columns.store"),
                        options: storeOptions.map((store) => ({ value: store.id, label: store.name })),
                      },
                    ]
                  : []),
              ]
            : []),
        ]}
        empty={
          <EmptyState
            icon={<Truck className="size-6" aria-hidden />}
            title={variant === "drafts" ? t("emptyDraftsTitle") : t("emptyTitle")}
            description={variant === "drafts" ? t("emptyDraftsBody") : t("emptyBody")}
            action={
              <Link href="/stores" className={buttonClasses("secondary")}>
                {t("goToStores")}
              </Link>
            }
          />
        }
      />
    </div>
  );
}
