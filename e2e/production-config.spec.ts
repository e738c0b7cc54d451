import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";

test("in production the app refuses to start without its secrets, naming the missing variable", async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: "",
    NEXTAUTH_SECRET: "",
    APP_ENCRYPTION_KEY: "",
    PORT: "3199",
  };
  const child = spawn("npx", ["next", "start", "-p", "3199", "-H", "127.0.0.1"], { env, detached: true });
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
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).toContain(
    "missing required environment variables: AUTH_SECRET or NEXTAUTH_SECRET, APP_ENCRYPTION_KEY",
  );
});
