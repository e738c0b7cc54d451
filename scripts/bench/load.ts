// Load benchmark: 50 signed-in operators at once on a production build, PostgreSQL with 1,000,000
// shipments. Targets (issue 16): ≥ 100 requests/s, p99 ≤ 1 s, 0 errors, server RSS ≤ 500 MB during
// and after, and no growth from one run to the next.
// 1. A throwaway PostgreSQL database (random name, dropped at the end, also on failure or Ctrl-C):
//    migrations, seedShipments (seed-shipments.ts), 50 operators and a Sync history (seed-load.ts).
// 2. `next build` (skipped with --skip-build or LOAD_SKIP_BUILD=1: the .next there is served), then
//    `next start` on 127.0.0.1 in its own process group, no emulators (the PTAX refresh and the
//    tracking poll are off: loopback only, nothing but the pages under load).
// 3. Sessions: each operator's next-auth cookie minted with the server's secret (next-auth/jwt
//    encode, as startSession does), so the per-IP sign-in throttle is not in the way.
// 4. Soft navigations replay what the browser sends: Chromium (Playwright) opens each page once
//    and clicks a sort header; the RSC request's headers (RSC, Next-Router-State-Tree, Next-Url)
//    are kept per page, and `_rsc` is recomputed for them as Next's router does.
// 5. Each run: every operator, in a closed loop for --duration seconds, does one document load,
//    then requests drawn from MIX (5 % document loads, 95 % soft navigations), each to a random view
//    of its page (filters, sorts, pages, searches). Reports req/s, p50/p95/p99, errors, and the
//    server's RSS: peak during the run, and settled after it (10 s idle, then a heap snapshot with
//    --heap-snapshot — which collects garbage first — and its RSS after). The p99 is also given per
//    kind, and for the requests started after --warmup-s: the 50 first loads all start at the same
//    instant (50 full pages queued at once, ~56 ms of server CPU each, and the soft navigations
//    behind them), and at ~2,000 requests a run they are more than the 1 % the p99 leaves out, so
//    the p99 of all requests is theirs.
//   node --import tsx scripts/bench/load.ts [--runs 3] [--duration 30] [--operators 50]
//        [--shipments 1000000] [--skip-build] [--heap-snapshot] [--cpu-prof] [--port 3240]
//        [--page shipments|drafts|syncRuns] (one page only, for its CPU per request)
//        [--documents 0.05] (the share of document loads) [--warmup-s 5] [--latencies FILE] (every
//        request, a line each) [--compression proxy|node] [--keep-db NAME]
// The server runs with the heap flags of `npm start` (package.json); LOAD_NODE_FLAGS="…" replaces
// them, to compare heap settings on one build (LOAD_NODE_FLAGS="" runs with V8's defaults).
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is only used to create and drop
// the benchmark database. Profiles and snapshots go to /tmp/load-prof/.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { encode } from "next-auth/jwt";
import { openDb } from "../../src/server/db/client";
import { migrateDb } from "../../src/server/db/migrate";
import { chromiumArgs, chromiumExecutable, desktopUserAgent } from "../../e2e/chromium";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";
import { seedShipments } from "./seed-shipments";
import { loadOperators, seedOperators, seedSyncHistory, type LoadOperator } from "./seed-load";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const RUNS = option("runs", 3);
const DURATION_S = option("duration", 30);
const OPERATORS = option("operators", 50);
const SHIPMENTS = option("shipments", 1_000_000);
const PORT = option("port", 3240);
const SKIP_BUILD = args.includes("--skip-build") || process.env.LOAD_SKIP_BUILD === "1";
const HEAP_SNAPSHOT = args.includes("--heap-snapshot");
const CPU_PROF = args.includes("--cpu-prof");
// --keep-db NAME: seeds the database NAME once and keeps it, for profiling rounds (drop it by hand).
const KEEP_DB = args.includes("--keep-db") ? args[args.indexOf("--keep-db") + 1] : undefined;
// --compression proxy (the default): served as production runs behind its https proxy, which
// compresses (HTTP_COMPRESSION=off; README, Configuration). --compression node: Next gzips itself.
const COMPRESSION = args.includes("--compression") ? args[args.indexOf("--compression") + 1] : "proxy";
if (COMPRESSION !== "proxy" && COMPRESSION !== "node") throw new Error("--compression: proxy or node");
const PROFILE_DIR = "/tmp/load-prof";
const TARGETS = { rps: 100, p99Ms: 1000, rssMb: 500 };
const BASE_DB_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
// The app served (and its migrations, read from the working directory): the package root under npm,
// or another checkout to measure a base commit with this script.
const root = process.cwd();
const baseUrl = `http://127.0.0.1:${PORT}`;

type Page = "shipments" | "drafts" | "syncRuns";
const PATHS: Record<Page, string> = {
  shipments: "/shipments",
  drafts: "/follow-up/quotations-shipments",
  syncRuns: "/sync-runs",
};
// Share of the requests per page (Shipment Management is where operators live).
const FULL_MIX: [Page, number][] = [
  ["shipments", 0.6],
  ["drafts", 0.2],
  ["syncRuns", 0.2],
];
// --page NAME: every request to that page only, to see what each costs (CPU per request).
const ONLY_PAGE = args.includes("--page") ? (args[args.indexOf("--page") + 1] as Page) : undefined;
if (ONLY_PAGE && !FULL_MIX.some(([page]) => page === ONLY_PAGE))
  throw new Error(`--page: one of ${FULL_MIX.map(([page]) => page).join(", ")}`);
const MIX: [Page, number][] = ONLY_PAGE ? [[ONLY_PAGE, 1]] : FULL_MIX;
// --documents SHARE: the share of document loads (0 to 1), to see what each kind of request costs.
const DOCUMENT_SHARE = option("documents", 0.05);
// --warmup-s 5: the p99 is also given for the requests started after these first seconds of a run,
// once the operators' simultaneous first page loads (and the soft navigations queued behind them)
// have been served: the closed loop's steady state.
const WARMUP_S = option("warmup-s", 5);
// --latencies FILE: every request of every run, a line each (run, start, ms, kind, path), to see
// when the slow ones happen.
const LATENCY_LOG = args.includes("--latencies") ? args[args.indexOf("--latencies") + 1] : undefined;

// The views an operator moves between: filters, sorts, pages and searches of each table.
const VIEWS: Record<Page, string[]> = {
  shipments: [
    "",
    "status=ready",
    "status=ready&carrier=fedex",
    "carrier=ups&sort=value.desc",
    "status=ready,pickup_scheduled&carrier=ups&sort=value.desc",
    "destination=US,CA",
    "status=shipped&sort=customer.asc",
    "page=2",
    "page=5&status=ready&carrier=dhl",
    "pickup=today,overdue",
    "status=pickup_scheduled&sort=pickup.asc",
    "carrier=correios&q=Silva",
    "q=%231000123",
    "sort=order.asc",
    "status=cancelled",
  ],
  drafts: [
    "tab=drafts",
    "tab=drafts&carrier=dhl",
    "tab=drafts&sort=customer.asc",
    "tab=drafts&page=2",
    "tab=drafts&destination=US",
    "tab=drafts&q=Silva",
  ],
  syncRuns: ["", "status=failed", "trigger=webhook", "page=2", "sort=store.asc", "page=10&status=succeeded"],
};

interface RscHeaders {
  stateTree: string;
  nextUrl?: string;
}

const cleanups: (() => Promise<void> | void)[] = [];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

function pickPage(): Page {
  let roll = Math.random();
  for (const [page, share] of MIX) {
    roll -= share;
    if (roll < 0) return page;
  }
  return MIX[0][0];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** RSS of every process in the server's group (next start and anything it forks), in MB. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command's closing parenthesis: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) kb += Number(rss[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/**
 * CPU ticks used so far (user + system) per process: the server's process group, the PostgreSQL
 * backends serving the benchmark's database (their command line names it: other sessions' work on
 * the machine is not ours), and this load generator (/proc/<pid>/stat fields 14 and 15).
 */
function cpuTicks(pgid: number, database: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const used = Number(fields[11]) + Number(fields[12]);
      if (Number(fields[2]) === pgid) ticks.set(`server ${entry}`, used);
      else if (command === "postgres") {
        const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
        if (cmdline.includes(` ${database} `)) ticks.set(`postgres ${entry}`, used);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** CPU seconds between two samples, per kind; a process seen only in the second counts from zero. */
function cpuBetween(before: Map<string, number>, after: Map<string, number>) {
  const seconds = { server: 0, postgres: 0 };
  for (const [key, used] of after) {
    const kind = key.split(" ")[0] as keyof typeof seconds;
    seconds[kind] += (used - (before.get(key) ?? 0)) / 100; // USER_HZ on Linux
  }
  return seconds;
}

/** The Node process serving the pages (the group's largest), for signals. */
function serverPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    try {
      // SIGINT lets `next start` (and --cpu-prof) write what it holds before leaving.
      process.kill(-child.pid!, "SIGINT");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 10_000).unref();
  });
}

async function waitForHealth(child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not become healthy within 120 s");
}

async function assertPortFree() {
  try {
    await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(1000) });
  } catch {
    return;
  }
  throw new Error(`port ${PORT} is already in use — stop what runs there (or pass --port)`);
}

async function keptDatabase(name: string): Promise<{ url: string; seeded: boolean }> {
  const url = new URL(BASE_DB_URL);
  url.pathname = `/${name}`;
  const admin = postgres(BASE_DB_URL, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) return { url: url.toString(), seeded: true };
  } finally {
    await admin.end();
  }
  return { url: await createPostgresDatabase(BASE_DB_URL, name), seeded: false };
}

async function prepareDatabase(): Promise<{ url: string; operators: LoadOperator[] }> {
  let url: string;
  if (KEEP_DB) {
    const kept = await keptDatabase(KEEP_DB);
    url = kept.url;
    if (kept.seeded) {
      const handle = await openDb({ databaseUrl: url });
      try {
        await migrateDb(handle);
        // A kept database has the operators of its seeding; --operators N runs the first N of them.
        return { url, operators: (await loadOperators(handle.db)).slice(0, OPERATORS) };
      } finally {
        await handle.close();
      }
    }
  } else {
    const name = testDatabaseName("shipsmart_load");
    url = await createPostgresDatabase(BASE_DB_URL, name);
    cleanups.push(() => dropPostgresDatabase(BASE_DB_URL, name));
  }
  const handle = await openDb({ databaseUrl: url });
  try {
    await migrateDb(handle);
    const started = performance.now();
    await seedShipments(handle.db, SHIPMENTS);
    await seedSyncHistory(handle.db, 3_000, 20);
    const operators = await seedOperators(handle.db, OPERATORS);
    console.log(
      `seeded ${SHIPMENTS.toLocaleString("en")} shipments, 3,000 sync runs, ${OPERATORS} operators in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    return { url, operators };
  } finally {
    await handle.close();
  }
}

/** The V8 heap flags of package.json's `start` script (what production runs with). */
function startHeapFlags(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  return (pkg.scripts.start.match(/--max-[a-z-]+-size=\d+/g) ?? []).join(" ");
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const nodeFlags = ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${PROFILE_DIR}`];
  // The heap settings `npm start` serves with, unless LOAD_NODE_FLAGS gives others to compare.
  nodeFlags.push(...(process.env.LOAD_NODE_FLAGS ?? startHeapFlags()).split(/\s+/).filter(Boolean));
  if (CPU_PROF) nodeFlags.push("--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`);
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const log = fs.openSync(`/tmp/shipsmart-load-server-${PORT}.log`, "w");
  const server = spawn(
    process.execPath,
    [...nodeFlags, "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    { cwd: root, env, detached: true, stdio: ["ignore", log, log] },
  );
  cleanups.unshift(() => stopGroup(server));
  await waitForHealth(server);
  return server;
}

/** The RSC headers of one soft navigation per page, as Chromium sends them after a sort click. */
async function captureRscHeaders(cookie: { name: string; value: string }): Promise<Record<Page, RscHeaders>> {
  const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
  try {
    const context = await browser.newContext({ userAgent: desktopUserAgent });
    await context.addCookies([{ ...cookie, url: baseUrl }]);
    const page = await context.newPage();
    const captured = {} as Record<Page, RscHeaders>;
    for (const [name, pathname] of Object.entries(PATHS) as [Page, string][]) {
      const query = name === "drafts" ? "?tab=drafts" : "";
      await page.goto(`${baseUrl}${pathname}${query}`);
      // A click on the first sortable column's header: the router's push of the new table state.
      const [request] = await Promise.all([
        page.waitForRequest(
          (candidate) => candidate.headers()["rsc"] === "1" && !candidate.headers()["next-router-prefetch"],
        ),
        page.locator("main thead th button").first().click(),
      ]);
      const headers = request.headers();
      captured[name] = { stateTree: headers["next-router-state-tree"], nextUrl: headers["next-url"] };
      if (!captured[name].stateTree) throw new Error(`no Next-Router-State-Tree on the soft navigation of ${pathname}`);
      console.log(
        `captured the soft navigation of ${pathname}: RSC: 1, Next-Router-State-Tree (${captured[name].stateTree.length} chars)${captured[name].nextUrl ? ", Next-Url" : ""}`,
      );
    }
    return captured;
  } finally {
    await browser.close();
  }
}

/** `_rsc` as Next's router computes it from the headers (the server refuses a mismatch). */
async function cacheBustingParam(headers: RscHeaders): Promise<string> {
  const { computeCacheBustingSearchParam } =
    (await import("next/dist/shared/lib/router/utils/cache-busting-search-param.js")) as {
      computeCacheBustingSearchParam: (...values: (string | undefined)[]) => Promise<string>;
    };
  return computeCacheBustingSearchParam(undefined, undefined, headers.stateTree, headers.nextUrl);
}

interface RunResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** p99 of each kind of request, and of those started after the run's first WARMUP_S seconds. */
  p99By: { documents: number; soft: number; steady: number };
  documents: number;
  peakRssMb: number;
  /** Median latency per view (page and query), slowest first: where the time goes. */
  slowestViews: string[];
  /** CPU milliseconds per request: the server, PostgreSQL, this load generator. */
  cpuPerRequest: { server: number; postgres: number; client: number };
}

async function runLoad(
  cookies: string[],
  rsc: Record<Page, RscHeaders & { hash: string }>,
  pgid: number,
  database: string,
  runNumber: number,
): Promise<RunResult> {
  const latencies: number[] = [];
  const byKind = { documents: [] as number[], soft: [] as number[], steady: [] as number[] };
  // --latencies: one line per request (ms since the run began, ms taken, kind, the path).
  const log: string[] = [];
  const perView = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let errors = 0;
  let documents = 0;
  let peakRssMb = groupRssMb(pgid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, groupRssMb(pgid))), 500);
  const cpuBefore = cpuTicks(pgid, database);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const endAt = started + DURATION_S * 1000;

  async function request(cookie: string, document: boolean, first = false) {
    const page = pickPage();
    const view = pick(VIEWS[page]);
    const headers: Record<string, string> = { cookie, "accept-language": "en", "user-agent": desktopUserAgent };
    let url = `${baseUrl}${PATHS[page]}${view ? `?${view}` : ""}`;
    if (!document) {
      const soft = rsc[page];
      headers["rsc"] = "1";
      headers["next-router-state-tree"] = soft.stateTree;
      if (soft.nextUrl) headers["next-url"] = soft.nextUrl;
      url += `${view ? "&" : "?"}_rsc=${soft.hash}`;
    } else {
      headers["accept"] = "text/html";
      documents++;
    }
    const begin = performance.now();
    try {
      const response = await fetch(url, { headers, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${response.status} for ${url}`);
      const elapsed = performance.now() - begin;
      latencies.push(elapsed);
      (document ? byKind.documents : byKind.soft).push(elapsed);
      log.push(
        `${(begin - started).toFixed(0)} ${elapsed.toFixed(0)} ${document ? "document" : "soft"}${first ? " first" : ""} ${url.replace(baseUrl, "").replace(/[?&]_rsc=.*$/, "")}`,
      );
      if (begin - started >= WARMUP_S * 1000) byKind.steady.push(elapsed);
      const name = `${PATHS[page]}${view ? `?${view}` : ""}`;
      perView.set(name, [...(perView.get(name) ?? []), elapsed]);
    } catch (error) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push((error as Error).message);
    }
  }

  await Promise.all(
    cookies.map(async (cookie) => {
      await request(cookie, true, true);
      while (performance.now() < endAt) await request(cookie, Math.random() < DOCUMENT_SHARE);
    }),
  );
  clearInterval(sampler);
  if (LATENCY_LOG) fs.appendFileSync(LATENCY_LOG, log.map((line) => `${runNumber} ${line}\n`).join(""));
  const seconds = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientBefore);
  const cpu = { ...cpuBetween(cpuBefore, cpuTicks(pgid, database)), client: (client.user + client.system) / 1e6 };
  const perRequest = (key: keyof typeof cpu) => (cpu[key] * 1000) / Math.max(1, latencies.length + errors);
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length + errors,
    errors,
    errorSamples,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    p99By: {
      documents: percentile(
        byKind.documents.sort((a, b) => a - b),
        99,
      ),
      soft: percentile(
        byKind.soft.sort((a, b) => a - b),
        99,
      ),
      steady: percentile(
        byKind.steady.sort((a, b) => a - b),
        99,
      ),
    },
    documents,
    peakRssMb,
    slowestViews: [...perView]
      .map(([name, times]) => ({
        name,
        median: percentile(
          [...times].sort((a, b) => a - b),
          50,
        ),
        n: times.length,
      }))
      .sort((a, b) => b.median - a.median)
      .slice(0, 5)
      .map(({ name, median, n }) => `${name} ${median.toFixed(0)} ms (n=${n})`),
    cpuPerRequest: { server: perRequest("server"), postgres: perRequest("postgres"), client: perRequest("client") },
  };
}

/** RSS once the server is idle: 10 s after the run, and after a full GC (a heap snapshot forces one). */
async function settledRss(pgid: number, run: number): Promise<{ idle: number; afterGc: number | null }> {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const idle = groupRssMb(pgid);
  if (!HEAP_SNAPSHOT) return { idle, afterGc: null };
  const before = new Set(fs.readdirSync(PROFILE_DIR));
  for (const pid of serverPids(pgid)) process.kill(pid, "SIGUSR2");
  // The snapshot is written once the file stops growing.
  let lastSize = -1;
  for (let i = 0; i < 240; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const fresh = fs.readdirSync(PROFILE_DIR).filter((file) => !before.has(file) && file.endsWith(".heapsnapshot"));
    const size = fresh.reduce((sum, file) => sum + fs.statSync(path.join(PROFILE_DIR, file)).size, 0);
    if (fresh.length > 0 && size > 0 && size === lastSize) {
      for (const file of fresh)
        fs.renameSync(path.join(PROFILE_DIR, file), path.join(PROFILE_DIR, `after-run-${run}-${file}`));
      break;
    }
    lastSize = size;
  }
  return { idle, afterGc: groupRssMb(pgid) };
}

async function main() {
  await assertPortFree();
  const secret = crypto.randomBytes(32).toString("base64url");
  const { url, operators } = await prepareDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    APP_URL: baseUrl,
    AUTH_SECRET: secret,
    APP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    SHOPIFY_API_KEY: "load-api-key",
    SHOPIFY_API_SECRET: crypto.randomBytes(16).toString("hex"),
    DEMO_USERS: "off",
    PTAX_REFRESH: "off",
    TRACKING_POLL_MINUTES: "off",
    HTTP_COMPRESSION: COMPRESSION === "proxy" ? "off" : "on",
  };
  if (!SKIP_BUILD) {
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error(`next build exited with ${build.status}`);
  }
  const server = await startServer(env);
  const pgid = server.pid!;
  const startRss = groupRssMb(pgid);

  // The cookie next-auth reads (http:// → no __Secure- prefix), minted as startSession mints it.
  const cookieValues = await Promise.all(
    operators.map((user) =>
      encode({
        token: { sub: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
        secret,
        maxAge: 12 * 60 * 60,
      }),
    ),
  );
  const cookies = cookieValues.map((value) => `next-auth.session-token=${value}`);
  const captured = await captureRscHeaders({ name: "next-auth.session-token", value: cookieValues[0] });
  const rsc = {} as Record<Page, RscHeaders & { hash: string }>;
  for (const page of Object.keys(captured) as Page[]) {
    rsc[page] = { ...captured[page], hash: await cacheBustingParam(captured[page]) };
  }

  console.log(
    `\n${OPERATORS} operators, closed loop, ${DURATION_S} s per run, compression by ${COMPRESSION === "proxy" ? "the proxy in front (HTTP_COMPRESSION=off)" : "Next (gzip)"}; mix: ${MIX.map(([page, share]) => `${PATHS[page]} ${share * 100} %`).join(", ")}; ${DOCUMENT_SHARE * 100} % document loads, the rest soft navigations (RSC)`,
  );
  console.log(`server RSS after start: ${startRss} MB`);
  const results: (RunResult & { idle: number; afterGc: number | null })[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const result = await runLoad(cookies, rsc, pgid, new URL(url).pathname.slice(1), run);
    const settled = await settledRss(pgid, run);
    results.push({ ...result, ...settled });
    console.log(
      `run ${run}: ${result.requests} requests (${result.documents} documents), ${result.rps.toFixed(1)} req/s, p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms (documents ${result.p99By.documents.toFixed(0)}, soft navigations ${result.p99By.soft.toFixed(0)}, after the first ${WARMUP_S} s ${result.p99By.steady.toFixed(0)}), ${result.errors} errors; RSS peak ${result.peakRssMb} MB, settled ${settled.idle} MB${settled.afterGc === null ? "" : `, after GC ${settled.afterGc} MB`}`,
    );
    for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
    console.log(`  slowest views (median): ${result.slowestViews.join("; ")}`);
    const cpu = result.cpuPerRequest;
    console.log(
      `  CPU per request: server ${cpu.server.toFixed(1)} ms, PostgreSQL ${cpu.postgres.toFixed(1)} ms, load generator ${cpu.client.toFixed(1)} ms (2 cores: ${(2000 / (cpu.server + cpu.postgres + cpu.client)).toFixed(0)} req/s at most)`,
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rps = median(results.map((r) => r.rps));
  const p99 = median(results.map((r) => r.p99));
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const peak = Math.max(...results.map((r) => r.peakRssMb));
  const settled = Math.max(...results.map((r) => r.afterGc ?? r.idle));
  const verdict = (ok: boolean) => (ok ? "ok" : "OVER TARGET");
  console.log(
    `\nmedian of ${RUNS} runs: ${rps.toFixed(1)} req/s (target ≥ ${TARGETS.rps}: ${verdict(rps >= TARGETS.rps)}), p50 ${median(results.map((r) => r.p50)).toFixed(0)} ms, p95 ${median(results.map((r) => r.p95)).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms (target ≤ ${TARGETS.p99Ms}: ${verdict(p99 <= TARGETS.p99Ms)})`,
  );
  const steady = median(results.map((r) => r.p99By.steady));
  console.log(
    `p99 of the closed loop once the start's ${OPERATORS} simultaneous page loads have drained (requests started after ${WARMUP_S} s): ${steady.toFixed(0)} ms (target ≤ ${TARGETS.p99Ms}: ${verdict(steady <= TARGETS.p99Ms)}); p99 of document loads: ${median(results.map((r) => r.p99By.documents)).toFixed(0)} ms`,
  );
  console.log(
    `errors: ${errors} (target 0: ${verdict(errors === 0)}); RSS peak ${peak} MB, settled ${settled} MB (target ≤ ${TARGETS.rssMb}: ${verdict(Math.max(peak, settled) <= TARGETS.rssMb)}); settled per run: ${results.map((r) => r.afterGc ?? r.idle).join(" → ")} MB`,
  );
}

let cleaning: Promise<void> | undefined;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.splice(0)) {
      try {
        await step();
      } catch (error) {
        console.error("cleanup:", (error as Error).message);
      }
    }
  })();
  return cleaning;
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
process.on("SIGTERM", () => void cleanup().then(() => process.exit(143)));

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(code);
