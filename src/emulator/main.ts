// npm run emulator — the local Shopify. Configuration from the environment:
//   SHOPIFY_EMULATOR_PORT (4010), SHOPIFY_API_KEY / SHOPIFY_API_SECRET (the app it serves; the
//   development app's when unset),
//   EMULATOR_PUBLIC_URL (how the app reaches it), EMULATOR_SNAPSHOT (a JSON file to keep state
//   across restarts), EMULATOR_DEMO=1 (create the demo stores on an empty state).
import { shopifyCredentials } from "../server/env";
import { createShop } from "./control";
import { createEmulator } from "./server";
import { loadSnapshot, saveSnapshot } from "./snapshot";

export const DEMO_SHOP = "loja-demo.myshopify.com";
export const SECOND_DEMO_SHOP = "loja-segunda.myshopify.com";

// Without explicit credentials it serves the development app of this checkout (.data/dev-secrets.json).
const { apiKey, apiSecret } = shopifyCredentials();
const port = Number(process.env.SHOPIFY_EMULATOR_PORT ?? 4010);
const snapshotFile = process.env.EMULATOR_SNAPSHOT || undefined;
const app = { apiKey, apiSecret };

const state = (snapshotFile && loadSnapshot(snapshotFile, app)) || undefined;
let dirty = false;
const emulator = createEmulator({
  app,
  state,
  publicUrl: process.env.EMULATOR_PUBLIC_URL || undefined,
  onChange: () => (dirty = true),
});

if (process.env.EMULATOR_DEMO === "1" && emulator.state.shops.size === 0) {
  createShop(emulator.state, { domain: DEMO_SHOP, name: "Loja Demo Artesanato", orders: 60, seed: 20261126 });
  createShop(emulator.state, {
    domain: SECOND_DEMO_SHOP,
    name: "Segunda Loja Moda Praia",
    orders: 25,
    seed: 7,
    plan: "advanced",
  });
  dirty = true;
}

const url = await emulator.listen(port, "127.0.0.1");
console.log(`Shopify emulator on ${url} — shops: ${[...emulator.state.shops.keys()].join(", ") || "none"}`);

if (snapshotFile) {
  const save = () => {
    if (!dirty) return;
    dirty = false;
    saveSnapshot(emulator.state, snapshotFile);
  };
  setInterval(save, 2_000).unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      save();
      process.exit(0);
    });
  }
}
