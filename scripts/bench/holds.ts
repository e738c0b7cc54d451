// Fulfillment holds benchmark (issue 17), against the emulator in-process and PostgreSQL: how long
// putting a first sync's drafts on hold takes on the Standard plan (100 points/s), and releasing
// them again (the store turns holds off) — holds/s, Shopify requests and points per draft, and the
// wall time against the bucket's bound ((points spent − initial bucket) / restore rate). The sync
// itself runs on an unthrottled plan first: its cost is not what is measured here.
//   node --conditions=react-server --import tsx scripts/bench/holds.ts [orders]
import { count, eq, isNotNull, and } from "drizzle-orm";
import { PLAN_LIMITS } from "../../src/emulator/bucket";
import { createShop } from "../../src/emulator/control";
import { createEmulator } from "../../src/emulator/server";
import { openDb } from "../../src/server/db/client";
import { migrateDb } from "../../src/server/db/migrate";
import { shipments, stores } from "../../src/server/db/schema";
import { queueStoreHolds, reconcileHolds, type HoldsOutcome } from "../../src/server/services/fulfillment-holds";
import { completeConnection } from "../../src/server/services/store-connection";
import { executeRun } from "../../src/server/services/sync/execute-run";
import { requestSync } from "../../src/server/services/sync/runs";
import { createShopify } from "../../src/server/shopify/api";
import { SHOPIFY_SCOPES } from "../../src/server/shopify/scopes";
import { installedSession } from "./emulator-session";
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseName } from "../../tests/helpers/test-db";

const ORDERS = Number(process.argv[2] ?? 1_000);
const DOMAIN = "bench-holds.myshopify.com";
const app = { apiKey: "bench-holds-key", apiSecret: "bench-holds-secret" };
const emulator = createEmulator({ app });
await emulator.listen(0);
process.env.APP_URL = "http://127.0.0.1:3998";
process.env.SHOPIFY_EMULATOR_URL = emulator.url;
const shopify = createShopify({ ...app, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
const baseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const name = testDatabaseName("shipsmart_bench_holds");
const handle = await openDb({ databaseUrl: await createPostgresDatabase(baseUrl, name) });

/** Every due shipment reconciled, round after round as the background loop does; with the figures. */
async function roundsUntilDone() {
  const shop = emulator.state.shop(DOMAIN)!;
  const logStart = emulator.state.requestLog.length;
  const total: HoldsOutcome = { held: 0, released: 0, unchanged: 0, failed: 0 };
  const started = performance.now();
  for (;;) {
    const outcome = await reconcileHolds({ db: handle.db, shopify }, { limit: 50 });
    for (const key of Object.keys(total) as (keyof HoldsOutcome)[]) total[key] += outcome[key];
    if (outcome.held + outcome.released + outcome.unchanged + outcome.failed === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const requests = emulator.state.requestLog.slice(logStart).filter((entry) => entry.path.endsWith("/graphql.json"));
  const points = requests.reduce((sum, entry) => sum + (entry.actualCost ?? 0), 0);
  const throttled = requests.filter((entry) => entry.throttled).length;
  const { maximumAvailable, restoreRate } = PLAN_LIMITS[shop.profile.plan];
  const bound = Math.max(0, points - maximumAvailable) / restoreRate;
  return { total, seconds, requests: requests.length, points, throttled, bound };
}

function report(label: string, figures: Awaited<ReturnType<typeof roundsUntilDone>>, done: number) {
  const { total, seconds, requests, points, throttled, bound } = figures;
  console.log(
    `${label}: ${done.toLocaleString("en")} drafts in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(1)}/s; ` +
      `${requests.toLocaleString("en")} requests (${(requests / done).toFixed(2)} per draft), ` +
      `${points.toLocaleString("en")} points (${(points / done).toFixed(1)} per draft), ${throttled} THROTTLED; ` +
      `bucket bound ${bound.toFixed(1)} s (wall ÷ bound ${(seconds / Math.max(bound, 0.001)).toFixed(2)}); ` +
      `outcome ${JSON.stringify(total)}`,
  );
}

try {
  await migrateDb(handle);
  createShop(emulator.state, { domain: DOMAIN, plan: "enterprise", orders: ORDERS, seed: 17 });
  const session = installedSession(emulator, DOMAIN, SHOPIFY_SCOPES);
  await completeConnection({ db: handle.db, shopify }, session, null);
  const [store] = await handle.db.select().from(stores).where(eq(stores.shopDomain, DOMAIN));
  const { run } = await requestSync(handle.db, store.id, "manual", null);
  await executeRun({ db: handle.db, shopify }, run.id, { bulkThreshold: 0 });
  const [{ drafts }] = await handle.db.select({ drafts: count() }).from(shipments).where(eq(shipments.status, "draft"));
  console.log(`${ORDERS.toLocaleString("en")} orders synced: ${drafts.toLocaleString("en")} drafts to hold`);

  // The holds go out on the Standard plan, sharing its bucket as they would in production.
  emulator.state.setPlan(DOMAIN, "standard");
  const holding = await roundsUntilDone();
  report("hold (Standard plan)", holding, holding.total.held + holding.total.unchanged);

  await handle.db.update(stores).set({ fulfillmentHolds: false }).where(eq(stores.id, store.id));
  await queueStoreHolds(handle.db, store.id);
  const releasing = await roundsUntilDone();
  report("release (Standard plan)", releasing, releasing.total.released + releasing.total.unchanged);
  const [{ left }] = await handle.db
    .select({ left: count() })
    .from(shipments)
    .where(and(eq(shipments.storeId, store.id), isNotNull(shipments.holdNotes)));
  if (left > 0) throw new Error(`${left} holds were not released`);
} finally {
  await handle.close();
  await dropPostgresDatabase(baseUrl, name);
  await emulator.close();
}
