// Label purchase benchmark (issue 14), against the carrier emulators in this process:
//  1. our overhead per label — the purchase service, the client's request building and answer
//     parsing, and the storage — with the time spent waiting on the carrier's HTTP answers
//     excluded (measured around every fetch the clients make): median and p95 over 30 labels per
//     carrier, bought one by one;
//  2. 100 labels per carrier bought in one "Generate documents" selection while the emulator
//     enforces a rate limit per carrier (UPS and DHL 10 requests/s — neither publishes one; FedEx
//     140/s, its 1,400 per 10 s): the wall time, labels per second and the 429s the emulator had to
//     answer (the target is none: the clients pace themselves).
// Runs on PGlite (in memory), or on a throwaway PostgreSQL database when DATABASE_URL is set.
//   node --conditions=react-server --import tsx scripts/bench/labels.ts [--single 30] [--bulk 100]
import { performance } from "node:perf_hooks";
import { and, eq, inArray, ne } from "drizzle-orm";
import { CARRIER_SERVICES } from "../../src/domain/carrier-services";
import { createShop } from "../../src/emulator/control";
import { CARRIER_MODULES } from "../../src/emulator/carriers/modules";
import { createCarrierEmulator } from "../../src/emulator/carriers/server";
import { createEmulator } from "../../src/emulator/server";
import type { ApiCarrier } from "../../src/server/carriers/api";
import { carrierDirectory } from "../../src/server/carriers/directory";
import { orders, shipments, stores, users } from "../../src/server/db/schema";
import { assignStoreCarrierAccount, createCarrierAccount } from "../../src/server/services/carrier-accounts";
import { issueDocuments } from "../../src/server/services/documents";
import { connectThroughEmulator } from "../../src/server/services/emulator-connect";
import { executeRun } from "../../src/server/services/sync/execute-run";
import { requestSync } from "../../src/server/services/sync/runs";
import { createShopify } from "../../src/server/shopify/api";
import { completeShipperFromNfeKey, prepareForExport } from "../../tests/helpers/export-setup";
import { createTestDb } from "../../tests/helpers/test-db";

const CARRIERS: ApiCarrier[] = ["ups", "fedex", "dhl"];
const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SINGLE = arg("single", 30);
const BULK = arg("bulk", 100);
const ORDERS = Math.ceil((SINGLE + BULK) * 3 * 4.2);
const RATE_LIMITS = { ups: 10, fedex: 140, dhl: 10 };
const ACCOUNT_NUMBERS: Record<ApiCarrier, string> = { ups: "B3N5H1", fedex: "740561073", dhl: "123456789" };
const APP = { apiKey: "bench-labels-key", apiSecret: "bench-labels-secret" };
const SHOP = "loja-bench-etiquetas.myshopify.com";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const shopifyEmulator = createEmulator({ app: APP });
await shopifyEmulator.listen(0);
// A Shopify Plus store: its higher GraphQL restore rate keeps the set-up sync short.
createShop(shopifyEmulator.state, { domain: SHOP, name: "Loja Bench", orders: ORDERS, seed: 14, plan: "plus" });
const carriers = createCarrierEmulator({ modules: CARRIER_MODULES, rateLimits: RATE_LIMITS });
await carriers.listen(0);
process.env.APP_URL = "http://127.0.0.1:3990";
process.env.SHOPIFY_EMULATOR_URL = shopifyEmulator.url;
process.env.CARRIER_EMULATOR_URL = carriers.url;
const shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: shopifyEmulator.url });
const testDb = await createTestDb();
const db = testDb.db;

try {
  const [user] = await db
    .insert(users)
    .values({ email: "bench@example.com", name: "Bench Operator", passwordHash: "x", role: "admin" })
    .returning();
  const operator = { id: user.id, name: user.name };
  await connectThroughEmulator({ db, shopify }, SHOP, shopifyEmulator.url);
  const [store] = await db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  await prepareForExport(db, store.id);
  const { run } = await requestSync(db, store.id, "manual", null);
  await executeRun({ db, shopify }, run.id, { sleep: async () => {} });
  await completeShipperFromNfeKey(db, store, operator.id);
  for (const carrier of CARRIERS) {
    const credentials = {
      clientId: `${carrier}-bench`,
      clientSecret: "bench-secret",
      accountNumber: ACCOUNT_NUMBERS[carrier],
    };
    carriers.registerAccount({ carrier, ...credentials });
    const account = await createCarrierAccount(
      db,
      { carrier, name: `${carrier} bench`, environment: "test", ...credentials },
      operator,
    );
    await assignStoreCarrierAccount(db, { storeId: store.id, carrier, accountId: account.id }, operator);
  }

  const ready = await db
    .select({ id: shipments.id })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(
      and(
        eq(shipments.status, "ready"),
        inArray(shipments.carrier, ["ups", "fedex", "dhl"]),
        ne(orders.fulfillmentStatus, "FULFILLED"),
      ),
    )
    .orderBy(orders.name);
  const needed = CARRIERS.length * (SINGLE + BULK);
  if (ready.length < needed) throw new Error(`only ${ready.length} ready shipments, ${needed} needed`);
  let next = 0;
  async function take(carrier: ApiCarrier, count: number): Promise<string[]> {
    const ids = ready.slice(next, next + count).map((row) => row.id);
    next += count;
    await db
      .update(shipments)
      .set({ carrier, service: CARRIER_SERVICES[carrier][0].name })
      .where(inArray(shipments.id, ids));
    return ids;
  }

  // Time spent waiting on the carrier (the emulator's work and the loopback), measured per fetch.
  let carrierMs = 0;
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      carrierMs += performance.now() - started;
    }
  };
  const directory = carrierDirectory(db, { fetch: timedFetch });
  const deps = { db, carriers: directory, shopify };

  console.log(`label purchase overhead (adapter + storage, carrier time excluded), ${SINGLE} labels per carrier:`);
  for (const carrier of CARRIERS) {
    const ids = await take(carrier, SINGLE);
    await issueDocuments(deps, [ids[0]], operator); // warm-up: token, JIT
    const overheads: number[] = [];
    for (const id of ids.slice(1)) {
      carrierMs = 0;
      const started = performance.now();
      await issueDocuments(deps, [id], operator);
      overheads.push(performance.now() - started - carrierMs);
    }
    overheads.sort((a, b) => a - b);
    console.log(
      `  ${carrier.padEnd(5)} median ${percentile(overheads, 50).toFixed(1)} ms, p95 ${percentile(overheads, 95).toFixed(1)} ms`,
    );
  }

  console.log(
    `${BULK} labels in one selection per carrier, emulator limits ${JSON.stringify(RATE_LIMITS)} requests/s:`,
  );
  let ok = true;
  for (const carrier of CARRIERS) {
    const ids = await take(carrier, BULK);
    const before = carriers.requests(carrier).length;
    const started = performance.now();
    const outcome = await issueDocuments(deps, ids, operator);
    const seconds = (performance.now() - started) / 1000;
    const log = carriers.requests(carrier).slice(before);
    const refused = log.filter((entry) => entry.status === 429).length;
    ok &&= refused === 0 && outcome.issued.length === BULK;
    console.log(
      `  ${carrier.padEnd(5)} ${outcome.issued.length}/${BULK} issued in ${seconds.toFixed(1)} s ` +
        `(${(outcome.issued.length / seconds).toFixed(1)} labels/s, ${log.length} requests, ${refused} answered 429)` +
        (outcome.failed.length ? `, ${outcome.failed.length} failed: ${outcome.failed[0].error.code}` : ""),
    );
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  await carriers.close();
  await shopifyEmulator.close();
  await testDb.cleanup();
}
