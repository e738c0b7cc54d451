import { admin, expect, test, uniqueEmail } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";

test.describe("sign-in", () => {
  test("a wrong password and an unknown email get the same generic message", async ({ signInPage, page }) => {
    await signInPage.goto();
    await signInPage.submit(admin.email, "definitely-not-the-password");
    await signInPage.expectError("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);

    await signInPage.submit(uniqueEmail("nobody"), "whatever-password");
    await signInPage.expectError("The email or password is incorrect.");
  });

  test("repeated failures for one email are rate-limited with a clear message", async ({ signInPage }) => {
    const email = uniqueEmail("locked");
    await signInPage.goto();
    for (let attempt = 0; attempt < 5; attempt++) {
      await signInPage.submit(email, `wrong-password-${attempt}`);
      await signInPage.expectError("The email or password is incorrect.");
    }
    await signInPage.submit(email, "wrong-password-again");
    await signInPage.expectError(/Too many failed attempts/);
  });

  test("a signed-out visitor is sent to sign-in and then back to the page they asked for", async ({
    page,
    signInPage,
  }) => {
    await page.goto("/users");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fusers/);
    await signInPage.submit(admin.email, admin.password);
    await page.waitForURL(/\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });

  test("sign-out ends the session", async ({ page, signInPage, shell }) => {
    await signInPage.signIn(admin.email, admin.password);
    await expect(page.getByTestId("current-user")).toContainText("Ana Admin");
    await shell.signOut();
    await page.goto("/shipments");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("every menu page opens with its empty state", async ({ page, signInPage, shell }) => {
    await signInPage.signIn(admin.email, admin.password);
    const pages: [string, string, string][] = [
      ["Shipment Management", "Shipment Management", "No shipments yet"],
      ["Quotations & Shipments", "Quotations & Shipments", "No quotations yet"],
      ["Stores", "Stores", "No stores connected"],
      ["Sync history", "Sync history", "No syncs yet"],
    ];
    for (const [link, heading, empty] of pages) {
      await shell.nav().getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId("empty-state")).toContainText(empty);
    }
    await shell.nav().getByRole("link", { name: "Quotations & Shipments" }).click();
    await page.getByRole("link", { name: /Incomplete \(Drafts\)/ }).click();
    await expect(page.getByTestId("empty-state")).toContainText("No incomplete drafts");
    await expect(page).toHaveURL(/tab=drafts/);
  });

  test("pages carry the security headers", async ({ page }) => {
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
  });
});

test("on a phone the menu folds into a Menu button", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Stores" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stores" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await context.close();
});
