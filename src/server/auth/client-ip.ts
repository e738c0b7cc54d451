// Which address a sign-in attempt comes from. X-Forwarded-For is a list the client starts and
// every proxy appends to (the address it received the request from), so only the entries our own
// proxies appended can be believed: with N trusted hops that is the N-th entry from the right.
// With no proxy (0 hops) only the TCP peer address is the client's; the header is ignored.
import { isIP } from "node:net";

/** Stands in for an address we could not determine; such attempts share one throttle bucket. */
export const UNKNOWN_IP = "unknown";

export interface ClientIpSource {
  /** The X-Forwarded-For header as received (repeated headers joined with commas). */
  forwardedFor: string | null | undefined;
  /** The TCP peer address of the connection (see src/server/http/peer-address.ts). */
  peerAddress: string | null | undefined;
}

function normalize(address: string | null | undefined): string | null {
  const trimmed = address?.trim() ?? "";
  if (!isIP(trimmed)) return null;
  // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; it is the same client.
  return trimmed.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

export function clientIp({ forwardedFor, peerAddress }: ClientIpSource, trustedProxyHops: number): string {
  const peer = normalize(peerAddress) ?? UNKNOWN_IP;
  if (trustedProxyHops <= 0) return peer;
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim());
  // Fewer entries than proxies: the request did not come through all of them, so nothing in the
  // header was written by a proxy we trust.
  if (!forwardedFor || entries.length < trustedProxyHops) return peer;
  return normalize(entries[entries.length - trustedProxyHops]) ?? UNKNOWN_IP;
}
