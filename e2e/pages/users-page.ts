import { expect, type Page } from "@playwright/test";

export interface NewUser {
  name: string;
  email: string;
  role: "admin" | "operator";
  password?: string;
}

export class UsersPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/users${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  async openCreateDialog() {
    await this.page.getByRole("button", { name: /add user|adicionar usuário/i }).click();
    await expect(this.dialog()).toBeVisible();
  }

  async fillCreateForm(user: NewUser) {
    const dialog = this.dialog();
    await dialog.locator("#new-user-name").fill(user.name);
    await dialog.locator("#new-user-email").fill(user.email);
    await dialog.locator("#new-user-role").selectOption(user.role);
    if (user.password) await dialog.locator("#new-user-password").fill(user.password);
  }

  async submitCreateForm() {
    await this.dialog().locator("form button[type=submit]").click();
  }

  /** Creates a user through the dialog; returns the password (the generated one if none was given). */
  async createUser(user: NewUser): Promise<string> {
    await this.openCreateDialog();
    await this.fillCreateForm(user);
    await this.submitCreateForm();
    await expect(this.dialog().getByRole("status")).toContainText(user.email.toLowerCase());
    const password = user.password ?? (await this.dialog().getByTestId("generated-password").innerText());
    await this.dialog()
      .getByRole("button", { name: /done|concluir/i })
      .click();
    await expect(this.dialog()).toBeHidden();
    return password;
  }

  row(text: string) {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  async search(text: string) {
    await this.page.getByRole("searchbox").fill(text);
    await this.page.waitForURL((url) => url.searchParams.get("q") === text);
  }

  async manage(name: string) {
    await this.page.getByRole("button", { name: new RegExp(`(manage|gerenciar) ${name}`, "i") }).click();
    await expect(this.dialog()).toBeVisible();
  }
}
