import { expect, type Page } from "@playwright/test";

/** Shipment Management: the overview, the table, its bulk bar and the pickup dialog. */
export class ShipmentsPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/shipments${query}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** The total of the table's range text ("1–20 of 37" → 37), 0 when the table is empty. */
  async total(): Promise<number> {
    const range = this.page.getByTestId("table-range");
    if ((await range.count()) === 0) return 0;
    return Number((await range.innerText()).split(/\s/).pop());
  }

  overviewValue(testId: "overview-drafts" | "overview-ready" | "overview-pickups") {
    return this.page.getByTestId(`${testId}-value`);
  }

  /** The shipments table (the overview's chart has a table of its own for screen readers). */
  table() {
    return this.page.getByRole("table", { name: /^(Shipment Management|Gestão de envios)$/ });
  }

  /** The row of an order; with the store's name when several stores have that order number. */
  row(order: string, store?: string) {
    const rows = this.table()
      .getByRole("row")
      .filter({ has: this.page.getByText(order, { exact: true }) });
    return store ? rows.filter({ hasText: store }) : rows;
  }

  /**
   * The order number of the n-th row that can get a pickup (orders already fulfilled in Shopify
   * cannot). Cells: selection, order (number, then store), …
   */
  async schedulableOrderAt(index = 0): Promise<string> {
    const row = this.table()
      .getByRole("row")
      .filter({ has: this.page.getByRole("button", { name: /^(Schedule pickup|Agendar coleta) #/ }) })
      .nth(index);
    return (await row.getByRole("cell").nth(1).innerText()).split("\n")[0];
  }

  pickupDialog() {
    return this.page.getByRole("dialog");
  }

  async fillPickup(date: string, readyTime = "09:00", closeTime = "17:00") {
    const dialog = this.pickupDialog();
    await dialog.locator("#pickup-date").fill(date);
    await dialog.locator("#pickup-ready").fill(readyTime);
    await dialog.locator("#pickup-close").fill(closeTime);
  }
}
