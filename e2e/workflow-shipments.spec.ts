// The reference product's promise for complete orders, in the browser: schedule the pickup under
// the carrier's rules, generate the label and commercial invoice, and the tracking reaches Shopify.
// Runs after workflow-drafts (files run in name order) on the demo store it synced.
import fs from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import { brazilianHolidays, isWeekend, nextBusinessDay } from "../src/domain/holidays";
import { originNow } from "../src/domain/local-time";
import { admin, expect, test } from "./fixtures";
import { ShipmentsPage } from "./pages/shipments-page";
import { emulatorControl, StoresPage } from "./pages/stores-page";
import { SignInPage } from "./pages/sign-in-page";
import type { Download } from "@playwright/test";

const DEMO = "loja-demo.myshopify.com";
// The demo store's shipper details come from its Shopify address: São Paulo city, SP.
const DEMO_DAYS = { place: { state: "SP", city: "São Paulo" } };

/** The next national holiday on a weekday: a date the dashboard must refuse whatever today is. */
function nextWeekdayHoliday(today: string) {
  const year = Number(today.slice(0, 4));
  return [...brazilianHolidays(year), ...brazilianHolidays(year + 1)].find(
    (holiday) => holiday.kind === "national" && holiday.date > today && !isWeekend(holiday.date),
  )!;
}

// Page sizes in points, rounded: the carriers' labels are 4×6 in, our commercial invoice is A4.
const LABEL_4X6 = "288×432";
const A4 = "595×842";

async function pdfPages(download: Download) {
  const bytes = await fs.readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const sizes = (await PDFDocument.load(bytes))
    .getPages()
    .map((page) => `${Math.round(page.getWidth())}×${Math.round(page.getHeight())}`);
  return { bytes, sizes };
}

async function shopifyOrder(name: string) {
  const { orders } = await emulatorControl(`/shops/${DEMO}/orders?limit=500`, "GET");
  return (orders as { name: string; fulfillments: Record<string, unknown>[] }[]).find((order) => order.name === name)!;
}

test.describe("Shipment Management", () => {
  test("pickup refused on a holiday, then scheduled; documents printed; tracking in Shopify", async ({
    page,
    signInPage,
  }) => {
    await signInPage.signIn(admin.email, admin.password);
    const stores = new StoresPage(page);
    await stores.ensureDemoSynced();

    // Shopify has no CNPJ, nor the pickup contact, to offer: the admin completes the shipper details
    // once (the carriers refuse a pickup without the contact's name and phone).
    await stores.goto();
    await page.getByRole("button", { name: "Shipper details of Loja Demo Artesanato", exact: true }).click();
    const shipper = page.getByRole("dialog");
    await shipper.getByLabel("Signatory name").fill("Ana Souza");
    await shipper.getByLabel("Phone").fill("+55 11 3456-7890");
    await shipper.getByLabel("CNPJ").fill("11.222.333/0001-80");
    await shipper.getByRole("button", { name: "Save shipper details" }).click();
    await expect(shipper.locator("#shipper-taxId-error")).toHaveText("Not valid: check the format.");
    await shipper.getByLabel("CNPJ").fill("11.222.333/0001-81");
    await shipper.getByRole("button", { name: "Save shipper details" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Shipper details saved." })).toBeVisible();
    // No silent customs terms: the shipments have none of their own, so the store's defaults print.
    await stores.setCustomsDefaults("Loja Demo Artesanato", { incoterm: "DAP", exportReason: "sale" });

    const shipments = new ShipmentsPage(page);
    await shipments.goto("?status=ready&carrier=ups");
    const order = await shipments.schedulableOrderAt(0);
    const today = originNow().date;
    const holiday = nextWeekdayHoliday(today);

    await shipments
      .row(order)
      .getByRole("button", { name: `Schedule pickup ${order}` })
      .click();
    const dialog = shipments.pickupDialog();
    await expect(dialog).toContainText("1 shipment · UPS");
    await expect(dialog.locator("#pickup-date")).toHaveValue(nextBusinessDay(today, DEMO_DAYS));
    await expect(dialog.getByTestId("pickup-holidays")).toHaveText(
      "Loja Demo Artesanato: national, São Paulo state and São Paulo city holidays count.",
    );
    await shipments.fillPickup(holiday.date);
    await dialog.getByRole("button", { name: "Schedule pickup" }).click();
    await expect(dialog.locator("#pickup-date-error")).toHaveText(
      `UPS does not pick up on ${holiday.name}, a national holiday. Choose a business day.`,
    );
    await expect(dialog.locator("#pickup-date")).toHaveValue(holiday.date);

    const pickupDate = nextBusinessDay(today, DEMO_DAYS);
    await shipments.fillPickup(pickupDate);
    await dialog.getByRole("button", { name: "Schedule pickup" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Pickup scheduled for 1 shipment\. Confirmation: 2929\d{7}\.$/ }),
    ).toBeVisible();
    await expect(dialog).toBeHidden();

    await shipments.goto(`?q=${encodeURIComponent(order)}`);
    const row = shipments.row(order);
    await expect(row).toContainText("Pickup scheduled");
    await expect(row.getByTestId("pickup-cell")).toContainText("09:00–17:00");

    await row.getByRole("button", { name: `Generate documents ${order}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Documents issued for 1 shipment." })).toBeVisible();
    const documents = row.getByTestId("documents-cell");
    await expect(documents).toContainText("In Shopify");
    const tracking = (await documents.getByRole("link").innerText()).trim();
    expect(tracking).toMatch(/^1Z[0-9A-Z]{16}$/);

    // One PDF: the carrier's 4×6 label (UPS's GIF on a 4×6 page) and our A4 invoice; downloaded
    // again, byte for byte the same.
    const [first] = await Promise.all([page.waitForEvent("download"), documents.getByRole("link").click()]);
    const [second] = await Promise.all([page.waitForEvent("download"), documents.getByRole("link").click()]);
    const a = await pdfPages(first);
    const b = await pdfPages(second);
    expect(a.sizes).toEqual([LABEL_4X6, A4]);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);

    const fulfilled = await shopifyOrder(order);
    expect(fulfilled.fulfillments).toHaveLength(1);
    expect(fulfilled.fulfillments[0]).toMatchObject({ trackingNumber: tracking, trackingCompany: "UPS" });

    // The pickup is cancelled: the shipment is ready again, its documents stay.
    await row.getByRole("button", { name: `Cancel pickup ${order}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel pickup" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Pickup cancelled; 1 shipment is ready again." }),
    ).toBeVisible();
    await expect(row).toContainText("Ready");
    await expect(row.getByTestId("documents-cell")).toContainText(tracking);
  });

  test("em português: coleta em lote num fim de semana recusada, reagendada, documentos em lote", async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "pt-BR" });
    const page = await context.newPage();
    await new SignInPage(page).signIn(admin.email, admin.password);
    const shipments = new ShipmentsPage(page);
    await shipments.goto("?status=ready&carrier=fedex");
    const orders = [await shipments.schedulableOrderAt(0), await shipments.schedulableOrderAt(1)];
    for (const order of orders) await shipments.row(order).getByRole("checkbox").check();
    const bar = page.getByTestId("shipments-bulk-bar");
    await expect(bar).toContainText("2 envios selecionados");
    await bar.getByRole("button", { name: "Agendar coleta" }).click();

    const dialog = shipments.pickupDialog();
    let saturday = originNow().date;
    while (!isWeekend(saturday) || new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) {
      saturday = new Date(Date.parse(`${saturday}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    }
    await shipments.fillPickup(saturday);
    await dialog.getByRole("button", { name: "Agendar coleta" }).click();
    await expect(dialog.locator("#pickup-date-error")).toHaveText(
      "A FedEx coleta somente em dias úteis; esta data cai num fim de semana.",
    );
    await shipments.fillPickup(nextBusinessDay(originNow().date, DEMO_DAYS));
    await dialog.getByRole("button", { name: "Agendar coleta" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Coleta agendada para 2 envios\./ })).toBeVisible();

    await shipments.goto("?pickup=upcoming&carrier=fedex");
    for (const order of orders) await expect(shipments.row(order)).toContainText("Coleta agendada");
    await shipments
      .row(orders[0])
      .getByRole("button", { name: `Reagendar coleta ${orders[0]}` })
      .click();
    await shipments.fillPickup(nextBusinessDay(originNow().date, DEMO_DAYS), "10:00", "16:00");
    await dialog.getByRole("button", { name: "Reagendar" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: /^Coleta reagendada\. Nova confirmação: \d{8}\.$/ }),
    ).toBeVisible();
    for (const order of orders)
      await expect(shipments.row(order).getByTestId("pickup-cell")).toContainText("10:00–16:00");

    for (const order of orders) await shipments.row(order).getByRole("checkbox").check();
    await bar.getByRole("button", { name: "Gerar documentos" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Documentos emitidos para 2 envios." })).toBeVisible();
    for (const order of orders)
      await expect(shipments.row(order).getByTestId("documents-cell")).toContainText("No Shopify");
    for (const order of orders) await shipments.row(order).getByRole("checkbox").check();
    const [labels] = await Promise.all([
      page.waitForEvent("download"),
      bar.getByRole("link", { name: "Etiquetas (PDF)" }).click(),
    ]);
    // FedEx's own 4×6 labels, one per shipment's package, and nothing else.
    expect((await pdfPages(labels)).sizes).toEqual([LABEL_4X6, LABEL_4X6]);
    await context.close();
  });

  test("the overview's figures match the tables", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    const shipments = new ShipmentsPage(page);
    await shipments.goto();
    await expect(page.getByTestId("overview-chart").getByRole("img")).toBeVisible();

    const ready = Number(await shipments.overviewValue("overview-ready").innerText());
    expect(ready).toBeGreaterThan(0);
    await page.getByTestId("overview-ready").click();
    await expect(page).toHaveURL(/status=ready/);
    await expect(page.getByTestId("table-range")).toHaveText(new RegExp(`of ${ready}$`));

    await shipments.goto();
    const today = Number(await shipments.overviewValue("overview-pickups").innerText());
    await page.getByTestId("overview-pickups").click();
    await expect(page).toHaveURL(/pickup=today/);
    expect(await shipments.total()).toBe(today);

    await shipments.goto();
    const drafts = Number(await shipments.overviewValue("overview-drafts").innerText());
    await page.getByTestId("overview-drafts").click();
    await expect(page.getByRole("link", { name: new RegExp(`Incomplete \\(Drafts\\)\\s*${drafts}$`) })).toBeVisible();
    await expect(page.getByTestId("overview-sync")).toHaveCount(0);
    await shipments.goto();
    await expect(page.getByTestId("overview-sync")).toContainText("Loja Demo Artesanato");
    await expect(page.getByTestId("overview-sync")).toContainText("Healthy");
  });

  test("a filter with several values shows each of them, and drops one at a time", async ({ page, signInPage }) => {
    await signInPage.signIn(admin.email, admin.password);
    const shipments = new ShipmentsPage(page);
    await shipments.goto("?status=ready,shipped");
    const status = page.getByRole("combobox", { name: "Status" });
    await expect(status.locator("option:checked")).toHaveText("Status: 2 chosen");
    await expect(page.getByTestId("filter-value-status")).toHaveText(["Ready", "Shipped"]);
    await page.getByRole("button", { name: "Remove Status: Shipped" }).click();
    await expect(page).toHaveURL(/status=ready$/);
    await expect(status).toHaveValue("ready");
    await expect(page.getByTestId("filter-value-status")).toHaveCount(0);
  });
});
