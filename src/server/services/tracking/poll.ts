import "server-only";
// The tracking poll: claims due shipments (claim.ts), asks each account's carrier in batches of
// its trackBatchSize at its request rate (pacer.ts), stores what changed (record.ts) and sends
// new events to Shopify (shopify-events.ts). Errors stay with the account they belong to: a rate
// limit, a revoked credential or a store without an account postpones that account's shipments
// and is recorded in the audit log — the other accounts are tracked as usual. Nothing is lost on
// a crash: an unfinished claim's lease expires and the next poll takes the shipments again.
import type { Shopify } from "@shopify/shopify-api";
import { eq } from "drizzle-orm";
import { CarrierApiError, isApiCarrier, type CarrierClient, type TrackingResult } from "../../carriers/api";
import type { CarrierDirectory } from "../../carriers/directory";
import type { Db } from "../../db/client";
import { shipments } from "../../db/schema";
import { AppError } from "../../errors";
import { recordAudit } from "../../queries/audit";
import { claimShipments, type ClaimedShipment } from "./claim";
import { createPacer, realSleep, type Sleep } from "./pacer";
import { postpone, recordTracking } from "./record";
import { sendFulfillmentEvents } from "./shopify-events";

export interface TrackingDeps {
  db: Db;
  carriers: CarrierDirectory;
  /** Without it (a CLI without Shopify, some tests) events are stored and sent on a later poll. */
  shopify?: Shopify;
  now?: () => Date;
  sleep?: Sleep;
  /** Milliseconds the pacer measures gaps with (tests: a clock their sleep advances). */
  clock?: () => number;
}

export interface PollOutcome {
  claimed: number;
  tracked: number;
  newEvents: number;
  /** Shipments postponed because their account's carrier call failed. */
  postponed: number;
  shopifyEventsSent: number;
  shopifyEventsFailed: number;
}

const MINUTE = 60_000;
// When a carrier error says nothing of when to come back (CARRIERS.md: 429s carry Retry-After
// on UPS and FedEx, not always on DHL), these apply.
const RATE_LIMIT_WAIT_MS = 5 * MINUTE;
const ACCOUNT_PROBLEM_WAIT_MS = 60 * MINUTE;
const CARRIER_DOWN_WAIT_MS = 15 * MINUTE;
/** A delivered shipment whose events did not all reach Shopify is polled again to send them. */
const SHOPIFY_RETRY_MS = 60 * MINUTE;

interface AccountWork {
  client: CarrierClient;
  shipments: ClaimedShipment[];
}

function waitAfter(error: unknown): number {
  if (error instanceof CarrierApiError) {
    if (error.code === "rateLimited") return Math.max(error.retryAfterMs ?? RATE_LIMIT_WAIT_MS, MINUTE);
    if (error.retryable) return CARRIER_DOWN_WAIT_MS;
  }
  return ACCOUNT_PROBLEM_WAIT_MS;
}

function errorSummary(error: unknown): { code: string; message: string | null } {
  if (error instanceof CarrierApiError)
    return { code: error.code, message: error.carrierMessage?.slice(0, 300) ?? null };
  if (error instanceof AppError) return { code: error.code, message: null };
  return { code: "unexpected", message: (error as Error)?.message?.slice(0, 300) ?? null };
}

async function recordFailure(db: Db, storeId: string, carrier: string, error: unknown, shipmentCount: number) {
  await recordAudit(db, {
    actorId: null,
    action: "tracking.poll_failed",
    entityType: "store",
    entityId: storeId,
    after: { carrier, shipments: shipmentCount, ...errorSummary(error) },
  });
}

/** Claimed shipments by the account that tracks them; stores without one are postponed here. */
async function groupByAccount(deps: TrackingDeps, claimed: ClaimedShipment[], now: Date, outcome: PollOutcome) {
  const byStoreCarrier = new Map<string, ClaimedShipment[]>();
  for (const shipment of claimed) {
    const key = `${shipment.storeId}:${shipment.carrier}`;
    byStoreCarrier.set(key, [...(byStoreCarrier.get(key) ?? []), shipment]);
  }
  const accounts = new Map<string, AccountWork>();
  for (const group of byStoreCarrier.values()) {
    const { storeId, carrier } = group[0];
    try {
      if (!isApiCarrier(carrier)) throw new AppError("errors.notFound");
      const { accountId, client } = await deps.carriers.forStore(storeId, carrier);
      const work = accounts.get(accountId) ?? { client, shipments: [] };
      work.shipments.push(...group);
      accounts.set(accountId, work);
    } catch (error) {
      await recordFailure(deps.db, storeId, String(carrier), error, group.length);
      for (const shipment of group) await postpone(deps.db, shipment, new Date(now.getTime() + waitAfter(error)));
      outcome.postponed += group.length;
    }
  }
  return [...accounts.values()];
}

async function trackAccount(deps: TrackingDeps, work: AccountWork, now: Date, outcome: PollOutcome) {
  const { client } = work;
  const pace = createPacer(client.limits.requestsPerSecond, deps.sleep ?? realSleep, deps.clock);
  const size = Math.max(1, Math.floor(client.limits.trackBatchSize) || 1);
  for (let start = 0; start < work.shipments.length; start += size) {
    const batch = work.shipments.slice(start, start + size);
    let results: TrackingResult[];
    try {
      await pace();
      results = await client.track(batch.map((shipment) => shipment.trackingNumber!));
    } catch (error) {
      // This batch and the rest of the account's wait; other accounts carry on.
      const rest = work.shipments.slice(start);
      // One entry per store the account serves, so each store's audit log shows why it waits.
      for (const storeId of new Set(rest.map((shipment) => shipment.storeId))) {
        const count = rest.filter((shipment) => shipment.storeId === storeId).length;
        await recordFailure(deps.db, storeId, client.carrier, error, count);
      }
      const next = new Date(now.getTime() + waitAfter(error));
      for (const shipment of rest) await postpone(deps.db, shipment, next);
      outcome.postponed += rest.length;
      return;
    }
    const byNumber = new Map(results.map((result) => [result.trackingNumber, result]));
    for (const shipment of batch) {
      // A number the answer leaves out is one the carrier did not find.
      const result = byNumber.get(shipment.trackingNumber!) ?? {
        trackingNumber: shipment.trackingNumber!,
        found: false as const,
      };
      try {
        await trackOne(deps, shipment, result, now, outcome);
      } catch (error) {
        // One shipment's storage failure leaves it to its lease (tracked again once it expires).
        console.error(`[tracking] shipment ${shipment.id}`, error);
      }
    }
  }
}

async function trackOne(
  deps: TrackingDeps,
  shipment: ClaimedShipment,
  result: TrackingResult,
  now: Date,
  outcome: PollOutcome,
) {
  const recorded = await recordTracking(deps.db, shipment, result, now);
  if (!recorded.written) return;
  outcome.tracked++;
  outcome.newEvents += recorded.newEvents;
  if (!deps.shopify) return;
  const sent = await sendFulfillmentEvents({ db: deps.db, shopify: deps.shopify }, shipment.id);
  outcome.shopifyEventsSent += sent.sent;
  outcome.shopifyEventsFailed += sent.failed;
  if (sent.failed > 0 && recorded.status === "delivered") {
    await deps.db
      .update(shipments)
      .set({ trackingNextCheckAt: new Date(now.getTime() + SHOPIFY_RETRY_MS) })
      .where(eq(shipments.id, shipment.id));
  }
}

/**
 * One poll: up to `limit` due shipments (or, for "Check now", the given ones), tracked and
 * released. Resolves with what it did; a carrier's failure is recorded, never thrown.
 */
export async function pollTracking(
  deps: TrackingDeps,
  options: { limit: number; shipmentIds?: string[] },
): Promise<PollOutcome> {
  const now = deps.now?.() ?? new Date();
  const outcome: PollOutcome = {
    claimed: 0,
    tracked: 0,
    newEvents: 0,
    postponed: 0,
    shopifyEventsSent: 0,
    shopifyEventsFailed: 0,
  };
  const claimed = await claimShipments(deps.db, now, options);
  outcome.claimed = claimed.length;
  for (const work of await groupByAccount(deps, claimed, now, outcome)) {
    await trackAccount(deps, work, now, outcome);
  }
  return outcome;
}
