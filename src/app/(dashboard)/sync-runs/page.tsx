import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/components/data-table/params";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listSyncRuns, syncRunsTable } from "@/server/queries/sync-runs";
import { SyncRunsTable } from "./sync-runs-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("title") };
}

export default async function SyncHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/sync-runs");
  const state = parseTableState(await searchParams, syncRunsTable);
  const [page, t] = await Promise.all([listSyncRuns(await getDb(), state), getTranslations("syncRuns")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SyncRunsTable page={{ ...page, state, spec: syncRunsTable }} />
    </>
  );
}
