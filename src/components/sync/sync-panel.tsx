"use client";
import { CheckCircle2, Loader2, X, XCircle } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import type { RunProgress } from "@/lib/rows/sync-runs";

function Count({ label, value, href }: { label: string; value: number; href?: string }) {
  const content = (
    <>
      <span className="block text-lg font-semibold text-slate-900 tabular-nums">{value}</span>
      <span className="text-xs text-slate-500">{label}</span>
    </>
  );
  return href && value > 0 ? (
    <Link href={href} className="rounded-md px-2 py-1 hover:bg-slate-100">
      {content}
    </Link>
  ) : (
    <div className="px-2 py-1">{content}</div>
  );
}

function RunCard({ run }: { run: RunProgress }) {
  const t = useTranslations("sync");
  const done = run.status === "succeeded" || run.status === "failed";
  const total = run.expectedTotal ?? 0;
  const percent = done ? 100 : total > 0 ? Math.min(100, Math.round((run.fetched / total) * 100)) : 0;
  const detail = (outcome?: string) => `/sync-runs/${run.id}${outcome ? `?outcome=${outcome}` : ""}`;
  return (
    <div className="space-y-2" data-testid="sync-run">
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="font-medium text-slate-900">{run.storeName}</span>
        <span className="flex items-center gap-1 text-xs text-slate-600">
          {run.status === "failed" ? (
            <XCircle className="size-4 text-red-600" aria-hidden />
          ) : done ? (
            <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
          ) : (
            <Loader2 className="size-4 animate-spin text-brand-600" aria-hidden />
          )}
          {t(`status.${run.status}`)}
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("progressOf", { store: run.storeName })}
      >
        <div
          className={`h-full rounded-full transition-all ${run.status === "failed" ? "bg-red-500" : "bg-brand-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-xs text-slate-600" data-testid="sync-fetched">
        {total > 0 ? t("fetchedOf", { fetched: run.fetched, total }) : t("fetched", { fetched: run.fetched })}
      </p>
      {done ? (
        <div className="grid grid-cols-4 gap-1 text-center" data-testid="sync-summary">
          <Count label={t("newReady")} value={run.complete} href="/shipments" />
          <Count label={t("newDrafts")} value={run.drafts} href="/follow-up/quotations-shipments?tab=drafts" />
          <Count label={t("updated")} value={run.updated} href={detail("updated")} />
          <Count label={t("failed")} value={run.failed} href={detail("failed")} />
          <Count label={t("noAddress")} value={run.skippedNoAddress} href={detail("skipped_no_address")} />
          <Count label={t("domestic")} value={run.skippedDomestic} href={detail("skipped_domestic")} />
          <Count label={t("testSkipped")} value={run.skippedTest} href={detail("skipped_test")} />
          {run.skippedNotShippable > 0 ? (
            <Count label={t("nothingToShip")} value={run.skippedNotShippable} href={detail("skipped_not_shippable")} />
          ) : null}
          <Count label={t("fetchedLabel")} value={run.fetched} href={detail()} />
        </div>
      ) : null}
      {run.status === "failed" ? (
        <p className="rounded-md bg-red-50 px-2 py-1.5 text-xs text-red-800" role="alert">
          {run.errorCode === "reconnect_needed" ? (
            <>
              {t("errors.reconnect_needed")}{" "}
              <a className="font-semibold underline" href={`/auth/toplevel?shop=${encodeURIComponent(run.shopDomain)}`}>
                {t("reconnect")}
              </a>
            </>
          ) : (
            translateOr(t, `errors.${run.errorCode}`, run.error ?? "")
          )}
        </p>
      ) : null}
    </div>
  );
}

export function SyncPanel({ runs, onDismiss }: { runs: RunProgress[]; onDismiss: () => void }) {
  const t = useTranslations("sync");
  return (
    <aside
      className="fixed right-4 bottom-4 z-40 w-[22rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-4 shadow-lg"
      aria-label={t("panelLabel")}
      aria-live="polite"
      data-testid="sync-panel"
    >
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">{t("panelTitle")}</h2>
        <button
          type="button"
          onClick={onDismiss}
          className="rounded p-1 text-slate-500 hover:bg-slate-100"
          aria-label={t("dismiss")}
        >
          <X className="size-4" aria-hidden />
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Loader2 className="size-4 animate-spin" aria-hidden /> {t("starting")}
        </p>
      ) : (
        <div className="space-y-4">
          {runs.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </div>
      )}
    </aside>
  );
}
