// The control API (/__emulator/*), which real Shopify does not have: tests and the dev script
// use it to create shops and orders, change orders (firing their webhooks), revoke or expire
// tokens, uninstall the app, inject faults, read the request log, and read an order's fulfillment
// holds or place and release another app's (GET/POST /shops/:shop/orders/:id/holds, DELETE …/holds/:id).
import { z } from "zod";
import { PLAN_LIMITS } from "./bucket";
import { demoStoreProfile, generateOrders } from "./generator";
import { fulfillmentOrderStatus, holdsOf, placeHold, releaseHolds } from "./holds";
import type { HttpReply } from "./http-reply";
import type { EmuOrder, EmuShopProfile, PlanName } from "./model";
import { NO_FAULTS, type EmulatorState, type ShopState } from "./state";
import { orderWebhookPayload, type WebhookDispatcher } from "./webhooks";

export interface ControlRequest {
  state: EmulatorState;
  webhooks: WebhookDispatcher;
  method: string;
  path: string;
  url: URL;
  body: Record<string, unknown>;
}

const plans = Object.keys(PLAN_LIMITS) as [PlanName, ...PlanName[]];
const domain = z
  .string()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be name.myshopify.com");

const createShopSchema = z.object({
  domain,
  name: z.string().min(1).optional(),
  plan: z.enum(plans).default("standard"),
  countryCode: z.string().length(2).default("BR"),
  provinceCode: z.string().nullable().default("SP"),
  city: z.string().default("São Paulo"),
  currency: z.string().length(3).default("BRL"),
  /** The shop's primary language (shopLocales), as Shopify writes locales: "pt-BR", "en", "es". */
  primaryLocale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "must be a locale such as pt-BR or en")
    .default("pt-BR"),
  orders: z.number().int().min(0).max(1_000_000).default(0),
  seed: z.number().int().default(1),
});

const generateSchema = z.object({ count: z.number().int().min(1).max(1_000_000), seed: z.number().int().default(1) });

const decimal = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, "must be a decimal amount such as 129.90");

/**
 * What a created order may pin about the buyer's currency: the presentment currency, the rate that
 * converts every shop amount not given explicitly, and explicit presentment amounts.
 */
const presentmentSchema = z.object({
  presentmentCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
    .optional(),
  presentmentRate: z.number().positive().max(1_000_000).optional(),
  presentmentTotalPrice: decimal.optional(),
  lineItems: z
    .array(z.object({ presentmentUnitPrice: decimal.optional() }).passthrough())
    .max(5_000)
    .optional(),
  shippingLines: z
    .array(z.object({ presentmentPrice: decimal.optional() }).passthrough())
    .max(50)
    .optional(),
});

/** A foreign presentment currency needs its rate: every amount not pinned is converted with it. */
function presentmentProblem(pinned: z.infer<typeof presentmentSchema>, shopCurrency: string): string | null {
  if (!pinned.presentmentCurrency || pinned.presentmentCurrency === shopCurrency) return null;
  return pinned.presentmentRate === undefined
    ? "order.presentmentRate: required with a foreign presentmentCurrency"
    : null;
}

/** Lines replaced without a total: the total is the new lines plus shipping, as Shopify would have it. */
function recomputeTotal(order: EmuOrder) {
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  const total =
    order.lineItems.reduce((sum, line) => sum + cents(line.unitPrice) * line.quantity, 0) +
    order.shippingLines.reduce((sum, line) => sum + cents(line.price), 0);
  order.totalPrice = (total / 100).toFixed(2);
}

const faultsSchema = z.object({
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  malformedRate: z.number().min(0).max(1).optional(),
  malformedOrderIds: z.array(z.number().int()).optional(),
  bulkRunningMs: z.number().int().min(0).max(3_600_000).optional(),
  /** Points drained from the bucket right now, as if another app had spent them. */
  throttleBurst: z.number().min(0).optional(),
});

// Another app's hold (a fraud-check or 3PL app, say), placed beside the emulated app's own: the
// dashboard must leave it alone.
const otherAppHoldSchema = z.object({
  appKey: z.string().min(1).max(100).default("other-app"),
  appTitle: z.string().min(1).max(100).default("Another app"),
  handle: z.string().max(64).nullable().default(null),
  reason: z
    .enum(["AWAITING_PAYMENT", "HIGH_RISK_OF_FRAUD", "INCORRECT_ADDRESS", "INVENTORY_OUT_OF_STOCK", "OTHER"])
    .default("OTHER"),
  reasonNotes: z.string().max(1000).nullable().default(null),
});

const ok = (body: unknown = { ok: true }, status = 200): HttpReply => ({ status, body });
const fail = (status: number, message: string): HttpReply => ({ status, body: { error: message } });

function touch(order: EmuOrder) {
  order.updatedAt = new Date(Math.max(Date.now(), Date.parse(order.updatedAt) + 1)).toISOString();
}

function summary(shop: ShopState) {
  return {
    domain: shop.profile.domain,
    name: shop.profile.name,
    plan: shop.profile.plan,
    countryCode: shop.profile.countryCode,
    currency: shop.profile.currency,
    orders: shop.orders.length,
    installed: shop.installed,
    grantedScopes: shop.grantedScopes,
    webhooks: shop.webhooks.map((sub) => ({ topic: sub.topic, uri: sub.uri })),
    throttleStatus: shop.bucket.status(),
    faults: shop.faults,
  };
}

/** Adds generated orders with order numbers and ids after the shop's existing ones. */
function addGeneratedOrders(shop: ShopState, count: number, seed: number, now = new Date()): EmuOrder[] {
  const added: EmuOrder[] = [];
  const latest = shop.orders.reduce((max, order) => Math.max(max, Date.parse(order.createdAt)), 0);
  for (const order of generateOrders({
    seed,
    count,
    shop: shop.profile,
    firstOrderNumber: shop.nextOrderNumber,
    firstId: shop.nextId,
    start: new Date(Math.max(latest + 1000, now.getTime() - 55 * 86_400_000)),
    end: now,
  })) {
    shop.orders.push(order);
    shop.ordersById.set(order.id, order);
    added.push(order);
  }
  shop.nextOrderNumber += count;
  shop.nextId = Math.max(shop.nextId, ...added.map((order) => order.id + 1)) + 1_000;
  return added;
}

export function createShop(state: EmulatorState, input: z.input<typeof createShopSchema>): ShopState {
  const parsed = createShopSchema.parse(input);
  const base = demoStoreProfile(parsed.domain);
  const profile: EmuShopProfile = {
    ...base,
    domain: parsed.domain,
    name: parsed.name ?? base.name,
    plan: parsed.plan,
    countryCode: parsed.countryCode,
    provinceCode: parsed.provinceCode,
    city: parsed.city,
    currency: parsed.currency,
    primaryLocale: parsed.primaryLocale,
  };
  const shop = state.createShop(profile);
  if (parsed.orders > 0) addGeneratedOrders(shop, parsed.orders, parsed.seed);
  return shop;
}

export async function handleControl({ state, webhooks, method, path, url, body }: ControlRequest): Promise<HttpReply> {
  const parts = path.split("/").filter(Boolean).slice(1); // drop "__emulator"
  try {
    if (parts[0] === "health") return ok({ ok: true, shops: state.shops.size });
    if (parts[0] === "reset" && method === "POST") {
      state.shops.clear();
      state.accessTokens.clear();
      state.refreshTokens.clear();
      state.codes.clear();
      state.requestLog.splice(0);
      return ok();
    }
    if (parts[0] === "requests" && method === "GET") {
      const shop = url.searchParams.get("shop");
      const limit = Number(url.searchParams.get("limit") ?? 200);
      const entries = state.requestLog.filter((entry) => !shop || entry.shop === shop);
      return ok({ requests: entries.slice(-limit) });
    }
    if (parts[0] === "webhooks" && parts[1] === "deliveries") {
      await webhooks.settle();
      return ok({ deliveries: webhooks.deliveries });
    }
    if (parts[0] === "bulk" && parts.length === 3 && method === "GET") {
      const shop = state.shop(parts[1]);
      const operation = shop?.bulkOperations.get(Number(parts[2].replace(/\.jsonl$/, "")));
      if (!operation || operation.status !== "COMPLETED") return fail(404, "No such bulk operation result");
      return { status: 200, headers: { "Content-Type": "application/jsonl" }, body: operation.jsonl ?? "" };
    }
    if (parts[0] !== "shops") return fail(404, `Unknown control path ${path}`);

    if (parts.length === 1) {
      if (method === "GET") return ok({ shops: [...state.shops.values()].map(summary) });
      if (method === "POST") {
        const parsed = createShopSchema.safeParse(body);
        if (!parsed.success)
          return fail(400, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        if (state.shop(parsed.data.domain)) return fail(409, `Shop ${parsed.data.domain} already exists`);
        return ok(summary(createShop(state, parsed.data)), 201);
      }
    }

    const shop = state.shop(parts[1]);
    if (!shop) return fail(404, `No shop ${parts[1]}`);
    const action = parts.slice(2).join("/");

    if (action === "" && method === "GET") return ok(summary(shop));
    if (action === "plan" && method === "PUT") {
      const plan = z.enum(plans).parse(body.plan);
      state.setPlan(shop.profile.domain, plan);
      return ok(summary(shop));
    }
    if (action === "tokens/revoke" && method === "POST") {
      state.revokeTokens(shop.profile.domain);
      return ok();
    }
    if (action === "tokens/expire" && method === "POST") {
      state.expireAccessTokens(shop.profile.domain);
      return ok();
    }
    if (action === "uninstall" && method === "POST") {
      webhooks.emit(shop, "APP_UNINSTALLED", {
        id: 1,
        name: shop.profile.name,
        domain: shop.profile.domain,
        myshopify_domain: shop.profile.domain,
      });
      state.revokeTokens(shop.profile.domain);
      shop.installed = false;
      shop.grantedScopes = [];
      shop.webhooks = [];
      return ok();
    }
    if (action === "faults") {
      if (method === "DELETE") {
        shop.faults = { ...NO_FAULTS };
        return ok();
      }
      const parsed = faultsSchema.parse(body);
      const { throttleBurst, ...faults } = parsed;
      shop.faults = { ...shop.faults, ...faults };
      if (throttleBurst) shop.bucket.drain(throttleBurst);
      return ok(summary(shop));
    }
    if (action === "orders/generate" && method === "POST") {
      const parsed = generateSchema.parse(body);
      const added = addGeneratedOrders(shop, parsed.count, parsed.seed);
      return ok({ added: added.length, total: shop.orders.length, firstId: added[0]?.id, lastId: added.at(-1)?.id });
    }
    if (action === "orders" && method === "GET") {
      return ok({ orders: shop.orders.slice(-Number(url.searchParams.get("limit") ?? 100)) });
    }
    if (action === "orders" && method === "POST") {
      // One new order: a generated one, with any fields the caller wants to pin.
      const pinned = (body.order ?? {}) as Record<string, unknown>;
      const presentment = presentmentSchema.safeParse(pinned);
      if (!presentment.success)
        return fail(400, presentment.error.issues.map((i) => `order.${i.path.join(".")}: ${i.message}`).join("; "));
      const problem = presentmentProblem(presentment.data, String(pinned.currency ?? shop.profile.currency));
      if (problem) return fail(400, problem);
      const [order] = addGeneratedOrders(shop, 1, Number(body.seed ?? Date.now() % 1_000_000));
      Object.assign(order, pinned);
      if (pinned.lineItems && pinned.totalPrice === undefined) recomputeTotal(order);
      webhooks.emit(shop, "ORDERS_CREATE", orderWebhookPayload(order));
      return ok({ order }, 201);
    }
    const holdAction = /^orders\/(\d+)\/holds(?:\/(\d+))?$/.exec(action);
    if (holdAction) {
      const order = shop.ordersById.get(Number(holdAction[1]));
      if (!order) return fail(404, `No order ${holdAction[1]}`);
      if (method === "GET" && !holdAction[2])
        return ok({ holds: holdsOf(order), status: fulfillmentOrderStatus(order) });
      if (method === "POST" && !holdAction[2]) {
        const { appKey, appTitle, ...input } = otherAppHoldSchema.parse(body);
        if (appKey === state.app.apiKey)
          return fail(400, "appKey: holds of the emulated app go through fulfillmentOrderHold");
        const placed = placeHold(
          order,
          input,
          { apiKey: appKey, title: appTitle },
          { newId: () => state.newId(), now: () => new Date() },
        );
        if (!placed.hold) return fail(409, placed.userErrors.map((error) => error.message).join("; "));
        return ok({ hold: placed.hold }, 201);
      }
      if (method === "DELETE" && holdAction[2]) {
        const hold = holdsOf(order).find((candidate) => candidate.id === Number(holdAction[2]));
        if (!hold) return fail(404, `No hold ${holdAction[2]}`);
        releaseHolds(order, [hold.id], hold.appKey);
        return ok({ holds: holdsOf(order) });
      }
    }
    const orderAction = /^orders\/(\d+)(?:\/(cancel|close))?$/.exec(action);
    if (orderAction) {
      const order = shop.ordersById.get(Number(orderAction[1]));
      if (!order) return fail(404, `No order ${orderAction[1]}`);
      if (method === "GET" && !orderAction[2]) return ok({ order });
      if (method === "PATCH" && !orderAction[2]) {
        Object.assign(order, body, { id: order.id });
        touch(order);
        webhooks.emit(shop, "ORDERS_UPDATED", orderWebhookPayload(order));
        return ok({ order });
      }
      if (method === "POST" && orderAction[2] === "cancel") {
        order.cancelledAt = new Date().toISOString();
        order.cancelReason = "CUSTOMER";
        // Cancelling closes the fulfillment order, and the holds on it go with it.
        order.fulfillmentHolds = [];
        order.closedAt ??= order.cancelledAt;
        touch(order);
        webhooks.emit(shop, "ORDERS_CANCELLED", orderWebhookPayload(order));
        webhooks.emit(shop, "ORDERS_UPDATED", orderWebhookPayload(order));
        return ok({ order });
      }
    }
    return fail(404, `Unknown control path ${method} ${path}`);
  } catch (error) {
    if (error instanceof z.ZodError)
      return fail(400, error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    throw error;
  }
}
