// Runs once when the server process starts (src/instrumentation.ts): checks the configuration,
// applies pending migrations (inside the server process, which owns the embedded database),
// and on a brand-new development database creates the demo accounts.
import { getDbHandle } from "./db/client";
import { migrateDb } from "./db/migrate";
import {
  ALLOW_EMULATORS_VARIABLE,
  carrierEmulatorUrl,
  emulatorVariables,
  isProduction,
  missingProductionEnv,
  ptaxApiUrl,
  refusedEmulatorVariables,
  settings,
  shopifyEmulatorUrl,
} from "./env";
import { seedDemoUsers } from "./services/demo-users";

/** Development: connect the emulator's demo store on first start, once the emulator answers. */
async function connectDemoStore(shop: string, emulatorUrl: string) {
  const [{ getDb }, { findStoreByDomain }, { connectThroughEmulator }, { getShopify }] = await Promise.all([
    import("./db/client"),
    import("./queries/stores"),
    import("./services/emulator-connect"),
    import("./shopify/api"),
  ]);
  const db = await getDb();
  if (await findStoreByDomain(db, shop)) return;
  for (let attempt = 1; attempt <= 30; attempt++) {
    try {
      await connectThroughEmulator({ db, shopify: getShopify() }, shop, emulatorUrl);
      console.log(`  Connected the emulator's demo store ${shop}.`);
      return;
    } catch (error) {
      if (attempt === 30) console.error(`  Could not connect the demo store ${shop}:`, error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/**
 * With CARRIER_EMULATOR_URL: the emulated carrier accounts (services/emulated-carrier-accounts.ts),
 * retried until the emulator answers, as `npm run dev` starts it beside the server.
 */
async function bootstrapCarrierAccounts() {
  const [{ getDb }, { bootstrapEmulatedCarrierAccounts }] = await Promise.all([
    import("./db/client"),
    import("./services/emulated-carrier-accounts"),
  ]);
  const db = await getDb();
  for (let attempt = 1; attempt <= 30; attempt++) {
    try {
      const result = await bootstrapEmulatedCarrierAccounts(db);
      if (result?.created) console.log(`  Created ${result.created} emulated carrier accounts.`);
      return;
    } catch (error) {
      if (attempt === 30) console.error("  Could not register the carrier accounts with the carrier emulator:", error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** The value an emulator variable takes, as the code that uses it reads it. */
function emulatorSetting(name: string): string | undefined {
  if (name === "SHOPIFY_EMULATOR_URL") return shopifyEmulatorUrl();
  if (name === "CARRIER_EMULATOR_URL") return carrierEmulatorUrl();
  return ptaxApiUrl();
}

/** Production never talks to an emulator by mistake; the test harness's escape hatch is announced at every start. */
function refuseEmulatorsInProduction() {
  const refused = refusedEmulatorVariables();
  if (refused.length > 0) {
    console.error(
      `\nShipSmart cannot start: ${refused.join(", ")} ${refused.length > 1 ? "point" : "points"} at an emulator, ` +
        `which production must not use (Shopify OAuth, the API secret and Admin calls, labels and pickups, or the exchange rates, ` +
        `would go there).\nUnset ${refused.length > 1 ? "them" : "it"} (PTAX_API_URL must be https on a real host). ` +
        `See README.md (Configuration).\n`,
    );
    process.exit(1);
  }
  const allowed = emulatorVariables();
  if (allowed.length > 0) {
    const banner = "!".repeat(78);
    console.warn(
      [
        "",
        banner,
        `  ${ALLOW_EMULATORS_VARIABLE}=1: this production server uses local emulators — for tests only.`,
        ...allowed.map((name) => `  ${name}=${emulatorSetting(name)}`),
        banner,
        "",
      ].join("\n"),
    );
  }
}

export async function startServer(): Promise<void> {
  if (isProduction) {
    const missing = missingProductionEnv();
    if (missing.length > 0) {
      console.error(
        `\nShipSmart cannot start: missing required environment variable${missing.length > 1 ? "s" : ""}: ` +
          `${missing.join(", ")}.\nSee README.md (Configuration) and .env.example.\n`,
      );
      process.exit(1);
    }
    refuseEmulatorsInProduction();
  }
  const handle = await getDbHandle();
  await migrateDb(handle);
  const { demoUsers, syncWorker, ptaxRefresh, shopifyEmulatorAutoconnect } = settings();
  if (!isProduction && demoUsers) {
    const created = await seedDemoUsers(handle.db);
    if (created.length > 0) {
      const lines = created.map((u) => `  ${u.role.padEnd(8)}  ${u.email.padEnd(28)}  ${u.password}`);
      console.log(
        [
          "",
          "  ShipSmart demo accounts (shown once — keep them, or reset with `npm run user:password`):",
          ...lines,
          "",
        ].join("\n"),
      );
    }
  }
  // Picks up queued runs and runs a dead process left behind; SYNC_WORKER=off leaves that to `npm run worker`.
  if (syncWorker) {
    const { startSyncWorker } = await import("./services/sync/background");
    startSyncWorker();
  }
  // Carrier tracking of bought labels, every TRACKING_POLL_MINUTES (services/tracking/schedule.ts);
  // TRACKING_POLL_MINUTES=off leaves it to `npm run tracking:poll` or `npm run worker`.
  if (syncWorker) {
    const { startTrackingPoll } = await import("./services/tracking/schedule");
    startTrackingPoll();
  }
  // Fulfillment holds on drafts in Shopify, every minute (services/fulfillment-holds-schedule.ts),
  // beside the sync worker: SYNC_WORKER=off leaves them to `npm run worker`.
  if (syncWorker) {
    const { startHoldsSchedule } = await import("./services/fulfillment-holds-schedule");
    startHoldsSchedule();
  }
  // PTAX exchange rates for the US$ limit: at start when missing, then daily after the closing
  // bulletin (src/server/exchange-rates/schedule.ts); PTAX_REFRESH=off leaves it to `npm run rates:refresh`.
  if (ptaxRefresh) {
    const { startExchangeRateSchedule } = await import("./exchange-rates/schedule");
    startExchangeRateSchedule();
  }
  const autoConnect = shopifyEmulatorAutoconnect;
  const emulatorUrl = shopifyEmulatorUrl();
  if (!isProduction && autoConnect && emulatorUrl) {
    // In the background: the server must be listening before the emulator's first webhook arrives.
    setTimeout(() => void connectDemoStore(autoConnect, emulatorUrl), 500);
  }
  // Development and the e2e harness's emulated production (env.ts refuses it otherwise).
  if (carrierEmulatorUrl()) void bootstrapCarrierAccounts();
}
