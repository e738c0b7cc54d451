"use client";
// The progress of the runs this tab started. It sits in the page's flow above the content (never
// floating over a table): a card while the runs go, a small status pill once they end, with the
// summary one click away.
import { CheckCircle2, ChevronDown, ChevronUp, Loader2, X, XCircle } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { translateOr } from "@/i18n/message-keys";
import type { RunProgress } from "@/lib/rows/sync-runs";
import { cn } from "../ui/cn";
import { SyncCountGrid } from "./sync-counts";

const finished = (run: RunProgress) => run.status === "succeeded" || run.status === "failed";

type PanelState = "running" | "done" | "failed";

function panelState(runs: RunProgress[]): PanelState {
  if (runs.length === 0 || !runs.every(finished)) return "running";
  return runs.some((run) => run.status === "failed") ? "failed" : "done";
}

function StateIcon({ state, className }: { state: PanelState | RunProgress["status"]; className?: string }) {
  if (state === "failed") return <XCircle className={cn("size-4 shrink-0 text-red-600", className)} aria-hidden />;
  if (state === "done" || state === "succeeded")
    return <CheckCircle2 className={cn("size-4 shrink-0 text-emerald-600", className)} aria-hidden />;
  return <Loader2 className={cn("size-4 shrink-0 animate-spin text-brand-600", className)} aria-hidden />;
}

function RunCard({ run, wide }: { run: RunProgress; wide: boolean }) {
  const t = useTranslations("sync");
  const done = finished(run);
  const total = run.expectedTotal ?? 0;
  const percent = done ? 100 : total > 0 ? Math.min(100, Math.round((run.fetched / total) * 100)) : 0;
  return (
    <div className="min-w-0 space-y-2" data-testid="sync-run">
      <div className={cn("flex items-center justify-between gap-2 text-sm", wide && "sm:justify-start sm:gap-4")}>
        <span className="truncate font-medium text-slate-900" title={run.storeName}>
          {run.storeName}
        </span>
        <span className="flex shrink-0 items-center gap-1 text-xs text-slate-600">
          <StateIcon state={run.status} />
          {t(`status.${run.status}`)}
        </span>
      </div>
      {done ? null : (
        <div
          className={cn("h-2 overflow-hidden rounded-full bg-slate-100", wide && "sm:max-w-xl")}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={t("progressOf", { store: run.storeName })}
        >
          <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
      )}
      {done ? (
        <SyncCountGrid runId={run.id} run={run} className={wide ? "sm:grid-cols-3 lg:grid-cols-6" : undefined} />
      ) : (
        <p className="text-xs text-slate-600" data-testid="sync-fetched">
          {total > 0 ? t("fetchedOf", { fetched: run.fetched, total }) : t("fetched", { fetched: run.fetched })}
        </p>
      )}
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
      {done ? (
        <Link href={`/sync-runs/${run.id}`} className="inline-block text-xs font-medium text-brand-700 hover:underline">
          {t("openRun")}
        </Link>
      ) : null}
    </div>
  );
}

function PillLabel({ state, runs }: { state: PanelState; runs: RunProgress[] }) {
  const t = useTranslations("sync");
  const label =
    state === "running"
      ? t("pillRunning")
      : state === "failed"
        ? t("pillFailed", { stores: runs.length, failedStores: runs.filter((run) => run.status === "failed").length })
        : t("pillDone", { stores: runs.length });
  return (
    <>
      <span className="font-medium text-slate-900">{label}</span>
      {runs.length === 1 ? (
        <span className="hidden max-w-48 truncate text-slate-500 sm:inline" title={runs[0].storeName}>
          · {runs[0].storeName}
        </span>
      ) : null}
    </>
  );
}

export function SyncPanel({
  runs,
  expanded,
  onToggle,
  onDismiss,
}: {
  runs: RunProgress[];
  expanded: boolean;
  onToggle: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("sync");
  const bodyId = useId();
  const state = panelState(runs);
  const dismiss = (
    <button
      type="button"
      onClick={onDismiss}
      className="rounded-full p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      aria-label={t("dismiss")}
      title={t("dismiss")}
    >
      <X className="size-4" aria-hidden />
    </button>
  );
  return (
    <section
      className={cn("mb-4", expanded ? "" : "flex justify-end")}
      aria-label={t("panelLabel")}
      aria-live="polite"
      data-testid="sync-panel"
      data-state={state}
      data-expanded={expanded}
    >
      {expanded ? (
        <div
          id={bodyId}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
          // Following a count or a run's link, the summary folds back: the page it opens shows the
          // same figures, and the card would only push them down.
          onClick={(event) => {
            if ((event.target as HTMLElement).closest("a")) onToggle();
          }}
        >
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
              <StateIcon state={state} />
              {state === "running" ? t("panelTitle") : t("summaryTitle")}
            </h2>
            <div className="flex items-center">
              <button
                type="button"
                onClick={onToggle}
                aria-expanded
                aria-controls={bodyId}
                className="inline-flex items-center gap-1 rounded-full px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                data-testid="sync-collapse"
              >
                <ChevronUp className="size-4" aria-hidden />
                {t("collapse")}
              </button>
              {dismiss}
            </div>
          </div>
          {runs.length === 0 ? (
            <p className="flex items-center gap-2 text-sm text-slate-600">
              <Loader2 className="size-4 animate-spin" aria-hidden /> {t("starting")}
            </p>
          ) : (
            // One run takes the card's width; several share it, a column each from tablets up.
            <div className={cn("grid gap-x-6 gap-y-5", runs.length > 1 && "md:grid-cols-2 xl:grid-cols-3")}>
              {runs.map((run) => (
                <RunCard key={run.id} run={run} wide={runs.length === 1} />
              ))}
            </div>
          )}
        </div>
      ) : (
        <div
          className={cn(
            "inline-flex max-w-full items-center rounded-full border bg-white text-sm shadow-xs",
            state === "failed" ? "border-red-200" : "border-slate-200",
          )}
        >
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={false}
            className="relative inline-flex min-w-0 items-center gap-2 rounded-full py-1.5 pr-1 pl-3 hover:bg-slate-50"
            data-testid="sync-pill"
          >
            <StateIcon state={state} />
            <PillLabel state={state} runs={runs} />
            <span className="sr-only">{t("showSummary")}</span>
            <ChevronDown className="size-4 shrink-0 text-slate-500" aria-hidden />
          </button>
          {dismiss}
        </div>
      )}
    </section>
  );
}
