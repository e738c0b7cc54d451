// The sync panel in an operator's day: a card in the page's flow while a run goes, a small pill at
// its end that covers no table column, the summary one click away with the same figures as Sync
// history and the run's page, dismissed for good (across pages and reloads) until a new run.
// Runs on a store of its own, so the demo store's counts and shipments stay as other specs expect.
import type { Browser, Locator, Page } from "@playwright/test";
import { admin, expect, test } from "./fixtures";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage, emulatorControl } from "./pages/stores-page";
import { SyncPanel, countTexts } from "./pages/sync-panel";

const SHOP = "loja-painel.myshopify.com";
const STORE = "Loja Painel";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const STORAGE_KEY = "shipsmart.sync.runs";

test.describe.configure({ mode: "serial" });

const words = {
  en: {
    sync: "Sync Orders",
    done: "Sync done",
    read: /^\d+ orders? read$/,
    allOrders: "Every order of this run",
    noAddress: /^(\d+) without a shipping address$/,
    hint: (count: number) =>
      count === 1
        ? "1 order of this run has no shipping address, so there is nothing to ship. Archive it in Shopify to take it off the store's open orders."
        : `${count} orders of this run have no shipping address, so there is nothing to ship. Archive them in Shopify to take them off the store's open orders.`,
    archiveAll: (count: number) => (count === 1 ? "Archive it in Shopify" : `Archive all ${count} in Shopify`),
    archiveSelectedOne: "Archive the selected order in Shopify",
    archivedOne: "1 order was archived in Shopify.",
    archiveZero: /Archive 0|Archive the 0/,
  },
  pt: {
    sync: "Sincronizar pedidos",
    done: "Sincronização concluída",
    read: /^\d+ pedidos? lidos?$/,
    allOrders: "Todos os pedidos desta sincronização",
    archiveZero: /Arquivar 0|Arquivar os 0/,
  },
};

async function signedIn(browser: Browser, locale: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  return page;
}

/** The store of this spec, created in "Shopify" with two orders that have no shipping address, and connected. */
async function ensureStoreConnected(stores: StoresPage) {
  const { shops } = (await emulatorControl("/shops", "GET")) as { shops: { domain: string }[] };
  if (!shops.some((shop) => shop.domain === SHOP)) {
    await emulatorControl("/shops", "POST", { domain: SHOP, name: STORE, orders: 24, seed: 2715 });
    for (const seed of [11, 12])
      await emulatorControl(`/shops/${SHOP}/orders`, "POST", { order: { shippingAddress: null }, seed });
  }
  await stores.goto();
  if ((await stores.row(SHOP).count()) > 0) return;
  await stores.page.goto(`/auth/toplevel?shop=${SHOP}`);
  await stores.install();
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The panel sits in the page's flow (it scrolls with the page, nothing is laid over it) and covers
 * no header or cell of the page's tables, the last column included.
 */
async function expectClearOfTables(page: Page, panel: Locator) {
  await expect(panel).toBeVisible();
  expect(await panel.evaluate((node) => getComputedStyle(node).position)).toBe("static");
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  const cells = await page.locator("main table th, main table td").evaluateAll((nodes) =>
    nodes.map((node) => {
      const rect = node.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }),
  );
  expect(cells.length).toBeGreaterThan(0);
  const covered = cells.filter((cell) => cell.width > 0 && cell.height > 0 && overlaps(box, cell));
  expect(covered).toEqual([]);
}

/** Each count of a run's page that names an outcome lists exactly that many orders when followed. */
async function expectCountsMatchTheirOrders(page: Page, runUrl: string) {
  const links = await page
    .getByTestId("run-counts")
    .locator("[data-count] a[href*='outcome=']")
    .evaluateAll((nodes) =>
      nodes.map((node) => ({
        href: node.getAttribute("href")!,
        value: (node as HTMLElement).innerText.split(/\s/)[0],
      })),
    );
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    await page.goto(link.href);
    await expect(page.getByTestId("table-range")).toHaveText(new RegExp(`\\D${link.value}$`));
  }
  await page.goto(runUrl);
}

test.describe("the sync panel", () => {
  test("desktop, English: progress, a pill that covers nothing, figures that agree, dismissed for good", async ({
    browser,
  }) => {
    const t = words.en;
    const page = await signedIn(browser, "en-US", DESKTOP);
    const stores = new StoresPage(page);
    const sync = new SyncPanel(page);
    await ensureStoreConnected(stores);

    // Slow "Shopify" down so the run is seen going: a card with the progress, in the page's flow.
    await emulatorControl(`/shops/${SHOP}/faults`, "POST", { latencyMs: 1500 });
    try {
      await stores.row(SHOP).getByRole("button", { name: t.sync }).click();
      await expect(sync.root()).toHaveAttribute("data-expanded", "true");
      await expect(sync.root().getByRole("progressbar")).toBeVisible();
      await expect(sync.root().getByTestId("sync-fetched")).toHaveText(/orders? read$/);
      await expectClearOfTables(page, sync.root());
      await page.screenshot({ path: "test-results/sync-panel-running-en-1440.png" });
    } finally {
      await emulatorControl(`/shops/${SHOP}/faults`, "DELETE");
    }

    // At the end it folds into a pill by itself.
    await sync.waitForEnd();
    await expect(sync.root()).toHaveAttribute("data-state", "done");
    await expect(sync.root()).toHaveAttribute("data-expanded", "false");
    await expect(sync.pill()).toContainText(t.done);
    await expect(sync.pill()).toContainText(STORE);
    await expect(sync.root().getByTestId("sync-summary")).toHaveCount(0);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-panel-pill-en-1440.png" });

    // The pill follows to other pages and through a reload, still a pill, over no column.
    for (const path of ["/shipments", "/follow-up/quotations-shipments?tab=drafts", "/sync-runs"]) {
      await page.goto(path);
      await expect(sync.pill()).toContainText(t.done);
      await expectClearOfTables(page, sync.root());
    }
    await page.goto("/shipments");
    await expect(sync.pill()).toBeVisible();
    await page.screenshot({ path: "test-results/sync-panel-pill-shipments-en-1440.png" });

    // The summary is one click away, in full words, and pushes the table down rather than covering it.
    await sync.openSummary();
    const summary = sync.root().getByTestId("sync-summary");
    const panelFigures = await countTexts(summary);
    expect(panelFigures.read).toMatch(t.read);
    // The two orders created without an address, and any the generator made so.
    const noAddress = Number(t.noAddress.exec(panelFigures.noAddress)?.[1]);
    expect(noAddress).toBeGreaterThanOrEqual(2);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-panel-summary-en-1440.png", fullPage: true });

    // The run's page and Sync history show the same figures in the same words.
    await sync.root().getByRole("link", { name: t.allOrders }).click();
    await expect(page).toHaveURL(/\/sync-runs\/[0-9a-f-]+$/);
    const runUrl = page.url();
    expect(await countTexts(page.getByTestId("run-counts"))).toEqual(panelFigures);
    await expectCountsMatchTheirOrders(page, runUrl);
    await page.goto("/sync-runs");
    const historyRow = page.getByRole("row").filter({ hasText: STORE }).first();
    expect(await countTexts(historyRow.getByTestId("sync-counts"))).toEqual(panelFigures);
    await page.screenshot({ path: "test-results/sync-history-en-1440.png" });
    // Stores' "Last sync" says the same of the run, and leads to it.
    await stores.goto();
    await expect(stores.row(SHOP).getByTestId("last-run")).toHaveText(panelFigures.read);
    await stores.row(SHOP).getByTestId("last-run").click();
    await expect(page).toHaveURL(runUrl);

    // Orders without an address: clear sentences, and a button that never offers "Archive 0".
    await page.goto(`${runUrl}?outcome=skipped_no_address`);
    const bar = page.getByTestId("archive-bar");
    await expect(bar).toContainText(t.hint(noAddress));
    await expect(bar.getByRole("button", { name: t.archiveAll(noAddress) })).toBeVisible();
    await page.getByRole("checkbox").first().check();
    await bar.getByRole("button", { name: t.archiveSelectedOne }).click();
    await expect(page.getByRole("status").filter({ hasText: t.archivedOne })).toBeVisible();
    await expect(bar).toContainText(t.hint(noAddress - 1));
    await expect(bar.getByRole("button", { name: t.archiveAll(noAddress - 1) })).toBeVisible();
    await expect(page.getByRole("button", { name: t.archiveZero })).toHaveCount(0);
    // Another view of the run: the bar points at the order rather than offering an empty button.
    await page.goto(`${runUrl}?outcome=created_draft`);
    await expect(bar.getByRole("link", { name: noAddress - 1 === 1 ? "Show it" : "Show them" })).toBeVisible();
    await expect(bar.getByRole("button")).toHaveCount(0);
    await page.goto(runUrl);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-run-page-en-1440.png", fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "test-results/sync-run-page-en-390.png", fullPage: true });
    await page.setViewportSize(DESKTOP);

    // Dismissed, it stays away: on the next page and after a reload.
    await sync.dismiss();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await page.getByRole("link", { name: "Shipment Management" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();
    await expect(sync.root()).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await expect(sync.root()).toHaveCount(0);

    // A new run shows it again.
    await stores.goto();
    await stores.row(SHOP).getByRole("button", { name: t.sync }).click();
    await expect(sync.root()).toBeVisible();
    await sync.waitForEnd();
    await expect(sync.pill()).toContainText(t.done);
    await sync.dismiss();
    await page.context().close();
  });

  test("phone, Portuguese: the pill fits the screen, covers nothing and agrees with Sync history", async ({
    browser,
  }) => {
    const t = words.pt;
    const page = await signedIn(browser, "pt-BR", PHONE);
    const stores = new StoresPage(page);
    const sync = new SyncPanel(page);
    await ensureStoreConnected(stores);
    // New orders in "Shopify" since the last sync: this run has something to read.
    await emulatorControl(`/shops/${SHOP}/orders/generate`, "POST", { count: 4, seed: 3141 });

    await stores.row(SHOP).getByRole("button", { name: t.sync }).click();
    await sync.waitForEnd();
    await expect(sync.root()).toHaveAttribute("data-expanded", "false");
    await expect(sync.pill()).toContainText(t.done);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-panel-pill-pt-390.png" });

    await page.goto("/shipments");
    await expect(sync.pill()).toContainText(t.done);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-panel-pill-shipments-pt-390.png" });

    await sync.openSummary();
    const panelFigures = await countTexts(sync.root().getByTestId("sync-summary"));
    expect(panelFigures.read).toMatch(t.read);
    await expectClearOfTables(page, sync.root());
    await page.screenshot({ path: "test-results/sync-panel-summary-pt-390.png", fullPage: true });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: "test-results/sync-panel-summary-pt-1440.png" });
    await page.setViewportSize(PHONE);

    await sync.root().getByRole("link", { name: t.allOrders }).click();
    await expect(page).toHaveURL(/\/sync-runs\/[0-9a-f-]+$/);
    expect(await countTexts(page.getByTestId("run-counts"))).toEqual(panelFigures);
    await expectClearOfTables(page, sync.root());
    await expect(page.getByRole("button", { name: t.archiveZero })).toHaveCount(0);
    await page.screenshot({ path: "test-results/sync-run-page-pt-390.png", fullPage: true });
    await page.goto("/sync-runs");
    const historyRow = page.getByRole("row").filter({ hasText: STORE }).first();
    expect(await countTexts(historyRow.getByTestId("sync-counts"))).toEqual(panelFigures);
    await page.screenshot({ path: "test-results/sync-history-pt-390.png", fullPage: true });
    await stores.goto();
    await expect(stores.row(SHOP).getByTestId("last-run")).toHaveText(panelFigures.read);
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: "test-results/sync-history-pt-1440.png" });
    await page.setViewportSize(PHONE);

    await sync.dismiss();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBeNull();
    await expect(sync.root()).toHaveCount(0);

    // Whatever else is found under the panel's key is ignored: the page works, and no panel shows.
    await page.evaluate((key) => sessionStorage.setItem(key, '{"not": "run ids"'), STORAGE_KEY);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/shipments");
    await expect(page.getByRole("heading", { level: 1, name: "Gestão de envios" })).toBeVisible();
    await expect(sync.root()).toHaveCount(0);
    await page.context().close();
  });
});
