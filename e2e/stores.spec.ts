import { admin, createUserAsAdmin, expect, newSignedInPage, test } from "./fixtures";
import { StoresPage, emulatorControl } from "./pages/stores-page";

const SECOND = "loja-segunda.myshopify.com";

// These steps build on each other (one emulator store goes through its whole life).
test.describe.configure({ mode: "serial" });

test.describe("stores", () => {
  test("an admin connects a store through Shopify's Install page", async ({ page, signInPage }) => {
    const stores = new StoresPage(page);
    await signInPage.signIn(admin.email, admin.password);
    await stores.goto();
    // A bare name is completed; a wrong address is refused in place.
    await page.getByRole("button", { name: "Connect a store" }).click();
    await page.locator("#shop-domain").fill("not a store!");
    await page.getByRole("button", { name: "Continue to Shopify" }).click();
    await expect(page.locator("#shop-domain-error")).toHaveText(
      "Enter the store's name or its address ending in .myshopify.com.",
    );
    await page.getByRole("button", { name: "Close" }).click();

    await stores.startConnect("loja-segunda");
    await stores.install();
    await expect(page.getByRole("status")).toHaveText(`${SECOND} is connected. Its orders can be synced now.`);
    const row = stores.row(SECOND);
    await expect(row).toContainText("Segunda Loja Moda Praia");
    await expect(row).toContainText("Connected");
    await expect(row).toContainText("write_orders");
    const state = await emulatorControl(`/shops/${SECOND}`, "GET");
    expect(state.installed).toBe(true);
    expect(state.webhooks.map((hook: { topic: string }) => hook.topic).sort()).toEqual([
      "APP_UNINSTALLED",
      "ORDERS_CREATE",
      "ORDERS_UPDATED",
    ]);
  });

  test("an operator can neither start nor see a connection", async ({ browser }) => {
    const operator = await createUserAsAdmin(browser, { name: "Oscar Operador", role: "operator" });
    const page = await newSignedInPage(browser, operator);
    const stores = new StoresPage(page);
    await stores.goto();
    await expect(page.getByRole("button", { name: "Connect a store" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /Reconnect/ })).toHaveCount(0);
    const response = await page.goto(`/auth/toplevel?shop=${SECOND}`);
    expect(response!.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await page.context().close();
  });

  test("an expired access token is refreshed without bothering anyone", async ({ page, signInPage }) => {
    await emulatorControl(`/shops/${SECOND}/tokens/expire`);
    const stores = new StoresPage(page);
    await signInPage.signIn(admin.email, admin.password);
    await stores.goto();
    await stores.checkConnection(SECOND);
    await expect(page.getByRole("status").filter({ hasText: "is connected and answering" })).toBeVisible();
    await expect(stores.banner()).toHaveCount(0);
    await expect(stores.row(SECOND)).toContainText("Connected");
  });

  test("a revoked token marks the store, the banner offers Reconnect, and one Install fixes it", async ({
    page,
    signInPage,
  }) => {
    await emulatorControl(`/shops/${SECOND}/tokens/revoke`);
    const stores = new StoresPage(page);
    await signInPage.signIn(admin.email, admin.password);
    await stores.goto();
    await stores.checkConnection(SECOND);
    await expect(page.getByRole("alert").filter({ hasText: "Shopify refused the session" })).toBeVisible();
    await expect(stores.row(SECOND)).toContainText("Reconnect needed");
    await expect(stores.banner()).toContainText("Segunda Loja Moda Praia needs to be reconnected.");

    // The banner is on every page.
    await page.goto("/shipments");
    await stores.banner().getByRole("link", { name: "Reconnect" }).click();
    await stores.install();
    await expect(page.getByRole("status")).toHaveText(
      `${SECOND} is reconnected. The next sync continues where the last one stopped.`,
    );
    await expect(stores.banner()).toHaveCount(0);
    await expect(stores.row(SECOND)).toContainText("Connected");
  });

  test("Cancel on the Install page changes nothing", async ({ page, signInPage }) => {
    const stores = new StoresPage(page);
    await signInPage.signIn(admin.email, admin.password);
    await page.goto(`/auth/toplevel?shop=${SECOND}`);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL(/\/stores\?cancelled=/);
    await expect(page.getByRole("status")).toHaveText(`The app was not installed on ${SECOND}. Nothing was changed.`);
    await expect(stores.row(SECOND)).toContainText("Connected");
  });

  test("a bad shop address and a tampered callback end on clear pages", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    const bad = await page.goto("/auth/toplevel?shop=evil.example.com");
    expect(bad!.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "That is not a Shopify store address" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/auth/toplevel");

    const forged = new URLSearchParams({
      code: "forged",
      hmac: "0".repeat(64),
      shop: SECOND,
      state: "forged-state",
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    const tampered = await page.goto(`/auth/callback?${forged}`);
    expect(tampered!.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "Shopify's answer could not be verified" })).toBeVisible();
  });

  test("a signed-out admin following the merchant's link signs in and lands on the Install page", async ({
    page,
    signInPage,
  }) => {
    await page.goto(`/auth/toplevel?shop=${SECOND}`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signInPage.submit(admin.email, admin.password);
    await expect(page.getByRole("heading", { name: "Install ShipSmart" })).toBeVisible();
  });
});
