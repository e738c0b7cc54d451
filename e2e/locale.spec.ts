import { createUserAsAdmin, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { Shell } from "./pages/shell";

test.describe("languages", () => {
  test("the sign-in page follows the browser's Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
    await context.close();
  });

  test("a language switch persists across sign-out and is remembered for the user", async ({
    browser,
    page,
    signInPage,
    shell,
  }) => {
    const user = await createUserAsAdmin(browser, { name: "Lia Línguas", role: "operator" });
    await signInPage.signIn(user.email, user.password);
    await expect(page.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();

    await shell.switchLanguage("pt-BR");
    await expect(page.getByRole("heading", { level: 1, name: "Gestão de envios" })).toBeVisible();
    await shell.nav().getByRole("link", { name: "Cotações e envios" }).click();
    await expect(page.getByRole("link", { name: /Incompletos \(Rascunhos\)/ })).toBeVisible();

    await shell.signOut();
    await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();

    // A different browser (English, no cookie) gets Portuguese once this user signs in.
    const fresh = await browser.newContext({ locale: "en-US" });
    const freshPage = await fresh.newPage();
    const freshSignIn = new SignInPage(freshPage);
    await freshSignIn.goto();
    await expect(freshPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await freshSignIn.submit(user.email, user.password);
    await freshPage.waitForURL(/\/shipments/);
    await expect(freshPage.getByRole("heading", { level: 1, name: "Gestão de envios" })).toBeVisible();
    await new Shell(freshPage).switchLanguage("en");
    await expect(freshPage.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();
    await fresh.close();
  });

  test("validation errors are translated", async ({ page, signInPage }) => {
    await signInPage.goto();
    await page.getByTestId("locale-switcher").selectOption("pt-BR");
    await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
    await signInPage.submit("ninguem@e2e.test", "senha-errada-123");
    await signInPage.expectError("E-mail ou senha incorretos.");
  });
});
