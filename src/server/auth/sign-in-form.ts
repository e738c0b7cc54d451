import "server-only";
// The sign-in form's submission: credentials from the POSTed form (never from a URL), the client
// address from the trusted proxy hops, the throttle, then a new session.
import { headers } from "next/headers";
import { safeReturnPath } from "@/domain/return-path";
import { getDb } from "../db/client";
import { PEER_ADDRESS_HEADER } from "../http/peer-address";
import { trustedProxyHops } from "../env";
import { clientIp } from "./client-ip";
import { checkCredentials } from "./sign-in";
import { startSession } from "./start-session";

export type SignInFormResult =
  { ok: true; returnTo: string } | { ok: false; reason: "invalid" | "rate_limited"; email: string };

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export async function submitSignInForm(formData: FormData): Promise<SignInFormResult> {
  const email = field(formData, "email");
  const requestHeaders = await headers();
  const ip = clientIp(
    { forwardedFor: requestHeaders.get("x-forwarded-for"), peerAddress: requestHeaders.get(PEER_ADDRESS_HEADER) },
    trustedProxyHops(),
  );
  const result = await checkCredentials(await getDb(), { email, password: field(formData, "password") }, ip);
  if (!result.ok) return { ok: false, reason: result.reason, email: email.slice(0, 254) };
  await startSession(result.user);
  return { ok: true, returnTo: safeReturnPath(field(formData, "callbackUrl")) };
}
