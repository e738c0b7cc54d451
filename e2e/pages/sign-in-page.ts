import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/sign-in");
  }

  async submit(email: string, password: string) {
    await this.page.locator("#email").fill(email);
    await this.page.locator("#password").fill(password);
    await this.page.locator("form button[type=submit]").click();
  }

  /** Signs in and waits for the dashboard. */
  async signIn(email: string, password: string, landing: RegExp = /\/shipments/) {
    await this.goto();
    await this.submit(email, password);
    await this.page.waitForURL(landing);
  }

  error() {
    return this.page.locator("form").getByRole("alert");
  }

  async expectError(text: string | RegExp) {
    await expect(this.error()).toHaveText(text);
  }
}
