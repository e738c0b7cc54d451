"use client";
// The Pickup and Documents cells of Shipment Management, and each row's actions.
import { Ban, CalendarClock, CalendarPlus, CalendarX, Download, FileText, RotateCw } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ShipmentRow } from "@/lib/rows/shipments";
import { cancellationWayOut } from "./cancelled-in-shopify";

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
    return row.shopifyFulfillment === "FULFILLED" ? (
      <Badge tone="amber">
        <span title={t("errors.fulfilledInShopify", { order: row.orderName })}>{t("fulfilledInShopify")}</span>
      </Badge>
    ) : (
      <span className="text-xs text-slate-400">{t("notIssued")}</span>
    );
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
          <form action={retry}>
            <input type="hidden" name="ids" value={row.id} />
            <Button
              type="submit"
              variant="ghost"
              size="sm"
              disabled={retrying}
              aria-label={t("retryOrder", { order: row.orderName })}
            >
              <RotateCw className="size-3.5" aria-hidden />
              {t("retry")}
            </Button>
          </form>
          {errorText ? <p className="w-full max-w-56 text-xs text-red-700">{errorText}</p> : null}
        </div>
      ) : (
        <Badge tone="gray">{t("sending")}</Badge>
      )}
    </div>
  );
}

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
  const icon = buttonClasses("ghost", "sm");
  const fulfilledElsewhere = row.shopifyFulfillment === "FULFILLED" && !row.documentsGeneratedAt;
  // Cancelled in Shopify: only the way out is offered, nothing that moves the shipment forward.
  const wayOut = cancellationWayOut(row);
  if (row.cancelledInShopifyAt) {
    return (
      <div className="flex items-center justify-end gap-0.5">
        {wayOut === "cancelPickup" ? (
          <button
            type="button"
            className={buttonClasses("danger", "sm")}
            onClick={onCancel}
            aria-label={`${t("pickups.cancelConfirm")} ${order}`}
          >
            <CalendarX className="size-4" aria-hidden />
            {t("pickups.cancelConfirm")}
          </button>
        ) : wayOut === "voidLabel" ? (
          <button
            type="button"
            className={buttonClasses("danger", "sm")}
            onClick={onVoid}
            aria-label={`${t("cancelledInShopify.voidConfirm")} ${order}`}
          >
            <Ban className="size-4" aria-hidden />
            {t("cancelledInShopify.voidConfirm")}
          </button>
        ) : null}
      </div>
    );
  }
  // A test order never reaches a carrier: no pickup or label to offer (the services refuse them too).
  if (row.isTest) return null;
  return (
    <div className="flex items-center justify-end gap-0.5">
      {row.status === "ready" && !fulfilledElsewhere ? (
        <button
          type="button"
          className={icon}
          onClick={onSchedule}
          aria-label={`${t("pickups.title")} ${order}`}
          title={t("pickups.title")}
        >
          <CalendarPlus className="size-4" aria-hidden />
        </button>
      ) : null}
      {row.status === "pickup_scheduled" && row.pickupId ? (
        <>
          <button
            type="button"
            className={icon}
            onClick={onReschedule}
            aria-label={`${t("pickups.rescheduleTitle")} ${order}`}
            title={t("pickups.rescheduleTitle")}
          >
            <CalendarClock className="size-4" aria-hidden />
          </button>
          <button
            type="button"
            className={icon}
            onClick={onCancel}
            aria-label={`${t("pickups.cancelConfirm")} ${order}`}
            title={t("pickups.cancelConfirm")}
          >
            <CalendarX className="size-4" aria-hidden />
          </button>
        </>
      ) : null}
      {(row.status === "ready" || row.status === "pickup_scheduled") &&
      !row.documentsGeneratedAt &&
      !fulfilledElsewhere ? (
        <form action={generate}>
          <input type="hidden" name="ids" value={row.id} />
          <button
            type="submit"
            className={icon}
            disabled={generating}
            aria-label={`${t("documents.generate")} ${order}`}
            title={t("documents.generate")}
          >
            <FileText className="size-4" aria-hidden />
          </button>
        </form>
      ) : null}
      {voidableLabel(row) ? (
        <button
          type="button"
          className={icon}
          onClick={onVoid}
          aria-label={`${t("labels.voidAction")} ${order}`}
          title={t("labels.voidAction")}
        >
          <Ban className="size-4" aria-hidden />
        </button>
      ) : null}
    </div>
  );
}
