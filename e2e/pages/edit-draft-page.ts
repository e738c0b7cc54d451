import { expect, type Page } from "@playwright/test";

/** The drafts list (Quotations & Shipments › Incomplete) and Edit Draft, in either language. */
export class EditDraftPage {
  constructor(readonly page: Page) {}

  async gotoDrafts() {
    await this.page.goto("/follow-up/quotations-shipments?tab=drafts&perPage=100");
    await expect(this.page.getByRole("table")).toBeVisible();
  }

  /**
   * Opens the first draft whose Missing column shows `missing` (a label as shown, e.g. /^NF-e key$/)
   * and none of `without`, by its order number's link; returns the order number and the store.
   */
  async openDraftMissing(missing: RegExp, without?: RegExp): Promise<{ order: string; store: string }> {
    await this.gotoDrafts();
    const rows = this.page.getByRole("row").filter({ has: this.page.getByText(missing, { exact: true }) });
    const row = (without ? rows.filter({ hasNot: this.page.getByText(without) }) : rows).first();
    // Cells: selection, order (number, then store), …
    const [order, store] = (await row.getByRole("cell").nth(1).innerText()).split("\n");
    await row.getByRole("link", { name: order, exact: true }).click();
    await expect(this.heading()).toContainText(order);
    return { order, store };
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  field(name: string) {
    return this.page.locator(`[id="${name}"]`);
  }

  error(name: string) {
    return this.page.locator(`[id="${name}-error"]`);
  }

  /** The form-level summary of a refused save. */
  summary() {
    return this.page
      .getByRole("alert")
      .filter({ hasText: /^(Please correct the highlighted fields\.|Corrija os campos destacados\.)$/ });
  }

  quotesCard() {
    return this.page.getByTestId("quotes-card");
  }
}
