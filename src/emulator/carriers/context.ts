// What every carrier API module of the emulator gets from the host (server.ts): the clock, the
// accounts it knows, the faults queued for it and the request log. A module (ups/, fedex/, dhl/)
// answers the carrier's published paths in the carrier's own shapes and error bodies.
import type { IncomingHttpHeaders } from "node:http";

export const EMULATED_CARRIERS = ["ups", "fedex", "dhl"] as const;
export type EmulatedCarrier = (typeof EMULATED_CARRIERS)[number];

export interface EmulatorRequest {
  /** "documents": FedEx's separate document upload host (mounted at /fedex-documents). */
  host: "api" | "documents";
  method: string;
  /** The path below the carrier's mount point, e.g. "/api/shipments/v2409/ship". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body (JSON, form or multipart: the module parses what its endpoint takes). */
  body: Buffer;
}

export interface EmulatorReply {
  /** Set when a "timeout" fault applied: the request was carried out, the answer is held back. */
  hold?: boolean;
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a Buffer or a string. */
  body?: unknown;
}

/**
 * Faults an operator or a test queues (POST /__carriers/faults): each is used by the next matching
 * request. "timeout" carries the request out and then holds the answer back (the client times out
 * not knowing the outcome); "serverError" fails before doing anything; the others answer the
 * carrier's own refusal.
 */
export const FAULT_KINDS = [
  "serverError",
  "timeout",
  "rateLimit",
  "pickupNotAvailable",
  "invalidPostalCode",
  "unauthorized",
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export interface QueuedFault {
  carrier: EmulatedCarrier;
  /** The module's operation name ("token", "rate", "ship", "void", "pickupCreate", …); undefined matches any. */
  operation?: string;
  kind: FaultKind;
  /** How many requests it applies to (default 1). */
  remaining: number;
}

/** A registered account: the credentials the emulator accepts and the account number they go with. */
export interface EmulatorAccount {
  carrier: EmulatedCarrier;
  clientId: string;
  clientSecret: string;
  accountNumber: string;
}

export interface LoggedRequest {
  seq: number;
  at: string;
  carrier: EmulatedCarrier;
  operation: string;
  method: string;
  path: string;
  /** Parsed JSON body, or the form's fields; secrets (client_secret, Authorization) are not kept. */
  body: unknown;
  status: number;
}

export interface CarrierContext {
  now(): Date;
  accounts(carrier: EmulatedCarrier): EmulatorAccount[];
  /**
   * The fault queued for this carrier and operation, consumed; null when none. A module calls it
   * once per request, after authenticating it.
   */
  takeFault(carrier: EmulatedCarrier, operation: string): FaultKind | null;
  /** A deterministic sequence per key (tracking numbers, confirmation numbers). */
  next(key: string): number;
}

export interface CarrierModule {
  carrier: EmulatedCarrier;
  /**
   * Answers one request. `operation` names it for the log and for faults ("unknown" for a path the
   * carrier does not have). The module validates the body against the carrier's contract.
   */
  handle(request: EmulatorRequest): Promise<EmulatorReply & { operation: string }>;
  /** The carrier's own answer to a request over its rate limit (HTTP 429 in its error shape). */
  tooManyRequests(): EmulatorReply;
  /** Control: moves a parcel to an exception (or clears it), for tests and demos. */
  setTrackingScenario?(trackingNumber: string, scenario: "normal" | "exception"): boolean;
  /** Control: what the module holds (shipments, pickups, documents), for tests. */
  snapshot(): unknown;
  reset(): void;
}

export type CarrierModuleFactory = (context: CarrierContext) => CarrierModule;
