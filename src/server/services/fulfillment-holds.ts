import "server-only";
// Drafts on hold in Shopify: while a shipment is a draft its order's open fulfillment orders carry
// a hold of ours (fulfillmentOrderHold, reason OTHER, notes in the store's language saying what is
// missing), so nobody — the merchant or another app — ships it around the dashboard; once it is
// complete (or cancelled, or the store turns holds off) exactly our hold is released.
//
// A queue, not a call in every path: triggers (migration 0015) set shipments.shopify_hold_due_at
// whenever a shipment becomes or stops being a draft or what it misses changes. reconcileHolds
// claims due shipments (the due time pushed ahead as a lease, so two processes never work on one),
// reads each order's fulfillment orders and their holds, and applies planHoldSteps. The outcome is
// kept on the shipment: the notes Shopify has, or the failure's reason with a retry later (backoff)
// and a Retry button. A sync never waits for it.
import type { Session } from "@shopify/shopify-api";
import { createTranslator } from "use-intl/core";
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import {
  boundedHoldNotes,
  holdInput,
  holdNotesLocale,
  notesAfterSteps,
  planHoldSteps,
  type HeldFulfillmentOrder,
  type HoldStep,
} from "@/domain/fulfillment-holds";
import type { Db } from "../db/client";
import { orders, shipments, stores, syncRuns } from "../db/schema";
import { recordAudit } from "../queries/audit";
import { shopifyGraphql, type GraphqlCallOptions } from "../shopify/graphql";
import {
  FULFILLMENT_ORDER_HOLD_MUTATION,
  FULFILLMENT_ORDER_HOLDS_QUERY,
  FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION,
} from "../shopify/operations";
import { shopifyFailureReason, withShopSession, type ShopDeps } from "./shop-session";
import enMessages from "@/i18n/messages/en.json";
import ptMessages from "@/i18n/messages/pt-BR.json";

const MINUTE = 60_000;
/** How long a claimed shipment is ours before another claim may take it (a crashed worker's). */
const LEASE_MS = 5 * MINUTE;
/** Waits before the next attempt after 1, 2, 3, … failures in a row (then every 4 hours). */
const RETRY_DELAYS_MS = [1, 5, 15, 60, 240].map((minutes) => minutes * MINUTE);
const FULFILLMENT_ORDERS_PAGE = 10;

function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1];
}

class HoldRefused extends Error {}

const NOTES_MESSAGES = { "pt-BR": ptMessages, en: enMessages } as const;

/** "ShipSmart: NF-e key and HS code missing", in the store's language. */
function holdNotes(shopLocale: string | null, missingFields: string[]): string {
  const locale = holdNotesLocale(shopLocale);
  const t = createTranslator({ locale, messages: NOTES_MESSAGES[locale] });
  const known = missingFields.filter((field) => t.has(`fields.${field}` as never));
  if (known.length === 0) return boundedHoldNotes(t("holds.notesIncomplete"));
  const fields = new Intl.ListFormat(locale, { type: "conjunction" }).format(
    known.map((field) => t(`fields.${field}` as never)),
  );
  return boundedHoldNotes(t("holds.notes", { fields, count: known.length }));
}

type HoldsConnection = {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    id: string;
    status: string;
    supportedActions: { action: string }[];
    fulfillmentHolds: HeldFulfillmentOrder["holds"];
  }[];
};
type HoldsPage = { order: { fulfillmentOrders: HoldsConnection } | null };

async function readHeldFulfillmentOrders(deps: HoldDeps, session: Session, orderGid: string) {
  const all: HeldFulfillmentOrder[] = [];
  let after: string | null = null;
  do {
    const page: { data: HoldsPage } = await shopifyGraphql<HoldsPage>(
      deps.shopify,
      session,
      FULFILLMENT_ORDER_HOLDS_QUERY,
      { id: orderGid, first: FULFILLMENT_ORDERS_PAGE, after },
      deps.graphql,
    );
    const connection: HoldsConnection | undefined = page.data.order?.fulfillmentOrders;
    if (!connection) break;
    for (const node of connection.nodes) {
      all.push({
        id: node.id,
        status: node.status,
        actions: node.supportedActions.map((entry) => entry.action),
        holds: node.fulfillmentHolds,
      });
    }
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return all;
}

export interface HoldDeps extends ShopDeps {
  /** Waits and retries of each Shopify call (tests pass a sleep that does not wait). */
  graphql?: GraphqlCallOptions;
}

type UserErrors = { field: string[] | null; message: string; code: string | null }[];

async function applyStep(deps: HoldDeps, session: Session, step: HoldStep) {
  if (step.kind === "hold") {
    const { data } = await shopifyGraphql<{ fulfillmentOrderHold: { userErrors: UserErrors } }>(
      deps.shopify,
      session,
      FULFILLMENT_ORDER_HOLD_MUTATION,
      {
        id: step.fulfillmentOrderId,
        fulfillmentHold: holdInput(step.handle, step.notes),
      },
      deps.graphql,
    );
    const [problem] = data.fulfillmentOrderHold.userErrors;
    if (problem) throw new HoldRefused(problem.code ? `${problem.code}: ${problem.message}` : problem.message);
    return;
  }
  const { data } = await shopifyGraphql<{ fulfillmentOrderReleaseHold: { userErrors: UserErrors } }>(
    deps.shopify,
    session,
    FULFILLMENT_ORDER_RELEASE_HOLD_MUTATION,
    { id: step.fulfillmentOrderId, holdIds: step.holdIds },
    deps.graphql,
  );
  const [problem] = data.fulfillmentOrderReleaseHold.userErrors;
  if (problem) throw new HoldRefused(problem.code ? `${problem.code}: ${problem.message}` : problem.message);
}

/** Brings one order's fulfillment orders to `notes` (our hold with them) or to none of ours. */
/**
 * Brings one order's fulfillment orders to `notes` (our hold with them) or to none of ours; answers
 * the notes our hold then carries (null: none of ours, e.g. nothing left to ship there).
 */
async function bringInLine(deps: HoldDeps, shop: string, orderGid: string, notes: string | null) {
  return withShopSession(deps, shop, async (session) => {
    const fulfillmentOrders = await readHeldFulfillmentOrders(deps, session, orderGid);
    for (const step of planHoldSteps(fulfillmentOrders, notes)) await applyStep(deps, session, step);
    return notesAfterSteps(fulfillmentOrders, notes);
  });
}

interface Claimed {
  id: string;
  lease: Date;
  status: string;
  missingFields: string[];
  holdNotes: string | null;
  holdAttempts: number;
  orderGid: string;
  shop: string;
  holdsEnabled: boolean;
  locale: string | null;
}

/**
 * Nothing to do in Shopify: no hold of ours is there and none is wanted (a ready shipment never
 * held, a store with holds off). Cleared in one statement instead of one claim each.
 */
async function clearNothingToDo(db: Db, now: Date, shipmentIds?: string[]) {
  // An operator's change looks at its own shipments only, not at every due row of every store.
  const only = shipmentIds ? inArray(shipments.id, shipmentIds) : undefined;
  await db
    .update(shipments)
    .set({ holdDueAt: null, holdError: null, holdAttempts: 0 })
    .where(
      and(
        only,
        lte(shipments.holdDueAt, now),
        sql`${shipments.holdNotes} is null`,
        or(
          sql`${shipments.status} <> 'draft'`,
          sql`not exists (select 1 from ${stores} where ${stores.id} = ${shipments.storeId} and ${stores.fulfillmentHolds})`,
        ),
      ),
    );
}

async function claimDue(db: Db, now: Date, limit: number, shipmentIds?: string[]): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const due = lte(shipments.holdDueAt, now);
  // Only stores Shopify will take holds from now: connected, with their language read (which needs
  // read_locales; a store connected before it was asked for has none, and its Stores row asks for
  // a reconnect). Their drafts wait queued, costing nothing, until a reconnect queues them again.
  // And not while the store's sync runs: a hold changes the order in Shopify (its updated_at), and
  // a sync paging orders by updated_at would read it a second time. The run's end calls a round.
  const holdable = sql`exists (select 1 from ${stores} where ${stores.id} = ${shipments.storeId} and ${stores.status} = 'connected' and ${stores.locale} is not null)
    and not exists (select 1 from ${syncRuns} where ${syncRuns.storeId} = ${shipments.storeId} and ${syncRuns.status} = 'running')`;
  const candidates = db
    .select({ id: shipments.id })
    .from(shipments)
    .where(shipmentIds ? and(due, holdable, inArray(shipments.id, shipmentIds)) : and(due, holdable))
    .orderBy(asc(shipments.holdDueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  // Due is checked again on the row itself: one another worker leased meanwhile is left to it.
  const leased = await db
    .update(shipments)
    .set({ holdDueAt: lease })
    .where(and(inArray(shipments.id, candidates), due))
    .returning({ id: shipments.id });
  const ids = leased.map((row) => row.id);
  if (ids.length === 0) return [];
  const claimed = await db
    .select({
      id: shipments.id,
      status: shipments.status,
      missingFields: shipments.missingFields,
      holdNotes: shipments.holdNotes,
      holdAttempts: shipments.holdAttempts,
      orderGid: orders.shopifyGid,
      shop: stores.shopDomain,
      holdsEnabled: stores.fulfillmentHolds,
      locale: stores.locale,
    })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(stores, eq(stores.id, shipments.storeId))
    .where(inArray(shipments.id, ids));
  return claimed.map((row) => ({ ...row, lease }));
}

/**
 * Records an outcome. The due time is cleared (or set to the retry) only if it is still our lease:
 * a change made meanwhile (the draft completed while its hold was being placed) queued the
 * shipment again, and that stands.
 */
async function recordOutcome(
  db: Db,
  row: Claimed,
  outcome: { notes: string | null } | { error: string; retryAt: Date },
) {
  // ISO strings: postgres.js takes no Date inside a raw fragment.
  const stillOurs = sql`${shipments.holdDueAt} = ${row.lease.toISOString()}::timestamptz`;
  const set =
    "error" in outcome
      ? {
          holdError: outcome.error,
          holdAttempts: sql`${shipments.holdAttempts} + 1`,
          holdDueAt: sql`case when ${stillOurs} then ${outcome.retryAt.toISOString()}::timestamptz else ${shipments.holdDueAt} end`,
        }
      : {
          holdNotes: outcome.notes,
          holdError: null,
          holdAttempts: 0,
          holdDueAt: sql`case when ${stillOurs} then null else ${shipments.holdDueAt} end`,
        };
  await db.update(shipments).set(set).where(eq(shipments.id, row.id));
}

export interface HoldsOutcome {
  held: number;
  released: number;
  unchanged: number;
  failed: number;
}

export interface ReconcileOptions {
  now?: Date;
  /** How many due shipments one call claims (the background loop calls again while some are due). */
  limit?: number;
  /** Only these shipments (an operator's save, a Retry); the rest wait for the background loop. */
  shipmentIds?: string[];
}

/** Brings the due shipments' holds in Shopify in line. Never throws for one shipment's failure. */
export async function reconcileHolds(deps: HoldDeps, options: ReconcileOptions = {}): Promise<HoldsOutcome> {
  const now = options.now ?? new Date();
  const outcome: HoldsOutcome = { held: 0, released: 0, unchanged: 0, failed: 0 };
  if (options.shipmentIds?.length === 0) return outcome;
  await clearNothingToDo(deps.db, now, options.shipmentIds);
  const claimed = await claimDue(deps.db, now, options.limit ?? 50, options.shipmentIds);
  for (const row of claimed) {
    const wanted = row.holdsEnabled && row.status === "draft" ? holdNotes(row.locale, row.missingFields) : null;
    if (wanted === row.holdNotes) {
      await recordOutcome(deps.db, row, { notes: wanted });
      outcome.unchanged++;
      continue;
    }
    try {
      const inShopify = await bringInLine(deps, row.shop, row.orderGid, wanted);
      await recordOutcome(deps.db, row, { notes: inShopify });
      if (inShopify === row.holdNotes) outcome.unchanged++;
      else if (inShopify === null) outcome.released++;
      else outcome.held++;
    } catch (error) {
      const reason = shopifyFailureReason(error).slice(0, 500);
      await recordOutcome(deps.db, row, {
        error: reason,
        retryAt: new Date(now.getTime() + retryDelayMs(row.holdAttempts + 1)),
      });
      // The shipment keeps only the last reason; the activity log keeps each failed attempt.
      await recordAudit(deps.db, {
        actorId: null,
        action: wanted === null ? "shipment.hold_release_failed" : "shipment.hold_failed",
        entityType: "shipment",
        entityId: row.id,
        after: { reason, notes: wanted },
      });
      outcome.failed++;
    }
  }
  return outcome;
}

/** A store's drafts and held shipments, due now: its setting changed, or a reconnect granted what holds need. */
export async function queueStoreHolds(db: Db, storeId: string) {
  await db
    .update(shipments)
    .set({ holdDueAt: sql`now()` })
    .where(and(eq(shipments.storeId, storeId), or(eq(shipments.status, "draft"), isNotNull(shipments.holdNotes))));
}

/** The Retry button: these shipments' failed holds are due now (and attempted by the caller). */
export async function queueHoldRetry(db: Db, shipmentIds: string[]) {
  if (shipmentIds.length === 0) return;
  await db
    .update(shipments)
    .set({ holdDueAt: sql`now()` })
    .where(and(inArray(shipments.id, shipmentIds), isNotNull(shipments.holdError)));
}
