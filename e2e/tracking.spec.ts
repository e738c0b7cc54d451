// The shipment page in the browser: reached from Shipment Management's order number, in both
// languages, readable on a 390 px phone; the overview's "Exceptions" figure links to the table
// filtered by tracking status.
import { admin, expect, newSignedInPage, test } from "./fixtures";
import { ShipmentsPage } from "./pages/shipments-page";
import { StoresPage } from "./pages/stores-page";

test.describe("Shipment page", () => {
  test("opens from the order number, in English and Portuguese, at 390 px", async ({ page, signInPage, browser }) => {
    await signInPage.signIn(admin.email, admin.password);
    await new StoresPage(page).ensureDemoSynced();
    const shipments = new ShipmentsPage(page);
    await shipments.goto();

    await expect(page.getByTestId("overview-exceptions")).toHaveAttribute("href", "/shipments?tracking=exception");
    await expect(shipments.table().getByRole("columnheader", { name: "Tracking" })).toBeVisible();

    const link = shipments.table().getByRole("link", { name: /^#/ }).first();
    const order = (await link.innerText()).trim();
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Shipment ${order}`);
    await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tracking events" })).toBeVisible();
    const url = page.url();

    const pt = await newSignedInPage(browser, admin, "pt-BR");
    await pt.setViewportSize({ width: 390, height: 844 });
    await pt.goto(url);
    await expect(pt.getByRole("heading", { level: 1 })).toHaveText(`Envio ${order}`);
    await expect(pt.getByRole("heading", { name: "Eventos de rastreio" })).toBeVisible();
    const overflow = await pt.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pt.context().close();
  });
});
