// npm run dev — the embedded default: the Shopify emulator (with the demo stores), the PTAX
// emulator (exchange rates), the carrier emulators (UPS, FedEx, DHL Express) and the dashboard side by side, sharing the development Shopify app credentials from .data/.
import { spawn, type ChildProcess } from "node:child_process";
import { loadDevSecrets } from "../src/server/env";

const emulatorPort = Number(process.env.SHOPIFY_EMULATOR_PORT ?? 4010);
const secrets = loadDevSecrets();
const shared = {
  ...process.env,
  SHOPIFY_API_KEY: process.env.SHOPIFY_API_KEY || secrets.shopifyApiKey,
  SHOPIFY_API_SECRET: process.env.SHOPIFY_API_SECRET || secrets.shopifyApiSecret,
};
const emulatorUrl = process.env.SHOPIFY_EMULATOR_URL || `http://127.0.0.1:${emulatorPort}`;
// The local Banco Central PTAX service, unless PTAX_API_URL points elsewhere (e.g. the real one).
const ptaxPort = Number(process.env.PTAX_EMULATOR_PORT ?? 4020);
const ptaxApiUrl = process.env.PTAX_API_URL || `http://127.0.0.1:${ptaxPort}/olinda/servico/PTAX/versao/v1/odata/`;

// The local UPS, FedEx and DHL Express APIs, unless CARRIER_EMULATOR_URL points elsewhere.
const carrierPort = Number(process.env.CARRIER_EMULATOR_PORT ?? 4030);
const carrierEmulatorUrl = process.env.CARRIER_EMULATOR_URL || `http://127.0.0.1:${carrierPort}`;

const children: ChildProcess[] = [];
function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (shuttingDown) return;
    console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
function shutdown(code: number) {
  shuttingDown = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve))),
    ),
  ).then(() => process.exit(code));
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

if (!process.env.SHOPIFY_EMULATOR_URL) {
  start("The Shopify emulator", process.execPath, ["--import", "tsx", "src/emulator/main.ts"], {
    ...shared,
    SHOPIFY_EMULATOR_PORT: String(emulatorPort),
    EMULATOR_DEMO: "1",
    EMULATOR_SNAPSHOT: process.env.EMULATOR_SNAPSHOT ?? ".data/emulator-state.json",
  });
}
if (!process.env.PTAX_API_URL) {
  start("The PTAX emulator", process.execPath, ["--import", "tsx", "src/emulator/ptax/main.ts"], {
    ...process.env,
    PTAX_EMULATOR_PORT: String(ptaxPort),
  });
}
if (!process.env.CARRIER_EMULATOR_URL) {
  start("The carrier emulators", process.execPath, ["--import", "tsx", "src/emulator/carriers/main.ts"], {
    ...process.env,
    CARRIER_EMULATOR_PORT: String(carrierPort),
  });
}
start("Next.js", process.execPath, ["node_modules/next/dist/bin/next", "dev", ...process.argv.slice(2)], {
  ...shared,
  SHOPIFY_EMULATOR_URL: emulatorUrl,
  PTAX_API_URL: ptaxApiUrl,
  CARRIER_EMULATOR_URL: carrierEmulatorUrl,
  // The demo store is connected on first start, through the real OAuth code path.
  SHOPIFY_EMULATOR_AUTOCONNECT: process.env.SHOPIFY_EMULATOR_AUTOCONNECT ?? "loja-demo.myshopify.com",
});
