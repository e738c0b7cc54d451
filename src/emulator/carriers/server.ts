// The carrier emulators' HTTP server: UPS at /ups, FedEx at /fedex (its document host at
// /fedex-documents) and DHL Express at /dhl, each answering its carrier's published paths below
// that prefix; and a control API under /__carriers/ that exists only here (accounts, faults, the
// clock, tracking scenarios, the request log, reset). `npm run dev` starts it (main.ts); the
// integration tests run it in-process.
import http from "node:http";
import { z } from "zod";
import {
  EMULATED_CARRIERS,
  FAULT_KINDS,
  type CarrierContext,
  type CarrierModule,
  type CarrierModuleFactory,
  type EmulatedCarrier,
  type EmulatorAccount,
  type EmulatorReply,
  type LoggedRequest,
  type QueuedFault,
} from "./context";

export interface CarrierEmulatorOptions {
  modules: CarrierModuleFactory[];
  now?: () => Date;
  /** How long a "timeout" fault holds the answer back (ms). Default 60 s. */
  holdMs?: number;
  /** Requests per second each carrier accepts before answering 429 (0: no limit). */
  rateLimits?: Partial<Record<EmulatedCarrier, number>>;
}

export interface CarrierEmulator {
  url: string;
  /** Base URLs the dashboard's clients take (CarrierEndpoints). */
  endpoints(carrier: EmulatedCarrier): { baseUrl: string; documentUrl?: string };
  registerAccount(account: EmulatorAccount): void;
  queueFault(fault: Omit<QueuedFault, "remaining"> & { count?: number }): void;
  /** Moves the emulator's clock (tracking events are scheduled on it). */
  advance(minutes: number): void;
  /** The emulator's clock, advanced or not. */
  now(): Date;
  requests(carrier?: EmulatedCarrier): LoggedRequest[];
  module(carrier: EmulatedCarrier): CarrierModule;
  reset(): void;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY = 12 * 1024 * 1024; // above UPS's 10 MB paperless limit, so the module can refuse it itself
const MAX_LOG = 5000;
const carrierSchema = z.enum(EMULATED_CARRIERS);
const accountSchema = z.strictObject({
  carrier: carrierSchema,
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(200),
  accountNumber: z.string().min(1).max(20),
});
const faultSchema = z.strictObject({
  carrier: carrierSchema,
  operation: z.string().max(40).optional(),
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().min(1).max(1000).optional(),
});
// Forward, or back again after a test's jump (never before the real clock).
const clockSchema = z.strictObject({
  advanceMinutes: z
    .number()
    .min(-60 * 24 * 60)
    .max(60 * 24 * 60),
});
const scenarioSchema = z.strictObject({
  carrier: carrierSchema,
  trackingNumber: z.string().min(1).max(40),
  scenario: z.enum(["normal", "exception"]),
});

const SECRET_FIELDS = new Set(["client_secret", "clientSecret", "child_secret", "password"]);

/** The body as logged: JSON parsed, form fields parsed, secrets dropped; binary kept as its size. */
function loggableBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if (contentType?.includes("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
    for (const key of Object.keys(form)) if (SECRET_FIELDS.has(key)) form[key] = "[redacted]";
    return form;
  }
  if (contentType?.includes("multipart/form-data")) return { multipart: true, bytes: raw.length };
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return { bytes: raw.length };
  }
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new RangeError("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createCarrierEmulator(options: CarrierEmulatorOptions): CarrierEmulator {
  let offsetMs = 0;
  const clock = options.now ?? (() => new Date());
  const now = () => new Date(clock().getTime() + offsetMs);
  let accounts: EmulatorAccount[] = [];
  let faults: QueuedFault[] = [];
  let log: LoggedRequest[] = [];
  let seq = 0;
  const sequences = new Map<string, number>();
  const windows = new Map<EmulatedCarrier, number[]>();

  const context: CarrierContext = {
    now,
    accounts: (carrier) => accounts.filter((account) => account.carrier === carrier),
    takeFault(carrier, operation) {
      const index = faults.findIndex(
        (fault) => fault.carrier === carrier && (fault.operation === undefined || fault.operation === operation),
      );
      if (index < 0) return null;
      const fault = faults[index];
      fault.remaining -= 1;
      if (fault.remaining <= 0) faults.splice(index, 1);
      return fault.kind;
    },
    next(key) {
      const value = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, value);
      return value;
    },
  };
  const modules = new Map<EmulatedCarrier, CarrierModule>();
  for (const factory of options.modules) {
    const api = factory(context);
    modules.set(api.carrier, api);
  }
  const moduleOf = (carrier: EmulatedCarrier) => {
    const api = modules.get(carrier);
    if (!api) throw new Error(`No ${carrier} module in this emulator`);
    return api;
  };

  /** Sliding one-second window per carrier: true when this request is over the carrier's limit. */
  function overLimit(carrier: EmulatedCarrier): boolean {
    const limit = options.rateLimits?.[carrier] ?? 0;
    if (limit <= 0) return false;
    const at = Date.now();
    const recent = (windows.get(carrier) ?? []).filter((time) => at - time < 1000);
    const over = recent.length >= limit;
    if (!over) recent.push(at);
    windows.set(carrier, recent);
    return over;
  }

  function control(method: string, path: string, query: URLSearchParams, body: unknown): EmulatorReply {
    const invalid = (error: z.ZodError) => ({ status: 400, body: { error: z.prettifyError(error) } });
    if (path === "/__carriers/health" && method === "GET") return { status: 200, body: { ok: true } };
    if (path === "/__carriers/requests" && method === "GET") {
      const carrier = query.get("carrier");
      return { status: 200, body: { requests: carrier ? log.filter((entry) => entry.carrier === carrier) : log } };
    }
    if (path === "/__carriers/requests" && method === "DELETE") {
      log = [];
      return { status: 200, body: { ok: true } };
    }
    if (path === "/__carriers/accounts" && method === "POST") {
      const parsed = accountSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      emulator.registerAccount(parsed.data);
      return { status: 200, body: { ok: true } };
    }
    if (path === "/__carriers/accounts" && method === "GET") {
      return {
        status: 200,
        body: {
          accounts: accounts.map(({ carrier, clientId, accountNumber }) => ({ carrier, clientId, accountNumber })),
        },
      };
    }
    if (path === "/__carriers/faults" && method === "POST") {
      const parsed = faultSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      emulator.queueFault(parsed.data);
      return { status: 200, body: { faults } };
    }
    if (path === "/__carriers/faults" && method === "DELETE") {
      faults = [];
      return { status: 200, body: { faults } };
    }
    if (path === "/__carriers/clock" && method === "POST") {
      const parsed = clockSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      emulator.advance(parsed.data.advanceMinutes);
      return { status: 200, body: { now: now().toISOString() } };
    }
    if (path === "/__carriers/tracking" && method === "POST") {
      const parsed = scenarioSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const api = modules.get(parsed.data.carrier);
      const done = api?.setTrackingScenario?.(parsed.data.trackingNumber, parsed.data.scenario) ?? false;
      return done ? { status: 200, body: { ok: true } } : { status: 404, body: { error: "No such shipment" } };
    }
    const state = /^\/__carriers\/state\/([a-z]+)$/.exec(path);
    if (state && method === "GET") {
      const carrier = carrierSchema.safeParse(state[1]);
      if (!carrier.success || !modules.has(carrier.data)) return { status: 404, body: { error: "No such carrier" } };
      return { status: 200, body: modules.get(carrier.data)!.snapshot() };
    }
    if (path === "/__carriers/reset" && method === "POST") {
      emulator.reset();
      return { status: 200, body: { ok: true } };
    }
    return { status: 404, body: { error: `No control endpoint ${method} ${path}` } };
  }

  function write(response: http.ServerResponse, reply: EmulatorReply) {
    const isRaw = Buffer.isBuffer(reply.body) || typeof reply.body === "string";
    const headers = {
      ...(isRaw || reply.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...reply.headers,
    };
    response.writeHead(reply.status, headers);
    if (reply.body === undefined) response.end();
    else response.end(isRaw ? (reply.body as Buffer | string) : JSON.stringify(reply.body));
  }

  const MOUNTS: { prefix: string; carrier: EmulatedCarrier; host: "api" | "documents" }[] = [
    { prefix: "/fedex-documents", carrier: "fedex", host: "documents" },
    { prefix: "/fedex", carrier: "fedex", host: "api" },
    { prefix: "/ups", carrier: "ups", host: "api" },
    { prefix: "/dhl", carrier: "dhl", host: "api" },
  ];

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://emulator.local");
    const method = request.method ?? "GET";
    let raw: Buffer;
    try {
      raw = await readBody(request);
    } catch {
      write(response, { status: 413, body: { error: "Request body too large" } });
      return;
    }
    if (url.pathname.startsWith("/__carriers/")) {
      let body: unknown = {};
      try {
        body = raw.length ? JSON.parse(raw.toString("utf8")) : {};
      } catch {
        write(response, { status: 400, body: { error: "The body must be JSON." } });
        return;
      }
      write(response, control(method, url.pathname, url.searchParams, body));
      return;
    }
    const mount = MOUNTS.find((m) => url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
    const api = mount && modules.get(mount.carrier);
    if (!mount || !api) {
      write(response, { status: 404, body: { error: `No carrier API at ${url.pathname.slice(0, 100)}` } });
      return;
    }
    let reply: EmulatorReply & { operation: string };
    if (overLimit(mount.carrier)) {
      reply = { ...api.tooManyRequests(), operation: "rateLimited" };
    } else {
      try {
        reply = await api.handle({
          host: mount.host,
          method,
          path: url.pathname.slice(mount.prefix.length) || "/",
          query: url.searchParams,
          headers: request.headers,
          body: raw,
        });
      } catch (error) {
        console.error(`${mount.carrier} emulator failed:`, error);
        reply = { status: 500, body: { error: "Emulator failure" }, operation: "unknown" };
      }
    }
    log.push({
      seq: ++seq,
      at: now().toISOString(),
      carrier: mount.carrier,
      operation: reply.operation,
      method,
      path: url.pathname.slice(mount.prefix.length),
      body: loggableBody(raw, request.headers["content-type"]),
      status: reply.status,
    });
    if (log.length > MAX_LOG) log = log.slice(-MAX_LOG);
    if (reply.hold) {
      // The work is done; the answer comes too late for a client that waits less than holdMs.
      const timer = setTimeout(() => !response.destroyed && write(response, reply), options.holdMs ?? 60_000);
      response.once("close", () => clearTimeout(timer));
      return;
    }
    write(response, reply);
  });

  let rootUrl = "";
  const emulator: CarrierEmulator = {
    get url() {
      return rootUrl;
    },
    endpoints(carrier) {
      if (carrier === "fedex") return { baseUrl: `${rootUrl}/fedex`, documentUrl: `${rootUrl}/fedex-documents` };
      return { baseUrl: `${rootUrl}/${carrier}` };
    },
    registerAccount(account) {
      accounts = [
        ...accounts.filter((a) => !(a.carrier === account.carrier && a.clientId === account.clientId)),
        account,
      ];
    },
    queueFault({ count, ...fault }) {
      faults.push({ ...fault, remaining: count ?? 1 });
    },
    advance(minutes) {
      offsetMs = Math.max(0, offsetMs + minutes * 60_000);
    },
    now,
    requests: (carrier) => (carrier ? log.filter((entry) => entry.carrier === carrier) : [...log]),
    module: moduleOf,
    reset() {
      faults = [];
      log = [];
      offsetMs = 0;
      sequences.clear();
      windows.clear();
      for (const api of modules.values()) api.reset();
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          rootUrl = `http://${host}:${(server.address() as { port: number }).port}`;
          resolve(rootUrl);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return emulator;
}
