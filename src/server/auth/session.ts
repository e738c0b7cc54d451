import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/domain/users";
import { getDb } from "../db/client";
import type { User } from "../db/schema";
import { findUserById } from "../queries/users";
import { authOptions } from "./options";

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "locale">;

/**
 * The signed-in user, read fresh from the database once per request: a deactivated account
 * or a changed role takes effect on the next request, not when the JWT expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(await getDb(), id);
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
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
