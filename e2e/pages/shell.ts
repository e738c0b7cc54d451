import type { Page } from "@playwright/test";

/** The dashboard frame: sidebar, language switcher, sign-out. */
export class Shell {
  constructor(readonly page: Page) {}

  nav() {
    return this.page.getByRole("navigation", { name: /main menu|menu principal/i });
  }

  async switchLanguage(locale: "en" | "pt-BR") {
    const switcher = this.page.getByTestId("locale-switcher");
    await switcher.selectOption(locale);
    await this.page.waitForFunction((expected) => document.documentElement.lang === expected, locale);
  }

  async signOut() {
    await this.page.getByRole("button", { name: /sign out|sair/i }).click();
    await this.page.waitForURL(/\/sign-in/);
  }
}
