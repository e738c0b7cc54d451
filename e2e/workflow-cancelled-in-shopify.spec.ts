// An order cancelled in Shopify after its pickup was booked, in the browser: the sync flags the
// shipment, its row says so in red with the way out, the overview counts it and links to exactly
// those shipments, and Cancel pickup resolves it. In English on a desktop, in Portuguese on a phone.
import type { Page } from "@playwright/test";
import { nextBusinessDay } from "../src/domain/holidays";
import { originNow } from "../src/domain/local-time";
import { admin, expect, test } from "./fixtures";
import { ShipmentsPage } from "./pages/shipments-page";
import { SignInPage } from "./pages/sign-in-page";
import { emulatorControl, StoresPage } from "./pages/stores-page";

const DEMO = "loja-demo.myshopify.com";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const texts = {
  "en-US": {
    schedule: "Schedule pickup",
    scheduled: /^Pickup scheduled for 1 shipment\./,
    flag: "Cancelled in Shopify",
    wayOut: "Cancel the pickup: the shipment is then cancelled.",
    overview: /^(\d+) shipments? cancelled in Shopify after pickup or documents/,
    cancel: "Cancel pickup",
    resolved: "1 shipment whose order was cancelled in Shopify is now cancelled.",
    cancelled: "Cancelled",
    sync: "Sync Orders",
    dismiss: "Dismiss",
    shipper: { open: "Shipper details of Loja Demo Artesanato", signatory: "Signatory name", phone: "Phone" },
    shipperSave: "Save shipper details",
    shipperSaved: "Shipper details saved.",
  },
  "pt-BR": {
    schedule: "Agendar coleta",
    scheduled: /^Coleta agendada para 1 envio\./,
    flag: "Cancelado no Shopify",
    wayOut: "Cancele a coleta: o envio é então cancelado.",
    overview: /^(\d+) envios? cancelados? no Shopify depois da coleta ou dos documentos/,
    cancel: "Cancelar coleta",
    resolved: "1 envio cujo pedido foi cancelado no Shopify agora está cancelado.",
    cancelled: "Cancelado",
    sync: "Sincronizar pedidos",
    dismiss: "Fechar",
    shipper: { open: "Dados do remetente de Loja Demo Artesanato", signatory: "Nome do signatário", phone: "Telefone" },
    shipperSave: "Salvar dados do remetente",
    shipperSaved: "Dados do remetente salvos.",
  },
} as const;

/**
 * The store ready for pickups. (Any store setting shipping comes to need is set here, once.) The
 * carriers collect only from a contact they can call: the shipper details get the signatory's
 * name and a phone, which Shopify's shop address does not give.
 */
async function prepareStore(page: Page, t: (typeof texts)[keyof typeof texts]) {
  const stores = new StoresPage(page);
  await stores.ensureDemoSynced(DEMO);
  await stores.goto();
  await page.getByRole("button", { name: t.shipper.open, exact: true }).click();
  const shipper = page.getByRole("dialog");
  await shipper.getByLabel(t.shipper.signatory).fill("Ana Souza");
  await shipper.getByLabel(t.shipper.phone).fill("+55 11 3456-7890");
  await shipper.getByRole("button", { name: t.shipperSave }).click();
  await expect(page.getByRole("status").filter({ hasText: t.shipperSaved })).toBeVisible();
}

/** What the merchant does in Shopify admin: cancels the order, by its name. */
async function cancelInShopify(name: string) {
  const { orders } = await emulatorControl(`/shops/${DEMO}/orders?limit=500`, "GET");
  const order = (orders as { id: number; name: string }[]).find((candidate) => candidate.name === name)!;
  await emulatorControl(`/shops/${DEMO}/orders/${order.id}/cancel`);
}

async function overviewCount(page: Page, pattern: RegExp) {
  const alert = page.getByTestId("overview-cancelled-in-shopify");
  if ((await alert.count()) === 0) return 0;
  return Number(pattern.exec((await alert.innerText()).trim())![1]);
}

for (const [locale, viewport, other] of [
  ["en-US", DESKTOP, PHONE],
  ["pt-BR", PHONE, DESKTOP],
] as const) {
  test(`${locale} ${viewport.width}×${viewport.height}: cancelled in Shopify after the pickup, flagged and resolved`, async ({
    browser,
  }) => {
    const t = texts[locale];
    const context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    await new SignInPage(page).signIn(admin.email, admin.password);
    await prepareStore(page, t);

    // A pickup is booked for one ready shipment.
    const shipments = new ShipmentsPage(page);
    await shipments.goto("?status=ready&carrier=ups");
    const order = await shipments.schedulableOrderAt(0);
    await shipments
      .row(order)
      .getByRole("button", { name: `${t.schedule} ${order}` })
      .click();
    await shipments.fillPickup(nextBusinessDay(originNow().date));
    await shipments.pickupDialog().getByRole("button", { name: t.schedule }).click();
    await expect(page.getByRole("status").filter({ hasText: t.scheduled })).toBeVisible();

    // The merchant cancels the order in Shopify; the sync (or Shopify's webhook) brings it in.
    await shipments.goto();
    const before = await overviewCount(page, t.overview);
    await cancelInShopify(order);
    await page.getByRole("button", { name: t.sync }).first().click();
    const search = `?q=${encodeURIComponent(order)}`;
    await expect
      .poll(
        async () => {
          await shipments.goto(search);
          return shipments.row(order).getByTestId("cancelled-in-shopify-flag").count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const flag = shipments.row(order).getByTestId("cancelled-in-shopify-flag");
    await expect(flag).toContainText(t.flag);
    await expect(flag).toContainText(t.wayOut);
    await page.screenshot({
      path: `test-results/cancelled-in-shopify-${locale}-${viewport.width}.png`,
      fullPage: true,
    });

    // The overview counts it, and its link lists exactly the flagged shipments.
    await shipments.goto();
    const alert = page.getByTestId("overview-cancelled-in-shopify");
    await expect(alert).toBeVisible();
    const count = await overviewCount(page, t.overview);
    expect(count).toBe(before + 1);
    await page.setViewportSize(other);
    await page.screenshot({ path: `test-results/cancelled-in-shopify-${locale}-${other.width}.png`, fullPage: true });
    await page.setViewportSize(viewport);
    await alert.click();
    await expect(page).toHaveURL(/attention=cancelled_in_shopify/);
    await expect.poll(() => shipments.total()).toBe(count);
    await expect(shipments.row(order)).toContainText(t.flag);

    // The way out: cancelling the pickup cancels the shipment, and the flag no longer counts.
    // (The finished sync's panel is put away first: on a desktop it sits over the row's actions.)
    const panel = page.getByTestId("sync-panel");
    if (await panel.isVisible()) await panel.getByRole("button", { name: t.dismiss }).click();
    await shipments
      .row(order)
      .getByRole("button", { name: `${t.cancel} ${order}` })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: t.cancel }).click();
    await expect(page.getByRole("status").filter({ hasText: t.resolved })).toBeVisible();
    // Cancelled now, it leaves the default view; the line under the table brings it back.
    await shipments.goto(search);
    await expect(shipments.row(order)).toHaveCount(0);
    await page.getByTestId("hidden-cancelled").getByRole("link").click();
    await expect(page).toHaveURL(/status=cancelled/);
    await expect(shipments.row(order)).toContainText(t.cancelled);
    await expect(shipments.row(order).getByRole("button", { name: `${t.cancel} ${order}` })).toHaveCount(0);
    await shipments.goto();
    expect(await overviewCount(page, t.overview)).toBe(count - 1);
    await context.close();
  });
}
