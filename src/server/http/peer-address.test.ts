import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "./peer-address";

let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHeader();
  server = http.createServer((request, response) => {
    response.end(JSON.stringify({ peer: request.headers[PEER_ADDRESS_HEADER] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function peerSeen(headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return ((await response.json()) as { peer: string | null }).peer;
}

describe("the peer address header", () => {
  it("carries the socket address of every request", async () => {
    expect(await peerSeen()).toBe("127.0.0.1");
  });

  it("replaces whatever a client sent under that name", async () => {
    expect(await peerSeen({ [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" })).toBe("127.0.0.1");
  });

  it("is installed once however often it is asked", async () => {
    installPeerAddressHeader();
    expect(await peerSeen({ [PEER_ADDRESS_HEADER]: "6.6.6.6" })).toBe("127.0.0.1");
  });
});
