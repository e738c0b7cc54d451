// Bulk first sync benchmark (issue 12): a store of N orders (100,000 by default) synced for the
// first time through the emulator's Bulk Operation into PostgreSQL, reporting orders/s and this
// process's PEAK RSS — the number that shows whether the bulk result is streamed (bounded by a
// batch) or held whole. The emulator runs in a child process so its own memory (every order, the
// JSONL it serves) is not counted; everything listens on 127.0.0.1 only. Besides the totals it
// reports when the first result download started (the export wait) and the peak V8 heap.
//   node --conditions=react-server --import tsx scripts/bench/bulk-sync.ts [orders] [timeoutSeconds] [parts]
// The split experiment (issue 16): `parts` = "1,2,3,5" runs one first sync per part count, each in
// a fresh process, database and store (so one run's memory does not count in the next), the window
// split into that many date ranges run as concurrent Bulk Operations, and prints them side by side.
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { eq } from "drizzle-orm";
import { openDb } from "../../src/server/db/client";
import { migrateDb } from "../../src/server/db/migrate";
import { stores } from "../../src/server/db/schema";
import { connectThroughEmulator } from "../../src/server/services/emulator-connect";
import { executeRun } from "../../src/server/services/sync/execute-run";
import { requestSync } from "../../src/server/services/sync/runs";
import { createShopify } from "../../src/server/shopify/api";
import { seedRates } from "../../tests/helpers/ptax";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";

const orderCount = Number(process.argv[2] ?? 100_000);
const timeoutSeconds = Number(process.argv[3] ?? 900);
const partCounts = (process.argv[4] ?? "1").split(",").map(Number);
const command = "node --conditions=react-server --import tsx scripts/bench/bulk-sync.ts";
const seconds1 = (ms: number) => (ms / 1000).toFixed(1);

if (partCounts.length > 1) {
  // One child per part count, one after the other, each printing its own result line.
  const results: Record<string, string>[] = [];
  for (const parts of partCounts) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1], String(orderCount), String(timeoutSeconds), String(parts)],
      { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: { ...process.env, BULK_BENCH_CHILD: "1" } },
    );
    process.stdout.write(child.stdout.replace(/^RESULT .*\n/m, ""));
    const line = child.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (child.status !== 0 || !line) process.exit(child.status ?? 1);
    results.push(JSON.parse(line.slice("RESULT ".length)));
  }
  console.log(
    `(bulk split) ${orderCount.toLocaleString("en")} orders, first sync split into N concurrent Bulk Operations:`,
  );
  for (const r of results) {
    console.log(
      `    N=${r.parts}: wall ${r.wall} s, ${r.rate} orders/s, first download at ${r.firstDownload} s, PEAK RSS ${r.peakRss}, peak heap ${r.peakHeap}`,
    );
  }
  console.log(`    command: ${command} ${orderCount} ${timeoutSeconds} ${partCounts.join(",")}`);
  process.exit(0);
}
const [parts] = partCounts;
const app = { apiKey: "bench-bulk-key", apiSecret: "bench-bulk-secret" };
const domain = "bench-bulk.myshopify.com";
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en")} MB`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const emulatorUrl = `http://127.0.0.1:${port}`;
const emulator = spawn(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", "src/emulator/main.ts"], {
  env: {
    ...process.env,
    SHOPIFY_EMULATOR_PORT: String(port),
    SHOPIFY_API_KEY: app.apiKey,
    SHOPIFY_API_SECRET: app.apiSecret,
    EMULATOR_SNAPSHOT: "",
    EMULATOR_DEMO: "",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const deadline = setTimeout(() => {
  console.error(`bulk-sync bench: no result within ${timeoutSeconds} s`);
  emulator.kill();
  process.exit(1);
}, timeoutSeconds * 1000);
deadline.unref();

const baseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const name = testDatabaseName("shipsmart_bench_bulk");
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${emulatorUrl}/__emulator/health`)).ok) break;
    } catch {
      if (tries > 200) throw new Error("the emulator did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const generationStarted = performance.now();
  const created = await fetch(`${emulatorUrl}/__emulator/shops`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ domain, plan: "plus", orders: orderCount, seed: 12 }),
  });
  if (created.status !== 201) throw new Error(`could not create the shop: ${await created.text()}`);
  console.log(
    `    emulator: ${orderCount.toLocaleString("en")} orders generated in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s`,
  );

  process.env.APP_URL = "http://127.0.0.1:3999";
  process.env.SHOPIFY_EMULATOR_URL = emulatorUrl;
  const shopify = createShopify({ ...app, appUrl: process.env.APP_URL, emulatorUrl });
  const handle = await openDb({ databaseUrl: await createPostgresDatabase(baseUrl, name) });
  await migrateDb(handle);
  await seedRates(handle.db);
  const deps = { db: handle.db, shopify };
  await connectThroughEmulator(deps, domain, emulatorUrl);
  const [store] = await handle.db.select().from(stores).where(eq(stores.shopDomain, domain));
  await handle.db
    .update(stores)
    .set({ defaultIncoterm: "DAP", defaultExportReason: "sale" })
    .where(eq(stores.id, store.id));

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const { run } = await requestSync(handle.db, store.id, "manual", null);
  const started = performance.now();
  // The result files are read with the global fetch (the Admin API goes through the seam's own).
  let firstDownload: number | null = null;
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input).includes("/__emulator/bulk/"))
      firstDownload ??= performance.now() - started;
    return realFetch(input, init);
  }) as typeof fetch;
  const result = (await executeRun(deps, run.id, { bulkParts: parts }))!;
  const wallMs = performance.now() - started;
  globalThis.fetch = realFetch;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  if (result.status !== "succeeded") throw new Error(`run ${result.status}: ${result.errorCode} ${result.error}`);
  const rate = Math.round(result.fetched / (wallMs / 1000)).toLocaleString("en");
  console.log(
    `(bulk) ${result.fetched.toLocaleString("en")} orders, first sync through ${parts === 1 ? "a Bulk Operation" : `${parts} concurrent Bulk Operations`} into PostgreSQL in ` +
      `${seconds1(wallMs)} s = ${rate} orders/s (emulator's export included; first result download after ` +
      `${firstDownload === null ? "never (paged sync)" : seconds1(firstDownload)} s); RSS before ${mb(before)}, PEAK RSS ${mb(peak)}, peak heap ${mb(peakHeap)}` +
      `\n    command: ${command} ${orderCount} ${timeoutSeconds} ${parts}`,
  );
  const summary = {
    parts,
    wall: seconds1(wallMs),
    rate,
    firstDownload: firstDownload === null ? "never (paged sync)" : seconds1(firstDownload),
    peakRss: mb(peak),
    peakHeap: mb(peakHeap),
  };
  if (process.env.BULK_BENCH_CHILD) console.log(`RESULT ${JSON.stringify(summary)}`);
  await handle.close();
} finally {
  emulator.kill();
  await dropPostgresDatabase(baseUrl, name).catch(() => {});
}
process.exit(0);
