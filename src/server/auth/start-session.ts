import "server-only";
// Starts a session after a successful sign-in: a next-auth JWT (encrypted with AUTH_SECRET) that
// carries the user's id and session version, never the role, which is read on every request.
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { Db } from "../db/client";
import type { User } from "../db/schema";
import { findUserById } from "../queries/users";
import { authSecret } from "../env";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";

export async function startSession(user: Pick<User, "id" | "email" | "name" | "sessionVersion">): Promise<void> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const { name, options } = sessionCookie();
  (await cookies()).set(name, token, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}

/**
 * Signs the browser out: the session is the JWT cookie alone (no server-side row), so removing it
 * ends it. Done here rather than through next-auth's client `signOut`, which would put next-auth's
 * browser library (11 kB of gzip JavaScript) on every page for one button.
 */
export async function endSession(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

/** A new session at the user's current version, for the user whose own change ended theirs. */
export async function restartSession(db: Db, userId: string): Promise<void> {
  const user = await findUserById(db, userId);
  if (user?.active) await startSession(user);
}
