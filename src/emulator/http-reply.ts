/** What a handler of the emulator answers; server.ts writes it to the socket. */
export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
