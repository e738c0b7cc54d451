import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cleanTextParam, parseTableState, type SearchParams } from "@/lib/table/params";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listSyncRuns, orderImportHistory, syncRunsTable } from "@/server/queries/sync-runs";
import { OrderLookup } from "./order-lookup";
import { SyncRunsTable } from "./sync-runs-table";
import { SavedViewsBar } from "../saved-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("title") };
}

export default async function SyncHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/sync-runs");
  const params = await searchParams;
  const state = parseTableState(params, syncRunsTable);
  const order = cleanTextParam(params.order, 40);
  const db = await getDb();
  const [page, t, history] = await Promise.all([
    listSyncRuns(db, state),
    getTranslations("syncRuns"),
    order ? orderImportHistory(db, order) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <OrderLookup order={order} history={history} />
      <SavedViewsBar table="sync-runs" />
      <SyncRunsTable page={{ ...page, state, spec: syncRunsTable }} />
    </>
  );
}
