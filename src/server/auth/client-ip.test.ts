import { describe, expect, it } from "vitest";
import { clientIp, UNKNOWN_IP } from "./client-ip";

describe("clientIp", () => {
  it("with no trusted proxy takes the socket address and ignores X-Forwarded-For", () => {
    expect(clientIp({ forwardedFor: "6.6.6.6", peerAddress: "203.0.113.7" }, 0)).toBe("203.0.113.7");
    expect(clientIp({ forwardedFor: "1.1.1.1, 2.2.2.2", peerAddress: "203.0.113.7" }, 0)).toBe("203.0.113.7");
  });

  it("with one trusted proxy takes the right-most entry, whatever the client put before it", () => {
    expect(clientIp({ forwardedFor: "6.6.6.6, 198.51.100.4", peerAddress: "10.0.0.2" }, 1)).toBe("198.51.100.4");
    expect(clientIp({ forwardedFor: "198.51.100.4", peerAddress: "10.0.0.2" }, 1)).toBe("198.51.100.4");
  });

  it("with N trusted proxies takes the N-th entry from the right", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.4, 10.0.0.9";
    expect(clientIp({ forwardedFor, peerAddress: "10.0.0.2" }, 2)).toBe("198.51.100.4");
    expect(clientIp({ forwardedFor, peerAddress: "10.0.0.2" }, 3)).toBe("6.6.6.6");
  });

  it("falls back to the socket address when the header has fewer entries than trusted proxies", () => {
    expect(clientIp({ forwardedFor: "6.6.6.6", peerAddress: "10.0.0.2" }, 2)).toBe("10.0.0.2");
    expect(clientIp({ forwardedFor: undefined, peerAddress: "10.0.0.2" }, 1)).toBe("10.0.0.2");
    expect(clientIp({ forwardedFor: "", peerAddress: "10.0.0.2" }, 1)).toBe("10.0.0.2");
  });

  it("never keys on something that is not an address", () => {
    expect(clientIp({ forwardedFor: "6.6.6.6, not-an-ip", peerAddress: "10.0.0.2" }, 1)).toBe(UNKNOWN_IP);
    expect(clientIp({ forwardedFor: null, peerAddress: undefined }, 0)).toBe(UNKNOWN_IP);
    expect(clientIp({ forwardedFor: null, peerAddress: "garbage" }, 0)).toBe(UNKNOWN_IP);
  });

  it("treats an IPv4-mapped IPv6 peer as the IPv4 client and accepts IPv6", () => {
    expect(clientIp({ forwardedFor: null, peerAddress: "::ffff:203.0.113.7" }, 0)).toBe("203.0.113.7");
    expect(clientIp({ forwardedFor: "2001:DB8::1", peerAddress: "10.0.0.2" }, 1)).toBe("2001:db8::1");
  });
});
