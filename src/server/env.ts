// Configuration from the environment. In production every secret must be set; in development
// missing secrets are generated once into .data/ so that a fresh clone runs with no setup.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const isProduction = process.env.NODE_ENV === "production";

/** Variables the app refuses to start without in production. */
export const REQUIRED_IN_PRODUCTION = [
  ["AUTH_SECRET", "NEXTAUTH_SECRET"],
  ["APP_URL"],
  ["APP_ENCRYPTION_KEY"],
  ["SHOPIFY_API_KEY"],
  ["SHOPIFY_API_SECRET"],
] as const;

export function missingProductionEnv(env: Record<string, string | undefined> = process.env): string[] {
  return REQUIRED_IN_PRODUCTION.filter((names) => !names.some((name) => env[name])).map((names) => names.join(" or "));
}

/**
 * The escape hatch for the test harness (scripts/with-server.mjs), which runs a production build
 * against the local emulators. It allows loopback emulators only, and the server says so loudly.
 */
export const ALLOW_EMULATORS_VARIABLE = "ALLOW_EMULATORS_IN_PRODUCTION";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname;
    return LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** A PTAX_API_URL production may use: https (the rates decide customs paperwork) on a real host. */
function isProductionPtaxUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:" && !isLoopbackUrl(value);
  } catch {
    return false;
  }
}

/**
 * The variables that point the app at an emulator: with SHOPIFY_EMULATOR_URL, OAuth, the token
 * exchange (with the API secret) and every Admin call go to that host; a PTAX_API_URL that is
 * not https on a real host is the PTAX emulator (or a man in the middle) deciding exchange rates.
 */
export function emulatorVariables(env: Record<string, string | undefined> = process.env): string[] {
  const found: string[] = [];
  if (env.SHOPIFY_EMULATOR_URL) found.push("SHOPIFY_EMULATOR_URL");
  const ptax = env.PTAX_API_URL?.trim();
  if (ptax && !isProductionPtaxUrl(ptax)) found.push("PTAX_API_URL");
  return found;
}

/**
 * The emulator variables production refuses to start with: all of them, unless the test
 * harness's escape hatch is set — which still refuses an emulator that is not on this machine.
 */
export function refusedEmulatorVariables(env: Record<string, string | undefined> = process.env): string[] {
  const found = emulatorVariables(env);
  if (env[ALLOW_EMULATORS_VARIABLE] !== "1") return found;
  return found.filter((name) => !isLoopbackUrl(env[name]!.trim()));
}

/** SHOPIFY_EMULATOR_URL, checked again where it is used, so that no code path (the worker, a CLI) skips the refusal. */
export function shopifyEmulatorUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const url = env.SHOPIFY_EMULATOR_URL || undefined;
  if (url && env.NODE_ENV === "production" && refusedEmulatorVariables(env).includes("SHOPIFY_EMULATOR_URL")) {
    throw new Error(
      `SHOPIFY_EMULATOR_URL is set in production: it would send OAuth, the API secret and every Admin call to ${url}`,
    );
  }
  return url;
}

interface DevSecrets {
  authSecret: string;
  encryptionKey: string;
  /** The credentials shared by the dashboard and the local Shopify emulator in development. */
  shopifyApiKey: string;
  shopifyApiSecret: string;
}

function generateDevSecrets(): DevSecrets {
  return {
    authSecret: crypto.randomBytes(32).toString("base64url"),
    encryptionKey: crypto.randomBytes(32).toString("base64"),
    shopifyApiKey: `dev-${crypto.randomBytes(8).toString("hex")}`,
    shopifyApiSecret: crypto.randomBytes(24).toString("hex"),
  };
}

let devSecrets: DevSecrets | undefined;

export const DEV_SECRETS_FILE = path.join(".data", "dev-secrets.json");

/** Development secrets, generated once into .data/ (fields added later are filled in). */
export function loadDevSecrets(): DevSecrets {
  if (devSecrets) return devSecrets;
  const file = path.join(process.cwd(), DEV_SECRETS_FILE);
  let stored: Partial<DevSecrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DevSecrets>;
  } catch {
    // first start
  }
  devSecrets = { ...generateDevSecrets(), ...stored };
  if (Object.keys(stored).length !== Object.keys(devSecrets).length) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(devSecrets, null, 2), { mode: 0o600 });
  }
  return devSecrets;
}

export function authSecret(): string {
  const configured = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (isProduction) throw new Error("AUTH_SECRET (or NEXTAUTH_SECRET) is not set");
  return loadDevSecrets().authSecret;
}

export function encryptionKey(): string {
  const configured = process.env.APP_ENCRYPTION_KEY;
  if (configured) return configured;
  if (isProduction) throw new Error("APP_ENCRYPTION_KEY is not set");
  return loadDevSecrets().encryptionKey;
}

export function appUrl(): string {
  return process.env.APP_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * How many reverse proxies of our own stand in front of the server (TRUSTED_PROXY_HOPS, default 0):
 * the client address is then the one the outermost of them appended to X-Forwarded-For.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const value = env.TRUSTED_PROXY_HOPS?.trim();
  if (!value) return 0;
  if (!/^\d{1,2}$/.test(value))
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 99, not "${value}"`);
  return Number(value);
}

export function shopifyCredentials(): { apiKey: string; apiSecret: string } {
  const apiKey = process.env.SHOPIFY_API_KEY;
  const apiSecret = process.env.SHOPIFY_API_SECRET;
  if (apiKey && apiSecret) return { apiKey, apiSecret };
  if (isProduction) throw new Error("SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set");
  const dev = loadDevSecrets();
  return { apiKey: dev.shopifyApiKey, apiSecret: dev.shopifyApiSecret };
}
