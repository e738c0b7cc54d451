import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";

// Each refused start still binds a port first (Next listens before it runs instrumentation): one
// next to the harness's own, so that parallel runs on other E2E ports do not collide.
const port = String(Number(new URL(process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100").port) + 9);

/** Starts the production server with `env` on top of the harness's, until it exits (or 45 s). */
async function startProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
    env: { ...process.env, PORT: port, ...env, NODE_ENV: "production" },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      resolve(null);
    }, 45_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {}
  return { code, output };
}

test("in production the app refuses to start without its secrets, naming the missing variable", async () => {
  const { code, output } = await startProduction({ AUTH_SECRET: "", NEXTAUTH_SECRET: "", APP_ENCRYPTION_KEY: "" });
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain(
    "missing required environment variables: AUTH_SECRET or NEXTAUTH_SECRET, APP_ENCRYPTION_KEY",
  );
});

test("in production the app refuses to start with an emulator URL, naming it", async () => {
  // Every secret is set (the harness's); only the escape hatch the harness uses is taken away.
  const { code, output } = await startProduction({
    SHOPIFY_EMULATOR_URL: "http://127.0.0.1:4010",
    CARRIER_EMULATOR_URL: "http://127.0.0.1:4030",
    PTAX_API_URL: "http://127.0.0.1:4020/olinda/servico/PTAX/versao/v1/odata/",
    ALLOW_EMULATORS_IN_PRODUCTION: "",
  });
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain(
    "ShipSmart cannot start: SHOPIFY_EMULATOR_URL, CARRIER_EMULATOR_URL, PTAX_API_URL point at an emulator",
  );
});

test("the escape hatch accepts loopback emulators only", async () => {
  const { code, output } = await startProduction({
    SHOPIFY_EMULATOR_URL: "https://shopify-stand-in.example.com",
    PTAX_API_URL: "",
    ALLOW_EMULATORS_IN_PRODUCTION: "1",
  });
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain("ShipSmart cannot start: SHOPIFY_EMULATOR_URL points at an emulator");
});
