import { expect, type Locator, type Page } from "@playwright/test";

/** The sync progress panel above the page's content: a card while runs go, a pill once they end. */
export class SyncPanel {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByTestId("sync-panel");
  }

  pill() {
    return this.page.getByTestId("sync-pill");
  }

  /** Until every run of the panel has ended (it is then a pill). */
  async waitForEnd() {
    await expect(this.root()).toHaveAttribute("data-state", /^(done|failed)$/, { timeout: 30_000 });
  }

  /** The pill opened: the summary, one click away. */
  async openSummary() {
    await this.pill().click();
    await expect(this.root().getByTestId("sync-summary").first()).toBeVisible();
  }

  async dismiss() {
    await this.root()
      .getByRole("button", { name: /^(Dismiss|Fechar)$/ })
      .click();
    await expect(this.root()).toHaveCount(0);
  }
}

/**
 * The figures of a count list (the panel's or a run page's grid, Sync history's line) by kind, in
 * words with single spaces ("14 new shipments ready"), so the places can be compared.
 */
export async function countTexts(list: Locator): Promise<Record<string, string>> {
  const entries = await list
    .locator("[data-count]")
    .evaluateAll((nodes) =>
      nodes.map((node) => [node.getAttribute("data-count") ?? "", (node as HTMLElement).innerText] as const),
    );
  return Object.fromEntries(
    entries.map(([kind, text]) => [
      kind,
      text
        .replace(/^\s*·\s*/, "")
        .replace(/\s+/g, " ")
        .trim(),
    ]),
  );
}
