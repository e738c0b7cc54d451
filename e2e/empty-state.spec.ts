// The empty Shipment Management points at the real next step: "Connect a store" (admins) while no
// store is connected, "Sync Orders" — the real sync — once one is. Runs while the dashboard has no
// store (spec files run alphabetically: after customs-defaults has removed its store, before
// stores and sync connect theirs), connects an empty store of its own and removes it afterwards.
import type { Browser } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { SyncPanel } from "./pages/sync-panel";
import { ensureEmulatorShop, removeShop, StoresPage } from "./pages/stores-page";

const SHOP = "loja-vazia.myshopify.com";
const STORE = "Loja Vazia";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, who: Credentials, locale: string, viewport: typeof DESKTOP) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(who.email, who.password);
  return page;
}

let operator: Credentials;

test.beforeAll(async ({ browser }) => {
  // A store without a single order: after its sync, Shipment Management is still empty.
  await ensureEmulatorShop({ domain: SHOP, name: STORE, orders: 0, seed: 1 });
  operator = await createUserAsAdmin(browser, { name: "Olga Operadora", role: "operator" });
});

test.afterAll(async () => {
  await removeShop(SHOP);
});

test.describe("the empty Shipment Management", () => {
  test("with no store connected: admins are offered Connect a store, operators told who does it", async ({
    browser,
  }) => {
    const page = await signedIn(browser, admin, "en-US", DESKTOP);
    await page.goto("/shipments");
    const empty = page.getByTestId("empty-state");
    await expect(empty).toContainText("No shipments yet");
    await expect(empty.getByRole("button", { name: "Sync Orders" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Export CSV" })).toBeDisabled();
    await page.screenshot({ path: "test-results/empty-no-store-en-desktop.png" });
    await empty.getByRole("link", { name: "Connect a store" }).click();
    await expect(page).toHaveURL(/\/stores\?connect=1$/);
    await expect(page.getByRole("dialog", { name: "Connect a store" })).toBeVisible();
    await page.context().close();

    const phone = await signedIn(browser, operator, "pt-BR", PHONE);
    await phone.goto("/shipments");
    const vazio = phone.getByTestId("empty-state");
    await expect(vazio).toContainText("Nenhum envio ainda");
    await expect(vazio).toContainText("Um administrador conecta as lojas Shopify");
    await expect(vazio.getByRole("link")).toHaveCount(0);
    await expect(vazio.getByRole("button")).toHaveCount(0);
    await phone.screenshot({ path: "test-results/empty-no-store-pt-phone.png" });
    await phone.context().close();
  });

  test("with a store connected: Sync Orders, which syncs it (both languages)", async ({ browser }) => {
    const page = await signedIn(browser, admin, "pt-BR", PHONE);
    const stores = new StoresPage(page);
    await stores.connect(SHOP);
    await page.goto("/shipments");
    const vazio = page.getByTestId("empty-state");
    await expect(vazio.getByRole("link", { name: "Conectar uma loja" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/empty-connected-pt-phone.png" });
    await vazio.getByRole("button", { name: "Sincronizar pedidos" }).click();
    await new SyncPanel(page).waitForEnd();
    await page.context().close();

    const desktop = await signedIn(browser, operator, "en-US", DESKTOP);
    for (const url of ["/shipments", "/follow-up/quotations-shipments?tab=drafts"]) {
      await desktop.goto(url);
      const empty = desktop.getByTestId("empty-state");
      await expect(empty.getByRole("button", { name: "Sync Orders" })).toBeVisible();
      await expect(empty.getByRole("link")).toHaveCount(0);
    }
    await desktop.screenshot({ path: "test-results/empty-connected-drafts-en-desktop.png" });
    await desktop.context().close();
  });
});
