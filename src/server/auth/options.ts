import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "@/domain/users";
import { getDb } from "../db/client";
import { appUrl, authSecret } from "../env";
import { checkCredentials } from "./sign-in";

// next-auth 4 reads its own base URL from NEXTAUTH_URL; we configure one APP_URL.
process.env.NEXTAUTH_URL ??= appUrl();

/** Message codes the sign-in form understands (next-auth passes a thrown message through). */
export const SIGN_IN_RATE_LIMITED = "RateLimited";

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  if (typeof value === "string" && value.trim()) return value.split(",")[0].trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : "unknown";
}

export const authOptions: NextAuthOptions = {
  // A getter, so the secret is read when a request needs it, not while `next build` loads modules.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await checkCredentials(await getDb(), credentials, clientIp(req?.headers));
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new Error(SIGN_IN_RATE_LIMITED);
          return null;
        }
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = (user as { role?: Role }).role;
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
};
