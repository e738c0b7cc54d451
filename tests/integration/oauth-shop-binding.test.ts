// The OAuth state is bound to the shop that began it: a callback that comes back for another shop
// (signed by Shopify, with the browser's own state cookie) is refused before the code is
// exchanged, and nothing is stored.
import type { Shopify } from "@shopify/shopify-api";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { shopifySessions, stores } from "@/server/db/schema";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import {
  OAUTH_SHOP_COOKIE,
  OAuthShopMismatchError,
  beginOAuth,
  handleOAuthCallback,
} from "@/server/services/store-connection";
import { createShopify } from "@/server/shopify/api";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "binding-test-key", apiSecret: "binding-test-secret" };
const APP_URL = "http://127.0.0.1:3998";
const BEGUN = "loja-comecou.myshopify.com";
const OTHER = "loja-outra.myshopify.com";
const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
const deps = () => ({ db: testDb.db, shopify });

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: BEGUN, name: "Loja Começou", orders: 1, seed: 5 });
  createShop(emulator.state, { domain: OTHER, name: "Loja Outra", orders: 1, seed: 6 });
  process.env.APP_URL = APP_URL;
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

const cookies = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

const tokenExchanges = () => emulator.state.requestLog.filter((r) => r.path === "/admin/oauth/access_token").length;

async function counts() {
  const [{ n: storeCount }] = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(stores);
  const [{ n: sessionCount }] = await testDb.db.select({ n: sql<number>`count(*)::int` }).from(shopifySessions);
  return { stores: storeCount, sessions: sessionCount, tokenExchanges: tokenExchanges() };
}

/** Begins OAuth for BEGUN, then has Shopify (the emulator) sign an Install of `installShop` with that state. */
async function callbackFor(installShop: string) {
  const begin = await beginOAuth(
    deps(),
    BEGUN,
    new Request(`${APP_URL}/auth/toplevel?shop=${BEGUN}`, { headers: { "user-agent": BROWSER_UA } }),
  );
  const page = await (await fetch(begin.headers.get("location")!)).text();
  const form = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name,
      value.replace(/&amp;/g, "&"),
    ]),
  );
  form.set("shop", installShop);
  form.set("decision", "install");
  const decision = await fetch(`${emulator.url}/admin/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const callback = decision.headers.get("location")!;
  expect(new URL(callback).searchParams.get("shop")).toBe(installShop);
  return { begin, callback };
}

describe(`OAuth shop binding (${driverName})`, () => {
  it("sets a binding cookie next to the library's state cookie, on the callback path only", async () => {
    const begin = await beginOAuth(
      deps(),
      BEGUN,
      new Request(`${APP_URL}/auth/toplevel?shop=${BEGUN}`, { headers: { "user-agent": BROWSER_UA } }),
    );
    const binding = begin.headers.getSetCookie().find((cookie) => cookie.startsWith(`${OAUTH_SHOP_COOKIE}=`));
    expect(binding).toMatch(/; Path=\/auth\/callback; Max-Age=60; HttpOnly; Secure; SameSite=Lax$/);
  });

  it("refuses a signed callback for another shop than the one that began OAuth, before the code is exchanged", async () => {
    const before = await counts();
    const { begin, callback } = await callbackFor(OTHER);
    await expect(
      handleOAuthCallback(
        deps(),
        new Request(callback, { headers: { "user-agent": BROWSER_UA, cookie: cookies(begin) } }),
        null,
      ),
    ).rejects.toBeInstanceOf(OAuthShopMismatchError);
    expect(await counts()).toEqual(before);
  });

  it("refuses a callback without the binding cookie", async () => {
    const before = await counts();
    const { begin, callback } = await callbackFor(BEGUN);
    const stateOnly = cookies(begin)
      .split("; ")
      .filter((cookie) => !cookie.startsWith(`${OAUTH_SHOP_COOKIE}=`))
      .join("; ");
    await expect(
      handleOAuthCallback(
        deps(),
        new Request(callback, { headers: { "user-agent": BROWSER_UA, cookie: stateOnly } }),
        null,
      ),
    ).rejects.toBeInstanceOf(OAuthShopMismatchError);
    expect(await counts()).toEqual(before);
  });

  it("connects the shop that began OAuth", async () => {
    const { begin, callback } = await callbackFor(BEGUN);
    const { store } = await handleOAuthCallback(
      deps(),
      new Request(callback, { headers: { "user-agent": BROWSER_UA, cookie: cookies(begin) } }),
      null,
    );
    expect(store).toMatchObject({ shopDomain: BEGUN, status: "connected" });
    // The emulator path (development's auto-connect) goes through the same check.
    expect((await connectThroughEmulator(deps(), OTHER, emulator.url)).store.shopDomain).toBe(OTHER);
  });
});
