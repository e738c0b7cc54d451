// The webhook endpoint's edges: a body over our limit (413, never read whole), a signed payload
// that is not an object of the types we read (400), and a shop we do not hold (200, nothing
// recorded). None of them writes a row.
import crypto from "node:crypto";
import type { Shopify } from "@shopify/shopify-api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signWebhook } from "@/emulator/webhooks";
import { MAX_WEBHOOK_BODY_BYTES } from "@/domain/request-limits";
import { auditEvents, orders, processedWebhooks, stores } from "@/server/db/schema";
import { handleShopifyWebhook } from "@/server/services/shopify-webhooks";
import { createShopify } from "@/server/shopify/api";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "webhook-limits-key", apiSecret: "webhook-limits-secret" };
const SHOP = "loja-limites.myshopify.com";
const UNKNOWN_SHOP = "loja-desconhecida.myshopify.com";
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });

beforeAll(async () => {
  shopify = createShopify({ ...APP, appUrl: "http://127.0.0.1:3999" });
  testDb = await createTestDb();
  await testDb.db.insert(stores).values({ shopDomain: SHOP, name: "Loja Limites" });
});

afterAll(async () => {
  await testDb?.cleanup();
});

function signedRequest(topic: string, body: BodyInit, signedBody: string, shop = SHOP, headers = {}) {
  return new Request("http://127.0.0.1:3999/api/webhooks/shopify", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-hmac-sha256": signWebhook(signedBody, APP.apiSecret),
      ...headers,
    },
    body,
    duplex: "half",
  } as RequestInit);
}

const webhook = (topic: string, body: string, shop = SHOP) => signedRequest(topic, body, body, shop);

async function rowCounts() {
  const count = async (table: typeof processedWebhooks | typeof auditEvents | typeof orders | typeof stores) =>
    (await testDb.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return {
    processed: await count(processedWebhooks),
    audit: await count(auditEvents),
    orders: await count(orders),
    stores: await count(stores),
  };
}

describe(`webhook edges (${driverName})`, () => {
  it("answers 400 to a signed payload that is not an object, and records nothing", async () => {
    const before = await rowCounts();
    for (const topic of ["customers/data_request", "customers/redact", "orders/create", "app/uninstalled"]) {
      for (const body of ["null", "42", "[]", '"text"', "true", "not json"]) {
        const response = await handleShopifyWebhook(deps(), webhook(topic, body));
        expect(response.status, `${topic} ${body}`).toBe(400);
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 400 to a signed object whose fields have other types than Shopify's", async () => {
    const before = await rowCounts();
    for (const payload of [
      { customer: { email: 5 } },
      { customer: "jane@example.com" },
      { orders_requested: "1001" },
      { orders_to_redact: [{ id: 1 }] },
      { admin_graphql_api_id: 1001 },
    ]) {
      const response = await handleShopifyWebhook(deps(), webhook("customers/redact", JSON.stringify(payload)));
      expect(response.status, JSON.stringify(payload)).toBe(400);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 200 to a shop it does not hold, without writing a row", async () => {
    const before = await rowCounts();
    for (const [topic, payload] of [
      ["customers/data_request", { shop_domain: UNKNOWN_SHOP, customer: { id: 1, email: "a@example.com" } }],
      ["customers/redact", { shop_domain: UNKNOWN_SHOP, customer: { id: 1 }, orders_to_redact: [1] }],
      ["shop/redact", { shop_domain: UNKNOWN_SHOP }],
      ["app/uninstalled", { id: 1, domain: UNKNOWN_SHOP }],
      ["orders/create", { id: 1, admin_graphql_api_id: "gid://shopify/Order/1" }],
    ] as const) {
      const response = await handleShopifyWebhook(deps(), webhook(topic, JSON.stringify(payload), UNKNOWN_SHOP));
      expect(response.status, topic).toBe(200);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("still records a webhook of a shop it holds", async () => {
    const before = await rowCounts();
    const payload = JSON.stringify({ shop_domain: SHOP, customer: { id: 2, email: "b@example.com" } });
    expect((await handleShopifyWebhook(deps(), webhook("customers/data_request", payload))).status).toBe(200);
    expect((await rowCounts()).processed).toBe(before.processed + 1);
  });

  it("answers 413 to a body over the limit, declared or streamed, before the HMAC and without writing", async () => {
    const before = await rowCounts();
    const filler = "x".repeat(MAX_WEBHOOK_BODY_BYTES);
    const big = JSON.stringify({ shop_domain: SHOP, customer: { id: 3, email: "c@example.com" }, note: filler });
    const declared = await handleShopifyWebhook(deps(), webhook("customers/data_request", big));
    expect(declared.status).toBe(413);

    // Chunked, with no Content-Length: reading stops once the limit is passed.
    let chunksRead = 0;
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          chunksRead++;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const streamed = await handleShopifyWebhook(deps(), signedRequest("customers/data_request", endless, "{}"));
    expect(streamed.status).toBe(413);
    expect(chunksRead * chunk.byteLength).toBeLessThan(MAX_WEBHOOK_BODY_BYTES + 2 * chunk.byteLength);
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts a body just under the limit", async () => {
    const payload = { shop_domain: SHOP, customer: { id: 4, email: "d@example.com" }, note: "" };
    payload.note = "x".repeat(MAX_WEBHOOK_BODY_BYTES - JSON.stringify(payload).length);
    const body = JSON.stringify(payload);
    expect(body.length).toBe(MAX_WEBHOOK_BODY_BYTES);
    expect((await handleShopifyWebhook(deps(), webhook("customers/data_request", body))).status).toBe(200);
  });
});
