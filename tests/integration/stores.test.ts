// Stores against the emulator: connecting through OAuth, tokens encrypted at rest, refreshes
// serialized per shop, reconnect-needed on refusal, and the webhook endpoint (HMAC, dedupe,
// app/uninstalled and the compliance topics).
import crypto from "node:crypto";
import type { Shopify } from "@shopify/shopify-api";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ShopifyMailingAddress } from "@/domain/shopify-order";
import type { DraftRecipient } from "@/domain/shipment-evaluation";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { signWebhook } from "@/emulator/webhooks";
import { auditEvents, orders, shipments, shopifySessions, stores } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { updateStoreDetails } from "@/server/services/store-connection";
import { handleShopifyWebhook } from "@/server/services/shopify-webhooks";
import {
  StoreReconnectNeededError,
  getShopSession,
  refreshShopSession,
  withShopSession,
} from "@/server/services/shop-session";
import { createShopify } from "@/server/shopify/api";
import { EncryptedSessionStorage, offlineSessionId } from "@/server/shopify/session-storage";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "stores-test-key", apiSecret: "stores-test-secret" };
const SHOP = "loja-stores.myshopify.com";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Stores", orders: 5, seed: 3 });
  // Set for this file only (stubEnv), and put back after it: other files in the worker see their own.
  vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
  vi.stubEnv("SHOPIFY_EMULATOR_URL", emulator.url);
  shopify = createShopify({ ...APP, appUrl: "http://127.0.0.1:3999", emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator(deps(), SHOP, emulator.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  await testDb?.cleanup();
});

const accessTokenRequests = () =>
  emulator.state.requestLog.filter((entry) => entry.path === "/admin/oauth/access_token").length;

async function storeRow() {
  const [row] = await testDb.db.select().from(stores).where(eq(stores.shopDomain, SHOP));
  return row;
}

describe(`connecting a store (${driverName})`, () => {
  it("records the store as Connected with its details and an audit event", async () => {
    expect(await storeRow()).toMatchObject({
      name: "Loja Stores",
      status: "connected",
      originCountry: "BR",
      currency: "BRL",
      plan: "Standard",
    });
    expect((await storeRow()).scopes).toContain("write_orders");
    const events = await testDb.db.select().from(auditEvents).where(eq(auditEvents.action, "store.connected"));
    expect(events).toHaveLength(1);
  });

  it("keeps both tokens encrypted at rest", async () => {
    const [row] = await testDb.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP));
    const issued = [...emulator.state.accessTokens.values()].filter((token) => token.shop === SHOP).map((t) => t.token);
    expect(row.accessToken.startsWith("v1.")).toBe(true);
    expect(row.refreshToken!.startsWith("v1.")).toBe(true);
    for (const token of issued) expect(JSON.stringify(row)).not.toContain(token);
    const session = await new EncryptedSessionStorage(testDb.db).loadSession(offlineSessionId(SHOP));
    expect(issued).toContain(session!.accessToken);
  });
});

describe(`token refresh (${driverName})`, () => {
  it("refreshes an access token that expires within 5 minutes before using it", async () => {
    const storage = new EncryptedSessionStorage(testDb.db);
    const session = (await storage.loadSession(offlineSessionId(SHOP)))!;
    session.expires = new Date(Date.now() + 60_000);
    await storage.storeSession(session);
    const before = accessTokenRequests();
    const fresh = await getShopSession(deps(), SHOP);
    expect(accessTokenRequests()).toBe(before + 1);
    expect(fresh.accessToken).not.toBe(session.accessToken);
    expect(fresh.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it("makes one refresh call when two callers refresh the same shop at once", async () => {
    const storage = new EncryptedSessionStorage(testDb.db);
    const session = (await storage.loadSession(offlineSessionId(SHOP)))!;
    session.expires = new Date(Date.now() - 1000);
    await storage.storeSession(session);
    const before = accessTokenRequests();
    const [a, b] = await Promise.all([refreshShopSession(deps(), SHOP), refreshShopSession(deps(), SHOP)]);
    expect(accessTokenRequests()).toBe(before + 1);
    expect(a.accessToken).toBe(b.accessToken);
    expect((await storage.loadSession(offlineSessionId(SHOP)))!.accessToken).toBe(a.accessToken);
  });

  it("recovers from a 401 by refreshing once, without marking the store", async () => {
    emulator.state.expireAccessTokens(SHOP);
    const details = await withShopSession(deps(), SHOP, (session) => updateStoreDetails(deps(), session));
    expect(details.name).toBe("Loja Stores");
    expect((await storeRow()).status).toBe("connected");
  });

  it("marks the store Reconnect needed when Shopify refuses the refresh too, and touches nothing else", async () => {
    const ordersBefore = await testDb.db.select({ count: sql<number>`count(*)::int` }).from(orders);
    emulator.state.revokeTokens(SHOP);
    await expect(
      withShopSession(deps(), SHOP, (session) => updateStoreDetails(deps(), session)),
    ).rejects.toBeInstanceOf(StoreReconnectNeededError);
    expect((await storeRow()).status).toBe("reconnect_needed");
    const ordersAfter = await testDb.db.select({ count: sql<number>`count(*)::int` }).from(orders);
    expect(ordersAfter).toEqual(ordersBefore);

    // Reconnecting (the /auth/toplevel path) restores Connected.
    const { reconnected } = await connectThroughEmulator(deps(), SHOP, emulator.url);
    expect(reconnected).toBe(true);
    expect((await storeRow()).status).toBe("connected");
  });
});

function webhookRequest(
  topic: string,
  payload: unknown,
  options: { secret?: string; id?: string; body?: string } = {},
) {
  const body = options.body ?? JSON.stringify(payload);
  return new Request("http://127.0.0.1:3999/api/webhooks/shopify", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": options.id ?? crypto.randomUUID(),
      "x-shopify-hmac-sha256": signWebhook(JSON.stringify(payload), options.secret ?? APP.apiSecret),
    },
    body,
  });
}

async function seedOrder(name: string, email: string) {
  const store = await storeRow();
  const [order] = await testDb.db
    .insert(orders)
    .values({
      storeId: store.id,
      shopifyGid: `gid://shopify/Order/${name.slice(1)}`,
      name,
      shopifyCreatedAt: new Date(),
      shopifyUpdatedAt: new Date(),
      currency: "BRL",
      totalPrice: "100.00",
      customerName: "Jane Doe",
      customerEmail: email,
      shippingAddress: {
        name: "Jane Doe",
        address1: "1 Main St",
        city: "Austin",
        countryCodeV2: "US",
        phone: "+15125550100",
      } as ShopifyMailingAddress,
      shippingCountry: "US",
    })
    .returning();
  await testDb.db.insert(shipments).values({
    orderId: order.id,
    storeId: store.id,
    recipient: { name: "Jane Doe", phone: "+15125550100", email } as DraftRecipient,
  });
  return order;
}

describe(`webhooks (${driverName})`, () => {
  it("refuses a bad HMAC with 401 and changes nothing", async () => {
    const before = await storeRow();
    const response = await handleShopifyWebhook(
      deps(),
      webhookRequest("app/uninstalled", { id: 1 }, { secret: "wrong" }),
    );
    expect(response.status).toBe(401);
    const tampered = await handleShopifyWebhook(
      deps(),
      webhookRequest("app/uninstalled", { id: 1 }, { body: JSON.stringify({ id: 2 }) }),
    );
    expect(tampered.status).toBe(401);
    expect(await storeRow()).toEqual(before);
  });

  it("redacts a customer's personal data (customers/redact) and reports it (customers/data_request)", async () => {
    const order = await seedOrder("#5001", "jane@example.com");
    const other = await seedOrder("#5002", "someone@example.com");
    const report = await handleShopifyWebhook(
      deps(),
      webhookRequest("customers/data_request", {
        shop_domain: SHOP,
        customer: { id: 9, email: "jane@example.com" },
        orders_requested: [5001],
        data_request: { id: 77 },
      }),
    );
    expect(report.status).toBe(200);
    const [event] = await testDb.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "compliance.customer_data_request"));
    expect(event.after).toMatchObject({ dataRequestId: 77, orders: [{ name: "#5001" }] });

    const redact = await handleShopifyWebhook(
      deps(),
      webhookRequest("customers/redact", {
        shop_domain: SHOP,
        customer: { id: 9, email: "jane@example.com" },
        orders_to_redact: [5001],
      }),
    );
    expect(redact.status).toBe(200);
    const [redacted] = await testDb.db.select().from(orders).where(eq(orders.id, order.id));
    expect(redacted).toMatchObject({ customerName: null, customerEmail: null, shippingAddress: null });
    const [shipment] = await testDb.db.select().from(shipments).where(eq(shipments.orderId, order.id));
    expect(shipment.recipient).toBeNull();
    const [untouched] = await testDb.db.select().from(orders).where(eq(orders.id, other.id));
    expect(untouched.customerEmail).toBe("someone@example.com");
  });

  it("handles a redelivered webhook id once", async () => {
    const id = crypto.randomUUID();
    const payload = { shop_domain: SHOP, customer: { id: 10, email: "x@example.com" }, data_request: { id: 88 } };
    for (let i = 0; i < 2; i++) {
      expect(
        (await handleShopifyWebhook(deps(), webhookRequest("customers/data_request", payload, { id }))).status,
      ).toBe(200);
    }
    const events = await testDb.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "compliance.customer_data_request"));
    expect(events.filter((event) => (event.after as { dataRequestId: number }).dataRequestId === 88)).toHaveLength(1);
  });

  it("app/uninstalled marks the store Uninstalled and deletes its sessions", async () => {
    expect(
      (await handleShopifyWebhook(deps(), webhookRequest("app/uninstalled", { id: 1, domain: SHOP }))).status,
    ).toBe(200);
    expect((await storeRow()).status).toBe("uninstalled");
    expect(await testDb.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP))).toEqual([]);
  });

  it("shop/redact leaves no personal data of that shop", async () => {
    await seedOrder("#5003", "last@example.com");
    const response = await handleShopifyWebhook(
      deps(),
      webhookRequest("shop/redact", { shop_id: 1, shop_domain: SHOP }),
    );
    expect(response.status).toBe(200);
    expect(await storeRow()).toBeUndefined();
    const [{ count }] = await testDb.db.select({ count: sql<number>`count(*)::int` }).from(orders);
    expect(count).toBe(0);
    expect(await testDb.db.select().from(shipments)).toEqual([]);
    expect(await testDb.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP))).toEqual([]);
  });
});
