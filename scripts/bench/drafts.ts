// Drafts tab benchmark (issues 6, 16): 100,000 drafts, server time of everything the drafts tab
// runs (draftsPage: the layout's queries, the tab counts, listDrafts, the store options, the saved
// views) for deep pages, every sort, a filter and the searches. Target ≤ 100 ms each.
// Seeds a throwaway PostgreSQL database (dropped at the end) with set-based SQL, measures the
// median of 15 runs after 2 warm-ups, EXPLAINs the slowest case to /tmp. Then PGlite.
//   node --conditions=react-server --import tsx scripts/bench/drafts.ts [drafts] [--no-pglite]
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { parseTableState, type SearchParams, type StateOf } from "../../src/lib/table/params";
import { openDb, queryRows, type Db, type DbHandle } from "../../src/server/db/client";
import { migrateDb } from "../../src/server/db/migrate";
import * as schema from "../../src/server/db/schema";
import { countQuotedShipments } from "../../src/server/queries/quotes";
import { listSavedViews } from "../../src/server/queries/saved-views";
import { countShipmentsByStage, draftsTable, listDrafts } from "../../src/server/queries/shipments";
import { listStoreOptions, storeReadiness, storesNeedingReconnect } from "../../src/server/queries/stores";
import type { Page } from "../../src/server/queries/table-query";
import { userLabelFormat } from "../../src/server/queries/users";
import { FIRST_NAMES, LAST_NAMES } from "./seed-names";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";

const DRAFTS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000);
const READY = 20_000;
const WITH_PGLITE = !process.argv.includes("--no-pglite");
const WARMUP = 2;
const RUNS = 15;
const TARGET_MS = 100;
const PGLITE_SEED_BUDGET_MS = 60_000;

interface Case {
  label: string;
  params: SearchParams;
}

// carrier=correios is ~1/5 of the drafts (~20,000); "a" matches most customer names, so page 500
// (offset 9,980 with 20 per page) exists. "Silva" (~2 % of customers) and an order number are the
// selective searches an operator actually types.
const CASES: Case[] = [
  { label: "p1", params: { page: "1", perPage: "20" } },
  { label: "p500", params: { page: "500", perPage: "20" } },
  { label: "p1 correios q=a", params: { page: "1", perPage: "20", carrier: "correios", q: "a" } },
  { label: "p500 correios q=a", params: { page: "500", perPage: "20", carrier: "correios", q: "a" } },
  { label: "p1 correios q=Silva", params: { page: "1", perPage: "20", carrier: "correios", q: "Silva" } },
  { label: "p1 q=#150123", params: { page: "1", perPage: "20", q: "#150123" } },
  { label: "p2000 correios", params: { page: "2000", perPage: "20", carrier: "correios" } },
  { label: "p1 order.asc", params: { page: "1", perPage: "20", sort: "order.asc" } },
  { label: "p1 customer.desc", params: { page: "1", perPage: "20", sort: "customer.desc" } },
  { label: "p1 destination.asc", params: { page: "1", perPage: "20", sort: "destination.asc" } },
  { label: "p1 carrier.asc", params: { page: "1", perPage: "20", sort: "carrier.asc" } },
  { label: "p1 createdAt.asc", params: { page: "1", perPage: "20", sort: "createdAt.asc" } },
];

const COUNTRIES = ["US", "PT", "AR", "CL", "MX", "CO", "UY", "PY", "PE", "DE", "FR", "ES", "IT", "GB", "CA"];

function textArray(values: string[]) {
  return sql.raw(`(array[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]::text[])`);
}

/** Set-based seed: 3 stores, DRAFTS + READY orders, one shipment per order. */
async function seed(db: Db, drafts: number, ready: number): Promise<void> {
  const total = drafts + ready;
  await db.execute(sql`
    insert into stores (shop_domain, name, currency)
    values ('bench-1.myshopify.com', 'Loja Um', 'BRL'),
           ('bench-2.myshopify.com', 'Loja Dois', 'BRL'),
           ('bench-3.myshopify.com', 'Loja Três', 'BRL')`);
  // hashint8extended(g, salt) gives independent pseudo-random spreads per column (deterministic).
  await db.execute(sql`
    insert into orders (store_id, shopify_gid, name, shopify_created_at, shopify_updated_at, currency,
                        total_price, customer_name, customer_email, shipping_country, created_at, updated_at)
    select s.ids[1 + g % 3],
           'gid://shopify/Order/' || (5000000000 + g),
           '#' || (100000 + g),
           t.ts, t.ts, 'BRL',
           (20 + abs(hashint8extended(g, 1)) % 98000 / 100.0)::numeric(14, 2),
           ${textArray(FIRST_NAMES)}[1 + abs(hashint8extended(g, 2)) % ${FIRST_NAMES.length}] || ' ' ||
             ${textArray(LAST_NAMES)}[1 + abs(hashint8extended(g, 3)) % ${LAST_NAMES.length}],
           'customer' || g || '@example.com',
           ${textArray(COUNTRIES)}[1 + abs(hashint8extended(g, 4)) % ${COUNTRIES.length}],
           t.ts, t.ts
    from generate_series(1, ${total}) g
    cross join (select array_agg(id order by shop_domain) ids from stores) s
    cross join lateral (select now() - (abs(hashint8extended(g, 5)) % (60 * 24 * 3600)) * interval '1 second' ts) t`);
  await db.execute(sql`
    insert into shipments (order_id, store_id, status, carrier, service, missing_fields, nfe_key,
                           declared_value, currency, destination_country, recipient, created_at, updated_at)
    select o.id, o.store_id,
           (case when n.g <= ${drafts} then 'draft' else 'ready' end)::shipment_status,
           c.carrier,
           case when c.carrier is null then null else 'standard' end,
           m.missing,
           case when 'nfeKey' = any(m.missing) then null else lpad((35240000000000 + n.g)::text, 44, '0') end,
           o.total_price, 'BRL', o.shipping_country,
           jsonb_build_object('name', o.customer_name, 'country', o.shipping_country),
           o.created_at, o.created_at
    from orders o
    cross join lateral (select substring(o.name from 2)::int - 100000 g) n
    cross join lateral (select (array['fedex', 'ups', 'dhl', 'correios', null])[1 + abs(hashint8extended(n.g, 6)) % 5] carrier) c
    cross join lateral (
      select (array['{nfeKey}', '{nfeKey,hsCode}', '{hsCode}', '{weight,nfeKey}'])[1 + abs(hashint8extended(n.g, 7)) % 4]::text[] missing
    ) m`);
  await db.execute(sql`
    insert into users (email, name, password_hash, role) values ('bench@example.com', 'Bench Operator', 'x', 'operator')`);
  await db.execute(sql`analyze`);
}

type ListFn = (db: Db, state: StateOf<typeof draftsTable>) => Promise<Page<unknown>>;

/**
 * Everything the drafts tab (follow-up/quotations-shipments/page.tsx, ?tab=drafts) runs, as it
 * runs it: the layout's queries meanwhile; the page's tab counts, then the tab (listDrafts, the
 * store options, the saved views). Resolves to listDrafts' page.
 */
async function draftsPage(db: Db, state: StateOf<typeof draftsTable>): Promise<Page<unknown>> {
  const [user] = await queryRows<{ id: string }>(db, sql`select id from users order by email limit 1`);
  const [, page] = await Promise.all([
    Promise.all([storesNeedingReconnect(db), userLabelFormat(db, user.id)]),
    (async () => {
      await Promise.all([countShipmentsByStage(db), countQuotedShipments(db), storeReadiness(db)]);
      const [list] = await Promise.all([
        listDrafts(db, state),
        listStoreOptions(db),
        listSavedViews(db, user.id, "drafts"),
      ]);
      return list;
    })(),
  ]);
  return page;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Result {
  label: string;
  median: number;
  max: number;
  rowCount: number;
  rows: number;
}

async function measure(db: Db, list: ListFn = draftsPage): Promise<Result[]> {
  const results: Result[] = [];
  for (const testCase of CASES) {
    const state = parseTableState(testCase.params, draftsTable);
    let page = await list(db, state);
    for (let i = 1; i < WARMUP; i++) page = await list(db, state);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      page = await list(db, state);
      times.push(performance.now() - start);
    }
    results.push({
      label: testCase.label,
      median: median(times),
      max: Math.max(...times),
      rowCount: page.rowCount,
      rows: page.rows.length,
    });
  }
  return results;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the exact statements listDrafts sends (captured through the logger). */
async function explain(url: string, testCase: Case, file: string, list: ListFn = draftsPage): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const captured: { query: string; params: unknown[] }[] = [];
    const db = drizzle({ client, schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
    await list(db as unknown as Db, parseTableState(testCase.params, draftsTable));
    const out: string[] = [`-- ${testCase.label} ${JSON.stringify(testCase.params)}`];
    for (const { query, params } of captured) {
      const plan = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
      out.push(
        `\n-- ${query}\n-- params: ${JSON.stringify(params)}`,
        ...plan.map((row) => row["QUERY PLAN"] as string),
      );
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
    `${"case".padEnd(24)} ${"median ms".padStart(10)} ${"max ms".padStart(8)} ${"rowCount".padStart(9)}  rows  ≤${TARGET_MS}`,
  );
  for (const r of results) {
    console.log(
      `${r.label.padEnd(24)} ${fmt(r.median).padStart(10)} ${fmt(r.max).padStart(8)} ${String(r.rowCount).padStart(9)}  ${String(r.rows).padStart(4)}  ${r.median <= TARGET_MS ? "yes" : "NO"}`,
    );
  }
}

function slowest(results: Result[]): Case {
  const worst = results.reduce((a, b) => (b.median > a.median ? b : a));
  return CASES.find((c) => c.label === worst.label)!;
}

async function benchPostgres(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const name = testDatabaseName("shipsmart_bench_drafts");
  const url = await createPostgresDatabase(baseUrl, name);
  let handle: DbHandle | undefined;
  try {
    handle = await openDb({ databaseUrl: url });
    await migrateDb(handle);
    const start = performance.now();
    await seed(handle.db, DRAFTS, READY);
    const [{ count }] = await queryRows<{ count: number }>(
      handle.db,
      sql`select count(*)::int count from shipments where status = 'draft'`,
    );
    console.log(
      `PostgreSQL ${name}: seeded ${count} drafts + ${READY} ready in ${fmt((performance.now() - start) / 1000)} s`,
    );

    const baseline = await measure(handle.db);
    printTable("PostgreSQL — the drafts tab's queries, as migrated", baseline);
    const worst = slowest(baseline);
    await explain(url, worst, "/tmp/bench-drafts-explain-baseline.txt");
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of "${worst.label}" → /tmp/bench-drafts-explain-baseline.txt`);
  } finally {
    await handle?.close();
    await dropPostgresDatabase(baseUrl, name);
    console.log(`dropped ${name}`);
  }
}

async function benchPglite(): Promise<void> {
  const handle = await openDb({ pgliteDir: "memory://" });
  try {
    await migrateDb(handle);
    const start = performance.now();
    await seed(handle.db, DRAFTS, READY);
    const seedMs = performance.now() - start;
    console.log(`\nPGlite memory://: seeded ${DRAFTS} drafts + ${READY} ready in ${fmt(seedMs / 1000)} s`);
    if (seedMs > PGLITE_SEED_BUDGET_MS) {
      console.log(`PGlite seeding took over ${PGLITE_SEED_BUDGET_MS / 1000} s: skipping the measurement`);
      return;
    }
    printTable("PGlite — schema as migrated", await measure(handle.db));
  } finally {
    await handle.close();
  }
}

await benchPostgres();
if (WITH_PGLITE) await benchPglite();
