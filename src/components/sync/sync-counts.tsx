"use client";
// The counts of a sync run, in the one vocabulary of src/domain/sync-counts.ts: as a grid of
// figures that link to the orders behind them (the panel, a run's page), or as a line of text
// (Sync history's list). Both render the same messages, so the figures agree wherever they show.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { syncCounts, type SyncCount, type SyncCounters } from "@/domain/sync-counts";
import type { StoreLastRun } from "@/lib/rows/sync-runs";
import { cn } from "../ui/cn";

/** Where a count's orders are listed: the run's page, filtered on the count's outcome. */
function countHref(runId: string, count: SyncCount): string | null {
  if (count.kind === "read") return `/sync-runs/${runId}`;
  return count.outcome ? `/sync-runs/${runId}?outcome=${count.outcome}` : null;
}

function useCountText() {
  const t = useTranslations("sync.counts");
  return (count: SyncCount, number: (chunks: ReactNode) => ReactNode) =>
    t.rich(count.kind, { count: count.value, n: number });
}

export function SyncCountGrid({ runId, run, className }: { runId: string; run: SyncCounters; className?: string }) {
  const text = useCountText();
  return (
    <ul className={cn("grid grid-cols-2 gap-1 sm:grid-cols-3", className)} data-testid="sync-summary">
      {syncCounts(run).map((count) => {
        const href = count.value > 0 ? countHref(runId, count) : null;
        const content = text(count, (chunks) => (
          <span className="block text-lg leading-tight font-semibold text-slate-900 tabular-nums">{chunks}</span>
        ));
        return (
          <li key={count.kind} data-count={count.kind}>
            {href ? (
              <Link
                href={href}
                className="block h-full rounded-md px-2 py-1.5 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              >
                {content}
              </Link>
            ) : (
              <span className="block h-full px-2 py-1.5 text-xs text-slate-600">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function SyncCountLine({ run }: { run: SyncCounters }) {
  const text = useCountText();
  const [read, ...parts] = syncCounts(run);
  return (
    <span className="block text-xs text-slate-600" data-testid="sync-counts">
      <span className="block font-medium text-slate-800" data-count={read.kind}>
        {text(read, (chunks) => chunks)}
      </span>
      {parts.map((count, index) => (
        <span key={count.kind} data-count={count.kind}>
          {index > 0 ? " · " : null}
          {text(count, (chunks) => (
            <span className="tabular-nums">{chunks}</span>
          ))}
        </span>
      ))}
    </span>
  );
}

/** Under a store's last sync time: how many orders that run read, linking to the run. */
export function LastRunLink({ run }: { run: StoreLastRun }) {
  const text = useCountText();
  return (
    <Link
      href={`/sync-runs/${run.id}`}
      className="block text-xs whitespace-nowrap text-brand-700 hover:underline"
      data-testid="last-run"
    >
      {text({ kind: "read", value: run.fetched, outcome: null }, (chunks) => chunks)}
    </Link>
  );
}
