#!/usr/bin/env node
// Runs a command against a production server of its own:
//   node scripts/with-server.mjs npx playwright test
// Builds the app (unless E2E_SKIP_BUILD=1), gives it a database of its own (a temporary PGlite
// directory, or a new randomly named PostgreSQL database when DATABASE_URL is set), creates the
// test admin, starts the Shopify emulator (E2E_PORT+1), the PTAX emulator (E2E_PORT+2) and the
// carrier emulators (E2E_PORT+3), starts
// `next start` in its own process group, runs the command with E2E_BASE_URL
// and the admin's credentials in its environment, and tears everything down again — also when
// the command fails or the run is interrupted.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;
const cleanups = [];

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

async function prepareDatabase() {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipsmart-e2e-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return { PGLITE_DIR: path.join(dir, "pglite"), DATABASE_URL: "" };
  }
  const name = `shipsmart_e2e_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const sql = postgres(base, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString() };
}

/** Refuses to start next to a leftover server: its answers would be taken for ours. */
async function assertPortFree(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
  } catch {
    return;
  }
  throw new Error(`port ${port} is already in use — stop what runs there (or set E2E_PORT) and try again`);
}

async function waitFor(url, child, name) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy within 120 s`);
}

/** Stops a process started with `detached: true` together with its children (next-server). */
function stopGroup(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 5000).unref();
  });
}

async function main() {
  const accounts = {
    E2E_ADMIN_EMAIL: "admin@e2e.test",
    E2E_ADMIN_PASSWORD: `Adm-${crypto.randomBytes(9).toString("base64url")}`,
  };
  const env = {
    ...process.env,
    ...(await prepareDatabase()),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: baseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    APP_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    SHOPIFY_API_KEY: "e2e-api-key",
    SHOPIFY_API_SECRET: crypto.randomBytes(16).toString("hex"),
  };

  await assertPortFree(port);
  await assertPortFree(port + 1);
  await assertPortFree(port + 2);
  if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
  run(
    "npm",
    [
      "run",
      "--silent",
      "user:create",
      "--",
      "--email",
      accounts.E2E_ADMIN_EMAIL,
      "--role",
      "admin",
      "--name",
      "Ana Admin",
      "--password",
      accounts.E2E_ADMIN_PASSWORD,
    ],
    env,
  );

  // The Shopify emulator with its demo stores, for the server and for the tests' control calls.
  const emulatorUrl = `http://127.0.0.1:${port + 1}`;
  const emulatorLog = fs.openSync(path.join(os.tmpdir(), `shipsmart-e2e-emulator-${port}.log`), "w");
  const emulator = spawn(process.execPath, ["--import", "tsx", "src/emulator/main.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "development", SHOPIFY_EMULATOR_PORT: String(port + 1), EMULATOR_DEMO: "1" },
    detached: true,
    stdio: ["ignore", emulatorLog, emulatorLog],
  });
  cleanups.unshift(() => stopGroup(emulator));
  await waitFor(`${emulatorUrl}/__emulator/health`, emulator, "the Shopify emulator");
  env.SHOPIFY_EMULATOR_URL = emulatorUrl;

  // The Banco Central's PTAX service (exchange rates), which the server refreshes from at start.
  const ptaxUrl = `http://127.0.0.1:${port + 2}`;
  const ptaxLog = fs.openSync(path.join(os.tmpdir(), `shipsmart-e2e-ptax-${port}.log`), "w");
  const ptax = spawn(process.execPath, ["--import", "tsx", "src/emulator/ptax/main.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "development", PTAX_EMULATOR_PORT: String(port + 2) },
    detached: true,
    stdio: ["ignore", ptaxLog, ptaxLog],
  });
  cleanups.unshift(() => stopGroup(ptax));
  await waitFor(`${ptaxUrl}/__ptax/health`, ptax, "the PTAX emulator");
  env.PTAX_API_URL = `${ptaxUrl}/olinda/servico/PTAX/versao/v1/odata/`;

  // The UPS, FedEx and DHL Express APIs (labels, pickups, tracking, live rates).
  const carriersUrl = `http://127.0.0.1:${port + 3}`;
  const carriersLog = fs.openSync(path.join(os.tmpdir(), `shipsmart-e2e-carriers-${port}.log`), "w");
  const carriers = spawn(process.execPath, ["--import", "tsx", "src/emulator/carriers/main.ts"], {
    cwd: root,
    env: { ...env, NODE_ENV: "development", CARRIER_EMULATOR_PORT: String(port + 3) },
    detached: true,
    stdio: ["ignore", carriersLog, carriersLog],
  });
  cleanups.unshift(() => stopGroup(carriers));
  await waitFor(`${carriersUrl}/__carriers/health`, carriers, "the carrier emulators");
  env.CARRIER_EMULATOR_URL = carriersUrl;

  // Production refuses emulator URLs; this named escape hatch (loopback emulators only, announced
  // in the server log at start) is set here and nowhere else.
  env.ALLOW_EMULATORS_IN_PRODUCTION = "1";

  const log = fs.openSync(path.join(os.tmpdir(), `shipsmart-e2e-server-${port}.log`), "w");
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    detached: true, // its own process group, so that next-server dies with it
    stdio: ["ignore", log, log],
  });
  cleanups.unshift(() => stopGroup(server));
  await waitFor(`${baseUrl}/api/health`, server, "next start");

  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: node scripts/with-server.mjs <command> [args…]");
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...env,
      NODE_ENV: "test",
      E2E_BASE_URL: baseUrl,
      E2E_EMULATOR_URL: emulatorUrl,
      E2E_PTAX_URL: ptaxUrl,
      E2E_CARRIERS_URL: carriersUrl,
      ...accounts,
    },
  });
  return result.status ?? 1;
}

// One cleanup, however many times it is asked for (a signal can arrive while main() ends).
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.splice(0)) {
      try {
        await step();
      } catch (error) {
        console.error("cleanup:", error.message);
      }
    }
  })();
  return cleaning;
}

process.on("SIGINT", () => cleanup().then(() => process.exit(130)));
process.on("SIGTERM", () => cleanup().then(() => process.exit(143)));

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(code);
