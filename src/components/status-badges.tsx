"use client";
import { useTranslations } from "next-intl";
import type { ShipmentStatus, StoreStatus } from "@/domain/statuses";
import type { SyncRunStatus } from "@/domain/sync";
import { Badge, type BadgeTone } from "./ui/badge";

const shipmentTones: Record<string, BadgeTone> = {
  draft: "amber",
  ready: "blue",
  pickup_scheduled: "violet",
  shipped: "green",
  cancelled: "gray",
} satisfies Record<ShipmentStatus, BadgeTone>;

export function ShipmentStatusBadge({ status }: { status: string }) {
  const t = useTranslations("status.shipment");
  return <Badge tone={shipmentTones[status] ?? "gray"}>{t(status)}</Badge>;
}

const storeTones: Record<string, BadgeTone> = {
  connected: "green",
  reconnect_needed: "amber",
  uninstalled: "gray",
} satisfies Record<StoreStatus, BadgeTone>;

export function StoreStatusBadge({ status }: { status: string }) {
  const t = useTranslations("status.store");
  return <Badge tone={storeTones[status] ?? "gray"}>{t(status)}</Badge>;
}

const runTones: Record<string, BadgeTone> = {
  queued: "gray",
  running: "blue",
  succeeded: "green",
  failed: "red",
} satisfies Record<SyncRunStatus, BadgeTone>;

export function SyncRunStatusBadge({ status }: { status: string }) {
  const t = useTranslations("status.syncRun");
  return <Badge tone={runTones[status] ?? "gray"}>{t(status)}</Badge>;
}
