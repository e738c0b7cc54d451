// The real @shopify/shopify-api 13.1 talking to the emulator through the seam: OAuth, webhooks,
// token refresh, revoked tokens, throttling, cost limits, 5xx retries and bulk operations.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { InvalidOAuthError, type Session, type Shopify } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { createShopify } from "@/server/shopify/api";
import { ShopifyMaxCostExceededError, ShopifyNetworkError, ShopifyUnauthorizedError } from "@/server/shopify/errors";
import { shopifyGraphql } from "@/server/shopify/graphql";
import {
  BULK_OPERATION_QUERY,
  BULK_OPERATION_RUN_QUERY_MUTATION,
  FULFILLMENT_CREATE_MUTATION,
  FULFILLMENT_ORDERS_QUERY,
  ORDER_CLOSE_MUTATION,
  ORDER_IDS_QUERY,
  ORDERS_PAGE_QUERY,
  SHOP_QUERY,
  WEBHOOK_SUBSCRIPTION_CREATE_MUTATION,
} from "@/server/shopify/operations";
import { emulatorUrlFor } from "@/server/shopify/seam";

const APP = { apiKey: "test-api-key", apiSecret: "test-api-secret" };
const APP_URL = "http://127.0.0.1:3999";
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const SHOP = "loja-teste.myshopify.com";

let emulator: Emulator;
let shopify: Shopify;

beforeAll(async () => {
  emulator = createEmulator({ app: APP, webhooks: { retryBaseMs: 20, maxAttempts: 3 } });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Teste", orders: 600, seed: 42 });
  shopify = createShopify({ ...APP, appUrl: APP_URL, emulatorUrl: emulator.url });
});

afterAll(async () => {
  await emulator?.close();
});

const control = (path: string, init?: { method?: string; body?: unknown }) =>
  fetch(`${emulator.url}/__emulator${path}`, {
    method: init?.method ?? "POST",
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  }).then((response) => response.json());

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** The whole OAuth dance as a merchant's browser would do it: begin → Install page → Install → callback. */
async function installApp(shop = SHOP): Promise<Session> {
  const begin = await shopify.auth.begin({
    shop,
    callbackPath: "/auth/callback",
    isOnline: false,
    rawRequest: new Request(`${APP_URL}/auth/toplevel?shop=${shop}`, { headers: { "user-agent": BROWSER_UA } }),
  });
  expect(begin.status).toBe(302);
  const authorize = emulatorUrlFor(begin.headers.get("location")!, emulator.url)!;
  const page = await fetch(`${authorize.url}&shop=${shop}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Install app");
  const form = new URLSearchParams(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2].replace(/&amp;/g, "&").replace(/&quot;/g, '"'),
    ]),
  );
  form.set("decision", "install");
  const decision = await fetch(`${emulator.url}/admin/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(decision.status).toBe(302);
  const callbackUrl = decision.headers.get("location")!;
  expect(callbackUrl.startsWith(`${APP_URL}/auth/callback?`)).toBe(true);
  const { session } = await shopify.auth.callback<Headers>({
    rawRequest: new Request(callbackUrl, { headers: { "user-agent": BROWSER_UA, cookie: cookiesFrom(begin) } }),
    expiring: true,
  });
  return session;
}

describe("OAuth", () => {
  it("the library accepts the emulator's Install redirect and gets an expiring offline token", async () => {
    const session = await installApp();
    expect(session).toMatchObject({ id: `offline_${SHOP}`, shop: SHOP, isOnline: false });
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(session.scope).toContain("write_orders");

    const { data } = await shopifyGraphql<{ shop: { name: string; myshopifyDomain: string } }>(
      shopify,
      session,
      SHOP_QUERY,
    );
    expect(data.shop).toMatchObject({ name: "Loja Teste", myshopifyDomain: SHOP });
  });

  it("refuses a tampered callback", async () => {
    const begin = await shopify.auth.begin({
      shop: SHOP,
      callbackPath: "/auth/callback",
      isOnline: false,
      rawRequest: new Request(`${APP_URL}/auth/toplevel?shop=${SHOP}`, { headers: { "user-agent": BROWSER_UA } }),
    });
    const state = new URL(begin.headers.get("location")!).searchParams.get("state")!;
    const forged = new URL(`${APP_URL}/auth/callback`);
    for (const [key, value] of Object.entries({
      code: "forged",
      hmac: "0".repeat(64),
      shop: SHOP,
      state,
      timestamp: String(Math.floor(Date.now() / 1000)),
    })) {
      forged.searchParams.set(key, value);
    }
    await expect(
      shopify.auth.callback({
        rawRequest: new Request(forged, { headers: { "user-agent": BROWSER_UA, cookie: cookiesFrom(begin) } }),
        expiring: true,
      }),
    ).rejects.toBeInstanceOf(InvalidOAuthError);
  });

  it("Cancel sends the merchant back without a code", async () => {
    const form = new URLSearchParams({
      client_id: APP.apiKey,
      scope: "read_orders",
      redirect_uri: `${APP_URL}/auth/callback`,
      state: "s1",
      shop: SHOP,
      decision: "cancel",
    });
    const response = await fetch(`${emulator.url}/admin/oauth/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const location = new URL(response.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.has("code")).toBe(false);
  });
});

describe("tokens", () => {
  it("a refresh rotates the pair, and the old refresh token dies once the new one is used", async () => {
    const session = await installApp();
    const { session: refreshed } = await shopify.auth.refreshToken({ shop: SHOP, refreshToken: session.refreshToken! });
    expect(refreshed.accessToken).not.toBe(session.accessToken);
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);
    await expect(shopifyGraphql(shopify, refreshed, SHOP_QUERY)).resolves.toMatchObject({
      data: { shop: { myshopifyDomain: SHOP } },
    });

    const { session: again } = await shopify.auth.refreshToken({ shop: SHOP, refreshToken: refreshed.refreshToken! });
    expect(again.accessToken).toMatch(/^shpat_[0-9a-f]{48}$/);
    expect(again.accessToken).not.toBe(refreshed.accessToken);
    await expect(shopify.auth.refreshToken({ shop: SHOP, refreshToken: session.refreshToken! })).rejects.toMatchObject({
      response: { code: 400, body: { error: "invalid_grant" } },
    });
  });

  it("a revoked token surfaces as ShopifyUnauthorizedError", async () => {
    const session = await installApp();
    await control(`/shops/${SHOP}/tokens/revoke`);
    await expect(shopifyGraphql(shopify, session, SHOP_QUERY)).rejects.toBeInstanceOf(ShopifyUnauthorizedError);
  });

  it("an expired access token is refused until it is refreshed", async () => {
    const session = await installApp();
    await control(`/shops/${SHOP}/tokens/expire`);
    await expect(shopifyGraphql(shopify, session, SHOP_QUERY)).rejects.toBeInstanceOf(ShopifyUnauthorizedError);
    const { session: refreshed } = await shopify.auth.refreshToken({ shop: SHOP, refreshToken: session.refreshToken! });
    await expect(shopifyGraphql(shopify, refreshed, SHOP_QUERY)).resolves.toMatchObject({
      data: { shop: { myshopifyDomain: SHOP } },
    });
  });
});

describe("webhooks", () => {
  it("deliveries pass shopify.webhooks.validate, a tampered one does not, and non-2xx answers are retried", async () => {
    const session = await installApp();
    const received: { headers: Record<string, string>; body: string }[] = [];
    let failFirst = true;
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ headers: request.headers as Record<string, string>, body });
        response.writeHead(failFirst ? 500 : 200).end();
        failFirst = false;
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/shopify`;
    try {
      const { data } = await shopifyGraphql<{ webhookSubscriptionCreate: { userErrors: unknown[] } }>(
        shopify,
        session,
        WEBHOOK_SUBSCRIPTION_CREATE_MUTATION,
        { topic: "ORDERS_UPDATED", uri: hookUrl },
      );
      expect(data.webhookSubscriptionCreate.userErrors).toEqual([]);
      const order = emulator.state.shop(SHOP)!.orders[0];
      await control(`/shops/${SHOP}/orders/${order.id}`, { method: "PATCH", body: { note: "Please gift-wrap" } });
      await emulator.webhooks.settle();

      expect(received).toHaveLength(2); // a 500, then the retry
      expect(received[1].headers["x-shopify-webhook-id"]).toBe(received[0].headers["x-shopify-webhook-id"]);
      const delivery = received[1];
      const validation = await shopify.webhooks.validate({
        rawBody: delivery.body,
        rawRequest: new Request(hookUrl, { method: "POST", headers: delivery.headers, body: delivery.body }),
      });
      expect(validation).toMatchObject({ valid: true, topic: "ORDERS_UPDATED", domain: SHOP });
      expect(JSON.parse(delivery.body)).toMatchObject({
        admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
        name: order.name,
      });

      const tamperedBody = delivery.body.replace(order.name, "#9999");
      const tampered = await shopify.webhooks.validate({
        rawBody: tamperedBody,
        rawRequest: new Request(hookUrl, { method: "POST", headers: delivery.headers, body: tamperedBody }),
      });
      expect(tampered).toMatchObject({ valid: false, reason: "invalid_hmac" });
    } finally {
      receiver.close();
    }
  });
});

describe("Admin GraphQL through the wrapper", () => {
  it("pages through every order exactly once on the Standard plan, waiting out THROTTLED", async () => {
    const session = await installApp();
    await control(`/shops/${SHOP}/faults`, { body: { throttleBurst: 1950 } }); // another app just spent the bucket
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        data: { orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
      } = await shopifyGraphql(shopify, session, ORDER_IDS_QUERY, { first: 100, after });
      seen.push(...page.data.orders.nodes.map((node) => node.id));
      after = page.data.orders.pageInfo.hasNextPage ? page.data.orders.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    const log = await control(`/requests?shop=${SHOP}&limit=50`, { method: "GET" });
    expect(log.requests.some((entry: { throttled?: boolean }) => entry.throttled)).toBe(true);
  });

  it("reads a page of full orders under the single-query cost cap", async () => {
    const session = await installApp();
    const { data, cost } = await shopifyGraphql<{
      orders: { nodes: { name: string; lineItems: { nodes: unknown[] } }[] };
    }>(shopify, session, ORDERS_PAGE_QUERY, {
      first: 10,
      lineItemsFirst: 8,
      invoiceNamespace: "nfe",
      invoiceKey: "access_key",
      query: "updated_at:>'2020-01-01T00:00:00Z'",
    });
    expect(data.orders.nodes).toHaveLength(10);
    expect(cost!.requestedQueryCost).toBeLessThanOrEqual(1000);
    expect(cost!.actualQueryCost!).toBeLessThan(cost!.requestedQueryCost);
  });

  it("turns MAX_COST_EXCEEDED into a typed error", async () => {
    const session = await installApp();
    await expect(
      shopifyGraphql(shopify, session, ORDERS_PAGE_QUERY, {
        first: 50,
        lineItemsFirst: 50,
        invoiceNamespace: "nfe",
        invoiceKey: "k",
      }),
    ).rejects.toBeInstanceOf(ShopifyMaxCostExceededError);
  });

  it("retries 5xx answers with backoff, then gives up with ShopifyNetworkError", async () => {
    const session = await installApp();
    await control(`/shops/${SHOP}/faults`, { body: { errorRate: 1 } });
    try {
      await expect(
        shopifyGraphql(shopify, session, SHOP_QUERY, undefined, { backoffMs: 1, maxRetries: 2 }),
      ).rejects.toBeInstanceOf(ShopifyNetworkError);
    } finally {
      await control(`/shops/${SHOP}/faults`, { method: "DELETE" });
    }
  });

  it("closes an order and creates a fulfillment with tracking", async () => {
    const session = await installApp();
    const order = emulator.state.shop(SHOP)!.orders.find((o) => o.shippingAddress && !o.cancelledAt)!;
    const id = `gid://shopify/Order/${order.id}`;
    const { data: fo } = await shopifyGraphql<{
      order: { fulfillmentOrders: { nodes: { id: string; status: string }[] } };
    }>(shopify, session, FULFILLMENT_ORDERS_QUERY, { id, first: 5, linesFirst: 150 });
    const fulfillmentOrder = fo.order.fulfillmentOrders.nodes[0];
    expect(fulfillmentOrder.status).toBe("OPEN");
    const { data: created } = await shopifyGraphql<{
      fulfillmentCreate: {
        fulfillment: { trackingInfo: { number: string; company: string }[] };
        userErrors: unknown[];
      };
    }>(shopify, session, FULFILLMENT_CREATE_MUTATION, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fulfillmentOrder.id }],
        trackingInfo: { company: "FedEx", number: "123456789012" },
        notifyCustomer: true,
      },
    });
    expect(created.fulfillmentCreate.userErrors).toEqual([]);
    expect(created.fulfillmentCreate.fulfillment.trackingInfo[0]).toMatchObject({
      company: "FedEx",
      number: "123456789012",
    });
    expect(order.fulfillmentStatus).toBe("FULFILLED");

    const { data: closed } = await shopifyGraphql<{ orderClose: { order: { closed: boolean } } }>(
      shopify,
      session,
      ORDER_CLOSE_MUTATION,
      { id },
    );
    expect(closed.orderClose.order.closed).toBe(true);
  });

  it("runs a bulk operation and serves its JSONL", async () => {
    const session = await installApp();
    const bulkQuery = `{ orders(query: "status:any") { edges { node { id name lineItems { edges { node { id sku } } } } } } }`;
    const { data: run } = await shopifyGraphql<{
      bulkOperationRunQuery: { bulkOperation: { id: string }; userErrors: unknown[] };
    }>(shopify, session, BULK_OPERATION_RUN_QUERY_MUTATION, { query: bulkQuery });
    expect(run.bulkOperationRunQuery.userErrors).toEqual([]);
    type BulkOperation = { status: string; url: string | null; rootObjectCount: string };
    let operation: BulkOperation | null = null;
    for (let attempt = 0; attempt < 100; attempt++) {
      const { data }: { data: { bulkOperation: BulkOperation | null } } = await shopifyGraphql(
        shopify,
        session,
        BULK_OPERATION_QUERY,
        {
          id: run.bulkOperationRunQuery.bulkOperation.id,
        },
      );
      operation = data.bulkOperation;
      if (operation?.status === "COMPLETED") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(operation).toMatchObject({ status: "COMPLETED", rootObjectCount: "600" });
    const lines = (await (await fetch(operation!.url!)).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const orders = lines.filter((line) => !line.__parentId);
    const items = lines.filter((line) => line.__parentId);
    expect(orders).toHaveLength(600);
    expect(items.length).toBe(emulator.state.shop(SHOP)!.orders.reduce((sum, o) => sum + o.lineItems.length, 0));
    expect(items.every((item) => orders.some((o) => o.id === item.__parentId))).toBe(true);
  });

  it("runs up to five bulk queries at once from API 2026-01 and refuses the sixth as Shopify does; one before", async () => {
    const shop = "loja-bulk-limite.myshopify.com";
    createShop(emulator.state, { domain: shop, name: "Loja Limite", orders: 3, seed: 43 });
    const session = await installApp(shop);
    emulator.state.shop(shop)!.faults.bulkRunningMs = 60_000; // every operation stays running
    const admin = async (version: string, query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${emulator.url}/admin/api/${version}/graphql.json`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-emulated-shop": shop,
          "x-shopify-access-token": session.accessToken!,
        },
        body: JSON.stringify({ query, variables }),
      });
      return ((await response.json()) as { data: Record<string, never> }).data;
    };
    type RunPayload = {
      bulkOperation: { id: string } | null;
      userErrors: { field: string[] | null; message: string; code: string }[];
    };
    const runBulk = async (version: string) =>
      (await admin(version, BULK_OPERATION_RUN_QUERY_MUTATION, { query: `{ orders { edges { node { id } } } }` }))
        .bulkOperationRunQuery as RunPayload;
    const cancel = (id: string) =>
      admin("2026-07", `mutation ($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }`, { id });

    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await runBulk("2026-07");
      expect(run.userErrors).toEqual([]);
      started.push(run.bulkOperation!.id);
    }
    expect(await runBulk("2026-01")).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${started.join(", ")}.`,
          code: "OPERATION_IN_PROGRESS",
        },
      ],
    });
    // Polling by id sees each one; the deprecated currentBulkOperation only the most recent.
    const polled = await admin("2026-07", BULK_OPERATION_QUERY, { id: started[0] });
    expect(polled.bulkOperation).toMatchObject({ id: started[0], status: "RUNNING" });
    const current = await admin("2026-07", `{ currentBulkOperation(type: QUERY) { id status } }`);
    // The emulator exports one at a time per shop: the newest may still wait its turn (CREATED).
    const newest = current.currentBulkOperation as { id: string; status: string };
    expect(newest.id).toBe(started[4]);
    expect(["CREATED", "RUNNING"]).toContain(newest.status);

    for (const id of started.slice(1)) await cancel(id);
    // Before 2026-01 one running bulk query is already the limit; 2026-01 still has room.
    expect(await runBulk("2025-10")).toEqual({
      bulkOperation: null,
      userErrors: [
        {
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${started[0]}.`,
          code: "OPERATION_IN_PROGRESS",
        },
      ],
    });
    const second = await runBulk("2026-01");
    expect(second.userErrors).toEqual([]);
    await cancel(started[0]);
    await cancel(second.bulkOperation!.id);
    expect((await runBulk("2025-10")).userErrors).toEqual([]);
  });
});
