// The FedEx REST API as the emulator serves it below /fedex (and the ETD document host below
// /fedex-documents): FedEx's paths, answer shapes and error bodies per /work/shared/CARRIERS.md
// "FedEx" and FedEx's OpenAPI files (karrio modules/connectors/fedex/vendor/*.json); every request
// body checked against contract.ts. This file authenticates and routes; the endpoints are in
// shipments.ts, pickup-operations.ts and document-operations.ts.
import crypto from "node:crypto";
import type { CarrierContext, CarrierModule, CarrierModuleFactory, EmulatorReply, EmulatorRequest } from "../context";
import { checkFedexRequest, type FedexOperation } from "./contract";
import { documentOperations } from "./document-operations";
import { pickupOperations } from "./pickup-operations";
import { fedexError, invalid, NOT_AUTHORIZED, postalError, tooManyRequests, wrongAccount, type Json } from "./replies";
import { shipmentOperations } from "./shipments";
import { bounded, MAX_TOKENS, type FedexState } from "./state";
import { scansOf } from "./tracking";

/** CARRIERS.md FedEx §1: a token lasts 60 minutes. */
const TOKEN_SECONDS = 3600;

type Reply = EmulatorReply & { operation: string };

const ROUTES: { host: "api" | "documents"; method: string; path: string; operation: FedexOperation }[] = [
  { host: "api", method: "POST", path: "/oauth/token", operation: "token" },
  { host: "api", method: "POST", path: "/rate/v1/rates/quotes", operation: "rate" },
  { host: "api", method: "POST", path: "/ship/v1/shipments", operation: "ship" },
  { host: "api", method: "PUT", path: "/ship/v1/shipments/cancel", operation: "void" },
  { host: "api", method: "POST", path: "/track/v1/referencenumbers", operation: "lookup" },
  { host: "api", method: "POST", path: "/track/v1/trackingnumbers", operation: "track" },
  { host: "api", method: "POST", path: "/pickup/v1/pickups/availabilities", operation: "pickupAvailability" },
  { host: "api", method: "POST", path: "/pickup/v1/pickups", operation: "pickupCreate" },
  { host: "api", method: "PUT", path: "/pickup/v1/pickups/cancel", operation: "pickupCancel" },
  { host: "documents", method: "POST", path: "/documents/v1/etds/upload", operation: "upload" },
];

export const createFedexModule: CarrierModuleFactory = (ctx: CarrierContext): CarrierModule => {
  const state: FedexState = { tokens: new Map(), shipments: new Map(), pickups: new Map(), documents: new Map() };
  const { tokens, shipments, pickups, documents } = state;
  const { rate, ship, cancel, track, lookup } = shipmentOperations(state, ctx);
  const { availability, createPickup, cancelPickup } = pickupOperations(state, ctx);
  const { upload } = documentOperations(state, ctx);

  const ok = (operation: string, body: unknown, status = 200): Reply => ({ status, body, operation });
  const refuse = (operation: string, reply: EmulatorReply): Reply => ({ ...reply, operation });

  function issueToken(request: EmulatorRequest): Reply {
    const form = Object.fromEntries(new URLSearchParams(request.body.toString("utf8")));
    const problems = checkFedexRequest("token", form);
    if (problems.length) {
      return refuse(
        "token",
        fedexError(
          400,
          [{ code: "BAD.REQUEST.ERROR", message: "The given client credentials were not valid." }],
          request,
        ),
      );
    }
    const account = ctx
      .accounts("fedex")
      .find((a) => a.clientId === form.client_id && a.clientSecret === form.client_secret);
    if (!account) {
      return refuse(
        "token",
        fedexError(
          401,
          [
            {
              code: "NOT.AUTHORIZED.ERROR",
              message: "The given client credentials were not valid. Please modify your request and try again.",
            },
          ],
          request,
        ),
      );
    }
    const fault = ctx.takeFault("fedex", "token");
    if (fault === "serverError")
      return refuse(
        "token",
        fedexError(500, [
          {
            code: "INTERNAL.SERVER.ERROR",
            message: "We encountered an unexpected error and are working to resolve the issue.",
          },
        ]),
      );
    if (fault === "rateLimit") return refuse("token", tooManyRequests());
    if (fault === "unauthorized") return refuse("token", fedexError(401, [NOT_AUTHORIZED], request));
    const accessToken = crypto.randomBytes(24).toString("base64url");
    tokens.set(accessToken, {
      clientId: account.clientId,
      accountNumber: account.accountNumber,
      expiresAt: ctx.now().getTime() + TOKEN_SECONDS * 1000,
    });
    bounded(tokens, MAX_TOKENS);
    const reply = ok("token", {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: TOKEN_SECONDS,
      scope: "CXS",
    });
    return fault === "timeout" ? { ...reply, hold: true } : reply;
  }

  function authenticate(request: EmulatorRequest) {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer (\S+)$/i.exec(header);
    const session = match ? tokens.get(match[1]) : undefined;
    if (!session || session.expiresAt <= ctx.now().getTime()) return null;
    return session;
  }

  function parseJson(request: EmulatorRequest): unknown {
    try {
      return JSON.parse(request.body.toString("utf8"));
    } catch {
      return undefined;
    }
  }

  async function perform(
    operation: FedexOperation,
    body: Json,
    session: { accountNumber: string; clientId: string },
    request: EmulatorRequest,
  ): Promise<EmulatorReply> {
    const account = session.accountNumber;
    switch (operation) {
      case "rate":
        return rate(body, request);
      case "ship":
        return ship(body, request, session.clientId);
      case "void":
        return cancel(body, request);
      case "lookup":
        return lookup(body, account, request);
      case "track":
        return track(body);
      case "pickupAvailability":
        return availability(body);
      case "pickupCreate":
        return createPickup(body, request);
      case "pickupCancel":
        return cancelPickup(body, request);
      default:
        throw new Error(`No JSON handler for ${operation}`);
    }
  }

  /** The account number a body names (rate/ship/void: accountNumber; pickups: associatedAccountNumber). */
  function accountOf(body: Json): string | undefined {
    return body.accountNumber?.value ?? body.associatedAccountNumber?.value;
  }

  function faultReply(fault: string, operation: FedexOperation, request: EmulatorRequest): EmulatorReply | null {
    switch (fault) {
      case "serverError":
        return fedexError(
          500,
          [
            {
              code: "INTERNAL.SERVER.ERROR",
              message: "We encountered an unexpected error and are working to resolve the issue.",
            },
          ],
          request,
        );
      case "rateLimit":
        return tooManyRequests();
      case "unauthorized":
        return fedexError(401, [NOT_AUTHORIZED], request);
      case "invalidPostalCode":
        return postalError(operation, request);
      case "pickupNotAvailable":
        return fedexError(
          400,
          [{ code: "PICKUP.SCHEDULE.NOTAVAILABLE", message: "Pickup is not available on the requested date." }],
          request,
        );
      default:
        return null;
    }
  }

  return {
    carrier: "fedex",
    tooManyRequests,

    async handle(request) {
      const route = ROUTES.find((r) => r.host === request.host && r.path === request.path);
      if (!route) {
        return refuse(
          "unknown",
          fedexError(
            404,
            [
              {
                code: "NOT.FOUND.ERROR",
                message: "The resource you requested is no longer available. Please modify your request and try again.",
              },
            ],
            request,
          ),
        );
      }
      if (route.method !== request.method) {
        return refuse(
          route.operation,
          fedexError(
            405,
            [{ code: "METHOD.NOT.ALLOWED", message: "The request method is not supported for this resource." }],
            request,
          ),
        );
      }
      if (route.operation === "token") return issueToken(request);
      const session = authenticate(request);
      if (!session) return refuse(route.operation, fedexError(401, [NOT_AUTHORIZED], request));
      let body: Json = {};
      if (route.operation !== "upload") {
        const parsed = parseJson(request);
        if (typeof parsed !== "object" || parsed === null) {
          return refuse(
            route.operation,
            fedexError(
              400,
              [{ code: "INVALID.INPUT.EXCEPTION", message: "Invalid JSON in the request body." }],
              request,
            ),
          );
        }
        const problems = checkFedexRequest(route.operation, parsed);
        if (problems.length) return refuse(route.operation, invalid(problems, request));
        body = parsed as Json;
        const account = accountOf(body);
        if (account !== undefined && account !== session.accountNumber)
          return refuse(route.operation, wrongAccount(request));
      }
      const fault = ctx.takeFault("fedex", route.operation);
      const faulted = fault ? faultReply(fault, route.operation, request) : null;
      if (faulted) return refuse(route.operation, faulted);
      const reply =
        route.operation === "upload"
          ? upload(request, session.clientId)
          : await perform(route.operation, body, session, request);
      return { ...reply, operation: route.operation, ...(fault === "timeout" ? { hold: true } : {}) };
    },

    setTrackingScenario(trackingNumber, scenario) {
      const shipment = shipments.get(trackingNumber);
      if (!shipment) return false;
      shipment.exceptionFrom = scenario === "exception" ? ctx.now() : null;
      return true;
    },

    snapshot() {
      return {
        shipments: [...shipments.values()].map((s) => ({
          trackingNumber: s.trackingNumber,
          pieces: s.pieces,
          accountNumber: s.accountNumber,
          reference: s.reference,
          serviceType: s.serviceType,
          shipDate: s.shipDate,
          labelFormat: s.labelFormat,
          documentIds: s.documentIds,
          charges: s.charges,
          createdAt: s.createdAt.toISOString(),
          voided: s.voidedAt !== null,
          status: scansOf(s, ctx.now()).at(-1)?.code ?? null,
        })),
        pickups: [...pickups.values()],
        documents: [...documents.values()],
      };
    },

    reset() {
      tokens.clear();
      shipments.clear();
      pickups.clear();
      documents.clear();
    },
  };
};
