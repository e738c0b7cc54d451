import "server-only";
// A store's Shopify session, kept usable: an access token that expires within 5 minutes is
// refreshed before use (one refresh per shop at a time, across instances, the new pair stored
// atomically); a 401 gets one refresh and a retry; only when that fails does the store become
// "reconnect needed" — and nothing else is touched.
import { HttpResponseError, type Session, type Shopify } from "@shopify/shopify-api";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { stores } from "../db/schema";
import { recordAudit } from "../queries/audit";
import {
  ShopifyForbiddenError,
  ShopifyNetworkError,
  ShopifyThrottledError,
  ShopifyUnauthorizedError,
} from "../shopify/errors";
import { EncryptedSessionStorage, offlineSessionId } from "../shopify/session-storage";

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface ShopDeps {
  db: Db;
  shopify: Shopify;
}

/** The store must be reconnected by an admin (/auth/toplevel?shop=…). */
export class StoreReconnectNeededError extends Error {
  constructor(
    readonly shop: string,
    readonly reason: string,
  ) {
    super(`Store ${shop} needs to be reconnected: ${reason}`);
    this.name = "StoreReconnectNeededError";
  }
}

/**
 * The reason kept on a shipment for a write to Shopify that failed: a code the page translates
 * (reconnect_needed, missing_scope, throttled, network), or else the error's own message (a
 * refusal Shopify gave in userErrors).
 */
export function shopifyFailureReason(error: unknown): string {
  if (error instanceof StoreReconnectNeededError) return "reconnect_needed";
  if (error instanceof ShopifyForbiddenError) return "missing_scope";
  if (error instanceof ShopifyThrottledError) return "throttled";
  if (error instanceof ShopifyNetworkError) return "network";
  return (error as Error)?.message || "unknown";
}

function needsRefresh(session: Session, now = Date.now()): boolean {
  return !!session.expires && session.expires.getTime() - now <= REFRESH_MARGIN_MS;
}

async function markReconnectNeeded(db: Db, shop: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [store] = await tx
      .update(stores)
      .set({ status: "reconnect_needed", updatedAt: sql`now()` })
      .where(and(eq(stores.shopDomain, shop), eq(stores.status, "connected")))
      .returning({ id: stores.id });
    if (store) {
      await recordAudit(tx, {
        actorId: null,
        action: "store.reconnect_needed",
        entityType: "store",
        entityId: store.id,
        after: { reason },
      });
    }
  });
}

// Refreshes in this process are chained per shop; the advisory lock covers other instances.
const inFlight = new Map<string, Promise<Session>>();

/**
 * Rotates the token pair. Inside a transaction holding a per-shop lock it reloads the session
 * first: when another caller already refreshed it, that result is used and Shopify is not called.
 * `rejectedAccessToken` forces a refresh while the stored token is still the one Shopify refused.
 */
export async function refreshShopSession(
  { db, shopify }: ShopDeps,
  shop: string,
  rejectedAccessToken?: string,
): Promise<Session> {
  const previous = inFlight.get(shop);
  const run = (previous ?? Promise.resolve())
    .catch(() => undefined)
    .then(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`shopify-refresh:${shop}`}))`);
        const storage = new EncryptedSessionStorage(tx);
        const session = await storage.loadSession(offlineSessionId(shop));
        if (!session?.refreshToken) throw new StoreReconnectNeededError(shop, "no refresh token stored");
        // Refresh only if still due: expiring soon, or still holding the token Shopify just refused.
        const refused = rejectedAccessToken !== undefined && session.accessToken === rejectedAccessToken;
        if (!refused && !needsRefresh(session)) return session;
        try {
          const { session: refreshed } = await shopify.auth.refreshToken({ shop, refreshToken: session.refreshToken });
          await storage.storeSession(refreshed);
          return refreshed;
        } catch (error) {
          if (error instanceof HttpResponseError && error.response.code >= 400 && error.response.code < 500) {
            throw new StoreReconnectNeededError(shop, "Shopify refused the refresh token");
          }
          throw error;
        }
      }),
    );
  inFlight.set(shop, run);
  try {
    return await run;
  } finally {
    if (inFlight.get(shop) === run) inFlight.delete(shop);
  }
}

/** The shop's session, refreshed first when it expires within 5 minutes. */
export async function getShopSession(deps: ShopDeps, shop: string): Promise<Session> {
  const session = await new EncryptedSessionStorage(deps.db).loadSession(offlineSessionId(shop));
  if (!session) throw new StoreReconnectNeededError(shop, "no Shopify session stored");
  return needsRefresh(session) ? refreshShopSession(deps, shop) : session;
}

/**
 * Runs `fn` with a valid session. A 401 gets one forced refresh and one retry; when the
 * refresh or the retry fails, the store is marked "reconnect needed" and the error says so.
 */
export async function withShopSession<T>(
  deps: ShopDeps,
  shop: string,
  fn: (session: Session) => Promise<T>,
): Promise<T> {
  try {
    let session = await getShopSession(deps, shop);
    try {
      return await fn(session);
    } catch (error) {
      if (!(error instanceof ShopifyUnauthorizedError)) throw error;
      session = await refreshShopSession(deps, shop, session.accessToken);
      try {
        return await fn(session);
      } catch (retryError) {
        if (retryError instanceof ShopifyUnauthorizedError) {
          throw new StoreReconnectNeededError(shop, "Shopify refused the refreshed token");
        }
        throw retryError;
      }
    }
  } catch (error) {
    if (error instanceof StoreReconnectNeededError) await markReconnectNeeded(deps.db, shop, error.reason);
    throw error;
  }
}
