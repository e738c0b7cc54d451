// The session cookie's claims, decrypted once and kept until the token expires. Every request
// decrypts its cookie twice — in proxy.ts, then in the page's getServerSession — and each time
// next-auth derives the key anew (HKDF) and decrypts (AES-GCM): ~4 % of the server's CPU per
// request under 50 operators (npm run bench:load -- --cpu-prof). A cookie decrypts to the same
// claims every time, so a decrypted one is served from here. Whether the session still counts is
// not decided by the claims: the session callback reads the user on every request (a revoked or
// deactivated session has no user however its cookie decrypts).
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// ~1 kB each: a few thousand signed-in browsers per instance before the oldest is decrypted again.
const MAX_ENTRIES = 2_000;

interface Entry {
  secret: JWTDecodeParams["secret"];
  salt: string | undefined;
  claims: JWT;
  expiresAtMs: number;
}

const entries = new Map<string, Entry>();

/** next-auth's `decode`, remembered per token until its `exp` (a token without one is not kept). */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const entry = entries.get(token);
  if (entry && entry.secret === secret && entry.salt === salt && Date.now() < entry.expiresAtMs) {
    entries.delete(token); // most recently used last
    entries.set(token, entry);
    return { ...entry.claims };
  }
  if (entry) entries.delete(token);
  const claims = await decode(params);
  if (claims && typeof claims.exp === "number") {
    entries.set(token, { secret, salt, claims: { ...claims }, expiresAtMs: claims.exp * 1000 });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  }
  return claims;
}

/** For tests: how many tokens are kept. */
export function keptSessionTokens(): number {
  return entries.size;
}
