// Edit Draft in the operator's day (issue 15, item 4, and the quote error of item 6): errors go as
// fields become valid, each said once; a pasted key fills the invoice number and series live; the
// heading follows the status; the drafts list reaches Edit Draft in a few key presses; Ctrl+Enter
// saves; a quote refused for a missing weight names it and takes the operator to the field.
// Runs after sync.spec (files run in name order) and ensures the demo store is synced.
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { EditDraftPage } from "./pages/edit-draft-page";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage } from "./pages/stores-page";

// São Paulo, 2026-01, CNPJ 11.222.333/0001-81, series 1, number 12345, as copied from a DANFE.
const KEY = "3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3219";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const OTHER_MISSING =
  /^(Weight|Peso|HS code|Código HS|Recipient phone|Telefone do destinatário|Carrier|Transportadora|State|Estado|Incoterm|Reason for export|Motivo da exportação|Dimensions|Dimensões)$/;

let operator: Credentials;

/** Whether the focus is on a link to a draft's Edit Draft page. */
function focusedOnEditDraft(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return (
      element instanceof HTMLAnchorElement && /\/drafts\/[0-9a-f-]+\/edit$/.test(element.getAttribute("href") ?? "")
    );
  });
}

async function signedIn(browser: Browser, locale: "en-US" | "pt-BR", viewport: typeof DESKTOP) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(operator.email, operator.password);
  return page;
}

/** The page is never wider than its viewport (nothing to scroll sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("Edit Draft, in few keystrokes and without stale errors", () => {
  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await new SignInPage(page).signIn(admin.email, admin.password);
    await new StoresPage(page).ensureDemoSynced();
    await page.context().close();
    operator = await createUserAsAdmin(browser, { name: "Olga Operadora", role: "operator" });
  });

  test("errors clear as fields become valid, each said once; the key fills number and series; Ctrl+Enter saves; the heading follows the status", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "en-US", DESKTOP);
    const drafts = new EditDraftPage(page);
    const { order } = await drafts.openDraftMissing(/^NF-e key$/, OTHER_MISSING);
    await expect(drafts.heading()).toHaveText(`Draft ${order}`);
    const url = page.url();

    // A save refused for two fields: each message once, beside its field, and one summary.
    await drafts.field("parcel.weightKg").fill("abc");
    await drafts.field("nfeKey").fill(KEY.slice(0, -1) + "8");
    await drafts.field("invoiceNumber").fill("999");
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(drafts.summary()).toBeVisible();
    await expect(drafts.error("parcel.weightKg")).toHaveText("Enter a number.");
    await expect(page.getByText("Enter a number.", { exact: true })).toHaveCount(1);
    const checkDigit = "The check digit should be 9, not 8. Check for a typo.";
    await expect(drafts.error("nfeKey")).toHaveText(checkDigit);
    await expect(page.getByText(checkDigit, { exact: true })).toHaveCount(1);
    await page.screenshot({ path: "test-results/edit-draft-refused-en-desktop.png", fullPage: true });

    // The weight corrected: its error goes at once; the key is still wrong, so the summary stays.
    await drafts.field("parcel.weightKg").fill("1.2");
    await expect(drafts.error("parcel.weightKg")).toHaveCount(0);
    await expect(drafts.field("parcel.weightKg")).not.toHaveAttribute("aria-invalid", "true");
    await expect(drafts.summary()).toBeVisible();

    // The key pasted: decoded, its error and the summary gone, the series filled in, and the
    // number typed differently kept, with the key's offered.
    await drafts.field("nfeKey").fill(`NFe ${KEY}`);
    await expect(page.getByTestId("nfe-decoded")).toContainText("12345");
    await expect(drafts.error("nfeKey")).toHaveCount(0);
    await expect(drafts.field("nfeKey")).not.toHaveAttribute("aria-invalid", "true");
    await expect(drafts.summary()).toHaveCount(0);
    await expect(page.getByRole("main").locator("form").getByRole("alert")).toHaveCount(0);
    await expect(drafts.field("invoiceSeries")).toHaveValue("1");
    await expect(page.locator('[id="invoiceSeries-hint"]')).toHaveText("Filled in from the NF-e key.");
    await expect(drafts.field("invoiceNumber")).toHaveValue("999");
    await expect(page.getByTestId("invoiceNumber-key-conflict")).toContainText("The NF-e key says 12345.");
    await page.getByRole("button", { name: "Use 12345" }).click();
    await expect(drafts.field("invoiceNumber")).toHaveValue("12345");
    await expect(page.getByTestId("invoiceNumber-key-conflict")).toHaveCount(0);
    await page.screenshot({ path: "test-results/edit-draft-key-pasted-en-desktop.png", fullPage: true });

    // The shortcut is announced beside the button, and saves from any field.
    await expect(page.getByTestId("save-shortcut")).toHaveText("or press Ctrl + Enter");
    await drafts.field("recipient.name").focus();
    await page.keyboard.press("Control+Enter");
    await expect(page.getByRole("status")).toHaveText(
      "The draft is complete and is now a shipment in Shipment Management.",
    );
    await expect(drafts.heading()).toHaveText(`Shipment ${order} — ready`);
    await page.screenshot({ path: "test-results/edit-draft-promoted-en-desktop.png" });

    // Opened again: the heading still follows the status, and what was saved is there.
    await page.goto(url);
    await expect(drafts.heading()).toHaveText(`Shipment ${order} — ready`);
    await expect(drafts.field("invoiceNumber")).toHaveValue("12345");
    await expect(drafts.field("invoiceSeries")).toHaveValue("1");
    await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
    await page.context().close();

    const pt = await signedIn(browser, "pt-BR", PHONE);
    await pt.goto(url);
    await expect(new EditDraftPage(pt).heading()).toHaveText(`Envio ${order} — pronto`);
    await expectNoSidewaysScroll(pt);
    await pt.context().close();
  });

  test("in Portuguese on a phone: the error goes as the key is pasted, the number fills in, ⌘/Ctrl+S saves", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "pt-BR", PHONE);
    const drafts = new EditDraftPage(page);
    const { order } = await drafts.openDraftMissing(/^Chave da NF-e$/, OTHER_MISSING);
    await expect(drafts.heading()).toHaveText(`Rascunho ${order}`);
    await drafts.field("nfeKey").fill("1234");
    await page.getByRole("button", { name: "Editar rascunho" }).click();
    await expect(drafts.summary()).toBeVisible();
    await expect(page.getByText("A chave tem 4 caracteres; precisa ter 44.", { exact: true })).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: "test-results/edit-draft-refused-pt-phone.png" });

    await drafts.field("nfeKey").fill(KEY);
    await expect(drafts.error("nfeKey")).toHaveCount(0);
    await expect(drafts.summary()).toHaveCount(0);
    await expect(drafts.field("invoiceNumber")).toHaveValue("12345");
    await expect(drafts.field("invoiceSeries")).toHaveValue("1");
    await expect(page.locator('[id="invoiceNumber-hint"]')).toHaveText("Preenchido pela chave da NF-e.");
    await drafts.field("invoiceNumber").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/edit-draft-key-pasted-pt-phone.png" });

    // Ctrl+S saves instead of opening the browser's "save page".
    await page.keyboard.press("Control+s");
    await expect(page.getByRole("status")).toHaveText(
      "O rascunho está completo e agora é um envio em Gestão de envios.",
    );
    await expect(drafts.heading()).toHaveText(`Envio ${order} — pronto`);
    await expectNoSidewaysScroll(page);
    await page.context().close();
  });

  test("the drafts list reaches Edit Draft in a few key presses", async ({ browser }) => {
    const page = await signedIn(browser, "en-US", DESKTOP);
    const drafts = new EditDraftPage(page);
    await drafts.gotoDrafts();

    // Skip to content, then skip to the first draft: two skip links, each one Enter.
    let presses = 0;
    const press = async (key: string) => {
      presses++;
      await page.keyboard.press(key);
    };
    await press("Tab");
    await expect(page.locator(":focus")).toHaveText("Skip to content");
    await press("Enter");
    while (presses < 20) {
      await press("Tab");
      if ((await page.locator(":focus").innerText()) === "Skip to the first draft") break;
    }
    await expect(page.locator(":focus")).toHaveText("Skip to the first draft");
    await page.screenshot({ path: "test-results/drafts-skip-link-en-desktop.png" });
    await press("Enter");
    expect(await focusedOnEditDraft(page)).toBe(true);
    console.log(`Edit Draft of the first row: ${presses} key presses from the page start`);
    expect(presses).toBeLessThanOrEqual(8);

    // Without the skip links, Tab alone: the order number is the first link of its row.
    await page.reload();
    let stops = 0;
    for (; stops < 60;) {
      await page.keyboard.press("Tab");
      stops++;
      if (await focusedOnEditDraft(page)) break;
    }
    console.log(`Edit Draft of the first row: Tab stop ${stops} by Tab alone (was the 43rd)`);
    expect(stops).toBeLessThan(43);
    await page.keyboard.press("Enter");
    await expect(drafts.heading()).toHaveText(/^Draft #/);
    await page.context().close();
  });

  for (const [locale, viewport, words] of [
    [
      "en-US",
      DESKTOP,
      {
        quote: "Get quotes",
        message: "Parcel 1 has no weight: no carrier can quote it without one.",
        fix: "Enter the weight",
      },
    ],
    [
      "pt-BR",
      PHONE,
      {
        quote: "Cotar",
        message: "O volume 1 está sem peso: nenhuma transportadora cota sem ele.",
        fix: "Informar o peso",
      },
    ],
  ] as const) {
    test(`a quote without a weight names the weight and takes the operator to it (${locale}, ${viewport.width} px)`, async ({
      browser,
    }) => {
      const page = await signedIn(browser, locale, viewport);
      const drafts = new EditDraftPage(page);
      await drafts.openDraftMissing(locale === "en-US" ? /^Weight$/ : /^Peso$/);
      const quotes = drafts.quotesCard();
      await quotes.getByRole("button", { name: words.quote }).click();
      const blocked = quotes.getByTestId("quote-blocked");
      await expect(blocked).toContainText(words.message);
      await expect(page.getByText(words.message, { exact: true })).toHaveCount(1);
      await expect(drafts.field("parcel.weightKg")).toHaveAttribute("aria-invalid", "true");
      await page.locator("h1").focus();
      await blocked.getByRole("button", { name: words.fix }).click();
      await expect(drafts.field("parcel.weightKg")).toBeFocused();
      await expect(drafts.field("parcel.weightKg")).toBeInViewport();
      await page.screenshot({ path: `test-results/edit-draft-quote-weight-${locale}-${viewport.width}.png` });
      // Typed in: the highlight goes (nothing is saved here, the draft stays as it was).
      await page.keyboard.type("2");
      await expect(drafts.field("parcel.weightKg")).not.toHaveAttribute("aria-invalid", "true");
      await quotes.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/edit-draft-quote-card-${locale}-${viewport.width}.png` });
      await expectNoSidewaysScroll(page);
      await page.context().close();
    });
  }
});
