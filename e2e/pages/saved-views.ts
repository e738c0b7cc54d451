import { expect, type Page } from "@playwright/test";

/** The saved-views strip above a table: pinned tabs, "Views" and "Save view", and their dialogs. */
export class SavedViewsStrip {
  constructor(readonly page: Page) {}

  strip() {
    return this.page.getByTestId("saved-views");
  }

  tabs() {
    return this.strip()
      .getByRole("navigation", { name: /^(Pinned views|Visualizações fixadas)$/ })
      .getByRole("link");
  }

  tab(name: string) {
    return this.tabs().filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
  }

  manageButton() {
    return this.strip().getByRole("button", { name: /^(Views|Visualizações)( \(\d+\))?$/ });
  }

  notice() {
    return this.strip().getByRole("status");
  }

  dialog() {
    return this.page.getByRole("dialog");
  }

  async openSave(pt = false, tap = false) {
    const button = this.strip().getByRole("button", { name: pt ? "Salvar visualização" : "Save view" });
    await (tap ? button.tap() : button.click());
    await expect(this.dialog()).toBeVisible();
  }

  async openManage(pt = false, tap = false) {
    const button = this.manageButton();
    await (tap ? button.tap() : button.click());
    await expect(
      this.dialog().getByRole("heading", { name: pt ? "Suas visualizações salvas" : "Your saved views" }),
    ).toBeVisible();
  }

  /** "Save view" with a name; pinned or not (the form pins by default). */
  async save(name: string, { pin, pt = false }: { pin: boolean; pt?: boolean }) {
    await this.openSave(pt);
    const dialog = this.dialog();
    await dialog.getByLabel(pt ? "Nome" : "Name").fill(name);
    await dialog.getByLabel(pt ? "Fixar acima da tabela" : "Pin it above the table").setChecked(pin);
    await dialog.getByRole("button", { name: pt ? "Salvar visualização" : "Save view" }).click();
    await expect(dialog).toBeHidden();
  }
}
