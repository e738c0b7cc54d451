import "server-only";
// Sign-in throttling: at most MAX_FAILURES failed attempts per email + IP in WINDOW_MS.
// Counted in the database so that every instance behind a load balancer shares the count.
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { signInFailures } from "../db/schema";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export function rateLimitKey(email: string, ip: string): string {
  return `${email.toLowerCase()}|${ip}`;
}

export async function isSignInBlocked(db: Db, key: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [{ failures }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gt(signInFailures.failedAt, since)));
  return failures >= MAX_FAILURES;
}

export async function recordSignInFailure(db: Db, key: string, now = new Date()): Promise<void> {
  await db.insert(signInFailures).values({ key, failedAt: now });
  // Old rows are useless once outside every window; trim them as we go.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, new Date(now.getTime() - WINDOW_MS)));
}

export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
