// The shipment page: what was shipped, where the parcel is (the carrier's tracking status and
// its events, newest first, in São Paulo time), whether each event reached Shopify, and "Check
// now". Correios parcels have no tracking API: the page says so instead of offering a check.
// Below, its activity log: everything that happened to it, paged by "Show older" (?before=).
import { ArrowLeft, ExternalLink } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActivityLog } from "@/components/shipments/activity-log";
import { CheckTrackingButton } from "@/components/shipments/check-tracking-button";
import { TrackingStatusBadge } from "@/components/shipments/tracking-badge";
import { ShipmentStatusBadge } from "@/components/status-badges";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { carrierName, isCarrier } from "@/domain/carrier-registry";
import { trackingUrl } from "@/domain/tracking";
import { requireUser } from "@/server/auth/session";
import { isApiCarrier } from "@/server/carriers/api";
import { getDb } from "@/server/db/client";
import { decodeActivityCursor, encodeActivityCursor, shipmentActivity } from "@/server/queries/activity";
import { shipmentTracking } from "@/server/queries/tracking";
import { checkTrackingAction } from "./actions";

// A fixed title: the order's name would need the database before the page checks the session.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tracking"))("timeline") };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function ShipmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { id } = await params;
  await requireUser(`/shipments/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const { before } = await searchParams;
  // A cursor that is not one (edited by hand) shows the newest entries.
  const cursor = decodeActivityCursor(typeof before === "string" ? before : undefined);
  const db = await getDb();
  const [shipment, activity] = await Promise.all([
    shipmentTracking(db, id),
    shipmentActivity(db, id, { before: cursor }),
  ]);
  if (!shipment) notFound();
  const [t, locale, format] = await Promise.all([getTranslations("tracking"), getLocale(), getFormatter()]);
  const when = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "America/Sao_Paulo" }) : null;
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const tracked = isApiCarrier(shipment.carrier);
  // The carrier never found the number within a week: the poll stopped (services/tracking/record.ts).
  const stopped =
    tracked &&
    shipment.trackingNumber !== null &&
    shipment.trackingNextCheckAt === null &&
    shipment.deliveredAt === null &&
    shipment.trackingStatus !== "delivered" &&
    shipment.documentsGeneratedAt !== null;
  return (
    <>
      <Link
        href="/shipments"
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> {t("back")}
      </Link>
      <PageHeader
        title={t("title", { order: shipment.orderName })}
        description={shipment.storeName}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ShipmentStatusBadge status={shipment.status} />
            {shipment.trackingStatus ? <TrackingStatusBadge status={shipment.trackingStatus} /> : null}
          </div>
        }
      />
      <div className="space-y-4">
        <Card className="p-4">
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("summary")}</h2>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Item label={t("order")}>{shipment.orderName}</Item>
            <Item label={t("customer")}>{shipment.customer ?? "—"}</Item>
            <Item label={t("destination")}>
              {shipment.destination ? (regions.of(shipment.destination) ?? shipment.destination) : "—"}
            </Item>
            <Item label={t("carrier")}>
              {[carrierName(shipment.carrier), shipment.service].filter(Boolean).join(" · ") || "—"}
            </Item>
            <Item label={t("trackingNumber")}>
              {shipment.trackingNumber && isCarrier(shipment.carrier) ? (
                <a
                  href={trackingUrl(shipment.carrier, shipment.trackingNumber)}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center gap-1 font-mono text-brand-700 underline"
                  aria-label={t("trackingLink", { number: shipment.trackingNumber })}
                >
                  {shipment.trackingNumber} <ExternalLink className="size-3.5" aria-hidden />
                </a>
              ) : (
                (shipment.trackingNumber ?? "—")
              )}
            </Item>
            <Item label={t("trackingStatus")}>
              {shipment.trackingStatus ? <TrackingStatusBadge status={shipment.trackingStatus} /> : t("notTracked")}
            </Item>
            {tracked ? (
              <>
                <Item label={t("lastChecked")}>{when(shipment.trackingCheckedAt) ?? t("never")}</Item>
                <Item label={t("nextCheck")}>{when(shipment.trackingNextCheckAt) ?? t("none")}</Item>
              </>
            ) : null}
            {shipment.deliveredAt ? <Item label={t("deliveredAt")}>{when(shipment.deliveredAt)}</Item> : null}
          </dl>
        </Card>
        {shipment.carrier === "correios" ? <Alert tone="info">{t("noApi")}</Alert> : null}
        {stopped ? <Alert tone="warning">{t("stopped")}</Alert> : null}
        <Card className="p-4">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-base font-semibold text-slate-900">{t("timeline")}</h2>
            {tracked && shipment.trackingNumber && !shipment.deliveredAt ? (
              <CheckTrackingButton shipmentId={shipment.id} checkTracking={checkTrackingAction} />
            ) : null}
          </div>
          {!shipment.trackingNumber ? (
            <p className="text-sm text-slate-600">{t("noTrackingNumber")}</p>
          ) : shipment.events.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noEvents")}</p>
          ) : (
            <ol className="space-y-4 border-l border-slate-200 pl-4" data-testid="tracking-timeline">
              {shipment.events.map((event) => (
                <li key={event.id} className="relative">
                  <span className="absolute top-1.5 -left-[21px] size-2.5 rounded-full bg-slate-300" aria-hidden />
                  <div className="flex flex-wrap items-center gap-2">
                    <TrackingStatusBadge status={event.status} />
                    <time dateTime={event.occurredAt.toISOString()} className="text-sm text-slate-700">
                      {when(event.occurredAt)}
                    </time>
                  </div>
                  <p className="mt-1 text-sm break-words text-slate-900">{event.description || event.code}</p>
                  {event.location ? <p className="text-xs text-slate-500">{event.location}</p> : null}
                  <p className={event.shopifyError ? "text-xs text-amber-800" : "text-xs text-slate-500"}>
                    {event.shopifyEventId
                      ? t("inShopify")
                      : event.shopifyError
                        ? t("shopifyFailed", { reason: event.shopifyError })
                        : t("notInShopify")}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        <ActivityLog
          entries={activity.entries}
          olderHref={activity.older ? `/shipments/${id}?before=${encodeActivityCursor(activity.older)}#activity` : null}
          newestHref={cursor ? `/shipments/${id}#activity` : null}
        />
      </div>
    </>
  );
}
