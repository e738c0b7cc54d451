// Configuration from the environment: every setting the dashboard, the worker and the CLI read goes
// through this module (the emulators and scripts/ are separate programs with their own). In
// production every secret must be set; in development missing secrets are generated once into .data/
// so that a fresh clone runs with no setup.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

type Env = Record<string, string | undefined>;

export const isProduction = process.env.NODE_ENV === "production";

// An empty variable counts as unset, as `VAR= npm start` means.
const unsetWhenEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (fallback: string) => z.preprocess(unsetWhenEmpty, z.string().default(fallback));
const optionalText = z.preprocess(unsetWhenEmpty, z.string().optional());
const wholeNumber = (fallback: number, max: number) =>
  z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `a whole number from 0 to ${max}`)
      .transform(Number)
      .refine((n) => n <= max, `a whole number from 0 to ${max}`)
      .default(fallback),
  );
/** A switch that is on unless set to "off". */
const onUnlessOff = z.preprocess(unsetWhenEmpty, z.string().optional()).transform((value) => value !== "off");

const settingsSchema = z.object({
  DATABASE_URL: optionalText,
  PGLITE_DIR: text(".data/pglite"),
  DATABASE_POOL_SIZE: wholeNumber(10, 1000),
  DEMO_USERS: onUnlessOff,
  SYNC_WORKER: onUnlessOff,
  SYNC_INTERVAL_MINUTES: wholeNumber(0, 1440),
  PTAX_REFRESH: onUnlessOff,
  // "off" reads as 0 (no in-process tracking poll; `npm run tracking:poll` still works).
  TRACKING_POLL_MINUTES: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "off" ? "0" : value),
    wholeNumber(10, 1440),
  ),
  TRACKING_CLAIM_LIMIT: wholeNumber(200, 5000),
  NFE_METAFIELD_NAMESPACE: text("nfe"),
  NFE_METAFIELD_KEY: text("access_key"),
  NFE_NOTE_ATTRIBUTE: text("nfe_access_key"),
  SHOPIFY_EMULATOR_AUTOCONNECT: optionalText,
});

/** The plain settings (secrets, URLs and the emulator refusals have their own functions below). */
interface Settings {
  /** PostgreSQL; unset, the embedded PGlite database in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  databasePoolSize: number;
  /** DEMO_USERS=off skips the demo accounts on an empty development database. */
  demoUsers: boolean;
  /** SYNC_WORKER=off leaves queued runs to `npm run worker`. */
  syncWorker: boolean;
  /** Minutes between scheduled syncs of every connected store; 0, none. */
  syncIntervalMinutes: number;
  /** Minutes between tracking polls in the server process; 0 (or "off"), none. */
  trackingPollMinutes: number;
  /** Most shipments one tracking poll claims (the rest wait for the next poll). */
  trackingClaimLimit: number;
  /** PTAX_REFRESH=off leaves the exchange rates to `npm run rates:refresh`. */
  ptaxRefresh: boolean;
  /** Where a store keeps the NF-e access key: a metafield, else a note attribute. */
  nfeMetafield: { namespace: string; key: string };
  nfeNoteAttribute: string;
  /** Development: the emulator store `npm run dev` connects by itself. */
  shopifyEmulatorAutoconnect: string | undefined;
}

/**
 * The settings, validated: a malformed value stops whoever reads it, naming the variable. Read at
 * each call (it is cheap), so a test or a CLI may change the environment before using a setting.
 */
export function settings(env: Env = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment variable${problems.length > 1 ? "s" : ""}: ${problems.join("; ")}`);
  }
  const v = parsed.data;
  return {
    databaseUrl: v.DATABASE_URL,
    pgliteDir: v.PGLITE_DIR,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    demoUsers: v.DEMO_USERS,
    syncWorker: v.SYNC_WORKER,
    syncIntervalMinutes: v.SYNC_INTERVAL_MINUTES,
    ptaxRefresh: v.PTAX_REFRESH,
    trackingPollMinutes: v.TRACKING_POLL_MINUTES,
    trackingClaimLimit: v.TRACKING_CLAIM_LIMIT,
    nfeMetafield: { namespace: v.NFE_METAFIELD_NAMESPACE, key: v.NFE_METAFIELD_KEY },
    nfeNoteAttribute: v.NFE_NOTE_ATTRIBUTE,
    shopifyEmulatorAutoconnect: v.SHOPIFY_EMULATOR_AUTOCONNECT,
  };
}

/** Variables the app refuses to start without in production. */
const REQUIRED_IN_PRODUCTION = [
  ["AUTH_SECRET", "NEXTAUTH_SECRET"],
  ["APP_URL"],
  ["APP_ENCRYPTION_KEY"],
  ["SHOPIFY_API_KEY"],
  ["SHOPIFY_API_SECRET"],
] as const;

export function missingProductionEnv(env: Env = process.env): string[] {
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
export function emulatorVariables(env: Env = process.env): string[] {
  const found: string[] = [];
  if (env.SHOPIFY_EMULATOR_URL) found.push("SHOPIFY_EMULATOR_URL");
  if (env.CARRIER_EMULATOR_URL) found.push("CARRIER_EMULATOR_URL");
  const ptax = env.PTAX_API_URL?.trim();
  if (ptax && !isProductionPtaxUrl(ptax)) found.push("PTAX_API_URL");
  return found;
}

/**
 * The emulator variables production refuses to start with: all of them, unless the test
 * harness's escape hatch is set — which still refuses an emulator that is not on this machine.
 */
export function refusedEmulatorVariables(env: Env = process.env): string[] {
  const found = emulatorVariables(env);
  if (env[ALLOW_EMULATORS_VARIABLE] !== "1") return found;
  return found.filter((name) => !isLoopbackUrl(env[name]!.trim()));
}

export const PTAX_DEFAULT_URL = "https://olinda.bcb.gov.br/olinda/servico/PTAX/versao/v1/odata/";

/**
 * PTAX_API_URL, the OData root (ending in /odata/); the Banco Central's own when unset. Production
 * refuses an emulator's here too, so that `rates:refresh` cannot skip the server's start check.
 */
export function ptaxApiUrl(env: Env = process.env): string {
  if (env.NODE_ENV === "production" && refusedEmulatorVariables(env).includes("PTAX_API_URL")) {
    throw new Error(`PTAX_API_URL is not https on a real host, which production refuses: ${env.PTAX_API_URL}`);
  }
  const configured = env.PTAX_API_URL?.trim() || PTAX_DEFAULT_URL;
  return configured.endsWith("/") ? configured : `${configured}/`;
}

/** SHOPIFY_EMULATOR_URL, checked again where it is used, so that no code path (the worker, a CLI) skips the refusal. */
export function shopifyEmulatorUrl(env: Env = process.env): string | undefined {
  const url = env.SHOPIFY_EMULATOR_URL || undefined;
  if (url && env.NODE_ENV === "production" && refusedEmulatorVariables(env).includes("SHOPIFY_EMULATOR_URL")) {
    throw new Error(
      `SHOPIFY_EMULATOR_URL is set in production: it would send OAuth, the API secret and every Admin call to ${url}`,
    );
  }
  return url;
}

/**
 * CARRIER_EMULATOR_URL: every carrier client (UPS, FedEx, DHL Express) talks to the carrier emulators
 * there instead of the carriers' hosts. Production refuses it, like SHOPIFY_EMULATOR_URL.
 */
export function carrierEmulatorUrl(env: Env = process.env): string | undefined {
  const url = env.CARRIER_EMULATOR_URL?.trim() || undefined;
  if (url && env.NODE_ENV === "production" && refusedEmulatorVariables(env).includes("CARRIER_EMULATOR_URL")) {
    throw new Error(`CARRIER_EMULATOR_URL is set in production: labels and pickups would go to ${url}`);
  }
  return url?.replace(/\/+$/, "");
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

const DEV_SECRETS_FILE = path.join(".data", "dev-secrets.json");

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

/** next-auth reads NEXTAUTH_URL itself: give it the dashboard's URL unless it is set. */
export function provideNextAuthUrl(): void {
  process.env.NEXTAUTH_URL ??= appUrl();
}

/**
 * How many reverse proxies of our own stand in front of the server (TRUSTED_PROXY_HOPS, default 0):
 * the client address is then the one the outermost of them appended to X-Forwarded-For.
 */
export function trustedProxyHops(env: Env = process.env): number {
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
