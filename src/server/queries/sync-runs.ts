import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { defineTable, type StateOf } from "@/lib/table/params";
import type { SyncItemDetail } from "@/domain/sync";
import type { SyncCounters } from "@/domain/sync-counts";
import type { Db } from "../db/client";
import { stores, syncItemOutcome, syncRunItems, syncRunStatus, syncRuns, syncTrigger, users } from "../db/schema";
import type { RunProgress, StoreLastRun } from "@/lib/rows/sync-runs";
import { buildTableQuery, countAll, tableQuery, type Page } from "./table-query";

export const syncRunsTable = defineTable({
  sortable: ["createdAt", "store", "status"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { status: syncRunStatus.enumValues, trigger: syncTrigger.enumValues },
});

export interface SyncRunRow extends SyncCounters {
  id: string;
  storeName: string;
  trigger: (typeof syncTrigger.enumValues)[number];
  triggeredBy: string | null;
  status: (typeof syncRunStatus.enumValues)[number];
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  errorCode: string | null;
  createdAt: Date;
}

const syncRunsQuery = tableQuery(syncRunsTable, {
  sort: { createdAt: syncRuns.createdAt, store: stores.name, status: syncRuns.status },
  filters: { status: syncRuns.status, trigger: syncRuns.trigger },
  search: [stores.name, stores.shopDomain],
  tiebreaker: syncRuns.id,
});

export async function listSyncRuns(db: Db, state: StateOf<typeof syncRunsTable>): Promise<Page<SyncRunRow>> {
  const query = buildTableQuery(state, syncRunsQuery);
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
        complete: syncRuns.complete,
        drafts: syncRuns.drafts,
        updated: syncRuns.updated,
        skippedNoAddress: syncRuns.skippedNoAddress,
        skippedDomestic: syncRuns.skippedDomestic,
        skippedTest: syncRuns.skippedTest,
        skippedNotShippable: syncRuns.skippedNotShippable,
        failed: syncRuns.failed,
        error: syncRuns.error,
        errorCode: syncRuns.errorCode,
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
  return { rows, rowCount: total };
}

/** What the progress panel and a run's page show of a run. */
const runSummaryColumns = {
  id: syncRuns.id,
  storeName: stores.name,
  shopDomain: stores.shopDomain,
  status: syncRuns.status,
  expectedTotal: syncRuns.expectedTotal,
  fetched: syncRuns.fetched,
  complete: syncRuns.complete,
  drafts: syncRuns.drafts,
  updated: syncRuns.updated,
  skippedNoAddress: syncRuns.skippedNoAddress,
  skippedDomestic: syncRuns.skippedDomestic,
  skippedTest: syncRuns.skippedTest,
  skippedNotShippable: syncRuns.skippedNotShippable,
  failed: syncRuns.failed,
  error: syncRuns.error,
  errorCode: syncRuns.errorCode,
  startedAt: syncRuns.startedAt,
  finishedAt: syncRuns.finishedAt,
};

/** The live state of some runs, for the progress panel. */
export async function runsProgress(db: Db, ids: string[]): Promise<RunProgress[]> {
  if (ids.length === 0) return [];
  return db
    .select(runSummaryColumns)
    .from(syncRuns)
    .innerJoin(stores, eq(stores.id, syncRuns.storeId))
    .where(inArray(syncRuns.id, ids));
}

/** Each store's last finished run, for Stores' "Last sync" cell (the newest per store, by its index). */
export async function lastRunsOfStores(db: Db, storeIds: string[]): Promise<Record<string, StoreLastRun>> {
  if (storeIds.length === 0) return {};
  const rows = await db
    .selectDistinctOn([syncRuns.storeId], { storeId: syncRuns.storeId, id: syncRuns.id, fetched: syncRuns.fetched })
    .from(syncRuns)
    .where(and(inArray(syncRuns.storeId, storeIds), inArray(syncRuns.status, ["succeeded", "failed"])))
    .orderBy(syncRuns.storeId, desc(syncRuns.createdAt));
  return Object.fromEntries(rows.map(({ storeId, ...run }) => [storeId, run]));
}

export const runItemsTable = defineTable({
  sortable: ["order", "outcome", "createdAt"],
  defaultSort: { id: "createdAt", desc: false },
  filters: { outcome: syncItemOutcome.enumValues },
});

export interface RunItemRow {
  id: string;
  itemId: number;
  orderGid: string;
  orderName: string | null;
  outcome: (typeof syncItemOutcome.enumValues)[number];
  reason: string | null;
  detail: SyncItemDetail | null;
  archivedAt: Date | null;
  archiveError: string | null;
  createdAt: Date;
}

const itemColumns = {
  itemId: syncRunItems.id,
  runId: syncRunItems.runId,
  orderGid: syncRunItems.orderGid,
  orderName: syncRunItems.orderName,
  outcome: syncRunItems.outcome,
  reason: syncRunItems.reason,
  detail: syncRunItems.detail,
  archivedAt: syncRunItems.archivedAt,
  archiveError: syncRunItems.archiveError,
  createdAt: syncRunItems.createdAt,
};

/** The per-order outcomes of one run: the answer to "why isn't order #1234 here?". */
export async function listRunItems(
  db: Db,
  runId: string,
  state: StateOf<typeof runItemsTable>,
): Promise<Page<RunItemRow>> {
  const query = buildTableQuery(state, {
    ...tableQuery(runItemsTable, {
      sort: { order: syncRunItems.orderName, outcome: syncRunItems.outcome, createdAt: syncRunItems.createdAt },
      filters: { outcome: syncRunItems.outcome },
      search: [syncRunItems.orderName],
      tiebreaker: syncRunItems.id,
    }),
    where: [eq(syncRunItems.runId, runId)],
  });
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(itemColumns)
      .from(syncRunItems)
      .where(query.where)
      .orderBy(...query.orderBy)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(syncRunItems).where(query.where),
  ]);
  return { rows: rows.map((row) => ({ ...row, id: String(row.itemId) })), rowCount: total };
}

export async function findRun(db: Db, runId: string) {
  const [run] = await db
    .select({
      ...runSummaryColumns,
      trigger: syncRuns.trigger,
      triggeredBy: users.name,
      createdAt: syncRuns.createdAt,
      // Orders of the run without a shipping address still open in Shopify: what "Archive" offers.
      archivable: sql<number>`(select count(*)::int from ${syncRunItems} where ${syncRunItems.runId} = ${syncRuns.id} and ${syncRunItems.outcome} = 'skipped_no_address' and ${syncRunItems.archivedAt} is null)`,
    })
    .from(syncRuns)
    .innerJoin(stores, eq(stores.id, syncRuns.storeId))
    .leftJoin(users, eq(users.id, syncRuns.triggeredBy))
    .where(eq(syncRuns.id, runId));
  return run;
}

/** Every import of one order number, newest first, across runs and stores. */
export async function orderImportHistory(db: Db, orderName: string) {
  const name = orderName.startsWith("#") ? orderName : `#${orderName}`;
  return db
    .select({
      runId: syncRuns.id,
      storeName: stores.name,
      trigger: syncRuns.trigger,
      at: syncRunItems.createdAt,
      orderName: syncRunItems.orderName,
      outcome: syncRunItems.outcome,
      reason: syncRunItems.reason,
      detail: syncRunItems.detail,
    })
    .from(syncRunItems)
    .innerJoin(syncRuns, eq(syncRuns.id, syncRunItems.runId))
    .innerJoin(stores, eq(stores.id, syncRuns.storeId))
    .where(eq(syncRunItems.orderName, name))
    .orderBy(desc(syncRunItems.createdAt))
    .limit(50);
}
