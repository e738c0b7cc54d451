"use client";
// The overview on top of Shipment Management: five figures an operator takes in at a glance, each
// a link to the table filtered to exactly those shipments, and shipments per day by carrier. On a
// phone it is compact (two figures a row, the chart folded) so the table starts on the first screen.
// A client component: every sort, filter or page of the table renders the page again, and sending
// the overview's figures (~1 kB) instead of its rendered markup (~17 kB of RSC) took ~3 ms of server
// CPU off each of those requests (npm run bench:load -- --page shipments --documents 0).
import { CalendarClock, FilePen, OctagonAlert, PackageCheck, RefreshCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Overview } from "@/lib/rows/overview";
import { ShipmentsPerDayChart } from "./shipments-chart";
import { ShipperDetailsAlert } from "./store-readiness";
import { FoldOnPhone } from "@/components/ui/fold-on-phone";

const healthTones: Record<string, BadgeTone> = {
  healthy: "green",
  running: "blue",
  failed: "red",
  reconnect_needed: "amber",
  never: "gray",
};

function Figure({
  label,
  value,
  detail,
  href,
  icon,
  testId,
}: {
  label: string;
  value: number;
  detail?: string;
  href: string;
  icon: ReactNode;
  testId: string;
}) {
  return (
    <Link
      href={href}
      className="group flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs hover:border-brand-300 focus-visible:outline-2 focus-visible:outline-brand-500 sm:p-4"
      data-testid={testId}
    >
      <span className="rounded-md bg-brand-50 p-2 text-brand-700 max-sm:hidden" aria-hidden>
        {icon}
      </span>
      <span className="min-w-0">
        <span className="block text-xs text-slate-600 group-hover:text-slate-900 sm:text-sm">{label}</span>
        <span
          className="block text-xl font-semibold tabular-nums text-slate-900 sm:text-2xl"
          data-testid={`${testId}-value`}
        >
          {value}
        </span>
        {detail ? <span className="block text-xs text-slate-500 max-sm:hidden">{detail}</span> : null}
      </span>
    </Link>
  );
}

/** `now`: the server's time of the request, so that "5 minutes ago" reads the same before and after hydration. */
export function ShipmentsOverview({ overview, now }: { overview: Overview; now: Date }) {
  const t = useTranslations("overview");
  const format = useFormatter();
  const unhealthy = overview.stores.filter((store) => store.health === "failed" || store.health === "reconnect_needed");
  const flagged = useTranslations("cancelledInShopify");
  return (
    <section aria-label={t("label")} className="mb-4 space-y-2 sm:mb-6 sm:space-y-4">
      <ShipperDetailsAlert />
      {overview.cancelledInShopify > 0 ? (
        // Shown only while some need resolving: each one waits for Cancel pickup or Void label.
        <Link
          href="/shipments?attention=cancelled_in_shopify"
          className="flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-red-800 hover:border-red-400 focus-visible:outline-2 focus-visible:outline-red-600"
          data-testid="overview-cancelled-in-shopify"
        >
          <OctagonAlert className="mt-0.5 size-5 shrink-0" aria-hidden />
          <span>
            <span className="block font-medium">
              {flagged("overviewTitle", { count: overview.cancelledInShopify })}
            </span>
            <span className="block text-sm">{flagged("overviewBody")}</span>
          </span>
        </Link>
      ) : null}
      <div className="grid grid-cols-2 gap-2 sm:gap-3 xl:grid-cols-5">
        <Figure
          label={t("draftsWaiting")}
          value={overview.draftsWaiting}
          detail={t("draftsDetail")}
          href="/follow-up/quotations-shipments?tab=drafts"
          icon={<FilePen className="size-5" />}
          testId="overview-drafts"
        />
        <Figure
          label={t("readyToShip")}
          value={overview.readyToShip}
          detail={t("readyDetail")}
          href="/shipments?status=ready"
          icon={<PackageCheck className="size-5" />}
          testId="overview-ready"
        />
        <Figure
          label={t("pickupsToday")}
          value={overview.pickupsToday.shipments}
          detail={t("pickupsDetail", { count: overview.pickupsToday.pickups })}
          href="/shipments?pickup=today"
          icon={<CalendarClock className="size-5" />}
          testId="overview-pickups"
        />
        <Figure
          label={t("exceptions")}
          value={overview.trackingExceptions}
          detail={t("exceptionsDetail")}
          href="/shipments?tracking=exception"
          icon={<TriangleAlert className="size-5" />}
          testId="overview-exceptions"
        />
        <Card className="p-3 max-sm:col-span-2 sm:p-4" data-testid="overview-sync">
          {/* Folded on a phone like the chart: the table is what the page is for. */}
          <FoldOnPhone
            heading={
              <div className="flex items-center gap-2 text-sm text-slate-600">
                <RefreshCw className="size-4" aria-hidden />
                {t("syncHealth")}
              </div>
            }
            showLabel={t("show")}
            hideLabel={t("hide")}
          >
            {overview.stores.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">
                <Link href="/stores" className="text-brand-700 underline">
                  {t("noStores")}
                </Link>
              </p>
            ) : (
              <ul className="mt-2 space-y-1.5 text-sm">
                {overview.stores.slice(0, 4).map((store) => (
                  // On a phone each store is one line: its name, then its health.
                  <li key={store.id} className="max-sm:flex max-sm:items-center max-sm:justify-between max-sm:gap-2">
                    <div className="truncate text-slate-900" title={store.name}>
                      {store.name}
                    </div>
                    <div className="flex flex-wrap items-center gap-2 max-sm:shrink-0 max-sm:flex-nowrap">
                      <Badge tone={healthTones[store.health]}>{t(`health.${store.health}`)}</Badge>
                      {store.lastSyncedAt ? (
                        <span className="text-xs text-slate-500">{format.relativeTime(store.lastSyncedAt, now)}</span>
                      ) : null}
                    </div>
                  </li>
                ))}
                {overview.stores.length > 4 ? (
                  <li className="text-xs text-slate-500">
                    <Link href="/stores" className="underline">
                      {t("moreStores", { count: overview.stores.length - 4, unhealthy: unhealthy.length })}
                    </Link>
                  </li>
                ) : null}
              </ul>
            )}
          </FoldOnPhone>
        </Card>
      </div>
      <ShipmentsPerDayChart perDay={overview.perDay} />
    </section>
  );
}
