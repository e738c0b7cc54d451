import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/domain/users";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

export type CurrentUser = SessionUser;

/**
 * The signed-in user, read fresh from the database once per request (next-auth's session
 * callback, findSessionUser): a deactivated account, a changed role or a session ended by a
 * password change takes effect on the next request, not when the JWT expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
});

export function hasRole(user: Pick<CurrentUser, "role">, role: Role): boolean {
  return role === "operator" || user.role === "admin";
}

/** For pages: sends a signed-out visitor to sign-in and back. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For pages: 403 when the signed-in user lacks the role. */
export async function requireRole(role: Role, returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!hasRole(user, role)) forbidden();
  return user;
}
