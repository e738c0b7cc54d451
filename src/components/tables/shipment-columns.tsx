"use client";
// The columns of the two shipment tables (Shipment Management and Incomplete), one factory each.
// Labels and formatters come in as arguments so the tables can build their columns once
// (useMemo) instead of on every render; selection is TanStack's row selection, read from the row.
import { createColumnHelper } from "@tanstack/react-table";
import { Pencil } from "lucide-react";
import Link from "next/link";
import type { useFormatter, useTranslations } from "next-intl";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { CancelledInShopifyFlag } from "@/components/shipments/cancelled-in-shopify";
import { HoldCell } from "@/components/shipments/hold-cell";
import { ProblemList } from "@/components/shipments/problem-list";
import { StoreReadinessFlag } from "@/components/shipments/store-readiness";
import type { S10Target } from "@/components/shipments/record-s10-dialog";
import { DocumentsCell, PickupCell, RowActions, TestOrderBadge } from "@/components/shipments/shipment-cells";
import { TrackingStatusBadge } from "@/components/shipments/tracking-badge";
import { ShipmentStateBadge } from "@/components/status-badges";
import { carrierName } from "@/domain/carrier-registry";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { RowActionGroup, RowActionLink } from "./row-action";
import { shipmentDisplayState, type ShipmentRow } from "@/lib/rows/shipments";
import { translateOr } from "@/i18n/message-keys";
import type { FormAction } from "@/lib/action-result";

const column = createColumnHelper<ServerTableFeatures, ShipmentRow>();

/** What every column factory reads its labels and formats from. */
interface ColumnText {
  t: ReturnType<typeof useTranslations<"shipments">>;
  common: ReturnType<typeof useTranslations<never>>;
  format: ReturnType<typeof useFormatter>;
  regionName: (code: string | null) => string | null;
}

/** The checkbox column: the page's rows in the header, one row in each cell. */
export function selectColumn({ common }: ColumnText) {
  return column.display({
    id: "select",
    header: ({ table }) => (
      <input
        type="checkbox"
        className="size-4 rounded border-slate-300"
        aria-label={common("shipments.selectPage")}
        checked={table.getIsAllPageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="size-4 rounded border-slate-300"
        aria-label={common("drafts.selectOrder", { order: row.original.orderName })}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
}

/**
 * The order number and its test badge. A draft's number opens Edit Draft (the first link of its
 * row, early in the Tab order); a shipment's, the shipment page with its summary and tracking.
 */
function OrderNumber({ row, common }: { row: ShipmentRow; common: ColumnText["common"] }) {
  return (
    <div className="flex items-center gap-1.5 font-medium whitespace-nowrap text-slate-900">
      {row.status === "draft" ? (
        <Link
          href={`/follow-up/quotations-shipments/drafts/${row.id}/edit`}
          className="text-brand-700 hover:underline"
          title={common("drafts.editOrder", { order: row.orderName })}
          data-edit-draft
        >
          {row.orderName}
        </Link>
      ) : (
        <Link href={`/shipments/${row.id}`} className="text-brand-700 hover:underline">
          {row.orderName}
        </Link>
      )}
      {row.isTest ? <TestOrderBadge /> : null}
    </div>
  );
}

export function orderColumn({ t, common }: ColumnText) {
  return column.accessor("orderName", {
    id: "order",
    header: t("columns.order"),
    cell: (info) => (
      <div>
        <OrderNumber row={info.row.original} common={common} />
        <StoreName row={info.row.original} />
      </div>
    ),
  });
}

/**
 * Shipment Management's first column: the order, its store and when its shipment was created,
 * sorted by that date (the default, newest first). One column rather than two leaves room for
 * the row's labelled actions on a laptop screen.
 */
export function orderCreatedColumn({ t, common, format }: ColumnText) {
  return column.accessor("createdAt", {
    header: t("columns.orderCreated"),
    cell: (info) => (
      <div>
        <OrderNumber row={info.row.original} common={common} />
        <StoreName row={info.row.original} />
        <div className="text-xs whitespace-nowrap text-slate-500" data-testid="created-at">
          {format.dateTime(info.getValue(), { dateStyle: "medium", timeStyle: "short" })}
        </div>
      </div>
    ),
  });
}

/**
 * The store under the order number, on one line: a long name is cut with an ellipsis and shown
 * whole in the tooltip (it wrapped to three lines and made every row three times taller).
 */
function StoreName({ row }: { row: ShipmentRow }) {
  return (
    <div className="flex max-w-44 min-w-0 items-center gap-1 text-xs text-slate-500">
      <span className="truncate" title={row.storeName} data-testid="store-name">
        {row.storeName}
      </span>
      <StoreReadinessFlag storeId={row.storeId} status={row.status} />
    </div>
  );
}

export function customerColumn({ t }: ColumnText) {
  return column.accessor("customer", {
    header: t("columns.customer"),
    cell: (info) => <CustomerName name={info.getValue()} />,
  });
}

export function destinationColumn({ t, regionName }: ColumnText) {
  return column.accessor("destination", {
    header: t("columns.destination"),
    cell: (info) => regionName(info.getValue()) ?? "—",
  });
}

/** Shipment Management has more columns: the destination goes under the customer. */
export function customerDestinationColumn({ t, regionName }: ColumnText) {
  return column.accessor("customer", {
    header: t("columns.customerDestination"),
    cell: (info) => (
      <div>
        <CustomerName name={info.getValue()} />
        <div className="text-xs text-slate-500">{regionName(info.row.original.destination) ?? "—"}</div>
      </div>
    ),
  });
}

export function carrierColumn({ t }: ColumnText) {
  return column.accessor("carrier", {
    header: t("columns.carrier"),
    cell: (info) => {
      const name = carrierName(info.getValue());
      if (!name) return <span className="text-slate-400">{t("noCarrier")}</span>;
      return (
        <div>
          <div>{name}</div>
          {info.row.original.service ? <div className="text-xs text-slate-500">{info.row.original.service}</div> : null}
        </div>
      );
    },
  });
}

/** What the draft misses, why, and its hold in Shopify (on hold, queued, failed with a Retry). */
export function missingColumn({ t, common }: ColumnText, retryHold: FormAction) {
  return column.accessor("missingFields", {
    id: "missing",
    header: t("columns.missing"),
    cell: (info) => (
      <div className="space-y-1">
        <div className="flex flex-wrap gap-1">
          {info.getValue().map((field) => (
            <Badge key={field} tone="amber">
              {translateOr(common, `fields.${field}`, field)}
            </Badge>
          ))}
        </div>
        {/* The NF-e key's reason carries figures (US$ value, PTAX date) worth reading here. */}
        <ProblemList
          problems={info.row.original.problems.filter((problem) => problem.field === "nfeKey")}
          compact
          testId="draft-row-reason"
        />
        <HoldCell row={info.row.original} retry={retryHold} />
      </div>
    ),
  });
}

/** When the shipment was created from its order: the tables' default sort, newest first. */
export function createdColumn({ t, format }: ColumnText) {
  return column.accessor("createdAt", {
    header: t("columns.created"),
    cell: (info) => (
      <div className="whitespace-nowrap">
        <div>{format.dateTime(info.getValue(), { dateStyle: "medium" })}</div>
        <div className="text-xs text-slate-500">{format.dateTime(info.getValue(), { timeStyle: "short" })}</div>
      </div>
    ),
  });
}

export function editColumn({ t, common }: ColumnText) {
  return column.display({
    id: "edit",
    header: () => <span className="sr-only">{t("columns.edit")}</span>,
    meta: { className: "text-right" },
    cell: (info) => (
      <RowActionGroup>
        <RowActionLink
          href={`/follow-up/quotations-shipments/drafts/${info.row.original.id}/edit`}
          label={common("drafts.edit")}
          name={common("drafts.editOrder", { order: info.row.original.orderName })}
          icon={<Pencil className="size-4" aria-hidden />}
        />
      </RowActionGroup>
    ),
  });
}

/**
 * The shipment's state; a completed draft whose hold in Shopify is still there (its release queued
 * or failed, with a Retry) says so, since Shopify refuses to fulfil a held order.
 */
export function statusColumn({ t }: ColumnText, retryHold: FormAction) {
  return column.accessor("status", {
    header: t("columns.status"),
    cell: (info) => {
      const row = info.row.original;
      return (
        <div>
          <ShipmentStateBadge state={shipmentDisplayState(row)} />
          <CancelledInShopifyFlag row={row} />
          {row.holdState === "held" || row.holdState === "failed" ? (
            <div className="mt-1">
              <HoldCell row={row} retry={retryHold} />
            </div>
          ) : null}
        </div>
      );
    },
  });
}

export function pickupColumn({ t }: ColumnText) {
  return column.accessor("pickupDate", {
    id: "pickup",
    header: t("columns.pickup"),
    cell: (info) => <PickupCell row={info.row.original} />,
  });
}

export function documentsColumn({ t }: ColumnText, retry: (formData: FormData) => void, retrying: boolean) {
  return column.display({
    id: "documents",
    header: t("columns.documents"),
    cell: (info) => <DocumentsCell row={info.row.original} retry={retry} retrying={retrying} />,
  });
}

/**
 * The carrier's tracking status; on a Correios shipment with its documents and no code yet, the
 * "Record S10 code" action (Correios has no tracking API: the code comes from the agency receipt).
 */
export function trackingColumn({ t, common }: ColumnText, recordS10: (target: S10Target) => void) {
  return column.accessor("trackingStatus", {
    id: "tracking",
    header: t("columns.tracking"),
    cell: (info) => {
      const row = info.row.original;
      const status = info.getValue();
      if (status) return <TrackingStatusBadge status={status} />;
      if (row.carrier === "correios" && row.documentsGeneratedAt && !row.trackingNumber && row.status !== "cancelled") {
        return (
          <button
            type="button"
            className={buttonClasses("secondary", "sm", "whitespace-nowrap")}
            onClick={() => recordS10({ shipmentId: row.id, order: row.orderName })}
          >
            {common("correios.recordAction")}
          </button>
        );
      }
      return <span className="text-slate-400">—</span>;
    },
  });
}

export function valueColumn({ t, format }: ColumnText) {
  return column.accessor("value", {
    header: t("columns.value"),
    cell: (info) => {
      const value = info.getValue();
      const currency = info.row.original.currency;
      return value && currency ? format.number(Number(value), { style: "currency", currency }) : "—";
    },
    meta: { className: "text-right tabular-nums", headerClassName: "text-right" },
  });
}

/** What a row's action buttons do: the documents form, and the dialogs they open. */
interface RowActionHandlers {
  generate: (formData: FormData) => void;
  generating: boolean;
  schedule: (rows: ShipmentRow[]) => void;
  reschedule: (row: ShipmentRow) => void;
  cancelPickup: (row: ShipmentRow) => void;
  voidLabel: (row: ShipmentRow) => void;
}

/**
 * Kept in view at the right edge while a wide table scrolls sideways (from md up; on a phone it
 * would cover the row), so every row's actions stay reachable.
 */
const STICKY_RIGHT = "bg-white md:sticky md:right-0 md:shadow-[-6px_0_6px_-6px_rgb(15_23_42/0.15)]";

export function actionsColumn({ t }: ColumnText, handlers: RowActionHandlers) {
  return column.display({
    id: "actions",
    header: () => <span className="sr-only">{t("columns.actions")}</span>,
    meta: { className: `text-right ${STICKY_RIGHT}`, headerClassName: `${STICKY_RIGHT} bg-slate-50` },
    cell: (info) => {
      const row = info.row.original;
      return (
        <RowActions
          row={row}
          generate={handlers.generate}
          generating={handlers.generating}
          onSchedule={() => handlers.schedule([row])}
          onReschedule={() => handlers.reschedule(row)}
          onCancel={() => handlers.cancelPickup(row)}
          onVoid={() => handlers.voidLabel(row)}
        />
      );
    },
  });
}

export const shipmentColumns = column.columns;

/** A customer's name in a cell: an absurdly long one (a store's data) is cut with an ellipsis, whole in the tooltip. */
function CustomerName({ name }: { name: string | null }) {
  return (
    <span className="block max-w-48 truncate" title={name ?? undefined}>
      {name ?? "—"}
    </span>
  );
}
