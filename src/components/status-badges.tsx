"use client";
import { useTranslations } from "next-intl";
import type { ShipmentStatus, StoreStatus } from "@/domain/statuses";
import type { SyncRunStatus } from "@/domain/sync";
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
