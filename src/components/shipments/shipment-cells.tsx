"use client";
// The Pickup and Documents cells of Shipment Management, and each row's actions.
import { Ban, CalendarClock, CalendarPlus, CalendarX, Download, FileText } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { Badge } from "@/components/ui/badge";
import { RowActionButton, RowActionGroup } from "@/components/tables/row-action";
import { shipmentDisplayState, type ShipmentRow } from "@/lib/rows/shipments";
import { cancellationWayOut } from "./cancelled-in-shopify";
import { RetryForm } from "./retry-form";

type DocumentKind = "all" | "labels" | "invoices" | "packing-slips" | "labels+slips";

/** The download of the shipments' documents; labels in `format`, else the user's preference. */
export function documentsUrl(ids: string[], kind: DocumentKind = "all", format?: "pdf" | "zpl") {
  const params = new URLSearchParams({ ids: ids.join(",") });
  if (kind !== "all") params.set("kind", kind);
  if (format) params.set("format", format);
  return `/shipments/documents?${params.toString().replace(/%2C/g, ",")}`;
}

/** A carrier label that can still be voided: bought through an API and not collected yet. */
function voidableLabel(row: ShipmentRow): boolean {
  return (
    !!row.documentsGeneratedAt &&
    !!row.trackingNumber &&
    (row.status === "ready" || row.status === "pickup_scheduled") &&
    (row.carrier === "ups" || row.carrier === "fedex" || row.carrier === "dhl")
  );
}

/** A Shopify test order imported under the store's "import" setting: never sent to a carrier. */
export function TestOrderBadge() {
  const t = useTranslations("storeSettings");
  return (
    <Badge tone="violet">
      <span title={t("testBadgeTitle")} data-testid="test-badge">
        {t("testBadge")}
      </span>
    </Badge>
  );
}

export function PickupCell({ row }: { row: ShipmentRow }) {
  const format = useFormatter();
  if (!row.pickupDate || row.status !== "pickup_scheduled") return <span className="text-slate-400">—</span>;
  return (
    <div data-testid="pickup-cell" className="whitespace-nowrap">
      <div className="text-slate-900">
        {format.dateTime(new Date(`${row.pickupDate}T12:00:00Z`), {
          weekday: "short",
          day: "numeric",
          month: "short",
          timeZone: "UTC",
        })}
      </div>
      <div className="text-xs text-slate-600">
        {row.pickupReadyTime}–{row.pickupCloseTime}
      </div>
      <div className="font-mono text-[11px] text-slate-500" title={row.pickupConfirmation ?? undefined}>
        {row.pickupConfirmation}
      </div>
    </div>
  );
}

export function DocumentsCell({
  row,
  retry,
  retrying,
}: {
  row: ShipmentRow;
  retry: (formData: FormData) => void;
  retrying: boolean;
}) {
  const t = useTranslations("documents");
  if (!row.documentsGeneratedAt) {
    // Shipped outside the dashboard (the status says so): no documents will be issued here.
    if (shipmentDisplayState(row) === "fulfilled_in_shopify") return <span className="text-slate-400">—</span>;
    return <span className="text-xs whitespace-nowrap text-slate-400">{t("notIssued")}</span>;
  }
  const error = row.fulfillmentError;
  const errorText = error && translateOr(t, `fulfillmentErrors.${error}`, error);
  return (
    <div className="space-y-1" data-testid="documents-cell">
      <a
        href={documentsUrl([row.id])}
        className="flex items-center gap-1 font-mono text-xs whitespace-nowrap text-brand-700 hover:underline"
        aria-label={`${t("download")} ${row.orderName}`}
        download
      >
        <Download className="size-3.5 shrink-0" aria-hidden />
        {row.trackingNumber}
      </a>
      {row.fulfillmentState === "created" ? (
        <Badge tone="green">{t("inShopify")}</Badge>
      ) : row.fulfillmentState === "failed" ? (
        <div className="flex flex-wrap items-center gap-1">
          <Badge tone="red">
            <span title={errorText ?? undefined}>{t("shopifyFailed")}</span>
          </Badge>
          <RetryForm
            shipmentId={row.id}
            action={retry}
            pending={retrying}
            label={t("retryOrder", { order: row.orderName })}
            text={t("retry")}
          />
          {errorText ? <p className="w-full max-w-56 text-xs text-red-700">{errorText}</p> : null}
        </div>
      ) : (
        <Badge tone="gray">{t("sending")}</Badge>
      )}
    </div>
  );
}

/**
 * A row's actions as labelled buttons (the accessible name adds the order: "Schedule pickup #1012").
 * Only what the shipment's state allows is offered; a shipment fulfilled in Shopify or cancelled
 * has none, and its status cell says why.
 */
export function RowActions({
  row,
  generate,
  generating,
  onSchedule,
  onReschedule,
  onCancel,
  onVoid,
}: {
  row: ShipmentRow;
  generate: (formData: FormData) => void;
  generating: boolean;
  onSchedule: () => void;
  onReschedule: () => void;
  onCancel: () => void;
  onVoid: () => void;
}) {
  const t = useTranslations();
  const order = row.orderName;
  const state = shipmentDisplayState(row);
  // Cancelled in Shopify: only the way out is offered, nothing that moves the shipment forward.
  if (row.cancelledInShopifyAt) {
    const wayOut = cancellationWayOut(row);
    return (
      <RowActionGroup>
        {wayOut === "cancelPickup" ? (
          <RowActionButton
            variant="danger"
            label={t("pickups.cancelConfirm")}
            name={`${t("pickups.cancelConfirm")} ${order}`}
            icon={<CalendarX className="size-4" aria-hidden />}
            onClick={onCancel}
          />
        ) : wayOut === "voidLabel" ? (
          <RowActionButton
            variant="danger"
            label={t("cancelledInShopify.voidConfirm")}
            name={`${t("cancelledInShopify.voidConfirm")} ${order}`}
            icon={<Ban className="size-4" aria-hidden />}
            onClick={onVoid}
          />
        ) : null}
      </RowActionGroup>
    );
  }
  // A test order never reaches a carrier: no pickup or label to offer (the services refuse them too).
  if (row.isTest || state === "fulfilled_in_shopify") return null;
  return (
    <RowActionGroup>
      {state === "ready" ? (
        <RowActionButton
          label={t("pickups.title")}
          name={`${t("pickups.title")} ${order}`}
          icon={<CalendarPlus className="size-4" aria-hidden />}
          onClick={onSchedule}
        />
      ) : null}
      {state === "pickup_scheduled" && row.pickupId ? (
        <>
          <RowActionButton
            label={t("pickups.rescheduleTitle")}
            name={`${t("pickups.rescheduleTitle")} ${order}`}
            icon={<CalendarClock className="size-4" aria-hidden />}
            onClick={onReschedule}
          />
          <RowActionButton
            variant="ghost"
            label={t("pickups.cancelConfirm")}
            name={`${t("pickups.cancelConfirm")} ${order}`}
            icon={<CalendarX className="size-4" aria-hidden />}
            onClick={onCancel}
          />
        </>
      ) : null}
      {/* Not for an order Shopify fulfilled already, even with a pickup booked: it would ship twice. */}
      {(state === "ready" || state === "pickup_scheduled") &&
      !row.documentsGeneratedAt &&
      row.shopifyFulfillment !== "FULFILLED" ? (
        <form action={generate}>
          <input type="hidden" name="ids" value={row.id} />
          <RowActionButton
            type="submit"
            label={t("documents.generate")}
            name={`${t("documents.generate")} ${order}`}
            icon={<FileText className="size-4" aria-hidden />}
            disabled={generating}
          />
        </form>
      ) : null}
      {voidableLabel(row) ? (
        <RowActionButton
          variant="ghost"
          label={t("labels.voidAction")}
          name={`${t("labels.voidAction")} ${order}`}
          icon={<Ban className="size-4" aria-hidden />}
          onClick={onVoid}
        />
      ) : null}
    </RowActionGroup>
  );
}
