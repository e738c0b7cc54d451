// The TCP peer address of each request, as a request header the rest of the app can read.
// Next.js hands route handlers and next-auth only the headers; it copies the socket address into
// X-Forwarded-For only when the client sent none, so a client-sent header would pass for it. Node
// publishes every incoming request on a diagnostics channel before any listener (Next included)
// sees it; there we overwrite our own header with the socket address, so whatever a client sent
// under that name is replaced, never trusted.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-shipsmart-peer-address";

const REQUEST_START = "http.server.request.start";

function setPeerAddress(message: unknown) {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/** Once per process, before the server handles requests (src/instrumentation.ts). */
export function installPeerAddressHeader(): void {
  diagnosticsChannel.unsubscribe(REQUEST_START, setPeerAddress);
  diagnosticsChannel.subscribe(REQUEST_START, setPeerAddress);
}
