// Runs once when the server process starts (src/instrumentation.ts): checks the configuration,
// applies pending migrations (inside the server process, which owns the embedded database),
// and on a brand-new development database creates the demo accounts.
import { getDbHandle } from "./db/client";
import { migrateDb } from "./db/migrate";
import { isProduction, missingProductionEnv } from "./env";
import { seedDemoUsers } from "./services/demo-users";

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
  }
  const handle = await getDbHandle();
  await migrateDb(handle);
  if (!isProduction && process.env.DEMO_USERS !== "off") {
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
}
