import fs from "node:fs/promises";
import { admin, expect, test } from "./fixtures";
import { StoresPage, emulatorControl } from "./pages/stores-page";
import { SyncPanel, countTexts } from "./pages/sync-panel";

const DEMO = "loja-demo.myshopify.com";

test.describe.configure({ mode: "serial" });

test.describe("Sync Orders", () => {
  test("syncing the demo store shows progress and a summary, and fills both lists", async ({ page, signInPage }) => {
    const stores = new StoresPage(page);
    await signInPage.signIn(admin.email, admin.password);
    await page.goto(`/auth/toplevel?shop=${DEMO}`);
    await stores.install();
    // What an admin sets once per store: the customs terms its shipments carry unless they choose others.
    await stores.setCustomsDefaults("Loja Demo Artesanato", { incoterm: "DAP", exportReason: "sale" });

    // One store's own button (Shipment Management's header button syncs every connected store).
    await stores.row(DEMO).getByRole("button", { name: "Sync Orders" }).click();
    const sync = new SyncPanel(page);
    await expect(sync.root()).toBeVisible();
    await sync.waitForEnd();
    await expect(sync.root()).toHaveAttribute("data-state", "done");
    // At the end the panel folds into a pill; the summary is one click away.
    await expect(sync.pill()).toContainText("Sync done");
    await expect(sync.root().getByTestId("sync-summary")).toHaveCount(0);
    await sync.openSummary();
    const summary = sync.root().getByTestId("sync-summary");
    // Every order read is accounted for, in full words (14 + 31 + 3 cancelled + 3 + 9 = 60).
    expect(await countTexts(summary)).toEqual({
      read: "60 orders read",
      newReady: "14 new shipments ready",
      newDrafts: "31 new drafts to complete",
      unchangedOrCancelled: "3 unchanged or cancelled",
      noAddress: "3 without a shipping address",
      domestic: "9 domestic, not imported",
    });

    // Complete orders are in Shipment Management.
    await page.getByRole("link", { name: "Shipment Management" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();
    // 14 ready; the 3 cancelled ones are out of the default view, said under the table.
    await expect(page.getByTestId("table-range")).toHaveText(/of 14$/);
    await expect(page.getByTestId("hidden-cancelled")).toHaveText(
      "3 cancelled shipments are not listed. Show cancelled",
    );
    await page.getByRole("combobox", { name: "Status" }).selectOption("ready");
    await expect(page.getByTestId("table-range")).toHaveText(/of 14$/);
    // The CSV export is exactly the filtered view.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = (await fs.readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "order,store,customer,destination,carrier,service,status,declared_value,currency,tracking_number,pickup_date,pickup_confirmation,created_at",
    );
    expect(lines).toHaveLength(15);
    expect(lines.slice(1).every((line) => line.includes(",ready,"))).toBe(true);

    // A count links to the orders behind it: the run's page, filtered on that outcome.
    await summary.getByRole("link", { name: /^31\s*new drafts to complete$/ }).click();
    await expect(page).toHaveURL(/\/sync-runs\/[0-9a-f-]+\?outcome=created_draft$/);
    await expect(page.getByTestId("table-range")).toHaveText(/of 31$/);

    // Incomplete ones are drafts, with what they miss.
    await page.goto("/follow-up/quotations-shipments?tab=drafts");
    await expect(page.getByRole("link", { name: /Incomplete \(Drafts\)\s*31/ })).toBeVisible();
    await expect(page.getByRole("table").getByText("NF-e key").first()).toBeVisible();
  });

  test("orders without a shipping address are listed with the reason and archived in Shopify", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signIn(admin.email, admin.password);
    await page.getByRole("link", { name: "Sync history" }).click();
    const firstRun = page.getByRole("row").filter({ hasText: "Loja Demo Artesanato" }).first();
    await expect(firstRun).toContainText("Succeeded");
    await firstRun.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Sync of Loja Demo Artesanato" })).toBeVisible();

    await page.getByRole("combobox", { name: "Outcome" }).selectOption("skipped_no_address");
    await expect(page.getByTestId("table-range")).toHaveText("1–3 of 3");
    await expect(page.getByText("The order has no shipping address.").first()).toBeVisible();
    const bar = page.getByTestId("archive-bar");
    await expect(bar).toContainText(
      "3 orders of this run have no shipping address, so there is nothing to ship. Archive them in Shopify",
    );
    await expect(bar.getByRole("button", { name: "Archive all 3 in Shopify" })).toBeVisible();
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await bar.getByRole("button", { name: "Archive the 3 selected orders in Shopify" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 orders were archived in Shopify." })).toBeVisible();
    await expect(page.getByText("Archived", { exact: true })).toHaveCount(3);
    // Nothing left to archive: no bar, and never an "Archive 0".
    await expect(bar).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Archive 0/ })).toHaveCount(0);

    const shop = await emulatorControl(`/shops/${DEMO}/orders?limit=100`, "GET");
    const giftCards = shop.orders.filter((order: { shippingAddress: unknown }) => !order.shippingAddress);
    expect(giftCards.every((order: { closedAt: string | null }) => order.closedAt)).toBe(true);
  });

  test("an order's import history answers 'why isn't it here?'", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    await page.goto("/sync-runs");
    await page.getByLabel("Why isn't an order here? Look up its number").fill("#1001");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByTestId("order-history")).toContainText("Loja Demo Artesanato");
  });

  test("the button speaks Portuguese", async ({ browser }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    const { SignInPage } = await import("./pages/sign-in-page");
    await new SignInPage(page).signIn(admin.email, admin.password);
    await expect(page.getByRole("button", { name: "Sincronizar pedidos" })).toBeVisible();
    await context.close();
  });
});
