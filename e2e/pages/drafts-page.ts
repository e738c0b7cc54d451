import { expect, type Page } from "@playwright/test";

/** Incomplete (Drafts): the table, its selection and the bulk bar's weight & dimensions dialog. */
export class DraftsPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/follow-up/quotations-shipments?tab=drafts&perPage=100${query}`);
    await expect(this.table()).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: /^(Incomplete \(Drafts\)|Incompletos \(Rascunhos\))$/ });
  }

  /** The row of an order in one store (order numbers repeat across stores). */
  row(order: string, store: string) {
    return this.table()
      .getByRole("row")
      .filter({ has: this.page.getByText(order, { exact: true }) })
      .filter({ hasText: store });
  }

  async select(order: string, store: string) {
    await this.row(order, store)
      .getByRole("checkbox", { name: new RegExp(`^(Select|Selecionar) ${order}$`) })
      .check();
  }

  /** Opens "Edit weight & dimensions" for the selected drafts; resolves with the dialog. */
  async openParcelDialog() {
    await this.page
      .getByTestId("bulk-bar")
      .getByRole("button", { name: /^(Edit weight & dimensions|Editar peso e dimensões)$/ })
      .click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
