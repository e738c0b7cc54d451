import "server-only";
// Development and the e2e harness (CARRIER_EMULATOR_URL set; production refuses the variable):
// a fresh database gets one emulated account per API carrier, every connected store ships with
// them, and at every start the emulator — which keeps its accounts in memory — learns every stored
// account's credentials again. So `npm run dev` on a fresh clone ships the demo store through the
// emulated carriers with no setup. Everything here is idempotent and safe to run concurrently.
import crypto from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { ACCOUNT_CARRIERS, type AccountCarrier } from "@/domain/carrier-account-options";
import { CARRIERS } from "@/domain/carrier-registry";
import { readCredentials } from "../carriers/directory";
import type { Db } from "../db/client";
import { carrierAccounts, storeCarrierAccounts, stores } from "../db/schema";
import { carrierEmulatorUrl } from "../env";
import { createCarrierAccount } from "./carrier-accounts";

const LOCK = "carrier-accounts:emulated";

const digits = (count: number) => Array.from({ length: count }, () => crypto.randomInt(10)).join("");
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A random account number in the carrier's format (carrier-account-form.ts). */
function emulatedAccountNumber(carrier: AccountCarrier): string {
  if (carrier === "ups") return Array.from({ length: 6 }, () => ALPHANUMERIC[crypto.randomInt(36)]).join("");
  if (carrier === "fedex") return `7${digits(8)}`;
  return `9${digits(8)}`;
}

/** On a database without any carrier account: one per API carrier, created once (under a lock). */
async function createEmulatedAccounts(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${LOCK}))`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(carrierAccounts);
    if (count > 0) return 0;
    for (const carrier of ACCOUNT_CARRIERS) {
      await createCarrierAccount(
        tx,
        {
          carrier,
          name: `${CARRIERS[carrier].name} (emulator)`,
          environment: "test",
          clientId: `emulated-${carrier}-${crypto.randomBytes(6).toString("hex")}`,
          clientSecret: crypto.randomBytes(24).toString("base64url"),
          accountNumber: emulatedAccountNumber(carrier),
        },
        null,
      );
    }
    return ACCOUNT_CARRIERS.length;
  });
}

/** Gives the store, for every carrier it has no account for, the carrier's oldest account. */
async function assignToStore(db: Db, storeId: string): Promise<void> {
  for (const carrier of ACCOUNT_CARRIERS) {
    const [account] = await db
      .select({ id: carrierAccounts.id })
      .from(carrierAccounts)
      .where(eq(carrierAccounts.carrier, carrier))
      .orderBy(asc(carrierAccounts.createdAt), asc(carrierAccounts.id))
      .limit(1);
    if (!account) continue;
    // A store that has one (chosen by an admin, or by a concurrent run) keeps it.
    await db
      .insert(storeCarrierAccounts)
      .values({ storeId, carrier, carrierAccountId: account.id })
      .onConflictDoNothing();
  }
}

/**
 * Called when a store connects (store-connection.ts): with the emulator, the store ships every
 * carrier it has no account for with the emulated ones. A no-op without CARRIER_EMULATOR_URL.
 */
export async function assignEmulatedAccounts(db: Db, storeId: string): Promise<void> {
  if (!carrierEmulatorUrl()) return;
  await assignToStore(db, storeId);
}

/** Tells the emulator every stored account's credentials (it forgets them when it restarts). */
async function registerWithEmulator(db: Db, emulatorUrl: string, fetchImpl: typeof fetch): Promise<number> {
  const accounts = await db.select().from(carrierAccounts);
  let registered = 0;
  for (const account of accounts) {
    let credentials;
    try {
      credentials = readCredentials(account);
    } catch {
      // Encrypted under another key: nothing to tell; the admin enters it again.
      continue;
    }
    const response = await fetchImpl(`${emulatorUrl}/__carriers/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ carrier: account.carrier, ...credentials }),
    });
    // Refused (e.g. a secret longer than the emulator takes): that account's tests fail there, visibly.
    if (response.ok) registered++;
    else console.warn(`  The carrier emulator refused the account "${account.name}" (HTTP ${response.status}).`);
  }
  return registered;
}

/**
 * At server start: on a database without carrier accounts the emulated ones, assigned to every
 * connected store; and every account registered with the emulator. Throws when the emulator does not answer (the
 * caller retries); a no-op without CARRIER_EMULATOR_URL.
 */
export async function bootstrapEmulatedCarrierAccounts(
  db: Db,
  options: { fetch?: typeof fetch } = {},
): Promise<{ created: number; registered: number } | null> {
  const emulatorUrl = carrierEmulatorUrl();
  if (!emulatorUrl) return null;
  const created = await createEmulatedAccounts(db);
  // Only with the accounts just made: a later start leaves the stores as an admin set them (stores
  // that connect later are given the accounts by assignEmulatedAccounts).
  if (created > 0) {
    const connected = await db.select({ id: stores.id }).from(stores).where(eq(stores.status, "connected"));
    for (const store of connected) await assignToStore(db, store.id);
  }
  const registered = await registerWithEmulator(db, emulatorUrl, options.fetch ?? fetch);
  return { created, registered };
}
