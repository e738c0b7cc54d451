// Readiness before it bites, in the browser and in both languages: a store whose shipper details
// lack the CNPJ and the signatory (Shopify has neither) is flagged on Stores, on its shipment rows
// and above the overview before anyone presses "Generate documents"; operators see the flags, the
// admin's lead to the Shipper details form, and completing it clears every flag. Also: Export CSV
// disabled on an empty view, an unknown shop in /auth/toplevel answered on our own page, the Stores
// table within 1,440 px in Portuguese, and no next-intl ENVIRONMENT_FALLBACK (browser console and
// server log) on Stores and Carrier accounts.
// Uses a store of its own, removed afterwards the way Shopify does, so later specs never see it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { ShipmentsPage } from "./pages/shipments-page";
import { ensureEmulatorShop, removeShop, StoresPage } from "./pages/stores-page";

const SHOP = "loja-prontidao.myshopify.com";
const STORE = "Loja Prontidão";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SERVER_LOG = path.join(os.tmpdir(), `shipsmart-e2e-server-${process.env.E2E_PORT ?? 3100}.log`);

test.describe.configure({ mode: "serial" });

let operator: Credentials;
/** The store's id, read from the overview's admin link in the first test. */
let storeId = "";

async function signedIn(browser: Browser, who: Credentials, locale: string, viewport: typeof DESKTOP) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(who.email, who.password);
  return page;
}

/** Console errors and page errors, and anything next-intl reports, from here on. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /ENVIRONMENT_FALLBACK/.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

/** What the server logged from `offset` on (the harness writes next start's output to this file). */
function serverLogSince(offset: number): string {
  if (!fs.existsSync(SERVER_LOG)) return "";
  return fs.readFileSync(SERVER_LOG, "utf8").slice(offset);
}

/** No page wider than the window, and the table within its own box. */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
    tables: [...document.querySelectorAll("table")].map((table) => ({
      table: table.scrollWidth,
      box: (table.parentElement as HTMLElement).clientWidth,
    })),
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  for (const table of widths.tables) expect(table.table).toBeLessThanOrEqual(table.box);
}

test.beforeAll(async ({ browser }) => {
  await ensureEmulatorShop({ domain: SHOP, name: STORE, orders: 20, seed: 515 });
  operator = await createUserAsAdmin(browser, { name: "Otávio Operador", role: "operator" });
  const page = await signedIn(browser, admin, "en-US", DESKTOP);
  const stores = new StoresPage(page);
  await stores.goto();
  if ((await stores.row(SHOP).count()) === 0) {
    await stores.connect(SHOP);
    // Customs terms are never assumed: with the store's defaults its complete orders are Ready.
    await stores.setCustomsDefaults(STORE, { incoterm: "DAP", exportReason: "sale" });
    await stores.syncStore(SHOP);
  }
  await page.context().close();
});

test.afterAll(async ({ browser }) => {
  await removeShop(SHOP);
  const page = await signedIn(browser, admin, "en-US", DESKTOP);
  const stores = new StoresPage(page);
  await stores.goto();
  await expect(stores.row(SHOP)).toHaveCount(0);
  await page.context().close();
});

/** The store's id, from the overview alert's admin link (/stores?shipper=<id>). */
async function storeIdFromAlert(page: Page): Promise<string> {
  const link = page.getByTestId("overview-shipper-details").getByRole("link", { name: new RegExp(STORE) });
  const href = (await link.getAttribute("href")) ?? "";
  return new URL(href, "http://x").searchParams.get("shipper") ?? "";
}

test.describe("readiness before it bites", () => {
  test("an admin sees the store flagged on Stores, on its rows and on the overview, and is led to the form (English, desktop)", async ({
    browser,
  }) => {
    const page = await signedIn(browser, admin, "en-US", DESKTOP);
    const problems = watchConsole(page);
    const logStart = fs.existsSync(SERVER_LOG) ? fs.statSync(SERVER_LOG).size : 0;

    const stores = new StoresPage(page);
    await stores.goto();
    await expect(stores.row(SHOP).getByText("Connected", { exact: true })).toBeVisible();
    await expect(stores.readiness(SHOP)).toContainText("Shipper details missing");
    await expect(stores.readiness(SHOP)).toContainText("Missing: CNPJ and Signatory name.");
    await page.screenshot({ path: "test-results/readiness-stores-en-desktop.png" });

    const shipments = new ShipmentsPage(page);
    await shipments.goto();
    const alert = page.getByTestId("overview-shipper-details");
    // Other stores may lack details too (Shopify gives none a CNPJ): this one is named among them.
    await expect(alert).toContainText(/\d+ stores? lacks? shipper details/);
    await expect(alert).toContainText(
      `${STORE}: CNPJ and Signatory name missing, so documents and pickups are refused.`,
    );
    storeId = await storeIdFromAlert(page);
    expect(storeId).toMatch(/^[0-9a-f-]{36}$/);

    // The store's Ready rows carry the flag, and for an admin it is the way to the form.
    await shipments.goto(`?store=${storeId}&status=ready`);
    expect(await shipments.total()).toBeGreaterThan(0);
    const row = shipments.table().getByRole("row").filter({ hasText: STORE }).first();
    const flag = row.getByTestId("store-readiness-flag");
    await expect(flag).toContainText("Shipper details missing");
    await expect(flag.locator("[title]")).toHaveAttribute(
      "title",
      `The shipper details of ${STORE} lack CNPJ and Signatory name: documents and pickups are refused until an admin completes them under Stores › Shipper details.`,
    );
    await page.screenshot({ path: "test-results/readiness-shipments-en-desktop.png" });
    await flag.getByRole("link", { name: `Shipper details missing: Complete the shipper details of ${STORE}` }).click();

    await expect(page).toHaveURL(new RegExp(`/stores\\?shipper=${storeId}$`));
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Shipper details" })).toBeVisible();
    await expect(dialog).toContainText("Documents and pickups still need: CNPJ and Signatory name.");
    await page.screenshot({ path: "test-results/readiness-shipper-dialog-en-desktop.png" });
    // Closing without saving changes nothing, and the link's ?shipper= goes (a reload does not reopen it).
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(page).toHaveURL(/\/stores$/);
    await page.reload();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(stores.readiness(SHOP)).toContainText("Missing: CNPJ and Signatory name.");

    // A forged link (an id of no store) is refused with its reason and opens nothing.
    await page.goto("/stores?shipper=00000000-0000-4000-8000-000000000000");
    await expect(
      page.getByRole("alert").filter({
        hasText: "That store is not connected here (any more): there are no shipper details to open.",
      }),
    ).toBeVisible();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    // Relative times (Last sync) and Carrier accounts' "tested …" without next-intl's fallback.
    await page.goto("/carrier-accounts");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await stores.goto();
    await expect(stores.row(SHOP)).toContainText(/ago|now/);
    expect(problems).toEqual([]);
    expect(serverLogSince(logStart)).not.toContain("ENVIRONMENT_FALLBACK");
    await page.context().close();
  });

  test("an operator sees the flags without the fix, in Portuguese on a phone", async ({ browser }) => {
    const page = await signedIn(browser, operator, "pt-BR", PHONE);
    const problems = watchConsole(page);
    const shipments = new ShipmentsPage(page);
    await shipments.goto();
    const alert = page.getByTestId("overview-shipper-details");
    await expect(alert).toContainText(
      `${STORE}: faltam CNPJ e Nome do signatário, então documentos e coletas são recusados.`,
    );
    await expect(alert).toContainText("Um administrador os completa em Lojas › Dados do remetente.");
    await expect(alert.getByRole("link")).toHaveCount(0);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/readiness-overview-pt-phone.png" });

    await shipments.goto(`?store=${storeId}&status=ready`);
    const row = shipments.table().getByRole("row").filter({ hasText: STORE }).first();
    await expect(row.getByTestId("store-readiness-flag")).toContainText("Faltam dados do remetente");
    await expect(row.getByTestId("store-readiness-flag").getByRole("link")).toHaveCount(0);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/readiness-row-pt-phone.png" });

    const stores = new StoresPage(page);
    await stores.goto();
    await expect(stores.readiness(SHOP)).toContainText("Faltam dados do remetente");
    await expect(stores.readiness(SHOP)).toContainText(
      "Faltam: CNPJ e Nome do signatário. Um administrador os completa.",
    );
    await expect(stores.readiness(SHOP).getByRole("button")).toHaveCount(0);
    await page.screenshot({ path: "test-results/readiness-stores-pt-phone.png" });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("Export CSV is disabled, saying why, when the view has no rows (both languages)", async ({ browser }) => {
    for (const [locale, viewport, name, reason] of [
      ["en-US", DESKTOP, "Export CSV", "Nothing to export: this view has no shipments."],
      ["pt-BR", PHONE, "Exportar CSV", "Nada para exportar: esta visão não tem envios."],
    ] as const) {
      const page = await signedIn(browser, operator, locale, viewport);
      const shipments = new ShipmentsPage(page);
      await shipments.goto();
      await expect(page.getByRole("link", { name })).toHaveAttribute("href", /\/shipments\/export\.csv/);
      await shipments.goto("?q=no-such-order-anywhere");
      expect(await shipments.total()).toBe(0);
      const disabled = page.getByRole("button", { name });
      await expect(disabled).toBeDisabled();
      await expect(disabled).toHaveAttribute("title", reason);
      await expect(disabled).toHaveAccessibleDescription(reason);
      await expect(page.getByRole("link", { name })).toHaveCount(0);
      await page.screenshot({ path: `test-results/readiness-export-disabled-${locale}.png` });
      await page.context().close();
    }
  });

  test("an unknown or malformed shop in /auth/toplevel ends on our page, translated (both languages)", async ({
    browser,
  }) => {
    for (const [locale, viewport, text] of [
      [
        "en-US",
        DESKTOP,
        {
          unknown: "No Shopify store at that address",
          body: "Shopify has no store at loja-prontidoa.myshopify.com.",
          malformed: "That is not a Shopify store address",
          again: "Enter the address again",
          dialog: "Connect a store",
        },
      ],
      [
        "pt-BR",
        PHONE,
        {
          unknown: "Nenhuma loja Shopify neste endereço",
          body: "O Shopify não tem nenhuma loja em loja-prontidoa.myshopify.com.",
          malformed: "Este não é um endereço de loja Shopify",
          again: "Digitar o endereço de novo",
          dialog: "Conectar uma loja",
        },
      ],
    ] as const) {
      const page = await signedIn(browser, admin, locale, viewport);
      // One letter swapped: a shop Shopify does not have.
      const unknown = await page.goto("/auth/toplevel?shop=loja-prontidoa");
      expect(unknown!.status()).toBe(404);
      expect(new URL(page.url()).pathname).toBe("/auth/toplevel");
      await expect(page.getByRole("heading", { name: text.unknown })).toBeVisible();
      await expect(page.getByText(text.body)).toBeVisible();
      await page.screenshot({ path: `test-results/readiness-unknown-shop-${locale}.png` });

      const malformed = await page.goto("/auth/toplevel?shop=loja%20demo!");
      expect(malformed!.status()).toBe(400);
      await expect(page.getByRole("heading", { name: text.malformed })).toBeVisible();
      await page.screenshot({ path: `test-results/readiness-malformed-shop-${locale}.png` });

      // The way back opens the connect form again.
      await page.getByRole("link", { name: text.again }).click();
      await expect(page).toHaveURL(/\/stores\?connect=1$/);
      await expect(page.getByRole("dialog", { name: text.dialog })).toBeVisible();
      await expect(page.locator("#shop-domain")).toBeFocused();
      await page.context().close();
    }
  });

  test("the Stores table fits 1,440 px in Portuguese (and is looked at on a phone)", async ({ browser }) => {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signedIn(browser, admin, "pt-BR", viewport);
      const stores = new StoresPage(page);
      await stores.goto();
      await expect(stores.readiness(SHOP)).toBeVisible();
      // The phone layout of tables is another part of this issue; here the desktop must fit.
      if (viewport === DESKTOP) await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `test-results/readiness-stores-pt-${viewport.width}.png`, fullPage: true });
      await page.context().close();
    }
  });

  test("completing the shipper details clears every flag (Portuguese, desktop)", async ({ browser }) => {
    const page = await signedIn(browser, admin, "pt-BR", DESKTOP);
    const problems = watchConsole(page);
    const stores = new StoresPage(page);
    await stores.goto();
    await stores
      .readiness(SHOP)
      .getByRole("button", { name: `Completar os dados do remetente de ${STORE}` })
      .click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Documentos e coletas ainda precisam de: CNPJ e Nome do signatário.");
    // A wrong check digit is refused on its field and saves nothing.
    await dialog.getByLabel("CNPJ").fill("11.222.333/0001-80");
    await dialog.getByLabel("Nome do signatário").fill("Beatriz Ramos");
    await dialog.getByRole("button", { name: "Salvar dados do remetente" }).click();
    await expect(dialog.locator("#shipper-taxId-error")).toBeVisible();
    await dialog.getByLabel("CNPJ").fill("11.222.333/0001-81");
    await dialog.getByRole("button", { name: "Salvar dados do remetente" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Dados do remetente salvos." })).toBeVisible();
    await expect(stores.readiness(SHOP)).toHaveCount(0);

    const shipments = new ShipmentsPage(page);
    await shipments.goto(`?store=${storeId}&status=ready`);
    await expect(page.getByTestId("overview-shipper-details").filter({ hasText: STORE })).toHaveCount(0);
    await expect(
      shipments.table().getByRole("row").filter({ hasText: STORE }).first().getByTestId("store-readiness-flag"),
    ).toHaveCount(0);
    await page.screenshot({ path: "test-results/readiness-cleared-pt-desktop.png" });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
