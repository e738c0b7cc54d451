import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { compressScopes, oauthHmac } from "./oauth";
import { signWebhook, topicHeader } from "./webhooks";

describe("OAuth redirect HMAC", () => {
  it("is the hex HMAC-SHA256 of the sorted query without hmac", () => {
    const params = { state: "abc", shop: "x.myshopify.com", code: "c0de", timestamp: "1700000000", host: "aG9zdA" };
    const expected = crypto
      .createHmac("sha256", "secret")
      .update("code=c0de&host=aG9zdA&shop=x.myshopify.com&state=abc&timestamp=1700000000")
      .digest("hex");
    expect(oauthHmac(params, "secret")).toBe(expected);
    expect(oauthHmac({ ...params, hmac: "ignored" } as Record<string, string>, "secret")).toBe(expected);
  });

  it("form-encodes values", () => {
    const expected = crypto.createHmac("sha256", "k").update("a=b+c%2Fd").digest("hex");
    expect(oauthHmac({ a: "b c/d" }, "k")).toBe(expected);
  });

  it("grants write scopes without their implied read scopes", () => {
    expect(compressScopes("read_orders,write_orders,read_all_orders")).toBe("write_orders,read_all_orders");
  });
});

describe("webhook signature", () => {
  it("is the base64 HMAC-SHA256 of the raw body", () => {
    const body = JSON.stringify({ id: 1, name: "#1001" });
    expect(signWebhook(body, "s3cret")).toBe(crypto.createHmac("sha256", "s3cret").update(body).digest("base64"));
  });

  it("names topics as Shopify's headers do", () => {
    expect(topicHeader("ORDERS_UPDATED")).toBe("orders/updated");
    expect(topicHeader("APP_UNINSTALLED")).toBe("app/uninstalled");
    expect(topicHeader("BULK_OPERATIONS_FINISH")).toBe("bulk_operations/finish");
  });
});
