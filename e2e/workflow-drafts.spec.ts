// The reference product's step 3: find a draft, Edit Draft, fill what is missing, and it becomes a
// shipment. Runs after sync.spec (files run in name order); it syncs the demo store itself if needed.
import { admin, expect, test } from "./fixtures";
import { StoresPage } from "./pages/stores-page";
import type { Page } from "@playwright/test";

// A valid key (São Paulo, 2026-01, CNPJ 11.222.333/0001-81, series 1, number 12345) pasted the way
// people copy it from a DANFE: groups of four.
const KEY = "3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219";

/** Opens the first draft that only lacks the NF-e key. */
async function openNfeOnlyDraft(page: Page, missingLabel: RegExp) {
  await page.goto("/follow-up/quotations-shipments?tab=drafts&perPage=100");
  const row = page
    .getByRole("row")
    .filter({ has: page.getByText(missingLabel, { exact: true }) })
    .filter({
      hasNot: page.getByText(
        /^(Weight|Peso|HS code|Código HS|Recipient phone|Telefone do destinatário|Carrier|Transportadora|State|Estado|Incoterm|Reason for export|Motivo da exportação)$/,
      ),
    })
    .first();
  // Cells: selection, order (number, then store), …
  const order = (await row.getByRole("cell").nth(1).innerText()).split("\n")[0];
  await row.getByRole("link", { name: new RegExp(`(Edit draft|Editar rascunho) ${order}`) }).click();
  return order;
}

test.describe("Edit Draft", () => {
  test("a pasted NF-e key is decoded live and completes the draft into a shipment", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await new StoresPage(page).ensureDemoSynced();
    const order = await openNfeOnlyDraft(page, /^NF-e key$/);
    await expect(page.getByRole("heading", { level: 1, name: `Draft ${order}` })).toBeVisible();
    await expect(page.getByTestId("missing-fields")).toContainText("NF-e key");
    // The missing field is highlighted and focused first.
    await expect(page.locator("#nfeKey")).toBeFocused();
    await expect(page.locator("#nfeKey")).toHaveAttribute("aria-invalid", "true");

    // A typo: the precise problem, live, and the server refuses it too (nothing saved).
    await page.locator("#nfeKey").fill(KEY.slice(0, -1) + "8");
    await expect(page.locator("#nfeKey-error")).toHaveText("The check digit should be 9, not 8. Check for a typo.");
    await page.getByRole("button", { name: "Edit Draft" }).click();
    // Refused by the server too, and said once.
    await expect(page.getByText("The check digit should be 9, not 8. Check for a typo.")).toHaveCount(1);
    await expect(page.locator("#nfeKey-error")).toHaveText("The check digit should be 9, not 8. Check for a typo.");
    await expect(page.getByTestId("draft-history")).toHaveCount(0);

    await page.locator("#nfeKey").fill(`NFe ${KEY}`);
    const decoded = page.getByTestId("nfe-decoded");
    await expect(decoded).toContainText("SP · São Paulo");
    await expect(decoded).toContainText("01/2026");
    await expect(decoded).toContainText("11.222.333/0001-81");
    await expect(decoded).toContainText("12345");
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "The draft is complete and is now a shipment in Shipment Management.",
    );

    await page.getByRole("link", { name: "Go to Shipment Management" }).click();
    await page.getByRole("searchbox").fill(order);
    await expect(page.getByRole("row").filter({ hasText: order })).toContainText("Ready");
  });

  test("the same in Portuguese", async ({ browser }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    const { SignInPage } = await import("./pages/sign-in-page");
    await new SignInPage(page).signIn(admin.email, admin.password);
    const order = await openNfeOnlyDraft(page, /^Chave da NF-e$/);
    await expect(page.getByRole("heading", { level: 1, name: `Rascunho ${order}` })).toBeVisible();
    await page.locator("#nfeKey").fill("1234");
    await expect(page.locator("#nfeKey-error")).toHaveText("A chave tem 4 caracteres; precisa ter 44.");
    await page.locator("#nfeKey").fill(KEY);
    await page.getByRole("button", { name: "Editar rascunho" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "O rascunho está completo e agora é um envio em Gestão de envios.",
    );
    await context.close();
  });

  test("picking a quote changes the carrier", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await openNfeOnlyDraft(page, /^NF-e key$/);
    const quotes = page.getByTestId("quotes-card");
    await quotes.getByRole("button", { name: "Get quotes" }).click();
    await expect(quotes.getByRole("status")).toContainText("from your rate cards");
    await quotes
      .getByRole("button", { name: /^Choose FedEx/ })
      .first()
      .click();
    await expect(quotes.getByRole("status")).toContainText("FedEx");
    await expect(page.locator("#carrier")).toHaveValue("fedex");
    await expect(quotes.getByText("Chosen", { exact: true })).toBeVisible();
  });

  test("one change applied to several selected drafts", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await page.goto("/follow-up/quotations-shipments?tab=drafts");
    const boxes = page.getByRole("checkbox", { name: /^Select #/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText("2 drafts selected");
    await bar.getByRole("combobox", { name: "Reason for export" }).selectOption("sale");
    await bar.getByRole("button", { name: "Apply to selected" }).click();
    await expect(page.getByRole("status").filter({ hasText: "2 drafts updated" })).toBeVisible();
    await expect(bar).toHaveCount(0);
  });

  test("an admin replaces the example rates", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await page.goto("/follow-up/quotations-shipments");
    await page.getByRole("link", { name: "Rate cards" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rate cards" })).toBeVisible();
    const card = page.getByRole("form").first();
    await card.getByRole("textbox", { name: "Europe Base price (R$)" }).fill("-1");
    await card.getByRole("button", { name: "Save rates" }).click();
    await expect(card.getByRole("alert")).toContainText("No value can be negative.");
    await card.getByRole("textbox", { name: "Europe Base price (R$)" }).fill("199.90");
    await card.getByRole("button", { name: "Save rates" }).click();
    await expect(card.getByRole("status")).toHaveText("Rates saved. New quotes use them.");
    await expect(card.getByText("Your rates")).toBeVisible();
  });
});
