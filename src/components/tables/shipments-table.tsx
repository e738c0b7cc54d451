"use client";
import { createColumnHelper } from "@tanstack/react-table";
import { Pencil, Truck } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ProblemList } from "@/components/shipments/problem-list";
import { useActionState, useCallback, useMemo, useState } from "react";
import { bulkUpdateDraftsAction } from "@/app/(dashboard)/follow-up/quotations-shipments/actions";
import {
  cancelPickupAction,
  generateDocumentsAction,
  reschedulePickupAction,
  retryTrackingAction,
  schedulePickupAction,
  voidLabelAction,
} from "@/app/(dashboard)/shipments/actions";
import { DataTable, type TablePage } from "@/components/data-table/data-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { ShipmentStatusBadge, carrierName } from "@/components/status-badges";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/card";
import { CancelPickupDialog, type CancelTarget } from "@/components/shipments/cancel-pickup-dialog";
import { CancelledInShopifyFlag, VoidLabelDialog, type VoidTarget } from "@/components/shipments/cancelled-in-shopify";
import { PickupDialog, type PickupTarget } from "@/components/shipments/pickup-dialog";
import { DocumentsCell, PickupCell, RowActions, TestOrderBadge } from "@/components/shipments/shipment-cells";
import { ShipmentsBulkBar } from "@/components/shipments/shipments-bulk-bar";
import { DraftsBulkBar } from "./drafts-bulk-bar";
import { SHIPMENT_FIELDS } from "@/domain/carriers";
import { DESTINATIONS } from "@/domain/destinations";
import { PICKUP_BUCKETS } from "@/domain/pickup-buckets";
import type { PickupCalendar } from "@/server/queries/pickup-calendars";
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
  pickupCalendars = {},
}: {
  variant: "shipments" | "drafts";
  page: TablePage<ShipmentRow>;
  /** Drafts: the stores to filter by (offered when there is more than one). */
  storeOptions?: { id: string; name: string }[];
  /** Shipments: each store's holidays at its pickup address, for the pickup dialog. */
  pickupCalendars?: Record<string, PickupCalendar>;
}) {
  const t = useTranslations("shipments");
  const common = useTranslations();
  const format = useFormatter();
  const regionName = useRegionName();
  const [selected, setSelected] = useState<string[]>([]);
  const clearSelection = useCallback(() => setSelected([]), []);
  const [pickupTarget, setPickupTarget] = useState<PickupTarget | null>(null);
  const [cancelTarget, setCancelTarget] = useState<CancelTarget | null>(null);
  const [voidTarget, setVoidTarget] = useState<VoidTarget | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [generated, generate, generating] = useActionState(generateDocumentsAction, null);
  const [retried, retry, retrying] = useActionState(retryTrackingAction, null);
  // A new documents answer replaces the last notice; adjusted while rendering, not in an effect.
  const [noticeAnswer, setNoticeAnswer] = useState(generated);
  if (noticeAnswer !== generated) {
    setNoticeAnswer(generated);
    if (generated?.ok) setNotice(null);
  }
  const pickupDone = useCallback((message: string) => {
    setPickupTarget(null);
    setCancelTarget(null);
    setVoidTarget(null);
    setSelected([]);
    setNotice(message);
  }, []);
  const scheduleFor = useCallback(
    (rows: ShipmentRow[]) =>
      setPickupTarget({
        mode: "schedule",
        ids: rows.map((row) => row.id),
        storeIds: [...new Set(rows.map((row) => row.storeId))],
        carriers: [...new Set(rows.map((row) => carrierName(row.carrier) ?? "—"))],
      }),
    [],
  );
  const selectedRows = page.rows.filter((row) => selected.includes(row.id));

  const columns = useMemo(() => {
    const leading = [
      column.accessor("orderName", {
        id: "order",
        header: t("columns.order"),
        cell: (info) => (
          <div>
            <div className="flex items-center gap-1.5 font-medium whitespace-nowrap text-slate-900">
              {info.getValue()}
              {info.row.original.isTest ? <TestOrderBadge /> : null}
            </div>
            <div className="text-xs text-slate-500">{info.row.original.storeName}</div>
          </div>
        ),
      }),
      ...(variant === "drafts"
        ? [
            column.accessor("customer", {
              header: t("columns.customer"),
              cell: (info) => <CustomerName name={info.getValue()} />,
            }),
            column.accessor("destination", {
              header: t("columns.destination"),
              cell: (info) => regionName(info.getValue()) ?? "—",
            }),
          ]
        : [
            // Shipment Management has more columns: the destination goes under the customer.
            column.accessor("customer", {
              header: t("columns.customerDestination"),
              cell: (info) => (
                <div>
                  <CustomerName name={info.getValue()} />
                  <div className="text-xs text-slate-500">{regionName(info.row.original.destination) ?? "—"}</div>
                </div>
              ),
            }),
          ]),
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
    const toggle = (id: string) =>
      setSelected((current) => (current.includes(id) ? current.filter((value) => value !== id) : [...current, id]));
    const allSelected = page.rows.length > 0 && page.rows.every((row) => selected.includes(row.id));
    const selectColumn = column.display({
      id: "select",
      header: () => (
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300"
          aria-label={common("shipments.selectPage")}
          checked={allSelected}
          onChange={() => setSelected(allSelected ? [] : page.rows.map((row) => row.id))}
        />
      ),
      cell: (info) => (
        <input
          type="checkbox"
          className="size-4 rounded border-slate-300"
          aria-label={common("drafts.selectOrder", { order: info.row.original.orderName })}
          checked={selected.includes(info.row.original.id)}
          onChange={() => toggle(info.row.original.id)}
        />
      ),
    });
    if (variant === "drafts") {
      return column.columns([
        selectColumn,
        ...leading,
        column.accessor("missingFields", {
          id: "missing",
          header: t("columns.missing"),
          cell: (info) => (
            <div className="space-y-1">
              <div className="flex flex-wrap gap-1">
                {info.getValue().map((field) => (
                  <Badge key={field} tone="amber">
                    {common.has(`fields.${field}`) ? common(`fields.${field}`) : field}
                  </Badge>
                ))}
              </div>
              {/* The NF-e key's reason carries figures (US$ value, PTAX date) worth reading here. */}
              <ProblemList
                problems={info.row.original.problems.filter((problem) => problem.field === "nfeKey")}
                compact
                testId="draft-row-reason"
              />
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
      selectColumn,
      ...leading,
      column.accessor("status", {
        header: t("columns.status"),
        cell: (info) => (
          <div>
            <ShipmentStatusBadge status={info.getValue()} />
            <CancelledInShopifyFlag row={info.row.original} />
          </div>
        ),
      }),
      column.accessor("pickupDate", {
        id: "pickup",
        header: t("columns.pickup"),
        cell: (info) => <PickupCell row={info.row.original} />,
      }),
      column.display({
        id: "documents",
        header: t("columns.documents"),
        cell: (info) => <DocumentsCell row={info.row.original} retry={retry} retrying={retrying} />,
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
      column.display({
        id: "actions",
        header: () => <span className="sr-only">{t("columns.actions")}</span>,
        meta: { className: "text-right" },
        cell: (info) => {
          const row = info.row.original;
          return (
            <RowActions
              row={row}
              generate={generate}
              generating={generating}
              onSchedule={() => scheduleFor([row])}
              onReschedule={() =>
                setPickupTarget({
                  mode: "reschedule",
                  pickupId: row.pickupId!,
                  storeIds: [row.storeId],
                  carrier: carrierName(row.carrier) ?? "—",
                  confirmation: row.pickupConfirmation ?? "",
                  date: row.pickupDate ?? "",
                  readyTime: row.pickupReadyTime ?? "09:00",
                  closeTime: row.pickupCloseTime ?? "17:00",
                })
              }
              onCancel={() =>
                setCancelTarget({
                  pickupId: row.pickupId!,
                  confirmation: row.pickupConfirmation ?? "",
                  date: row.pickupDate ?? "",
                })
              }
              onVoid={() =>
                setVoidTarget({
                  shipmentId: row.id,
                  order: row.orderName,
                  carrier: carrierName(row.carrier) ?? "—",
                  trackingNumber: row.trackingNumber ?? "",
                  pickupConfirmation: row.status === "pickup_scheduled" ? row.pickupConfirmation : null,
                })
              }
            />
          );
        },
      }),
    ]);
  }, [variant, t, common, format, regionName, selected, page.rows, generate, generating, retry, retrying, scheduleFor]);

  const carrierOptions = ["fedex", "ups", "dhl", "correios"].map((value) => ({ value, label: carrierName(value)! }));
  const statusOptions = ["ready", "pickup_scheduled", "shipped", "cancelled"].map((value) => ({
    value,
    label: common(`status.shipment.${value}`),
  }));

  const generatedError =
    generated?.ok === false ? (generated.formError ?? Object.values(generated.fieldErrors ?? {})[0]) : null;
  const retriedError = retried?.ok === false ? retried.formError : null;
  return (
    <div className="space-y-3">
      {variant === "drafts" ? (
        <DraftsBulkBar selected={selected} bulkUpdate={bulkUpdateDraftsAction} onDone={clearSelection} />
      ) : null}
      {variant === "shipments" ? (
        <>
          {notice ? <Alert tone="success">{notice}</Alert> : null}
          {generated?.ok ? (
            <Alert tone="success">
              {generated.message}{" "}
              {generated.data ? (
                <a href={generated.data.downloadUrl} className="font-medium underline" download>
                  {common("documents.downloadReady")}
                </a>
              ) : null}
            </Alert>
          ) : null}
          {generatedError ? <Alert tone="error">{generatedError}</Alert> : null}
          {retried?.ok ? <Alert tone="success">{retried.message}</Alert> : null}
          {retriedError ? <Alert tone="error">{retriedError}</Alert> : null}
          <ShipmentsBulkBar
            selected={selectedRows}
            generate={generate}
            generating={generating}
            onSchedule={() => scheduleFor(selectedRows)}
            onClear={clearSelection}
          />
          <PickupDialog
            target={pickupTarget}
            calendars={pickupCalendars}
            actions={{ schedule: schedulePickupAction, reschedule: reschedulePickupAction }}
            onClose={() => setPickupTarget(null)}
            onDone={pickupDone}
          />
          <CancelPickupDialog
            target={cancelTarget}
            cancelPickup={cancelPickupAction}
            onClose={() => setCancelTarget(null)}
            onDone={pickupDone}
          />
          <VoidLabelDialog
            target={voidTarget}
            voidLabel={voidLabelAction}
            onClose={() => setVoidTarget(null)}
            onDone={pickupDone}
          />
        </>
      ) : null}
      <DataTable
        label={variant === "drafts" ? t("draftsLabel") : t("title")}
        columns={columns}
        page={page}
        searchPlaceholder={t("search")}
        filters={[
          ...(variant === "shipments" ? [{ id: "status", label: t("columns.status"), options: statusOptions }] : []),
          { id: "carrier", label: t("columns.carrier"), options: carrierOptions },
          ...(variant === "shipments"
            ? [
                {
                  id: "pickup",
                  label: t("columns.pickup"),
                  options: PICKUP_BUCKETS.map((bucket) => ({ value: bucket, label: t(`pickupBuckets.${bucket}`) })),
                },
                {
                  id: "attention",
                  label: common("cancelledInShopify.filterLabel"),
                  options: [{ value: "cancelled_in_shopify", label: common("cancelledInShopify.filterOption") }],
                },
              ]
            : []),
          ...(variant === "drafts"
            ? [
                {
                  id: "missing",
                  label: t("columns.missing"),
                  options: SHIPMENT_FIELDS.map((field) => ({ value: field, label: common(`fields.${field}`) })),
                },
              ]
            : []),
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

/** A customer's name in a cell: an absurdly long one (a store's data) is cut with an ellipsis, whole in the tooltip. */
function CustomerName({ name }: { name: string | null }) {
  return (
    <span className="block max-w-48 truncate" title={name ?? undefined}>
      {name ?? "—"}
    </span>
  );
}
