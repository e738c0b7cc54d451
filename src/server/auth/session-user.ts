import "server-only";
// Whether a session token still stands, decided from the database on every request: the user
// must exist, be active and still be at the session version the token was issued for. Setting a
// password and (de)activating an account bump the version, which ends every earlier session.
import type { JWT } from "next-auth/jwt";
import type { Db } from "../db/client";
import type { User } from "../db/schema";
import { findUserById } from "../queries/users";

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "locale">;

export async function findSessionUser(db: Db, token: Pick<JWT, "sub" | "sessionVersion">): Promise<SessionUser | null> {
  if (!token.sub || typeof token.sessionVersion !== "number") return null;
  const user = await findUserById(db, token.sub);
  if (!user || !user.active || user.sessionVersion !== token.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}
