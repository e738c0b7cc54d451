import { admin, createUserAsAdmin, expect, newSignedInPage, test, uniqueEmail } from "./fixtures";
import { Shell } from "./pages/shell";
import { SignInPage } from "./pages/sign-in-page";

test.describe("users and roles", () => {
  test("an admin creates an operator, who signs in and cannot reach Users", async ({
    signInPage,
    usersPage,
    shell,
    browser,
  }) => {
    await signInPage.signIn(admin.email, admin.password);
    await shell.nav().getByRole("link", { name: "Users" }).click();
    const email = uniqueEmail("operator");
    const password = await usersPage.createUser({ name: "Olga Operadora", email, role: "operator" });
    await expect(usersPage.row(email)).toContainText("Operator");
    await expect(usersPage.row(email)).toContainText("Active");

    const operatorPage = await newSignedInPage(browser, { email, password });
    const operatorShell = new Shell(operatorPage);
    await expect(operatorPage.getByTestId("current-user")).toContainText("Olga Operadora");
    await expect(operatorShell.nav().getByRole("link", { name: "Shipment Management" })).toBeVisible();
    await expect(operatorShell.nav().getByRole("link", { name: "Users" })).toHaveCount(0);

    const response = await operatorPage.goto("/users");
    expect(response!.status()).toBe(403);
    await expect(operatorPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await operatorPage.context().close();
  });

  test("a forged create-user POST from an operator gets 403 and changes nothing", async ({
    page,
    signInPage,
    usersPage,
    browser,
  }) => {
    const operator = await createUserAsAdmin(browser, { name: "Otto Operator", role: "operator" });

    // Capture the exact request the admin's browser would send, without letting it through.
    await signInPage.signIn(admin.email, admin.password);
    await usersPage.goto();
    const forgedEmail = uniqueEmail("forged");
    let captured: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route("**/users", async (route) => {
      const request = route.request();
      if (request.method() === "POST" && request.headers()["next-action"]) {
        captured = { headers: request.headers(), body: request.postDataBuffer()! };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await usersPage.openCreateDialog();
    await usersPage.fillCreateForm({
      name: "Forged Admin",
      email: forgedEmail,
      role: "admin",
      password: "forged-password-1",
    });
    await usersPage.submitCreateForm();
    await expect.poll(() => captured?.headers["next-action"]).toMatch(/\S/);
    await page.unroute("**/users");

    // Replay it with the operator's session.
    const operatorPage = await newSignedInPage(browser, operator);
    const response = await operatorPage.request.post("/users", {
      headers: {
        "next-action": captured!.headers["next-action"],
        "content-type": captured!.headers["content-type"],
        accept: "text/x-component",
      },
      data: captured!.body,
    });
    expect(response.status()).toBe(403);
    await operatorPage.context().close();

    // Nothing was created.
    await usersPage.goto(`?q=${encodeURIComponent(forgedEmail)}`);
    await expect(page.getByTestId("no-matches")).toBeVisible();
  });

  test("the create form shows precise, translated errors in place and saves nothing", async ({
    signInPage,
    usersPage,
  }) => {
    await signInPage.signIn(admin.email, admin.password);
    await usersPage.goto();
    await usersPage.openCreateDialog();
    await usersPage.fillCreateForm({ name: "", email: "not-an-email", role: "operator", password: "short" });
    await usersPage.submitCreateForm();
    const dialog = usersPage.dialog();
    await expect(dialog.locator("#new-user-name-error")).toHaveText("This field is required.");
    await expect(dialog.locator("#new-user-email-error")).toHaveText(
      "Enter a valid email address, like name@company.com.",
    );
    await expect(dialog.locator("#new-user-password-error")).toHaveText("Use at least 10 characters.");
    await expect(dialog.locator("#new-user-email")).toHaveAttribute("aria-invalid", "true");
    // What the admin typed is kept, except the password.
    await expect(dialog.locator("#new-user-email")).toHaveValue("not-an-email");
    await expect(dialog.locator("#new-user-password")).toHaveValue("");

    // The same email twice is refused on the email field.
    await dialog.locator("#new-user-name").fill("Duplicate");
    await dialog.locator("#new-user-email").fill(admin.email.toUpperCase());
    await dialog.locator("#new-user-password").fill("");
    await usersPage.submitCreateForm();
    await expect(dialog.locator("#new-user-email-error")).toHaveText("A user with this email already exists.");
  });

  test("an admin changes a role, deactivates and reactivates a user, and resets a password", async ({
    page,
    signInPage,
    usersPage,
    browser,
  }) => {
    const user = await createUserAsAdmin(browser, { name: "Rita Rotativa", role: "operator" });
    await signInPage.signIn(admin.email, admin.password);
    await usersPage.goto();
    await usersPage.search(user.email);
    await expect(page.getByRole("row")).toHaveCount(2); // header + the one user

    await usersPage.manage("Rita Rotativa");
    const dialog = usersPage.dialog();
    await dialog.getByLabel("Role").selectOption("admin");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(dialog.getByRole("status").first()).toHaveText("Rita Rotativa is now Admin.");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(dialog.getByText("Rita Rotativa was deactivated and can no longer sign in.")).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(usersPage.row(user.email)).toContainText("Inactive");
    await expect(usersPage.row(user.email)).toContainText("Admin");

    // A deactivated account gets the same generic message as a wrong password.
    const other = await browser.newContext();
    const otherSignIn = new SignInPage(await other.newPage());
    await otherSignIn.goto();
    await otherSignIn.submit(user.email, user.password);
    await otherSignIn.expectError("The email or password is incorrect.");

    await usersPage.manage("Rita Rotativa");
    await dialog.getByRole("button", { name: "Reactivate" }).click();
    await expect(dialog.getByText("Rita Rotativa was reactivated.")).toBeVisible();
    await dialog.getByLabel("New password").fill("a-brand-new-password");
    await dialog.getByRole("button", { name: "Set password" }).click();
    await expect(dialog.getByText("The password was changed.")).toBeVisible();

    await otherSignIn.signIn(user.email, "a-brand-new-password");
    await expect(otherSignIn.page.getByRole("link", { name: "Users" })).toBeVisible();
    await other.close();
  });

  test("an admin cannot deactivate their own account", async ({ signInPage, usersPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await usersPage.goto();
    await usersPage.manage("Ana Admin");
    await expect(usersPage.dialog().getByRole("button", { name: "Deactivate" })).toBeDisabled();
    await expect(usersPage.dialog().getByText(/cannot change your own role/)).toBeVisible();
  });

  test("the users table keeps search, filters and sort in the URL", async ({ page, signInPage, usersPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await usersPage.goto();
    await page.getByRole("combobox", { name: "Role" }).selectOption("admin");
    await page.waitForURL(/role=admin/);
    await page.getByRole("button", { name: /^Email/ }).click();
    await page.waitForURL(/sort=email\.asc/);
    await expect(page.getByRole("columnheader", { name: /Email/ })).toHaveAttribute("aria-sort", "ascending");
    for (const row of await page.getByRole("row").all()) {
      const text = await row.innerText();
      if (!text.includes("@")) continue;
      expect(text).toContain("Admin");
    }
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("admin");
    await expect(page.getByRole("columnheader", { name: /Email/ })).toHaveAttribute("aria-sort", "ascending");
  });
});
