// Reads every order of a Standard-plan store (5,000 orders by default) through the dashboard's
// GraphQL wrapper against the emulator, and compares the wall time with the least time the
// leaky bucket allows: (total requested cost − initial bucket) / restore rate.
//   node --import tsx scripts/bench/shopify-throttle.ts [orders] [pageSize]
import { Session } from "@shopify/shopify-api";
import { PLAN_LIMITS } from "../../src/emulator/bucket";
import { createShop } from "../../src/emulator/control";
import { createEmulator } from "../../src/emulator/server";
import { createShopify } from "../../src/server/shopify/api";
import { shopifyGraphql } from "../../src/server/shopify/graphql";
import { ORDER_IDS_QUERY } from "../../src/server/shopify/operations";

const orderCount = Number(process.argv[2] ?? 5_000);
const pageSize = Number(process.argv[3] ?? 100);
const app = { apiKey: "bench-key", apiSecret: "bench-secret" };
const shopDomain = "bench-standard.myshopify.com";

const emulator = createEmulator({ app });
await emulator.listen(0);
createShop(emulator.state, { domain: shopDomain, plan: "standard", orders: orderCount, seed: 5 });
const { access } = emulator.state.issueTokens(shopDomain, "read_orders", true);
const shopify = createShopify({ ...app, appUrl: "http://127.0.0.1:3999", emulatorUrl: emulator.url });
const session = new Session({
  id: `offline_${shopDomain}`,
  shop: shopDomain,
  state: "",
  isOnline: false,
  accessToken: access.token,
});

let after: string | null = null;
let read = 0;
let requested = 0;
let requests = 0;
const started = performance.now();
do {
  const page: {
    data: { orders: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    cost: { requestedQueryCost: number } | null;
  } = await shopifyGraphql(shopify, session, ORDER_IDS_QUERY, { first: pageSize, after });
  read += page.data.orders.nodes.length;
  requested += page.cost?.requestedQueryCost ?? 0;
  requests++;
  after = page.data.orders.pageInfo.hasNextPage ? page.data.orders.pageInfo.endCursor : null;
} while (after);
const seconds = (performance.now() - started) / 1000;
await emulator.close();

const { maximumAvailable, restoreRate } = PLAN_LIMITS.standard;
const bound = Math.max(0, (requested - maximumAvailable) / restoreRate);
const throttled = emulator.state.requestLog.filter((entry) => entry.throttled).length;
console.log(`orders read:      ${read.toLocaleString("en")} in ${requests} pages of ${pageSize}`);
console.log(
  `requested cost:   ${requested.toLocaleString("en")} points (bucket ${maximumAvailable}, restore ${restoreRate}/s)`,
);
console.log(`bucket bound:     ${bound.toFixed(1)} s`);
console.log(`wall time:        ${seconds.toFixed(1)} s  (ratio ${(seconds / bound).toFixed(3)})`);
console.log(`THROTTLED answers: ${throttled}`);
