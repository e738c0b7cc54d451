// Hostile input through the real UI and the real HTTP routes: fields named __proto__ or
// constructor.prototype injected into the Edit Draft and rate-card forms are refused with a
// translated message (they used to pollute Object.prototype, after which every page answered
// 500), and no table page answers 500 to NUL bytes or hostile sort, filter and page parameters.
import type { Page } from "@playwright/test";
import { admin, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage } from "./pages/stores-page";

/** Adds hidden inputs to the form holding `submit`, as a hand-edited request would send them. */
async function injectFields(page: Page, formSelector: string, fields: Record<string, string>) {
  await page.locator(formSelector).first().waitFor();
  await page.evaluate(
    ({ formSelector, fields }) => {
      const form = document.querySelector<HTMLFormElement>(formSelector)!;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        input.dataset.injected = "true";
        form.append(input);
      }
    },
    { formSelector, fields },
  );
}

async function removeInjected(page: Page) {
  await page.evaluate(() => document.querySelectorAll("[data-injected]").forEach((input) => input.remove()));
}

/** Every page of the dashboard answers without a server error (a polluted prototype broke them all). */
async function expectEveryPageAnswers(page: Page) {
  const paths = [
    "/shipments",
    "/follow-up/quotations-shipments",
    "/follow-up/quotations-shipments?tab=shipments",
    "/follow-up/quotations-shipments?tab=drafts",
    "/follow-up/quotations-shipments/rate-cards",
    "/stores",
    "/sync-runs",
    "/users",
    "/api/health",
  ];
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
}

const EDIT_DRAFT_FORM = 'form:has(input[name="version"]):has(input[name="nfeKey"])';

test.describe("hostile form fields", () => {
  test("Edit Draft refuses __proto__ and constructor.prototype fields and huge indices, and every page still answers", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signIn(admin.email, admin.password);
    await new StoresPage(page).ensureDemoSynced();
    await page.goto("/follow-up/quotations-shipments?tab=drafts");
    await page
      .getByRole("link", { name: /^Edit draft / })
      .first()
      .click();
    await expect(page.getByRole("button", { name: "Edit Draft" })).toBeVisible();
    const editUrl = page.url();
    const history = await page.getByTestId("draft-history").locator("li").count();

    await injectFields(page, EDIT_DRAFT_FORM, { "__proto__.polluted": "yes", "constructor.prototype.polluted": "yes" });
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(
      page.getByText("This form was refused: the field name “__proto__.polluted” is not allowed. Nothing was changed."),
    ).toBeVisible();
    await expectEveryPageAnswers(page);

    await page.goto(editUrl);
    await injectFields(page, EDIT_DRAFT_FORM, { "items.100000.quantity": "1" });
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(
      page.getByText(
        "This form was refused: “items.100000.quantity” is beyond the number of lines this form allows. Nothing was changed.",
      ),
    ).toBeVisible();
    await removeInjected(page);

    await page.goto(editUrl);
    await injectFields(page, EDIT_DRAFT_FORM, { isAdmin: "true" });
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(page.getByText(/it has a field this page does not know \(“isAdmin”\)/)).toBeVisible();
    // Nothing was saved by any of these: the draft's history of edits did not grow.
    await page.goto(editUrl);
    await expect(page.getByRole("button", { name: "Edit Draft" })).toBeVisible();
    expect(await page.getByTestId("draft-history").locator("li").count()).toBe(history);
    await expectEveryPageAnswers(page);
  });

  test("the rate-card form refuses zones.__proto__ and __proto__ fields, in Portuguese too", async ({ browser }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    await new SignInPage(page).signIn(admin.email, admin.password);
    await page.goto("/follow-up/quotations-shipments/rate-cards");
    const form = "form[aria-label]";
    await injectFields(page, form, { "zones.__proto__.basePrice": "1", "__proto__.polluted": "yes" });
    await page.locator(form).first().getByRole("button").click();
    await expect(
      page.getByText(
        "Este formulário foi recusado: o nome de campo “zones.__proto__.basePrice” não é permitido. Nada foi alterado.",
      ),
    ).toBeVisible();
    await expectEveryPageAnswers(page);
    await context.close();
  });
});

test.describe("hostile URL parameters", () => {
  test("no table page answers a server error to NUL bytes, control characters or hostile sort, filter and page values", async ({
    page,
    signInPage,
  }) => {
    // About 200 page renders: more than the default minute on a busy machine.
    test.setTimeout(180_000);
    await signInPage.signIn(admin.email, admin.password);
    await page.goto("/sync-runs");
    const runLink = page.locator('a[href^="/sync-runs/"]').first();
    const runPath = (await runLink.count()) > 0 ? await runLink.getAttribute("href") : null;
    const tables = [
      "/shipments",
      "/follow-up/quotations-shipments?tab=quotations",
      "/follow-up/quotations-shipments?tab=shipments",
      "/follow-up/quotations-shipments?tab=drafts",
      "/stores",
      "/sync-runs",
      "/users",
      "/shipments/export.csv",
      ...(runPath ? [runPath] : []),
    ];
    const hostile = [
      "q=%00",
      "q=a%00b%01%1B%7F%C2%85",
      `q=${"%F0%9F%93%A6".repeat(300)}`,
      "q=%ED%A0%80",
      "q=%25%5F%5C",
      "q=a&q=%00",
      "sort=%00.asc",
      "sort=__proto__.desc",
      "sort=constructor.prototype",
      "page=%00",
      "page=-1",
      "page=1e309",
      "page=99999999999999999999",
      "perPage=%00",
      "perPage=1000000",
      "status=%00,ready",
      "carrier=__proto__",
      "store=%00",
      "pickup=constructor",
      "tab=%00",
      "order=%00",
      "order=%231001%00",
      "__proto__[polluted]=1",
      "constructor.prototype.polluted=1",
    ];
    for (const path of tables) {
      for (const query of hostile) {
        const url = `${path}${path.includes("?") ? "&" : "?"}${query}`;
        const response = await page.request.get(url);
        expect(response.status(), url).toBeLessThan(500);
      }
    }
    await expectEveryPageAnswers(page);
  });
});
