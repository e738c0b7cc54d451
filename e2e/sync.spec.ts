import fs from "node:fs/promises";
import { admin, expect, test } from "./fixtures";
import { StoresPage, emulatorControl } from "./pages/stores-page";

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
    const panel = page.getByTestId("sync-panel");
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("progressbar")).toBeVisible();
    const summary = panel.getByTestId("sync-summary");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId("sync-fetched")).toHaveText("60 of 60 orders read");
    await expect(summary.getByRole("link", { name: /14\s*new ready/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /31\s*new drafts/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /3\s*no address/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /9\s*domestic/ })).toBeVisible();

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

    // Incomplete ones are drafts, with what they miss.
    await summary.getByRole("link", { name: /new drafts/ }).click();
    await expect(page).toHaveURL(/tab=drafts/);
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
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await page.getByRole("button", { name: "Archive 3 in Shopify" }).click();
    await expect(page.getByRole("status").filter({ hasText: "3 orders were archived in Shopify." })).toBeVisible();
    await expect(page.getByText("Archived", { exact: true })).toHaveCount(3);

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
