// Issue 14's operator journey through the real carrier clients and the carrier emulators, in the
// browser: live quotes beside the rate-card estimates, a pickup booked with the carrier, the label
// bought as PDF (4×6) and, after switching the print preference, as ZPL, the packing slip, and the
// parcel followed to "Delivered" (the emulator's clock moved on) with its events in the dashboard
// and in Shopify. In English on a desktop, in Portuguese on a phone. Named to run last: it books
// and ships UPS shipments the earlier workflow specs may also want.
import fs from "node:fs/promises";
import type { Browser, Locator, Page } from "@playwright/test";
import { nextBusinessDay } from "../src/domain/holidays";
import { originNow } from "../src/domain/local-time";
import { readPdf } from "../src/documents/testing/pdf-reader";
import { admin, createUserAsAdmin, expect, newSignedInPage, test } from "./fixtures";
import { ShipmentsPage } from "./pages/shipments-page";
import { SignInPage } from "./pages/sign-in-page";
import { emulatorControl, StoresPage } from "./pages/stores-page";

const DEMO = "loja-demo.myshopify.com";
// Other stores have the same order numbers (#1012…): rows are picked in the demo store.
const DEMO_NAME = "Loja Demo Artesanato";
const carriersUrl = process.env.E2E_CARRIERS_URL ?? "http://127.0.0.1:3103";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
// The demo store's shipper details come from its Shopify address: São Paulo city, SP.
const DEMO_DAYS = { place: { state: "SP", city: "São Paulo" } };

const texts = {
  "en-US": {
    getQuotes: /^(Get quotes|Quote again)$/,
    quoted: /live rates? from your carrier accounts/,
    // The English run ships with UPS, the Portuguese one with FedEx: the earlier workflow specs use
    // some of the demo store's few ready shipments of each carrier.
    carrier: { id: "ups", name: "UPS", tracking: /^1Z[0-9A-Z]{16}$/ },
    live: "Live rate · UPS (emulator)",
    rateCard: "Rate card estimate",
    schedule: "Schedule pickup",
    scheduled: /^Pickup scheduled for 1 shipment\. Confirmation: [0-9A-Z]+\.$/,
    generate: "Generate documents",
    issued: "Documents issued for 1 shipment.",
    labelsPdf: "Labels (PDF)",
    labelsZpl: "Labels (ZPL)",
    slips: "Packing slips (PDF)",
    asPdf: "Labels as PDF",
    asZpl: "Labels as ZPL",
    change: "change",
    zplOption: "ZPL (thermal printer)",
    save: "Save",
    title: (order: string) => `Shipment ${order}`,
    checkNow: "Check now",
    delivered: "Delivered",
    inTransit: "In transit",
    outForDelivery: "Out for delivery",
    labelCreated: "Label created",
    inShopify: "In Shopify",
  },
  "pt-BR": {
    getQuotes: /^(Cotar|Cotar de novo)$/,
    quoted: /tarifas? reais? das suas contas de transportadora/,
    carrier: { id: "fedex", name: "FedEx", tracking: /^\d{12}$/ },
    live: "Tarifa real · FedEx (emulator)",
    rateCard: "Estimativa da tabela de frete",
    schedule: "Agendar coleta",
    scheduled: /^Coleta agendada para 1 envio\. Confirmação: [0-9A-Z]+\.$/,
    generate: "Gerar documentos",
    issued: "Documentos emitidos para 1 envio.",
    labelsPdf: "Etiquetas (PDF)",
    labelsZpl: "Etiquetas (ZPL)",
    slips: "Listas de conteúdo (PDF)",
    asPdf: "Etiquetas em PDF",
    asZpl: "Etiquetas em ZPL",
    change: "alterar",
    zplOption: "ZPL (impressora térmica)",
    save: "Salvar",
    title: (order: string) => `Envio ${order}`,
    checkNow: "Consultar agora",
    delivered: "Entregue",
    inTransit: "Em trânsito",
    outForDelivery: "Saiu para entrega",
    labelCreated: "Etiqueta criada",
    inShopify: "Na Shopify",
  },
} as const;

/**
 * The admin's part, once per test (idempotent): the demo store synced, its shipper details
 * complete (Shopify has no CNPJ; UPS pickups need a contact name and phone) and customs defaults.
 */
async function prepareStore(browser: Browser) {
  const page = await newSignedInPage(browser, admin);
  const stores = new StoresPage(page);
  await stores.ensureDemoSynced(DEMO);
  await stores.goto();
  await page.getByRole("button", { name: `Shipper details of ${DEMO_NAME}`, exact: true }).click();
  const shipper = page.getByRole("dialog");
  await shipper.locator("#shipper-taxId").fill("11.222.333/0001-81");
  await shipper.locator("#shipper-signatoryName").fill("Ana Exportadora");
  await shipper.locator("#shipper-phone").fill("(11) 3032-4500");
  await shipper.getByRole("button", { name: "Save shipper details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Shipper details saved." })).toBeVisible();
  await stores.setCustomsDefaults(DEMO_NAME, { incoterm: "DAP", exportReason: "sale" });
  await page.context().close();
}

/** Two ready shipments of the run's carrier that can still get a pickup and documents (none bought yet). */
async function freshUpsOrders(page: Page, shipments: ShipmentsPage, t: (typeof texts)[keyof typeof texts]) {
  await shipments.goto(`?status=ready&carrier=${t.carrier.id}&perPage=100`);
  const rows = shipments
    .table()
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: new RegExp(`^${t.generate} #`) }) })
    .filter({ has: page.getByRole("button", { name: new RegExp(`^${t.schedule} #`) }) })
    .filter({ hasText: DEMO_NAME });
  // Cells: selection, order (number, then store), …
  const order = async (index: number) => (await rows.nth(index).getByRole("cell").nth(1).innerText()).split("\n")[0];
  return [await order(0), await order(1)] as const;
}

async function downloadFrom(page: Page, link: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return fs.readFile((await download.path())!);
}

async function shopifyOrder(name: string) {
  const { orders } = await emulatorControl(`/shops/${DEMO}/orders?limit=500`, "GET");
  return (
    orders as {
      name: string;
      fulfillments: { status: string; trackingNumber: string | null; events?: { status: string }[] }[];
    }[]
  ).find((order) => order.name === name)!;
}

/** Moves the carrier emulators' clock on (0: only reads it); answers the emulators' "now". */
async function carrierClock(advanceMinutes: number): Promise<Date> {
  const response = await fetch(`${carriersUrl}/__carriers/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceMinutes }),
  });
  expect(response.ok).toBe(true);
  return new Date(((await response.json()) as { now: string }).now);
}

/**
 * The next business day for a pickup, after today at UPS too: the emulators' clock only moves
 * forward, so after the first test's 31 h the carrier refuses what is "tomorrow" for the dashboard.
 */
async function pickupDate(): Promise<string> {
  const today = originNow().date;
  const carrierToday = (await carrierClock(0)).toLocaleDateString("en-CA", { timeZone: "America/Sao_Paulo" });
  return nextBusinessDay(carrierToday > today ? carrierToday : today, DEMO_DAYS);
}

for (const [locale, viewport] of [
  ["en-US", DESKTOP],
  ["pt-BR", PHONE],
] as const) {
  test(`${locale} ${viewport.width}×${viewport.height}: live quote, pickup, PDF and ZPL labels, packing slip, tracked to delivered`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const t = texts[locale];
    const phone = viewport === PHONE;
    await prepareStore(browser);
    const operator = await createUserAsAdmin(browser, { name: "Otávio Operador", role: "operator" });
    const context = await browser.newContext({ locale, viewport });
    const page = await context.newPage();
    await new SignInPage(page).signIn(operator.email, operator.password);
    const shipments = new ShipmentsPage(page);
    const [order, zplOrder] = await freshUpsOrders(page, shipments, t);
    const orderLink = shipments.row(order, DEMO_NAME).getByRole("link", { name: order, exact: true });
    const shipmentPath = await orderLink.getAttribute("href");
    expect(shipmentPath).toMatch(/^\/shipments\/[0-9a-f-]{36}$/);
    const shipmentId = shipmentPath!.split("/").pop()!;

    // 1. Live quotes from the store's UPS account, labelled as such, beside the rate-card estimates.
    await page.goto(`/follow-up/quotations-shipments/drafts/${shipmentId}/edit`);
    const quotes = page.getByTestId("quotes-card");
    await quotes.getByRole("button", { name: t.getQuotes }).click();
    await expect(quotes.getByRole("status")).toContainText(t.quoted, { timeout: 30_000 });
    // Every carrier's quotes are listed, cheapest first: the UPS ones from both sources are there.
    const ups = (source: "live" | "rate_card") =>
      quotes.locator(`li[data-source="${source}"]`).filter({ hasText: new RegExp(`^${t.carrier.name} · `) });
    await expect(ups("live").first()).toContainText(t.live);
    await expect(ups("rate_card").first()).toContainText(t.rateCard);
    await quotes.scrollIntoViewIfNeeded();
    await quotes.screenshot({ path: `test-results/carriers-quotes-${locale}-${viewport.width}.png` });

    // 2. A pickup booked with UPS for that shipment.
    await shipments.goto(`?q=${encodeURIComponent(order)}`);
    await shipments
      .row(order, DEMO_NAME)
      .getByRole("button", { name: `${t.schedule} ${order}` })
      .click();
    await shipments.fillPickup(await pickupDate());
    await shipments.pickupDialog().getByRole("button", { name: t.schedule }).click();
    await expect(page.getByRole("status").filter({ hasText: t.scheduled })).toBeVisible({ timeout: 30_000 });

    // 3a. The label bought in the operator's preference (PDF by default): the carrier's 4×6 page.
    await shipments.goto(`?q=${encodeURIComponent(order)}`);
    const row = shipments.row(order, DEMO_NAME);
    await row.getByRole("button", { name: `${t.generate} ${order}` }).click();
    await expect(page.getByRole("status").filter({ hasText: t.issued })).toBeVisible({ timeout: 30_000 });
    const tracking = (await row.getByTestId("documents-cell").getByRole("link").innerText()).trim();
    expect(tracking).toMatch(t.carrier.tracking);
    await row.getByRole("checkbox").check();
    const bar = page.getByTestId("shipments-bulk-bar");
    const labelPdf = await downloadFrom(page, bar.getByRole("link", { name: t.labelsPdf, exact: true }));
    expect(labelPdf.subarray(0, 5).toString()).toBe("%PDF-");
    const labelPages = await readPdf(new Uint8Array(labelPdf));
    expect(labelPages.map(({ width, height }) => [Math.round(width), Math.round(height)])).toEqual([[288, 432]]);

    // 4. The packing slip names the order.
    const slip = await downloadFrom(page, bar.getByRole("link", { name: t.slips, exact: true }));
    const slipText = (await readPdf(new Uint8Array(slip))).map((p) => p.text).join("\n");
    expect(slipText).toContain(order);

    // 3b. The preference switched to ZPL ("Labels as PDF · change"; on a phone the header hides it,
    // the bulk bar shows it), and another shipment's label is bought and downloaded as ZPL.
    await shipments.goto(`?q=${encodeURIComponent(zplOrder)}`);
    const zplRow = shipments.row(zplOrder, DEMO_NAME);
    if (phone) await zplRow.getByRole("checkbox").check();
    const setting = page.getByTestId("label-format").filter({ visible: true }).first();
    await expect(setting).toContainText(t.asPdf);
    await setting.getByRole("button", { name: t.change }).click();
    await setting.getByRole("radio", { name: t.zplOption }).check();
    await setting.getByRole("button", { name: t.save }).click();
    await expect(setting).toContainText(t.asZpl);
    await zplRow.getByRole("button", { name: `${t.generate} ${zplOrder}` }).click();
    await expect(page.getByRole("status").filter({ hasText: t.issued })).toBeVisible({ timeout: 30_000 });
    await expect(zplRow.getByTestId("documents-cell")).toBeVisible();
    if (!(await zplRow.getByRole("checkbox").isChecked())) await zplRow.getByRole("checkbox").check();
    const zpl = (await downloadFrom(page, bar.getByRole("link", { name: t.labelsZpl, exact: true })))
      .toString("latin1")
      .trim();
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.endsWith("^XZ")).toBe(true);

    // 5. A day and a bit later at UPS: "Check now" on the shipment page finds the parcel delivered.
    await carrierClock(31 * 60);
    await shipments.goto(`?q=${encodeURIComponent(order)}`);
    await shipments.row(order, DEMO_NAME).getByRole("link", { name: order, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title(order));
    await page.getByRole("button", { name: t.checkNow }).click();
    // (Its "Checked: n new events." goes with the button: a delivered parcel has nothing to check.)
    const timeline = page.getByTestId("tracking-timeline");
    await expect(timeline.getByRole("listitem").first()).toContainText(t.delivered, { timeout: 30_000 });
    await expect(
      page
        .getByRole("definition")
        .filter({ hasText: new RegExp(`^${t.delivered}$`) })
        .first(),
    ).toBeVisible();
    for (const status of [t.labelCreated, t.inTransit, t.outForDelivery, t.delivered])
      await expect(timeline).toContainText(status);
    await expect(timeline.getByRole("listitem").first()).toContainText(t.inShopify);
    // Delivered: nothing left to check.
    await expect(page.getByRole("button", { name: t.checkNow })).toHaveCount(0);
    await page.screenshot({
      path: `test-results/carriers-shipment-page-${locale}-${viewport.width}.png`,
      fullPage: true,
    });

    // The carriers' clock back to today, so the next run's pickup is tomorrow for both sides.
    await carrierClock(-31 * 60);

    // 6. Shopify has the fulfillment with the tracking number and its DELIVERED event.
    const fulfillment = (await shopifyOrder(order)).fulfillments.find((f) => f.trackingNumber === tracking);
    expect(fulfillment).toBeDefined();
    expect(fulfillment!.status).toBe("SUCCESS");
    expect((fulfillment!.events ?? []).map((event) => event.status)).toContain("DELIVERED");
    await context.close();
  });
}
