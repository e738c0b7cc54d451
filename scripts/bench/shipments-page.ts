// Shipment Management benchmark: 1,000,000 shipments, server time of a filtered, sorted page.
// Measures `listShipments(db, parseTableState(params, spec))` exactly as /shipments calls it (rows
// + count in parallel on the pool; spec = shipmentsTable, as the page does) for the CASES below. Target: ≤ 150 ms per case.
// 1. Creates a throwaway PostgreSQL database, runs the migrations and seeds 3 stores, the orders
//    and one shipment per order with set-based SQL (INSERT … SELECT generate_series, in chunks of
//    250,000), then VACUUM ANALYZE; reports the seed time.
// 2. Median and p95 of 15 runs after 2 warm-ups per case; flags the cases over 150 ms and writes
//    EXPLAIN (ANALYZE, BUFFERS) of the slowest one to /tmp/shipments-page-explain.txt.
// 3. EXPERIMENTS: the same measurement with candidate indexes (created in the benchmark database
//    only) and query changes (applied as rewrites of the SQL listShipments sends), cumulatively;
//    EXPLAINs of the cases still over target (else the slowest) in /tmp/shipments-page-explain-<n>.txt.
//    The project's schema and code are not changed.
// 4. Drops the database, also on failure or Ctrl-C. PostgreSQL only (no PGlite pass at 1M rows).
//   node --conditions=react-server --import tsx scripts/bench/shipments-page.ts [shipments] [--no-experiments]
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is only used to create and drop
// the benchmark database.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acceptsFilterValue, parseTableState, type SearchParams, type StateOf } from "../../src/lib/table/params";
import { openDb, queryRows, type Db, type DbHandle } from "../../src/server/db/client";
import { migrateDb } from "../../src/server/db/migrate";
import * as schema from "../../src/server/db/schema";
import { listShipments, shipmentsTable } from "../../src/server/queries/shipments";
import { hasPickups, seedShipments } from "./seed-shipments";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";

const SHIPMENTS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const WITH_EXPERIMENTS = !process.argv.includes("--no-experiments");
const WARMUP = 2;
const RUNS = 15;
const TARGET_MS = 150;
const EXPLAIN_FILE = "/tmp/shipments-page-explain.txt";
/** Stands for the id of the first store (by domain) in a case's params; resolved once seeded. */
const STORE_1 = "<store 1>";

interface Case {
  label: string;
  params: SearchParams;
}

// What an operator does on Shipment Management: each params object is a /shipments URL query.
// A case naming a filter or sort the spec does not accept (parseTableState would silently drop
// it) is reported and skipped, so the list can run ahead of or behind the page (runnableCases).
// With the seed below: ready ≈ 70 %, pickup_scheduled ≈ 15 %, shipped ≈ 10 % of the shipments;
// correios ≈ 35 %, fedex ≈ 25 %, ups and dhl ≈ 20 %; each destination ≈ 6.7 %; each store ≈ 33 %;
// "Silva" ≈ 2 % of customers; pickup today ≈ 1.7 %, overdue ≈ 3 %.
const CASES: Case[] = [
  { label: "p1 default (createdAt.desc)", params: {} },
  { label: "p1 ready+fedex createdAt.desc", params: { status: "ready", carrier: "fedex", sort: "createdAt.desc" } },
  {
    label: "p1 ready,pickup_sch.+ups value.desc",
    params: { status: "ready,pickup_scheduled", carrier: "ups", sort: "value.desc" },
  },
  { label: "p1 destination=US,CA", params: { destination: "US,CA" } },
  { label: "p1 store1+ready", params: { store: STORE_1, status: "ready" } },
  { label: "p1 shipped customer.asc", params: { status: "shipped", sort: "customer.asc" } },
  { label: "p50 ready+dhl", params: { page: "50", status: "ready", carrier: "dhl" } },
  { label: "p1 pickup=today,overdue", params: { pickup: "today,overdue" } },
  { label: "p1 pickup_sch. pickup.asc", params: { status: "pickup_scheduled", sort: "pickup.asc" } },
  { label: "p1 correios q=Silva", params: { carrier: "correios", q: "Silva" } },
  { label: "p1 q=#1000123 (order no.)", params: { q: "#1000123" } },
];

type Spec = typeof shipmentsTable;

/** The spec the page parses with (its store filter takes any store id). */
async function pageSpec(): Promise<Spec> {
  return shipmentsTable;
}

/** Replaces the STORE_1 placeholder with the first store's id. */
async function resolveParams(db: Db, params: SearchParams): Promise<SearchParams> {
  if (params.store !== STORE_1) return params;
  const [store] = await queryRows<{ id: string }>(db, sql`select id from stores order by shop_domain limit 1`);
  return { ...params, store: store.id };
}

/** The cases whose every param the spec accepts; the others are reported as skipped. */
function runnableCases(cases: Case[], spec: Spec): Case[] {
  const filters: Record<string, Spec["filters"][keyof Spec["filters"]]> = spec.filters;
  return cases.filter(({ label, params }) => {
    const problems = Object.entries(params).flatMap(([name, value]) => {
      const values = String(value).split(",");
      if (name === "page" || name === "perPage" || name === "q") return [];
      if (name === "sort")
        return (spec.sortable as readonly string[]).includes(values[0].split(".")[0]) ? [] : [`sort ${value}`];
      if (!(name in filters)) return [`filter ${name}`];
      const rejected = values.filter((v) => !acceptsFilterValue(filters[name], v));
      return rejected.length ? [`${name}=${rejected.join(",")}`] : [];
    });
    if (problems.length) console.log(`skipped "${label}": shipmentsTable does not accept ${problems.join(", ")}`);
    return problems.length === 0;
  });
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile of sorted values (with 15 runs, p95 is the slowest run). */
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

async function timeCase(db: Db, testCase: Case, state: StateOf<Spec>): Promise<Result> {
  let page = await listShipments(db, state);
  for (let i = 1; i < WARMUP; i++) page = await listShipments(db, state);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    page = await listShipments(db, state);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    testCase,
    median: median(times),
    p95: percentile(times, 95),
    rowCount: page.rowCount,
    rows: page.rows.length,
  };
}

async function measure(db: Db, cases: Case[], spec: Spec): Promise<Result[]> {
  const results: Result[] = [];
  for (const testCase of cases) results.push(await timeCase(db, testCase, parseTableState(testCase.params, spec)));
  return results;
}

/** A query change, applied to the SQL text listShipments sends (so it tracks the current code). */
interface Rewrite {
  name: string;
  apply(query: string): string;
}

function applyRewrites(query: string, rewrites: Rewrite[], applied?: Set<string>): string {
  return rewrites.reduce((text, rewrite) => {
    const next = rewrite.apply(text);
    if (next !== text) applied?.add(rewrite.name);
    return next;
  }, query);
}

/** A drizzle Db like openDb's (postgres.js, pool of 10) whose queries go through `rewrites`. */
function connect(url: string, rewrites: Rewrite[], applied: Set<string>) {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const unsafe = ((query: string, ...rest: unknown[]) =>
    (client.unsafe as (...args: unknown[]) => unknown)(applyRewrites(query, rewrites, applied), ...rest)) as never;
  const rewriting = new Proxy(client, {
    get: (target, key) => (key === "unsafe" ? unsafe : Reflect.get(target, key)),
  });
  return { db: drizzle({ client: rewriting, schema }) as unknown as Db, end: () => client.end() };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the exact statements listShipments sends (captured through the logger). */
async function explain(url: string, cases: Case[], spec: Spec, file: string, rewrites: Rewrite[] = []) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const out: string[] = [];
    for (const testCase of cases) {
      const captured: { query: string; params: unknown[] }[] = [];
      const logger = { logQuery: (query: string, params: unknown[]) => captured.push({ query, params }) };
      await listShipments(drizzle({ client, schema, logger }) as unknown as Db, parseTableState(testCase.params, spec));
      out.push(`-- ${testCase.label} ${JSON.stringify(testCase.params)}`);
      for (const { query, params } of captured) {
        const text = applyRewrites(query, rewrites);
        const plan = await client.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
        out.push(
          `\n-- ${text}\n-- params: ${JSON.stringify(params)}`,
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

// ---- Candidate query changes (as SQL rewrites) -------------------------------------------------

const SEARCH =
  /"orders"\."name" ilike (\$\d+) or "orders"\."customer_name" ilike (\$\d+) or "shipments"\."nfe_key" ilike (\$\d+)/;

/** The count joins orders only for the search: without it (a shipment has exactly one order), no join. */
const countWithoutOrdersJoin: Rewrite = {
  name: "count without the orders join",
  apply: (query) => {
    const join = ` inner join "orders" on "orders"."id" = "shipments"."order_id"`;
    if (!query.startsWith("select count(*)") || !query.includes(join)) return query;
    const where = query.slice(query.indexOf(" where "));
    return where.includes(`"orders".`) ? query : query.replace(join, "");
  },
};

/** Search on the order's columns as `order_id = any(array(select … from orders where … ilike …))`. */
const searchOrdersAsArray: Rewrite = {
  name: "search orders via = any(array(subquery))",
  apply: (query) =>
    query.replace(
      SEARCH,
      (_, name, customer, nfe) =>
        `"shipments"."order_id" = any(array(select "o"."id" from "orders" "o" where "o"."name" ilike ${name} ` +
        `or "o"."customer_name" ilike ${customer})) or "shipments"."nfe_key" ilike ${nfe}`,
    ),
};

/** Search the shipment's own recipient name instead of orders.customer_name (order number still via orders). */
const searchRecipientName: Rewrite = {
  name: "search recipient->>'name' instead of orders.customer_name",
  apply: (query) =>
    query.replace(
      SEARCH,
      (_, name, customer, nfe) =>
        `("shipments"."recipient" ->> 'name') ilike ${customer} or "shipments"."order_id" = any(array(select ` +
        `"o"."id" from "orders" "o" where "o"."name" ilike ${name})) or "shipments"."nfe_key" ilike ${nfe}`,
    ),
};

/** pickupCondition's `pickup_id in (select …)` (a hashed SubPlan: full scan) as `= any(array(select …))`. */
const pickupAsArray: Rewrite = {
  name: "pickup filter via = any(array(subquery))",
  apply: (query) =>
    query.replace(
      /"shipments"\."pickup_id" in \((select "pickups"\."id" from "pickups" where [^()]*)\)/g,
      `"shipments"."pickup_id" = any(array($1))`,
    ),
};

/** Sort by a pickup date copied onto shipments (bench_pickup_date) instead of the left-joined pickups. */
const sortByDenormalizedPickupDate: Rewrite = {
  name: "sort by shipments.bench_pickup_date",
  apply: (query) =>
    query.replace(/order by "pickups"\."pickup_date" (asc|desc)/, `order by "shipments"."bench_pickup_date" $1`),
};

interface Experiment {
  name: string;
  /** Run before measuring; what it creates stays for the next experiments (they are cumulative). */
  setup: string[];
  /** All the query changes in effect (not only the new ones). */
  rewrites: Rewrite[];
  /** Needs shipments.pickup_id (skipped on a schema without pickups). */
  pickups?: boolean;
}

// Each experiment keeps what the previous ones created; the last one is the recommended set.
const EXPERIMENTS: Experiment[] = [
  { name: "count without the orders join (query change)", setup: [], rewrites: [countWithoutOrdersJoin] },
  {
    name: "+ sort indexes shipments(created_at, id), shipments(declared_value, id), orders(customer_name)",
    setup: [
      "create index bench_shipments_created_id on shipments (created_at, id)",
      "create index bench_shipments_value_id on shipments (declared_value, id)",
      "create index bench_orders_customer on orders (customer_name)",
    ],
    rewrites: [countWithoutOrdersJoin],
  },
  {
    name: "+ search as order_id = any(array(…)), pg_trgm GIN on orders.name, orders.customer_name, shipments.nfe_key",
    setup: [
      "create extension if not exists pg_trgm",
      "create index bench_orders_name_trgm on orders using gin (name gin_trgm_ops)",
      "create index bench_orders_customer_trgm on orders using gin (customer_name gin_trgm_ops)",
      "create index bench_shipments_nfe_trgm on shipments using gin (nfe_key gin_trgm_ops)",
    ],
    rewrites: [countWithoutOrdersJoin, searchOrdersAsArray],
  },
  {
    name: "instead: search the shipment's recipient->>'name' (pg_trgm GIN) rather than orders.customer_name",
    setup: [
      "drop index bench_orders_customer_trgm",
      "create index bench_shipments_recipient_trgm on shipments using gin ((recipient ->> 'name') gin_trgm_ops)",
    ],
    rewrites: [countWithoutOrdersJoin, searchRecipientName],
  },
  {
    name: "+ pickup filter as pickup_id = any(array(…)), index shipments(pickup_id, status)",
    setup: ["create index bench_shipments_pickup_status on shipments (pickup_id, status)"],
    rewrites: [countWithoutOrdersJoin, searchRecipientName, pickupAsArray],
    pickups: true,
  },
  {
    // Booking a pickup UPDATEs the shipment (status, pickup_id), and an UPDATE writes the new row
    // version where there is free space, i.e. next to the other recently booked ones. The seed
    // inserted them in their final state, scattered; this rewrites them (to fill the copied pickup
    // date of #7), so the rows with a pickup end up together as in production. Same queries as #5.
    name: "rows with a pickup rewritten by an UPDATE (pickup date copied onto shipments), same queries",
    setup: [
      "alter table shipments add column bench_pickup_date date",
      "update shipments s set bench_pickup_date = p.pickup_date from pickups p where p.id = s.pickup_id",
      "vacuum shipments",
    ],
    rewrites: [countWithoutOrdersJoin, searchRecipientName, pickupAsArray],
    pickups: true,
  },
  {
    name: "+ sort by the copied pickup date (schema change), index shipments(pickup_date, id)",
    setup: ["create index bench_shipments_pickup_date_id on shipments (bench_pickup_date, id)"],
    rewrites: [countWithoutOrdersJoin, searchRecipientName, pickupAsArray, sortByDenormalizedPickupDate],
    pickups: true,
  },
];

// ---- Output ------------------------------------------------------------------------------------

function fmt(ms: number): string {
  return ms.toFixed(1);
}

function printTable(title: string, results: Result[], baseline?: Result[]): void {
  console.log(`\n${title}`);
  const header = `${"case".padEnd(36)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"rowCount".padStart(9)}  rows`;
  console.log(`${header}  ≤${TARGET_MS}${baseline ? "  baseline median → now" : ""}`);
  for (const r of results) {
    const before = baseline?.find((b) => b.testCase === r.testCase);
    console.log(
      `${r.testCase.label.padEnd(36)} ${fmt(r.median).padStart(10)} ${fmt(r.p95).padStart(8)} ` +
        `${String(r.rowCount).padStart(9)}  ${String(r.rows).padStart(4)}  ${r.median <= TARGET_MS ? "yes " : "OVER"}` +
        (before ? `  ${fmt(before.median)} → ${fmt(r.median)}` : ""),
    );
  }
  const over = results.filter((r) => r.median > TARGET_MS).map((r) => r.testCase.label);
  console.log(over.length ? `over ${TARGET_MS} ms: ${over.join("; ")}` : `all cases ≤ ${TARGET_MS} ms`);
}

function slowest(results: Result[]): Case {
  return results.reduce((a, b) => (b.median > a.median ? b : a)).testCase;
}

// ---- Runs --------------------------------------------------------------------------------------

async function runExperiments(url: string, db: Db, cases: Case[], spec: Spec, baseline: Result[]) {
  const withPickups = await hasPickups(db);
  for (const [i, experiment] of EXPERIMENTS.entries()) {
    if (experiment.pickups && !withPickups) continue;
    const start = performance.now();
    for (const statement of experiment.setup) await db.execute(sql.raw(statement));
    await db.execute(sql`analyze`);
    const buildSeconds = (performance.now() - start) / 1000;
    const applied = new Set<string>();
    const rewriting = connect(url, experiment.rewrites, applied);
    try {
      const results = await measure(rewriting.db, cases, spec);
      printTable(`#${i + 1} ${experiment.name} (set up in ${fmt(buildSeconds)} s)`, results, baseline);
      const unused = experiment.rewrites.filter((rewrite) => !applied.has(rewrite.name));
      if (unused.length) console.log(`  ! never matched the SQL: ${unused.map((r) => r.name).join("; ")}`);
      const over = results.filter((r) => r.median > TARGET_MS).map((r) => r.testCase);
      const explained = over.length ? over : [slowest(results)];
      const file = EXPLAIN_FILE.replace(".txt", `-${i + 1}.txt`);
      await explain(url, explained, spec, file, experiment.rewrites);
      console.log(`  EXPLAIN of ${explained.map((c) => `"${c.label}"`).join(", ")} → ${file}`);
    } finally {
      await rewriting.end();
    }
  }
}

async function runBenchmark(url: string): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    handle = await openDb({ databaseUrl: url });
    await migrateDb(handle);
    const start = performance.now();
    await seedShipments(handle.db, SHIPMENTS);
    const seedSeconds = (performance.now() - start) / 1000;
    const [counts] = await queryRows<{ total: number; listed: number }>(
      handle.db,
      sql`select count(*)::int total, (count(*) filter (where status <> 'draft'))::int listed from shipments`,
    );
    console.log(
      `seeded ${counts.total} shipments + orders (${counts.listed} non-draft) in ${fmt(seedSeconds)} s (incl. VACUUM ANALYZE)`,
    );

    const spec = await pageSpec();
    const resolved = await Promise.all(
      CASES.map(async (c) => ({ ...c, params: await resolveParams(handle!.db, c.params) })),
    );
    const cases = runnableCases(resolved, spec);
    const baseline = await measure(handle.db, cases, spec);
    printTable("Baseline: schema as migrated, listShipments as is", baseline);
    const worst = slowest(baseline);
    await explain(url, [worst], spec, EXPLAIN_FILE);
    console.log(`EXPLAIN (ANALYZE, BUFFERS) of "${worst.label}" → ${EXPLAIN_FILE}`);
    if (WITH_EXPERIMENTS) await runExperiments(url, handle.db, cases, spec, baseline);
  } finally {
    await handle?.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const baseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
  const name = testDatabaseName("shipsmart_bench_shipments");
  const url = await createPostgresDatabase(baseUrl, name);
  const drop = () => dropPostgresDatabase(baseUrl, name).then(() => console.log(`dropped ${name}`));
  // try/finally does not run on a signal: drop the database there too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void drop().finally(() => process.exit(130)));
  }
  console.log(`PostgreSQL ${name}: ${SHIPMENTS} shipments, median/p95 of ${RUNS} runs after ${WARMUP} warm-ups`);
  try {
    await runBenchmark(url);
  } finally {
    await drop();
    console.log(`total run time ${fmt((performance.now() - started) / 1000)} s`);
  }
}

await main();
