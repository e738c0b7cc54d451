// The shipment's activity log: one line per thing that happened to it, newest first, with who did
// it and when (in the merchants' time zone, as every date of the dashboard), and "Show older" when
// there is more. The entries come mapped and checked (src/domain/activity.ts); this only words them.
import {
  AlertTriangle,
  Ban,
  Calculator,
  CalendarClock,
  CheckCircle2,
  CircleDot,
  FileText,
  MapPin,
  Pencil,
  RefreshCw,
  ShoppingBag,
  type LucideIcon,
} from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import type { ActivityActor, ActivityEntry, ActivityKind } from "@/domain/activity";
import { buttonClasses } from "../ui/button";
import { Card } from "../ui/card";
import { cn } from "../ui/cn";
import { TrackingStatusBadge } from "./tracking-badge";

type Tone = "neutral" | "good" | "bad" | "shopify";

const LOOK: Record<ActivityKind, { icon: LucideIcon; tone: Tone }> = {
  syncedReady: { icon: RefreshCw, tone: "neutral" },
  syncedDraft: { icon: RefreshCw, tone: "neutral" },
  syncedUpdated: { icon: RefreshCw, tone: "neutral" },
  syncedUnchanged: { icon: RefreshCw, tone: "neutral" },
  syncedCancelled: { icon: Ban, tone: "bad" },
  syncFailed: { icon: AlertTriangle, tone: "bad" },
  syncedOther: { icon: RefreshCw, tone: "neutral" },
  created: { icon: CircleDot, tone: "neutral" },
  edited: { icon: Pencil, tone: "neutral" },
  editedBulk: { icon: Pencil, tone: "neutral" },
  promoted: { icon: CheckCircle2, tone: "good" },
  quoted: { icon: Calculator, tone: "neutral" },
  quoteChosen: { icon: Calculator, tone: "good" },
  pickupScheduled: { icon: CalendarClock, tone: "good" },
  pickupRescheduled: { icon: CalendarClock, tone: "neutral" },
  pickupCancelled: { icon: CalendarClock, tone: "bad" },
  documentsIssued: { icon: FileText, tone: "good" },
  invoiceIssued: { icon: FileText, tone: "good" },
  labelFailed: { icon: AlertTriangle, tone: "bad" },
  labelVoided: { icon: Ban, tone: "bad" },
  fulfillmentCreated: { icon: ShoppingBag, tone: "shopify" },
  fulfillmentFailed: { icon: AlertTriangle, tone: "bad" },
  fulfillmentCancelled: { icon: ShoppingBag, tone: "shopify" },
  fulfillmentCancelFailed: { icon: AlertTriangle, tone: "bad" },
  s10Recorded: { icon: FileText, tone: "good" },
  tracking: { icon: MapPin, tone: "neutral" },
  shippedByTracking: { icon: MapPin, tone: "good" },
  trackingNotFound: { icon: AlertTriangle, tone: "bad" },
  cancelledInShopify: { icon: Ban, tone: "bad" },
  other: { icon: CircleDot, tone: "neutral" },
};

const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-600",
  good: "bg-emerald-50 text-emerald-700",
  bad: "bg-red-50 text-red-700",
  shopify: "bg-brand-50 text-brand-700",
};

function ActorName({ actor }: { actor: ActivityActor }) {
  const t = useTranslations("activity.actors");
  if (actor.kind === "user" || actor.kind === "carrier") return <>{actor.name}</>;
  return <>{t(actor.kind)}</>;
}

function Entry({ entry }: { entry: ActivityEntry }) {
  const t = useTranslations("activity");
  const format = useFormatter();
  const { icon: Icon, tone } = LOOK[entry.kind];
  const values: Record<string, string | number> = { ...entry.values };
  if (entry.money) {
    values.price = format.number(entry.money.amount, { style: "currency", currency: entry.money.currency });
  }
  // A calendar day (a pickup's), the same everywhere: read at noon UTC so no zone moves it.
  values.date = entry.day
    ? format.dateTime(new Date(`${entry.day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
    : "—";
  const fields = entry.fields?.length ? format.list(entry.fields.map((field) => t(`fields.${field}`))) : null;
  const parcel = entry.parcel
    ? [
        entry.parcel.weightKg !== null
          ? format.number(entry.parcel.weightKg, { style: "unit", unit: "kilogram", maximumFractionDigits: 3 })
          : null,
        entry.parcel.sides
          ? `${entry.parcel.sides.map((side) => format.number(side, { maximumFractionDigits: 2 })).join(" × ")} cm`
          : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  return (
    <li className="relative flex gap-3" data-testid="activity-entry" data-kind={entry.kind}>
      <span
        className={cn("mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full", TONES[tone])}
        aria-hidden
      >
        <Icon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium break-words text-slate-900">{t(`kinds.${entry.kind}`, values)}</p>
        {fields ? <p className="text-sm break-words text-slate-700">{t("changed", { fields })}</p> : null}
        {parcel ? (
          <p className="text-sm break-words text-slate-700" data-testid="activity-parcel">
            {t("parcel", { parcel })}
          </p>
        ) : null}
        {entry.trackingStatus ? (
          <div className="mt-1">
            <TrackingStatusBadge status={entry.trackingStatus} />
          </div>
        ) : null}
        {entry.shopify ? (
          <p
            className={cn("text-xs", !entry.shopify.sent && entry.shopify.error ? "text-amber-800" : "text-slate-500")}
          >
            {entry.shopify.sent
              ? t("inShopify")
              : entry.shopify.error
                ? t("shopifyFailed", { reason: entry.shopify.error })
                : t("notInShopify")}
          </p>
        ) : null}
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
          <span data-testid="activity-actor">
            <ActorName actor={entry.actor} />
          </span>
          <span aria-hidden>·</span>
          <time dateTime={entry.at.toISOString()}>
            {format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}
          </time>
          {entry.syncRunId ? (
            <>
              <span aria-hidden>·</span>
              <Link href={`/sync-runs/${entry.syncRunId}`} className="text-brand-700 underline">
                {t("viewRun")}
              </Link>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}

export function ActivityLog({
  entries,
  olderHref,
  newestHref,
}: {
  entries: ActivityEntry[];
  /** The next, older page; null on the oldest. */
  olderHref: string | null;
  /** Back to the newest entries, when this is an older page. */
  newestHref: string | null;
}) {
  const t = useTranslations("activity");
  return (
    <Card className="scroll-mt-4 p-4" id="activity">
      <div className="mb-3">
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-4" data-testid="activity-log" aria-label={t("title")}>
          {entries.map((entry) => (
            <Entry key={entry.key} entry={entry} />
          ))}
        </ol>
      )}
      {olderHref || newestHref ? (
        <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-3">
          {newestHref ? (
            <Link href={newestHref} className={buttonClasses("secondary", "sm")}>
              {t("newest")}
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className={buttonClasses("secondary", "sm")}>
              {t("older")}
            </Link>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
