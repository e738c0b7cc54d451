import type { SessionUser } from "@/server/auth/session-user";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Read from the database on every request; absent when the session was revoked. */
    user?: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version at sign-in; the session is void once the user's version moved on. */
    sessionVersion?: number;
  }
}
