import "server-only";
// Connecting a store: OAuth begin (the merchants' /auth/toplevel link), the callback the library
// verifies (state, HMAC, timestamp), and what a successful install does — store the session,
// record the store as Connected with its plan and scopes, register our webhooks, audit.
import crypto from "node:crypto";
import type { Session } from "@shopify/shopify-api";
import { eq, sql } from "drizzle-orm";
import { shipperFromShop } from "@/domain/shipper";
import { type ShipperProfile } from "@/domain/shipper-fields";
import { normalizeShopDomain } from "@/domain/shop-domain";
import type { Db } from "../db/client";
import { stores } from "../db/schema";
import { appUrl, shopifyEmulatorUrl } from "../env";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { storedShipper, storeStatusByDomain } from "../queries/store-lookups";
import { ShopifyForbiddenError } from "../shopify/errors";
import { shopifyGraphql } from "../shopify/graphql";
import {
  SHOP_LOCALES_QUERY,
  SHOP_QUERY,
  WEBHOOK_SUBSCRIPTION_CREATE_MUTATION,
  WEBHOOK_SUBSCRIPTIONS_QUERY,
} from "../shopify/operations";
import { emulatorUrlFor } from "../shopify/seam";
import { EncryptedSessionStorage } from "../shopify/session-storage";
import { assignEmulatedAccounts } from "./emulated-carrier-accounts";
import { queueStoreHolds } from "./fulfillment-holds";
import type { ShopDeps } from "./shop-session";

const CALLBACK_PATH = "/auth/callback";
const WEBHOOK_PATH = "/api/webhooks/shopify";
const WEBHOOK_TOPICS = ["ORDERS_CREATE", "ORDERS_UPDATED", "APP_UNINSTALLED"] as const;

/**
 * The library's state cookie proves the callback comes back to the browser that began OAuth, not
 * that it is for the same shop. This second cookie binds the two: a MAC of the state and the shop
 * (keyed with the API secret, like the library's signed cookie), checked before the library
 * exchanges the code, so a callback for another shop is refused and changes nothing.
 */
export const OAUTH_SHOP_COOKIE = "shipsmart_oauth_shop";

export class OAuthShopMismatchError extends Error {
  constructor() {
    super("The OAuth callback is for another shop than the one that began it");
    this.name = "OAuthShopMismatchError";
  }
}

function shopBinding(secret: string, state: string, shop: string): string {
  return crypto.createHmac("sha256", secret).update(`${state}\n${shop}`).digest("base64url");
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

/** Refuses a callback whose shop is not the one its state was issued for. */
function assertCallbackShop(secret: string, request: Request) {
  const query = new URL(request.url).searchParams;
  const shop = normalizeShopDomain(query.get("shop"));
  const state = query.get("state");
  const binding = cookieValue(request, OAUTH_SHOP_COOKIE);
  if (!shop || !state || !binding) throw new OAuthShopMismatchError();
  const expected = Buffer.from(shopBinding(secret, state, shop));
  const given = Buffer.from(binding);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new OAuthShopMismatchError();
}

/**
 * Starts OAuth for an offline, expiring token, with the shop bound to the state. With the
 * emulator, the browser is sent to the emulator's Install page instead of
 * https://<shop>/admin/oauth/authorize.
 */
export async function beginOAuth(
  { shopify }: Pick<ShopDeps, "shopify">,
  shop: string,
  request: Request,
): Promise<Response> {
  const response = await shopify.auth.begin({
    shop,
    callbackPath: CALLBACK_PATH,
    isOnline: false,
    rawRequest: request,
  });
  const location = response.headers.get("location");
  // No location: the library refused to begin (a bot's user agent); nothing to bind.
  if (!location) return response;
  const headers = new Headers(response.headers);
  const state = new URL(location).searchParams.get("state") ?? "";
  const binding = shopBinding(shopify.config.apiSecretKey, state, normalizeShopDomain(shop) ?? shop);
  // Path, lifetime and flags as the library's own state cookie.
  headers.append(
    "set-cookie",
    `${OAUTH_SHOP_COOKIE}=${binding}; Path=${CALLBACK_PATH}; Max-Age=60; HttpOnly; Secure; SameSite=Lax`,
  );
  const emulator = shopifyEmulatorUrl();
  const target = emulator ? emulatorUrlFor(location, emulator) : null;
  if (target) {
    const url = new URL(target.url);
    url.searchParams.set("shop", target.shop);
    headers.set("location", url.toString());
  }
  return new Response(null, { status: response.status, headers });
}

interface ShopDetails {
  shop: {
    name: string;
    myshopifyDomain: string;
    currencyCode: string;
    email: string | null;
    billingAddress: {
      company: string | null;
      address1: string | null;
      address2: string | null;
      city: string | null;
      provinceCode: string | null;
      zip: string | null;
      phone: string | null;
      countryCodeV2: string | null;
    };
    plan: { displayName: string };
  };
  currentAppInstallation: { accessScopes: { handle: string }[] };
}

async function registerWebhooks(deps: ShopDeps, session: Session) {
  const uri = `${appUrl()}${WEBHOOK_PATH}`;
  const { data } = await shopifyGraphql<{ webhookSubscriptions: { nodes: { topic: string; uri: string }[] } }>(
    deps.shopify,
    session,
    WEBHOOK_SUBSCRIPTIONS_QUERY,
  );
  const existing = new Set(data.webhookSubscriptions.nodes.filter((sub) => sub.uri === uri).map((sub) => sub.topic));
  for (const topic of WEBHOOK_TOPICS.filter((topic) => !existing.has(topic))) {
    const { data: created } = await shopifyGraphql<{
      webhookSubscriptionCreate: { userErrors: { message: string }[] };
    }>(deps.shopify, session, WEBHOOK_SUBSCRIPTION_CREATE_MUTATION, { topic, uri });
    const problems = created.webhookSubscriptionCreate.userErrors;
    if (problems.length > 0)
      console.warn(`[webhooks] ${session.shop} ${topic}: ${problems.map((p) => p.message).join("; ")}`);
  }
}

/**
 * The shop's primary language, or null when the store has not granted read_locales (connected
 * before it was asked for: the Stores page asks an admin to reconnect).
 */
async function primaryLocale(deps: ShopDeps, session: Session, scopes: string[]): Promise<string | null> {
  if (!scopes.includes("read_locales")) return null;
  try {
    const { data } = await shopifyGraphql<{ shopLocales: { locale: string; primary: boolean }[] }>(
      deps.shopify,
      session,
      SHOP_LOCALES_QUERY,
    );
    return data.shopLocales.find((entry) => entry.primary)?.locale ?? null;
  } catch (error) {
    if (error instanceof ShopifyForbiddenError) return null;
    throw error;
  }
}

/** Reads the shop's details, language and granted scopes into the stores row. */
async function syncStoreDetails(deps: ShopDeps, session: Session) {
  const { data } = await shopifyGraphql<ShopDetails>(deps.shopify, session, SHOP_QUERY);
  const granted = data.currentAppInstallation.accessScopes.map((scope) => scope.handle);
  const values = {
    name: data.shop.name,
    originCountry: data.shop.billingAddress.countryCodeV2 ?? "BR",
    originState: data.shop.billingAddress.provinceCode,
    currency: data.shop.currencyCode,
    plan: data.shop.plan.displayName,
    scopes: granted.join(","),
    locale: await primaryLocale(deps, session, granted),
    shipper: shipperFromShop(data.shop),
  };
  return values;
}

/** After a verified callback: session stored, store Connected, webhooks registered, audited. */
export async function completeConnection(deps: ShopDeps, session: Session, actorId: string | null) {
  const { db } = deps;
  await new EncryptedSessionStorage(db).storeSession(session);
  const details = await syncStoreDetails(deps, session);
  const status = await storeStatusByDomain(db, session.shop);
  const before = status ? { status } : undefined;
  const [store] = await db
    .insert(stores)
    .values({ shopDomain: session.shop, status: "connected", ...details })
    .onConflictDoUpdate({
      target: stores.shopDomain,
      // The shipper details an admin completed are kept; a store without any gets the shop's address.
      set: {
        ...details,
        shipper: sql`coalesce(${stores.shipper}, excluded.shipper)`,
        status: "connected",
        updatedAt: sql`now()`,
      },
    })
    .returning();
  // Development and e2e: the store ships through the emulated carriers (a no-op otherwise).
  await assignEmulatedAccounts(db, store.id);
  await registerWebhooks(deps, session);
  // A reconnect may grant what the holds waited for (a scope, a new token): its drafts are due again.
  if (before) await queueStoreHolds(db, store.id);
  await recordAudit(db, {
    actorId,
    action: before ? "store.reconnected" : "store.connected",
    entityType: "store",
    entityId: store.id,
    before: before ?? null,
    after: { status: "connected", scopes: details.scopes, plan: details.plan },
  });
  return { store, reconnected: !!before };
}

/**
 * Checks the callback is for the shop that began it, lets the library verify the rest (state
 * cookie, HMAC, timestamp) and exchange the code, then completes it.
 */
export async function handleOAuthCallback(deps: ShopDeps, request: Request, actorId: string | null) {
  assertCallbackShop(deps.shopify.config.apiSecretKey, request);
  const { session } = await deps.shopify.auth.callback<Headers>({ rawRequest: request, expiring: true });
  return completeConnection(deps, session, actorId);
}

/** Refreshes a connected store's name, plan and scopes from Shopify (the "Check connection" button). */
export async function updateStoreDetails(deps: ShopDeps, session: Session) {
  const { shipper, ...details } = await syncStoreDetails(deps, session);
  await deps.db
    .update(stores)
    .set({
      ...details,
      shipper: sql`coalesce(${stores.shipper}, ${JSON.stringify(shipper)}::jsonb)`,
      updatedAt: sql`now()`,
    })
    .where(eq(stores.shopDomain, session.shop));
  return details;
}

/** The shipper details an admin entered (validated by the caller); audited with what they replace. */
export async function updateShipperProfile(db: Db, storeId: string, profile: ShipperProfile, actorId: string) {
  const before = await storedShipper(db, storeId);
  if (!before) throw new AppError("errors.notFound");
  await db
    .update(stores)
    .set({ shipper: profile, updatedAt: sql`now()` })
    .where(eq(stores.id, storeId));
  await recordAudit(db, {
    actorId,
    action: "store.shipper_updated",
    entityType: "store",
    entityId: storeId,
    before: before.shipper,
    after: profile,
  });
}
