import "server-only";
import { eq } from "drizzle-orm";
import { defineTable, type TableState } from "@/components/data-table/params";
import type { Db } from "../db/client";
import { stores, syncRunStatus, syncRuns, syncTrigger, users } from "../db/schema";
import { buildTableQuery, countAll, type Page } from "./table-query";

export const syncRunsTable = defineTable({
  sortable: ["createdAt", "store", "status"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { status: syncRunStatus.enumValues, trigger: syncTrigger.enumValues },
});

export interface SyncRunRow {
  id: string;
  storeName: string;
  trigger: (typeof syncTrigger.enumValues)[number];
  triggeredBy: string | null;
  status: (typeof syncRunStatus.enumValues)[number];
  startedAt: Date | null;
  finishedAt: Date | null;
  fetched: number;
  created: number;
  updated: number;
  drafts: number;
  skipped: number;
  failed: number;
  error: string | null;
  createdAt: Date;
}

export async function listSyncRuns(db: Db, state: TableState<string, string>): Promise<Page<SyncRunRow>> {
  const query = buildTableQuery(state, {
    sort: { createdAt: syncRuns.createdAt, store: stores.name, status: syncRuns.status },
    filters: { status: syncRuns.status, trigger: syncRuns.trigger },
    search: [stores.name, stores.shopDomain],
    tiebreaker: syncRuns.id,
  });
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: syncRuns.id,
        storeName: stores.name,
        trigger: syncRuns.trigger,
        triggeredBy: users.name,
        status: syncRuns.status,
        startedAt: syncRuns.startedAt,
        finishedAt: syncRuns.finishedAt,
        fetched: syncRuns.fetched,
        created: syncRuns.created,
        updated: syncRuns.updated,
        drafts: syncRuns.drafts,
        skippedNoAddress: syncRuns.skippedNoAddress,
        skippedDomestic: syncRuns.skippedDomestic,
        failed: syncRuns.failed,
        error: syncRuns.error,
        createdAt: syncRuns.createdAt,
      })
      .from(syncRuns)
      .innerJoin(stores, eq(stores.id, syncRuns.storeId))
      .leftJoin(users, eq(users.id, syncRuns.triggeredBy))
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(syncRuns).innerJoin(stores, eq(stores.id, syncRuns.storeId)).where(query.where),
  ]);
  return {
    rows: rows.map(({ skippedNoAddress, skippedDomestic, ...row }) => ({
      ...row,
      skipped: skippedNoAddress + skippedDomestic,
    })),
    rowCount: total,
  };
}
