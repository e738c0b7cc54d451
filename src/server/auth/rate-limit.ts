import "server-only";
// Sign-in throttling, counted in the database so that every instance behind a load balancer
// shares the count. Two limits over the same window:
// - per email + IP (MAX_FAILURES): someone mistyping, or one attacker, is stopped quickly;
// - per email from any IP (MAX_ACCOUNT_FAILURES): an attacker with many addresses still gets only
//   this many guesses at one account per window. The price: such an attacker can keep the
//   account's owner from signing in while the attack lasts.
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { signInFailures } from "../db/schema";

export const MAX_FAILURES = 5;
export const MAX_ACCOUNT_FAILURES = 20;
export const WINDOW_MS = 15 * 60 * 1000;

export interface SignInKeys {
  /** The email from one address. */
  client: string;
  /** The email from anywhere. */
  account: string;
}

export function signInKeys(email: string, ip: string): SignInKeys {
  const normalized = email.toLowerCase();
  return { client: `ip:${normalized}|${ip}`, account: `account:${normalized}` };
}

async function failuresSince(db: Db, key: string, since: Date): Promise<number> {
  const [{ failures }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.failedAt, since)));
  return failures;
}

export async function isSignInBlocked(db: Db, keys: SignInKeys, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [client, account] = await Promise.all([
    failuresSince(db, keys.client, since),
    failuresSince(db, keys.account, since),
  ]);
  return client >= MAX_FAILURES || account >= MAX_ACCOUNT_FAILURES;
}

export async function recordSignInFailure(db: Db, keys: SignInKeys, now = new Date()): Promise<void> {
  await db.insert(signInFailures).values([
    { key: keys.client, failedAt: now },
    { key: keys.account, failedAt: now },
  ]);
  // Old rows are useless once outside every window; trim them as we go.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, new Date(now.getTime() - WINDOW_MS)));
}

/**
 * After a successful sign-in the count for that email and address starts again. The account's
 * count does not: it bounds how many wrong passwords any number of addresses may try per window.
 */
export async function clearSignInFailures(db: Db, keys: SignInKeys): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.client));
}
