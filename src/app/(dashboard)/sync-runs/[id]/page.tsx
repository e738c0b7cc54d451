import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { translateOr } from "@/i18n/message-keys";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { SyncRunStatusBadge } from "@/components/status-badges";
import { SyncCountGrid } from "@/components/sync/sync-counts";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { findRun, listRunItems, runItemsTable } from "@/server/queries/sync-runs";
import { RunItemsTable } from "./run-items-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("detailTitle") };
}

export default async function SyncRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { id } = await params;
  await requireUser(`/sync-runs/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const run = await findRun(db, id);
  if (!run) notFound();
  const state = parseTableState(await searchParams, runItemsTable);
  const [items, t, format] = await Promise.all([listRunItems(db, id, state), getTranslations(), getFormatter()]);
  const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : null;
  return (
    <>
      <Link
        href="/sync-runs"
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> {t("syncRuns.title")}
      </Link>
      <PageHeader
        title={t("syncRuns.detailHeading", { store: run.storeName })}
        description={t("syncRuns.detailMeta", {
          trigger: t(`syncRuns.trigger.${run.trigger}`),
          who: run.triggeredBy ?? "—",
          started: format.dateTime(run.startedAt ?? run.createdAt, { dateStyle: "medium", timeStyle: "medium" }),
          duration:
            seconds === null
              ? "—"
              : t("syncRuns.seconds", { seconds: format.number(seconds, { maximumFractionDigits: 1 }) }),
        })}
        actions={<SyncRunStatusBadge status={run.status} />}
      />
      {run.status === "failed" ? (
        <div className="mb-4">
          <Alert tone="error">
            {translateOr(t, `sync.errors.${run.errorCode}`, run.error ?? "")}
            {run.errorCode === "reconnect_needed" ? (
              <>
                {" "}
                <a
                  className="font-semibold underline"
                  href={`/auth/toplevel?shop=${encodeURIComponent(run.shopDomain)}`}
                >
                  {t("sync.reconnect")}
                </a>
              </>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <Card className="mb-6 p-3" data-testid="run-counts">
        <SyncCountGrid runId={run.id} run={run} className="sm:grid-cols-3 lg:grid-cols-5" />
      </Card>
      <RunItemsTable page={{ ...items, state, spec: runItemsTable }} archivable={run.archivable} />
    </>
  );
}
