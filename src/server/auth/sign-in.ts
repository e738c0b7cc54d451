import "server-only";
import { eq, sql } from "drizzle-orm";
import { signInSchema } from "@/domain/users";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { findUserByEmail } from "../queries/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import { clearSignInFailures, isSignInBlocked, recordSignInFailure, signInKeys } from "./rate-limit";

export type SignInResult = { ok: true; user: User } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks credentials. Unknown email, wrong password and a deactivated account all give the
 * same "invalid" answer, in about the same time, so that nobody can probe which emails exist.
 */
export async function checkCredentials(
  db: Db,
  credentials: unknown,
  ip: string,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = signInKeys(email, ip);
  if (await isSignInBlocked(db, keys, now)) return { ok: false, reason: "rate_limited" };

  const user = await findUserByEmail(db, email);
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !passwordMatches || !user.active) {
    await recordSignInFailure(db, keys, now);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(db, keys);
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { ok: true, user };
}
