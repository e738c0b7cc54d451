// Stores › Customs defaults & test orders, in the browser and in both languages: an admin sets the
// store's default incoterm and reason for export, the Stores row shows them, and Edit Draft of one
// of the store's drafts says the shipment follows the store default until someone chooses.
// Uses a store of its own, so the demo store's first sync (sync.spec) is left alone, and removes it
// afterwards the way Shopify does (app/uninstalled, then shop/redact), so no later spec counts its
// shipments and drafts.
import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { admin, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { emulatorControl, StoresPage } from "./pages/stores-page";
import { SyncPanel } from "./pages/sync-panel";

const SHOP = "loja-aduana.myshopify.com";
const STORE = "Loja Aduana";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const { shops } = (await emulatorControl("/shops", "GET")) as { shops: { domain: string }[] };
  if (!shops.some((shop) => shop.domain === SHOP)) {
    await emulatorControl("/shops", "POST", { domain: SHOP, name: STORE, orders: 24, seed: 4242 });
  }
});

/** Shopify's shop/redact, signed with the app secret: the dashboard deletes the store and all it holds. */
async function redactShop() {
  const body = JSON.stringify({ shop_id: 1, shop_domain: SHOP });
  const secret = process.env.SHOPIFY_API_SECRET ?? "";
  const response = await fetch(`${process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100"}/api/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "shop/redact",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-hmac-sha256": crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    },
    body,
  });
  expect(response.status).toBe(200);
}

test.afterAll(async ({ browser }) => {
  await emulatorControl(`/shops/${SHOP}/uninstall`);
  await redactShop();
  const page = await signedIn(browser, "en-US", DESKTOP);
  const stores = new StoresPage(page);
  await stores.goto();
  await expect(stores.row(SHOP)).toHaveCount(0);
  await page.context().close();
});

async function signedIn(browser: Browser, locale: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  return page;
}

/** The store connected and synced once (whichever test runs first does it). */
async function ensureStoreSynced(stores: StoresPage) {
  await stores.goto();
  if ((await stores.row(SHOP).count()) > 0) return;
  await stores.page.goto(`/auth/toplevel?shop=${SHOP}`);
  await stores.install();
  await stores
    .row(SHOP)
    .getByRole("button", { name: /^(Sync Orders|Sincronizar pedidos)$/ })
    .click();
  await new SyncPanel(stores.page).waitForEnd();
}

/** Opens Edit Draft of the store's first draft. */
async function openStoreDraft(page: Page) {
  await page.goto("/follow-up/quotations-shipments?tab=drafts&perPage=100");
  const row = page.getByRole("row").filter({ hasText: STORE }).first();
  await row.getByRole("link", { name: /^(Edit draft|Editar rascunho) #/ }).click();
  await expect(page.locator("#incoterm")).toBeVisible();
}

test.describe("customs defaults", () => {
  test("an admin sets the store defaults; Edit Draft shows the store default (English, desktop)", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "en-US", DESKTOP);
    const stores = new StoresPage(page);
    await ensureStoreSynced(stores);
    await expect(stores.row(SHOP).getByTestId("customs-defaults")).toContainText("No defaults");
    await expect(stores.row(SHOP).getByTestId("customs-defaults")).toContainText("Test orders: skipped");

    await stores.setCustomsDefaults(STORE, { incoterm: "DAP", exportReason: "sale", testOrders: "import" });
    const summary = stores.row(SHOP).getByTestId("customs-defaults");
    await expect(summary).toContainText("DAP · Sale");
    await expect(summary).toContainText("Test orders: imported as Test");
    await page.screenshot({ path: "test-results/customs-defaults-stores-en-desktop.png" });

    // An unknown value forged into the form is refused with its reason, and nothing changes.
    await page.getByRole("button", { name: `Customs defaults & test orders of ${STORE}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("#settings-defaultIncoterm").evaluate((select: HTMLSelectElement) => {
      select.add(new Option("FOB", "FOB"));
      select.value = "FOB";
    });
    await dialog.getByRole("button", { name: "Save settings" }).click();
    await expect(dialog.locator("#settings-defaultIncoterm-error")).toHaveText(
      "Choose DAP, DDU or DDP, or No default.",
    );
    await page.screenshot({ path: "test-results/customs-defaults-dialog-en-desktop.png" });
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.reload();
    await expect(stores.row(SHOP).getByTestId("customs-defaults")).toContainText("DAP · Sale");

    await openStoreDraft(page);
    await expect(page.locator("#incoterm-hint")).toHaveText("Store default: DAP");
    await expect(page.locator("#exportReason-hint")).toHaveText("Store default: Sale");
    await expect(page.locator("#incoterm")).toHaveValue("");
    await expect(page.locator("#incoterm option").first()).toHaveText("Use store default (DAP)");
    await expect(page.locator("#exportReason option").first()).toHaveText("Use store default (Sale)");
    await page.locator("#incoterm").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/customs-defaults-draft-en-desktop.png" });
    await page.setViewportSize(PHONE);
    await page.locator("#incoterm").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/customs-defaults-draft-en-phone.png" });
    // Choosing a value overrides the default for this shipment only.
    await page.locator("#incoterm").selectOption("DDP");
    await expect(page.locator("#incoterm-hint")).toHaveText("Overrides the store default (DAP).");
    await page.context().close();
  });

  test("the same in Portuguese, on a phone", async ({ browser }) => {
    const page = await signedIn(browser, "pt-BR", PHONE);
    const stores = new StoresPage(page);
    await ensureStoreSynced(stores);
    await stores.setCustomsDefaults(STORE, { incoterm: "DDU", exportReason: "gift", testOrders: "skip" });
    const summary = stores.row(SHOP).getByTestId("customs-defaults");
    await expect(summary).toContainText("DDU · Presente");
    await expect(summary).toContainText("Pedidos de teste: ignorados");
    await page.screenshot({ path: "test-results/customs-defaults-stores-pt-phone.png", fullPage: true });

    await openStoreDraft(page);
    await expect(page.locator("#incoterm-hint")).toHaveText("Padrão da loja: DDU");
    await expect(page.locator("#exportReason-hint")).toHaveText("Padrão da loja: Presente");
    await expect(page.locator("#incoterm option").first()).toHaveText("Usar o padrão da loja (DDU)");
    await page.locator("#exportReason").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/customs-defaults-draft-pt-phone.png" });
    await page.setViewportSize(DESKTOP);
    await page.locator("#exportReason").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/customs-defaults-draft-pt-desktop.png" });
    await page.locator("#exportReason").selectOption("sample");
    await expect(page.locator("#exportReason-hint")).toHaveText("Substitui o padrão da loja (Presente).");
    await page.context().close();
  });
});
