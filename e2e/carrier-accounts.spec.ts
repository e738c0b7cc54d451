// Carrier accounts in Chromium: an admin adds a UPS account whose credentials the UPS emulator
// knows, tests it (success), edits it with a wrong secret and tests again (the translated
// refusal) — on a desktop in English and on a phone in Portuguese; no secret ever reaches the
// page. An operator has no link and gets 403.
import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, newSignedInPage, test } from "./fixtures";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";

const carriersUrl = process.env.E2E_CARRIERS_URL ?? "http://127.0.0.1:3103";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const TEXT = {
  en: {
    link: "Carrier accounts",
    heading: "Carrier accounts",
    add: "Add account",
    save: "Save account",
    created: (name: string) => `The account ${name} was added.`,
    updated: (name: string) => `The account ${name} was saved.`,
    test: (name: string) => `Test the connection of ${name}`,
    edit: (name: string) => `Edit ${name}`,
    ok: (name: string) => `UPS accepted the credentials of ${name}.`,
    refused: "UPS refused the account's credentials. An admin checks them under Carrier accounts.",
    connected: "Connected",
    failed: "Failed",
  },
  "pt-BR": {
    link: "Contas de transportadora",
    heading: "Contas de transportadora",
    add: "Adicionar conta",
    save: "Salvar conta",
    created: (name: string) => `A conta ${name} foi adicionada.`,
    updated: (name: string) => `A conta ${name} foi salva.`,
    test: (name: string) => `Testar a conexão de ${name}`,
    edit: (name: string) => `Editar ${name}`,
    ok: (name: string) => `A UPS aceitou as credenciais de ${name}.`,
    refused: "A UPS recusou as credenciais da conta. Um administrador as verifica em Contas de transportadora.",
    connected: "Conectada",
    failed: "Falhou",
  },
} as const;

/** Credentials the UPS emulator accepts, registered through its control API. */
async function registerUpsCredentials() {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const credentials = {
    carrier: "ups",
    clientId: `e2e-${crypto.randomBytes(6).toString("hex")}`,
    clientSecret: crypto.randomBytes(18).toString("base64url"),
    accountNumber: Array.from({ length: 6 }, () => alphabet[crypto.randomInt(36)]).join(""),
  };
  const response = await fetch(`${carriersUrl}/__carriers/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  expect(response.ok).toBe(true);
  return credentials;
}

async function signedIn(browser: Browser, locale: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  return page;
}

async function openFromMenu(page: Page, link: string, phone: boolean) {
  if (phone) await page.getByRole("button", { name: "Menu" }).click();
  await new Shell(page).nav().getByRole("link", { name: link }).click();
}

for (const [locale, viewport, label] of [
  ["en", DESKTOP, "English, desktop"],
  ["pt-BR", PHONE, "Portuguese, phone"],
] as const) {
  test(`an admin adds a UPS account, tests it, and sees a wrong secret refused (${label})`, async ({ browser }) => {
    const text = TEXT[locale];
    const phone = viewport === PHONE;
    const credentials = await registerUpsCredentials();
    const name = `UPS e2e ${crypto.randomBytes(3).toString("hex")}`;
    const page = await signedIn(browser, locale === "en" ? "en-US" : "pt-BR", viewport);

    await openFromMenu(page, text.link, phone);
    await expect(page.getByRole("heading", { level: 1, name: text.heading })).toBeVisible();

    await page.getByRole("button", { name: text.add }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator('[id$="-carrier"]').selectOption("ups");
    await dialog.locator('[id$="-environment"]').selectOption("test");
    await dialog.locator('[id$="-name"]').fill(name);
    await dialog.locator('[id$="-clientId"]').fill(credentials.clientId);
    await dialog.locator('[id$="-clientSecret"]').fill(credentials.clientSecret);
    await dialog.locator('[id$="-accountNumber"]').fill(credentials.accountNumber.toLowerCase());
    await dialog.getByRole("button", { name: text.save }).click();
    await expect(page.getByText(text.created(name))).toBeVisible();

    // The account's own row (the row under it shows a test's outcome, which names it too).
    const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: text.test(name) }) });
    await expect(row).toContainText(`…${credentials.accountNumber.slice(-4)}`);
    await expect(row).toContainText(`${credentials.clientId.slice(0, 4)}…`);
    // Neither the secret nor the whole client id or account number is ever sent to the page.
    const html = await page.content();
    for (const secret of [credentials.clientSecret, credentials.clientId, credentials.accountNumber]) {
      expect(html).not.toContain(secret);
    }

    await row.getByRole("button", { name: text.test(name) }).click();
    await expect(page.getByRole("status").filter({ hasText: text.ok(name) })).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText(text.connected);
    await page.screenshot({ path: `test-results/carrier-accounts-ok-${locale}.png`, fullPage: true });

    await row.getByRole("button", { name: text.edit(name) }).click();
    const editDialog = page.getByRole("dialog");
    await editDialog.locator('[id$="-clientSecret"]').fill("not-the-secret");
    await editDialog.getByRole("button", { name: text.save }).click();
    await expect(page.getByText(text.updated(name))).toBeVisible();

    await row.getByRole("button", { name: text.test(name) }).click();
    await expect(page.getByRole("alert").filter({ hasText: text.refused })).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText(text.failed);
    expect(await page.content()).not.toContain("not-the-secret");
    if (phone) {
      // Usable at 390 px: the page itself never scrolls sideways (the table scrolls in its card).
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    }
    await page.screenshot({ path: `test-results/carrier-accounts-refused-${locale}.png`, fullPage: true });
    await page.context().close();
  });
}

test("an operator has no Carrier accounts link and is refused the page", async ({ browser }) => {
  const operator = await createUserAsAdmin(browser, { name: "Oscar Operador", role: "operator" });
  const page = await newSignedInPage(browser, operator);
  const shell = new Shell(page);
  await expect(shell.nav().getByRole("link", { name: "Shipment Management" })).toBeVisible();
  await expect(shell.nav().getByRole("link", { name: "Carrier accounts" })).toHaveCount(0);
  const response = await page.goto("/carrier-accounts");
  expect(response!.status()).toBe(403);
  await page.context().close();
});
