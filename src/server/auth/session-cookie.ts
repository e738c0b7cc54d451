// The session cookie, named and set as next-auth names and sets its own, so that next-auth
// (/api/auth/session, sign-out), getToken in the proxy and our sign-in all use the same one.
import { appUrl } from "../env";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function sessionCookie() {
  const secure = appUrl().startsWith("https://");
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
