// Bulk first sync benchmark (issue 12): a store of N orders (100,000 by default) synced for the
// first time through the emulator's Bulk Operation into PostgreSQL, reporting orders/s and this
// process's PEAK RSS — the number that shows whether the bulk result is streamed (bounded by a
// batch) or held whole. The emulator runs in a child process so its own memory (every order, the
// JSONL it serves) is not counted; everything listens on 127.0.0.1 only.
//   node --conditions=react-server --import tsx scripts/bench/bulk-sync.ts [orders] [timeoutSeconds]
import { spawn } from "node:child_process";
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
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const { run } = await requestSync(handle.db, store.id, "manual", null);
  const started = performance.now();
  const result = (await executeRun(deps, run.id))!;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  if (result.status !== "succeeded") throw new Error(`run ${result.status}: ${result.errorCode} ${result.error}`);
  console.log(
    `(bulk) ${result.fetched.toLocaleString("en")} orders, first sync through a Bulk Operation into PostgreSQL in ` +
      `${seconds.toFixed(1)} s = ${Math.round(result.fetched / seconds).toLocaleString("en")} orders/s ` +
      `(emulator's export included); RSS before ${mb(before)}, PEAK RSS ${mb(peak)}`,
  );
  await handle.close();
} finally {
  emulator.kill();
  await dropPostgresDatabase(baseUrl, name).catch(() => {});
}
process.exit(0);
