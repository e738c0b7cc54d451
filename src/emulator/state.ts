// Everything the emulator remembers, in memory (optionally snapshotted to a file): shops, their
// orders, the app's installations and tokens, webhook subscriptions, bulk operations and faults.
import crypto from "node:crypto";
import { LeakyBucket, PLAN_LIMITS } from "./bucket";
import type { EmuOrder, EmuShopProfile, PlanName } from "./model";

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
export const REFRESH_TOKEN_TTL_SECONDS = 7_776_000; // 90 days

export interface AccessToken {
  token: string;
  shop: string;
  scope: string;
  /** Epoch ms; null for non-expiring offline tokens. */
  expiresAt: number | null;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  shop: string;
  scope: string;
  expiresAt: number;
  /** Set once the pair that replaced it has been used; from then on it is refused. */
  supersededBy: string | null;
  revoked: boolean;
}

interface WebhookSubscription {
  id: number;
  topic: string; // GraphQL enum form, e.g. ORDERS_CREATE
  uri: string;
  format: "JSON";
  createdAt: string;
}

interface BulkOperation {
  id: number;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  query: string;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  jsonl: string | null;
}

export interface Faults {
  /** Share of Admin API requests answered with a 5xx (0–1). */
  errorRate: number;
  /** Added to every Admin API response, in ms. */
  latencyMs: number;
  /** Share of orders whose GraphQL representation is broken (missing a non-null field). */
  malformedRate: number;
  /** Order ids that are always malformed. */
  malformedOrderIds: number[];
  /** How long a bulk query stays RUNNING before its result is ready, in ms (a large shop's export). */
  bulkRunningMs: number;
}

export interface ShopState {
  profile: EmuShopProfile;
  orders: EmuOrder[];
  ordersById: Map<number, EmuOrder>;
  nextId: number;
  nextOrderNumber: number;
  installed: boolean;
  grantedScopes: string[];
  bucket: LeakyBucket;
  webhooks: WebhookSubscription[];
  bulkOperations: Map<number, BulkOperation>;
  faults: Faults;
}

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  shop: string | null;
  status: number;
  ms: number;
  requestedCost?: number;
  actualCost?: number | null;
  throttled?: boolean;
  operation?: string | null;
}

export interface AuthorizationCode {
  code: string;
  shop: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  malformedRate: 0,
  malformedOrderIds: [],
  bulkRunningMs: 0,
};

function randomToken(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(24).toString("hex")}`;
}

export class EmulatorState {
  readonly shops = new Map<string, ShopState>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly requestLog: RequestLogEntry[] = [];
  private nextGlobalId = 1_000_000;

  constructor(readonly app: AppCredentials) {}

  newId(): number {
    return this.nextGlobalId++;
  }

  createShop(profile: EmuShopProfile, orders: Iterable<EmuOrder> = []): ShopState {
    const list = [...orders].sort((a, b) => a.id - b.id);
    const shop: ShopState = {
      profile,
      orders: list,
      ordersById: new Map(list.map((order) => [order.id, order])),
      nextId: Math.max(10_000_000, ...list.map((order) => order.id + 1)),
      nextOrderNumber: list.reduce((max, order) => Math.max(max, Number(order.name.replace(/\D/g, "")) + 1), 1001),
      installed: false,
      grantedScopes: [],
      bucket: new LeakyBucket(PLAN_LIMITS[profile.plan]),
      webhooks: [],
      bulkOperations: new Map(),
      faults: { ...NO_FAULTS },
    };
    this.shops.set(profile.domain, shop);
    return shop;
  }

  shop(domain: string): ShopState | undefined {
    return this.shops.get(domain.toLowerCase());
  }

  setPlan(domain: string, plan: PlanName) {
    const shop = this.shop(domain);
    if (!shop) return;
    shop.profile.plan = plan;
    shop.bucket.setLimits(PLAN_LIMITS[plan]);
  }

  /** The valid access token's record, or null for unknown, revoked or expired tokens. */
  validAccessToken(token: string | null | undefined, shop: string, now = Date.now()): AccessToken | null {
    if (!token) return null;
    const record = this.accessTokens.get(token);
    if (!record || record.revoked || record.shop !== shop) return null;
    if (record.expiresAt !== null && record.expiresAt <= now) return null;
    return record;
  }

  issueTokens(shop: string, scope: string, expiring: boolean, now = Date.now()) {
    const access: AccessToken = {
      token: randomToken("shpat"),
      shop,
      scope,
      expiresAt: expiring ? now + ACCESS_TOKEN_TTL_SECONDS * 1000 : null,
      revoked: false,
    };
    this.accessTokens.set(access.token, access);
    let refresh: RefreshToken | null = null;
    if (expiring) {
      refresh = {
        token: randomToken("shprt"),
        shop,
        scope,
        expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
        supersededBy: null,
        revoked: false,
      };
      this.refreshTokens.set(refresh.token, refresh);
    }
    return { access, refresh };
  }

  /** Revokes every token of a shop, as an uninstall or a revoked grant does. */
  revokeTokens(shop: string) {
    for (const token of this.accessTokens.values()) if (token.shop === shop) token.revoked = true;
    for (const token of this.refreshTokens.values()) if (token.shop === shop) token.revoked = true;
  }

  /** Makes every access token of a shop expire now (refresh tokens stay valid). */
  expireAccessTokens(shop: string, now = Date.now()) {
    for (const token of this.accessTokens.values()) {
      if (token.shop === shop && !token.revoked) token.expiresAt = now - 1;
    }
  }

  log(entry: RequestLogEntry) {
    this.requestLog.push(entry);
    if (this.requestLog.length > 5_000) this.requestLog.splice(0, this.requestLog.length - 5_000);
  }
}
