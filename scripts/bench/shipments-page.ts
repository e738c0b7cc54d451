// List-page benchmark: 1,000,000 shipments, the server time of everything a list page runs.
// Target: ≤ 100 ms per case (median), on PostgreSQL, one Node process.
// - Shipment Management: what /shipments/page.tsx awaits (listShipments, countHiddenCancelled,
//   listStoreOptions, getOverview, pickupCalendars), the dashboard layout's (storesNeedingReconnect,
//   userLabelFormat) and the saved-views strip's (listSavedViews), all in one Promise.all as
//   Next renders layout and page together, for the CASES below: filters, searches, every sort,
//   deep pages.
// - The drafts tab: what follow-up/quotations-shipments/page.tsx runs for ?tab=drafts.
// - Sync history: listSyncRuns (+ the layout, the saved views and orderImportHistory with ?order=)
//   over SYNC_RUNS runs with one item per imported order.
// 1. Creates a throwaway PostgreSQL database, runs the migrations and seeds (seed-shipments.ts),
//    then VACUUM ANALYZE; reports the seed time. `--keep` keeps and reuses it (BENCH_DB=<name>),
//    for profiling one change after another on the same rows; drop it with `--drop`.
// 2. Median and p95 of 15 runs after 2 warm-ups per case; flags the cases over target and writes
//    EXPLAIN (ANALYZE, BUFFERS) of every statement of the cases over target (else of the slowest)
//    to /tmp/shipments-page-explain.txt.
// 3. The CSV export of ~100,000 rows (status=shipped) as the route streams it: rows/s and RSS.
// 4. Drops the database, also on failure or Ctrl-C (unless --keep). PostgreSQL only.
//   node --conditions=react-server --import tsx scripts/bench/shipments-page.ts [shipments] [--only=<label part>]
//     [--skip=<label part>] [--runs=15] [--warmup=2] [--keep] [--drop]
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is only used to create and drop
// the benchmark database.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { cleanTextParam, parseTableState, type SearchParams } from "../../src/lib/table/params";
import { openDb, queryRows, type Db, type DbHandle } from "../../src/server/db/client";
import type { SavedViewTable } from "../../src/domain/saved-views";
import { migrateDb } from "../../src/server/db/migrate";
import * as schema from "../../src/server/db/schema";
import { shipmentsCsvStream } from "../../src/server/exports/shipments-csv";
import { getOverview } from "../../src/server/queries/overview";
import { pickupCalendars } from "../../src/server/queries/pickup-calendars";
import { listSavedViews } from "../../src/server/queries/saved-views";
import { countQuotedShipments } from "../../src/server/queries/quotes";
import {
  countHiddenCancelled,
  countShipmentsByStage,
  draftsTable,
  listDrafts,
  listShipments,
  shipmentsTable,
} from "../../src/server/queries/shipments";
import { listStoreOptions, storeReadiness, storesNeedingReconnect } from "../../src/server/queries/stores";
import { listSyncRuns, orderImportHistory, syncRunsTable } from "../../src/server/queries/sync-runs";
import { userLabelFormat } from "../../src/server/queries/users";
import { seedBenchUser, seedShipments, seedSyncRuns } from "./seed-shipments";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";

const SHIPMENTS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const KEEP = process.argv.includes("--keep");
const DROP_KEPT = process.argv.includes("--drop");
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
/** `--skip=<label part>`: leaves out cases (e.g. one that runs for minutes before a fix). */
const SKIP = process.argv.find((arg) => arg.startsWith("--skip="))?.slice("--skip=".length);
/** Sync runs: one per store every 40 minutes over the seed's 180 days (~19,000 runs). */
const SYNC_RUNS_PER_STORE = (180 * 24 * 60) / 40;
/** `--runs=N --warmup=N`: fewer runs for a slow "before" (the default is 15 after 2). */
const numberArg = (name: string, fallback: number) =>
  Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const WARMUP = numberArg("warmup", 2);
const RUNS = numberArg("runs", 15);
const TARGET_MS = 100;
const EXPLAIN_FILE = "/tmp/shipments-page-explain.txt";
/** Stands for the id of the first store (by domain) in a case's params; resolved once seeded. */
const STORE_1 = "<store 1>";

type Page = "shipments" | "drafts" | "sync-runs";

interface Case {
  label: string;
  page: Page;
  params: SearchParams;
}

const shipments = (label: string, params: SearchParams): Case => ({ label, page: "shipments", params });
const drafts = (label: string, params: SearchParams): Case => ({ label, page: "drafts", params });
const syncRuns = (label: string, params: SearchParams): Case => ({ label, page: "sync-runs", params });

// What an operator does on Shipment Management: each params object is a /shipments URL query.
// With the seed: ready ≈ 70 %, pickup_scheduled ≈ 15 %, shipped ≈ 10 % of the shipments;
// correios ≈ 35 %, fedex ≈ 25 %, ups and dhl ≈ 20 %; each destination ≈ 6.7 %; each store ≈ 33 %;
// "Silva" ≈ 2 % of customers, "a" most of them; pickup today ≈ 1.7 %, overdue ≈ 3 %.
const CASES: Case[] = [
  shipments("p1 default (createdAt.desc)", {}),
  shipments("p1 ready+fedex createdAt.desc", { status: "ready", carrier: "fedex", sort: "createdAt.desc" }),
  shipments("p1 ready,pickup_sch.+ups value.desc", {
    status: "ready,pickup_scheduled",
    carrier: "ups",
    sort: "value.desc",
  }),
  shipments("p1 destination=US,CA", { destination: "US,CA" }),
  shipments("p1 store1+ready", { store: STORE_1, status: "ready" }),
  shipments("p1 shipped customer.asc", { status: "shipped", sort: "customer.asc" }),
  shipments("p50 ready+dhl", { page: "50", status: "ready", carrier: "dhl" }),
  shipments("p1 pickup=today,overdue", { pickup: "today,overdue" }),
  shipments("p1 pickup_sch. pickup.asc", { status: "pickup_scheduled", sort: "pickup.asc" }),
  shipments("p1 tracking=exception", { tracking: "exception" }),
  shipments("p1 attention=cancelled_in_shopify", { attention: "cancelled_in_shopify" }),
  // Searches: a selective name, broad names with a filter, an exact order number, an NF-e key.
  shipments("p1 correios q=Silva", { carrier: "correios", q: "Silva" }),
  shipments("p1 ready q=Silva", { status: "ready", q: "Silva" }),
  shipments("p1 correios q=a", { carrier: "correios", q: "a" }),
  shipments("p1 q=#1000123 (order no.)", { q: "#1000123" }),
  shipments("p1 q=NF-e key", { q: "35240000900123" }),
  // Deep pages (20 per page, the default).
  shipments("p200 default", { page: "200" }),
  shipments("p2000 default", { page: "2000" }),
  shipments("p2000 ready+fedex", { page: "2000", status: "ready", carrier: "fedex" }),
  shipments("p200 correios q=a", { page: "200", carrier: "correios", q: "a" }),
  // Every sort, both directions where the default would hide a slow one.
  shipments("p1 order.asc", { sort: "order.asc" }),
  shipments("p1 order.desc", { sort: "order.desc" }),
  shipments("p1 customer.asc", { sort: "customer.asc" }),
  shipments("p1 destination.asc", { sort: "destination.asc" }),
  shipments("p1 carrier.desc", { sort: "carrier.desc" }),
  shipments("p1 status.asc", { sort: "status.asc" }),
  shipments("p1 value.desc", { sort: "value.desc" }),
  shipments("p1 pickup.asc", { sort: "pickup.asc" }),
  shipments("p1 pickup.desc", { sort: "pickup.desc" }),
  shipments("p1 createdAt.asc", { sort: "createdAt.asc" }),
  shipments("p200 customer.asc", { page: "200", sort: "customer.asc" }),
  // The drafts tab (~20,000 drafts here; bench:drafts has 100,000).
  drafts("drafts p1", {}),
  drafts("drafts correios q=a", { carrier: "correios", q: "a" }),
  drafts("drafts p200", { page: "200" }),
  drafts("drafts q=#1000123", { q: "#1000123" }),
  // Sync history.
  syncRuns("sync-runs p1", {}),
  syncRuns("sync-runs p200", { page: "200" }),
  syncRuns("sync-runs failed", { status: "failed" }),
  syncRuns("sync-runs store.asc", { sort: "store.asc" }),
  syncRuns("sync-runs q=Dois", { q: "Dois" }),
  syncRuns("sync-runs ?order=#1000123", { order: "#1000123" }),
];

interface Context {
  userId: string;
}

/** The layout's queries and the saved-views strip: on every dashboard page. */
function shellQueries(db: Db, context: Context, table: SavedViewTable) {
  return [storesNeedingReconnect(db), userLabelFormat(db, context.userId), listSavedViews(db, context.userId, table)];
}

/** Everything one page view runs, as the page runs it; resolves to the table's row count. */
async function runPage(db: Db, testCase: Case, context: Context): Promise<{ rowCount: number; rows: number }> {
  if (testCase.page === "shipments") {
    const state = parseTableState(testCase.params, shipmentsTable);
    const [page] = await Promise.all([
      listShipments(db, state),
      countHiddenCancelled(db, state),
      listStoreOptions(db),
      getOverview(db),
      pickupCalendars(db),
      ...shellQueries(db, context, "shipments"),
    ]);
    return { rowCount: page.rowCount, rows: page.rows.length };
  }
  if (testCase.page === "drafts") {
    // The page awaits its tab counts first, then renders the tab (TabContent); the layout meanwhile.
    const [, page] = await Promise.all([
      Promise.all([storesNeedingReconnect(db), userLabelFormat(db, context.userId)]),
      (async () => {
        await Promise.all([countShipmentsByStage(db), countQuotedShipments(db), storeReadiness(db)]);
        const state = parseTableState(testCase.params, draftsTable);
        const [list] = await Promise.all([
          listDrafts(db, state),
          listStoreOptions(db),
          listSavedViews(db, context.userId, "drafts"),
        ]);
        return list;
      })(),
    ]);
    return { rowCount: page.rowCount, rows: page.rows.length };
  }
  const state = parseTableState(testCase.params, syncRunsTable);
  const order = cleanTextParam(testCase.params.order, 40);
  const [page] = await Promise.all([
    listSyncRuns(db, state),
    order ? orderImportHistory(db, order) : Promise.resolve(null),
    ...shellQueries(db, context, "sync-runs"),
  ]);
  return { rowCount: page.rowCount, rows: page.rows.length };
}

/** Replaces the STORE_1 placeholder with the first store's id. */
async function resolveParams(db: Db, params: SearchParams): Promise<SearchParams> {
  if (params.store !== STORE_1) return params;
  const [store] = await queryRows<{ id: string }>(db, sql`select id from stores order by shop_domain limit 1`);
  return { ...params, store: store.id };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of sorted values (with 15 runs or fewer, p95 is the slowest run). */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Result {
  testCase: Case;
  median: number;
  p95: number;
  rowCount: number;
  rows: number;
}

async function timeCase(db: Db, testCase: Case, context: Context): Promise<Result> {
  let page = await runPage(db, testCase, context);
  for (let i = 1; i < WARMUP; i++) page = await runPage(db, testCase, context);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    page = await runPage(db, testCase, context);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { testCase, median: median(times), p95: percentile(times, 95), ...page };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the exact statements a page view sends (captured through the logger). */
async function explain(url: string, cases: Case[], context: Context, file: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const out: string[] = [];
    for (const testCase of cases) {
      const captured: { query: string; params: unknown[] }[] = [];
      const logger = { logQuery: (query: string, params: unknown[]) => captured.push({ query, params }) };
      await runPage(drizzle({ client, schema, logger }) as unknown as Db, testCase, context);
      out.push(`-- ${testCase.label} ${JSON.stringify(testCase.params)}`);
      for (const { query, params } of captured) {
        const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
        out.push(
          `\n-- ${query}\n-- params: ${JSON.stringify(params)}`,
          ...plan.map((row) => row["QUERY PLAN"] as string),
        );
      }
      out.push("");
    }
    writeFileSync(file, out.join("\n") + "\n");
  } finally {
    await client.end();
  }
}

function fmt(ms: number): string {
  return ms.toFixed(1);
}

function printTable(title: string, results: Result[]): void {
  console.log(`\n${title}`);
  console.log(
    `${"case".padEnd(36)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"rowCount".padStart(9)}  rows  ≤${TARGET_MS}`,
  );
  for (const r of results) {
    console.log(
      `${r.testCase.label.padEnd(36)} ${fmt(r.median).padStart(10)} ${fmt(r.p95).padStart(8)} ` +
        `${String(r.rowCount).padStart(9)}  ${String(r.rows).padStart(4)}  ${r.median <= TARGET_MS ? "yes " : "OVER"}`,
    );
  }
  const over = results.filter((r) => r.median > TARGET_MS).map((r) => r.testCase.label);
  console.log(over.length ? `over ${TARGET_MS} ms: ${over.join("; ")}` : `all cases ≤ ${TARGET_MS} ms`);
}

/**
 * The CSV export as the route streams it (shipmentsCsvStream, the route's own body), without the HTTP
 * layer: rows/s, and the RSS sampled every 50 ms against the RSS before it (flat memory: the peak
 * does not grow with the row count). The view: status=shipped, ~100,000 rows, in the default order.
 */
async function benchExport(db: Db): Promise<void> {
  const state = parseTableState({ status: "shipped" }, shipmentsTable);
  for (let run = 1; run <= 3; run++) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const start = performance.now();
    let bytes = 0;
    let newlines = 0;
    const rssAt: number[] = [];
    const reader = shipmentsCsvStream(db, state).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const chunk = read.value;
      bytes += chunk.length;
      const before = newlines;
      for (const byte of chunk) if (byte === 10) newlines++;
      if (Math.floor(newlines / 25_000) > Math.floor(before / 25_000)) rssAt.push(process.memoryUsage().rss);
    }
    const rows = newlines - 1; // the header line
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
    console.log(
      `export run ${run}: ${rows} rows, ${mb(bytes)} MB in ${fmt(seconds)} s = ${Math.round(rows / seconds)} rows/s ` +
        `(≥ 20000: ${rows / seconds >= 20_000 ? "yes" : "NO"}); RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB, ` +
        `every 25,000 rows ${rssAt.map(mb).join(" → ")} MB`,
    );
  }
}

async function seeded(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int n from stores`);
  return row.n > 0;
}

async function runBenchmark(url: string): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    handle = await openDb({ databaseUrl: url });
    await migrateDb(handle);
    if (!(await seeded(handle.db))) {
      const start = performance.now();
      await seedShipments(handle.db, SHIPMENTS);
      await seedBenchUser(handle.db);
      await seedSyncRuns(handle.db, SYNC_RUNS_PER_STORE);
      console.log(`seeded in ${fmt((performance.now() - start) / 1000)} s (incl. VACUUM ANALYZE)`);
    } else {
      // A kept database: the migrations may have added indexes since it was seeded.
      await handle.db.execute(sql`analyze`);
    }
    const [counts] = await queryRows<{ total: number; listed: number; runs: number; items: number }>(
      handle.db,
      sql`select (select count(*)::int from shipments) total,
                 (select count(*)::int from shipments where status <> 'draft') listed,
                 (select count(*)::int from sync_runs) runs, (select count(*)::int from sync_run_items) items`,
    );
    console.log(
      `${counts.total} shipments (${counts.listed} non-draft), ${counts.runs} sync runs, ${counts.items} sync items`,
    );
    const [user] = await queryRows<{ id: string }>(handle.db, sql`select id from users limit 1`);
    const context = { userId: user.id };

    const resolved = await Promise.all(
      CASES.filter((c) => (!ONLY || c.label.includes(ONLY)) && (!SKIP || !c.label.includes(SKIP))).map(async (c) => ({
        ...c,
        params: await resolveParams(handle!.db, c.params),
      })),
    );
    const results: Result[] = [];
    for (const testCase of resolved) results.push(await timeCase(handle.db, testCase, context));
    printTable("Page views: all the queries of the page, in parallel (server time)", results);
    const over = results.filter((r) => r.median > TARGET_MS).map((r) => r.testCase);
    const explained = over.length ? over : [results.reduce((a, b) => (b.median > a.median ? b : a)).testCase];
    await explain(url, explained, context, EXPLAIN_FILE);
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of ${explained.map((c) => `"${c.label}"`).join(", ")} → ${EXPLAIN_FILE}`);
    if (!ONLY || "export".includes(ONLY)) await benchExport(handle.db);
  } finally {
    await handle?.close();
  }
}

/** The kept database BENCH_DB names, created when it does not exist yet. */
async function keptDatabase(baseUrl: string, name: string): Promise<string> {
  try {
    return await createPostgresDatabase(baseUrl, name);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // 42P04: it already exists
    return Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const baseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const name = process.env.BENCH_DB || testDatabaseName("shipsmart_bench_shipments");
  const drop = () => dropPostgresDatabase(baseUrl, name).then(() => console.log(`dropped ${name}`));
  if (DROP_KEPT) return drop();
  const url = process.env.BENCH_DB ? await keptDatabase(baseUrl, name) : await createPostgresDatabase(baseUrl, name);
  // try/finally does not run on a signal: drop the database there too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void (KEEP ? Promise.resolve() : drop()).finally(() => process.exit(130)));
  }
  console.log(`PostgreSQL ${name}: ${SHIPMENTS} shipments, median/p95 of ${RUNS} runs after ${WARMUP} warm-ups`);
  try {
    await runBenchmark(url);
  } finally {
    if (KEEP) console.log(`kept ${name} (BENCH_DB=${name} to reuse, --drop to drop)`);
    else await drop();
    console.log(`total run time ${fmt((performance.now() - started) / 1000)} s`);
  }
}

await main();
