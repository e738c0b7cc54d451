"use client";
// Where the parcel is, as its carrier reports it: Shipment Management's column and the shipment page.
import { useTranslations } from "next-intl";
import type { TrackingStatus } from "@/domain/statuses";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<TrackingStatus, BadgeTone> = {
  label_created: "gray",
  in_transit: "blue",
  out_for_delivery: "violet",
  delivered: "green",
  exception: "red",
};

export function TrackingStatusBadge({ status }: { status: TrackingStatus }) {
  const t = useTranslations("tracking.statuses");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
