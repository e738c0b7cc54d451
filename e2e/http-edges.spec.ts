import { admin, expect, newSignedInPage, test } from "./fixtures";

const longQuery = (bytes: number) => `/shipments?q=${"a".repeat(bytes)}`;

test.describe("over-long URLs", () => {
  test("a 10 KB signed-in URL is answered at once with a translated 414", async ({ browser }) => {
    const page = await newSignedInPage(browser, admin);
    const started = Date.now();
    const response = await page.request.get(longQuery(10_000), { timeout: 10_000, maxRedirects: 0 });
    expect(response.status()).toBe(414);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await response.text()).toContain("This link is too long");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

    // In the browser, in Portuguese for a pt-BR visitor.
    const pt = await newSignedInPage(browser, admin, "pt-BR");
    const shown = await pt.goto(longQuery(10_000));
    expect(shown?.status()).toBe(414);
    await expect(pt.getByRole("heading", { name: "Este link é longo demais" })).toBeVisible();
    await page.context().close();
    await pt.context().close();
  });

  test("the limit is 4,096 bytes of path and query, signed in or not", async ({ browser, request }) => {
    const page = await newSignedInPage(browser, admin);
    const limit = 4096 - "/shipments?q=".length;
    expect((await page.request.get(longQuery(limit), { maxRedirects: 0 })).status()).toBe(200);
    expect((await page.request.get(longQuery(limit + 1), { maxRedirects: 0 })).status()).toBe(414);
    // Signed out, too: refused before the session is even looked at.
    expect((await request.get(longQuery(limit + 1), { maxRedirects: 0 })).status()).toBe(414);
    await page.context().close();
  });

  test("a signed-out visitor whose address would not fit in the sign-in link still reaches sign-in", async ({
    request,
  }) => {
    // 3,913 bytes that grow by two thirds once encoded again into callbackUrl (each % is %25).
    const response = await request.get(`/shipments?q=${"%C3%A9".repeat(650)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    const location = new URL(response.headers().location, "http://base.invalid");
    expect(location.pathname).toBe("/sign-in");
    expect(location.search).toBe("");
    expect((await request.get(location.pathname)).status()).toBe(200);
  });
});

test("no Strict-Transport-Security over http (the harness's APP_URL); the other security headers are there", async ({
  request,
}) => {
  const response = await request.get("/sign-in");
  expect(response.status()).toBe(200);
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("the webhook route refuses a body over 2 MiB with 413 before checking its HMAC", async ({ request }) => {
  const headers = {
    "content-type": "application/json",
    "x-shopify-topic": "orders/create",
    "x-shopify-shop-domain": "loja-demo.myshopify.com",
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": "e2e-oversized",
    "x-shopify-hmac-sha256": "not-a-valid-hmac",
  };
  const oversized = await request.post("/api/webhooks/shopify", {
    headers,
    data: JSON.stringify({ note: "x".repeat(2 * 1024 * 1024) }),
  });
  expect(oversized.status()).toBe(413);
  // Within the limit, the same forged request is refused by its HMAC.
  const small = await request.post("/api/webhooks/shopify", { headers, data: JSON.stringify({ note: "x" }) });
  expect(small.status()).toBe(401);
});
