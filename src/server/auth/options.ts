import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import { getDb } from "../db/client";
import { authSecret, provideNextAuthUrl } from "../env";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./session-cookie";
import { findSessionUser } from "./session-user";
import { decodeSessionToken } from "./session-token-cache";

// next-auth 4 reads its own base URL from NEXTAUTH_URL; we configure one APP_URL.
provideNextAuthUrl();

// next-auth serves the session (/api/auth/session, getServerSession) and sign-out. Sign-in is our
// own form action (src/app/(auth)/sign-in/actions.ts), which works without JavaScript, so there is
// no next-auth provider: /api/auth/callback/* signs nobody in.
export const authOptions: NextAuthOptions = {
  // A getter, so the secret is read when a request needs it, not while `next build` loads modules.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { decode: decodeSessionToken },
  cookies: { sessionToken: sessionCookie() },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    // Everything about the user comes from the database on every request, so a changed role shows
    // at once and a revoked session (password set, account deactivated or reactivated) has no user.
    async session({ session, token }) {
      const user = await findSessionUser(await getDb(), token);
      // `{}` is next-auth's own answer for "no session".
      return user ? { ...session, user } : ({} as Session);
    },
  },
};
