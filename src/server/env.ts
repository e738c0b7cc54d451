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
