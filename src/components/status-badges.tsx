"use client";
import { useTranslations } from "next-intl";
import type { ShipmentStatus, StoreStatus } from "@/domain/statuses";
import type { SyncRunStatus } from "@/domain/sync";
import type { ShipmentDisplayState } from "@/lib/rows/shipments";
import { Badge, type BadgeTone } from "./ui/badge";

const shipmentTones: Record<ShipmentStatus, BadgeTone> = {
  draft: "amber",
  ready: "blue",
  pickup_scheduled: "violet",
  shipped: "green",
  cancelled: "gray",
};

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  const t = useTranslations("status.shipment");
  return <Badge tone={shipmentTones[status]}>{t(status)}</Badge>;
}

/**
 * A shipment's state in a table: its status, or "Fulfilled in Shopify" with the line that says
 * why nothing is left to do here (shipmentDisplayState).
 */
export function ShipmentStateBadge({ state }: { state: ShipmentDisplayState }) {
  const t = useTranslations("status.shipment");
  if (state !== "fulfilled_in_shopify") return <ShipmentStatusBadge status={state} />;
  return (
    <div className="space-y-0.5" data-testid="fulfilled-in-shopify">
      <Badge tone="green">{t("fulfilled_in_shopify")}</Badge>
      <p className="max-w-40 text-xs text-slate-500">{t("fulfilledInShopifyHint")}</p>
    </div>
  );
}

const storeTones: Record<StoreStatus, BadgeTone> = {
  connected: "green",
  reconnect_needed: "amber",
  uninstalled: "gray",
};

export function StoreStatusBadge({ status }: { status: StoreStatus }) {
  const t = useTranslations("status.store");
  return <Badge tone={storeTones[status]}>{t(status)}</Badge>;
}

const runTones: Record<SyncRunStatus, BadgeTone> = {
  queued: "gray",
  running: "blue",
  succeeded: "green",
  failed: "red",
};

export function SyncRunStatusBadge({ status }: { status: SyncRunStatus }) {
  const t = useTranslations("status.syncRun");
  return <Badge tone={runTones[status]}>{t(status)}</Badge>;
}
