// Bulk edit of weight & dimensions on selected drafts, and the shipment's activity log, in the
// browser: an operator selects drafts, is refused a weight above the carrier's limit and a lone
// dimension (nothing changes), applies weight and dimensions, sees how many drafts became ready
// and moved to Shipment Management, and reads on the shipment's page what happened to it — the
// sync that imported it and the bulk edit, by name. English on a desktop, Portuguese on a phone.
// Uses a store of its own (orders pinned through the emulator: 80 kg parcels, above FedEx's
// 68 kg piece), removed afterwards the way Shopify does, so no later spec counts its shipments.
import crypto from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { DraftsPage } from "./pages/drafts-page";
import { ShipmentsPage } from "./pages/shipments-page";
import { SignInPage } from "./pages/sign-in-page";
import { SyncPanel } from "./pages/sync-panel";
import { emulatorControl, StoresPage } from "./pages/stores-page";

const SHOP = "loja-volumes.myshopify.com";
const STORE = "Loja Volumes";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial" });

const NEW_YORK = {
  firstName: "Emily",
  lastName: "Carter",
  name: "Emily Carter",
  company: null,
  address1: "350 5th Ave",
  address2: null,
  city: "New York",
  province: "New York",
  provinceCode: "NY",
  country: "United States",
  countryCode: "US",
  zip: "10118",
  phone: "+12125550143",
};

let nextLineId = 99_100_000;

/** An international FedEx order of one line, weighing `kg` (null: the merchant never weighed it). */
async function createOrder(kg: number | null) {
  const id = nextLineId++;
  const { order } = (await emulatorControl(`/shops/${SHOP}/orders`, "POST", {
    seed: id,
    order: {
      shippingAddress: NEW_YORK,
      shippingLines: [
        {
          id,
          title: "FedEx International Priority",
          code: "FEDEX_INTERNATIONAL_PRIORITY",
          carrierIdentifier: "fedex",
          source: "shopify",
          price: "250.00",
        },
      ],
      lineItems: [
        {
          id,
          sku: `VOL-${id}`,
          title: "Banco de madeira maciça",
          variantTitle: null,
          quantity: 1,
          unitPrice: "180.00",
          variantId: id,
          inventoryItemId: id,
          hsCode: "9403.60",
          countryOfOrigin: "BR",
          weight: kg === null ? null : { value: kg, unit: "KILOGRAMS" },
          requiresShipping: true,
        },
      ],
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      test: false,
      fulfillmentStatus: "UNFULFILLED",
      fulfillments: [],
      customAttributes: [],
      metafields: [],
    },
  })) as { order: { name: string } };
  return order.name;
}

/** Order numbers: four 80 kg drafts and one whose line has no weight. */
const heavy: string[] = [];
let unweighed = "";
let operator: Credentials;

test.beforeAll(async ({ browser }) => {
  const { shops } = (await emulatorControl("/shops", "GET")) as { shops: { domain: string }[] };
  if (!shops.some((shop) => shop.domain === SHOP)) {
    await emulatorControl("/shops", "POST", { domain: SHOP, name: STORE, orders: 0 });
  }
  for (let index = 0; index < 4; index++) heavy.push(await createOrder(80));
  unweighed = await createOrder(null);
  operator = await createUserAsAdmin(browser, { name: "Bruna Lima", role: "operator" });

  // The admin connects the store, sets its customs defaults and syncs it once.
  const page = await signedIn(browser, admin, "en-US", DESKTOP);
  const stores = new StoresPage(page);
  await page.goto(`/auth/toplevel?shop=${SHOP}`);
  await stores.install();
  await stores.setCustomsDefaults(STORE, { incoterm: "DAP", exportReason: "sale" });
  await stores.goto();
  await stores
    .row(SHOP)
    .getByRole("button", { name: /^(Sync Orders|Sincronizar pedidos)$/ })
    .click();
  await new SyncPanel(page).waitForEnd();
  await page.context().close();
});

/** Shopify's shop/redact, signed with the app secret: the dashboard deletes the store and all it holds. */
async function redactShop() {
  const body = JSON.stringify({ shop_id: 1, shop_domain: SHOP });
  const secret = process.env.SHOPIFY_API_SECRET ?? "";
  const response = await fetch(`${process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100"}/api/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "shop/redact",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-hmac-sha256": crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    },
    body,
  });
  expect(response.status).toBe(200);
}

test.afterAll(async () => {
  await emulatorControl(`/shops/${SHOP}/uninstall`);
  await redactShop();
});

async function signedIn(browser: Browser, who: Credentials, locale: string, viewport: typeof DESKTOP) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(who.email, who.password);
  return page;
}

/** Nothing wider than the screen. */
async function expectNoHorizontalOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("an operator edits the weight and dimensions of selected drafts; the complete ones move (desktop, English)", async ({
  browser,
}) => {
  const page = await signedIn(browser, operator, "en-US", DESKTOP);
  const drafts = new DraftsPage(page);
  await drafts.goto();
  await expect(drafts.row(heavy[0], STORE)).toContainText("Weight");
  await drafts.select(heavy[0], STORE);
  await drafts.select(heavy[1], STORE);
  const dialog = await drafts.openParcelDialog();
  await expect(dialog.getByRole("heading", { name: "Edit weight & dimensions" })).toBeVisible();
  await expect(dialog).toContainText("Applies to the 2 selected drafts.");

  // Above FedEx's heaviest piece: refused on the field, naming the order; nothing changes.
  await dialog.getByLabel("Parcel weight (kg)").fill("69");
  await dialog.getByRole("button", { name: "Apply to 2 drafts" }).click();
  await expect(dialog.locator("#bulk-weightKg-error")).toHaveText(
    `Order ${heavy[0]} ships with FedEx, which takes at most 68 kg per parcel. Nothing was changed.`,
  );
  await page.screenshot({ path: "test-results/activity-bulk-refused-desktop-en.png" });

  // One side alone: the two others are asked for.
  await dialog.getByLabel("Parcel weight (kg)").fill("12,5");
  await dialog.getByLabel("Length").fill("40");
  await dialog.getByRole("button", { name: "Apply to 2 drafts" }).click();
  await expect(dialog.locator("#bulk-widthCm-error")).toHaveText(
    "Fill in length, width and height together, or leave all three empty.",
  );
  await expect(dialog.locator("#bulk-heightCm-error")).toBeVisible();
  await expect(dialog.locator("#bulk-lengthCm-error")).toHaveCount(0);

  await dialog.getByLabel("Width").fill("30");
  await dialog.getByLabel("Height").fill("20");
  // Each error goes as its field is filled in.
  await expect(dialog.locator("#bulk-widthCm-error")).toHaveCount(0);
  await expect(dialog.locator("#bulk-heightCm-error")).toHaveCount(0);
  await page.screenshot({ path: "test-results/activity-bulk-dialog-desktop-en.png" });
  await dialog.getByRole("button", { name: "Apply to 2 drafts" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /^Updated 2 drafts/ })).toHaveText(
    "Updated 2 drafts; 2 are now ready and moved to Shipment Management.",
  );
  await expect(drafts.row(heavy[0], STORE)).toHaveCount(0);
  await expect(drafts.row(heavy[1], STORE)).toHaveCount(0);
  await expect(drafts.row(heavy[2], STORE)).toHaveCount(1);
  await page.screenshot({ path: "test-results/activity-bulk-done-desktop-en.png" });

  // In Shipment Management, ready; its page tells what happened to it.
  const shipments = new ShipmentsPage(page);
  await shipments.goto(`?q=${encodeURIComponent(heavy[0])}`);
  await expect(shipments.row(heavy[0], STORE)).toContainText("Ready");
  await shipments.row(heavy[0], STORE).getByRole("link", { name: heavy[0] }).click();
  const log = page.getByTestId("activity-log");
  await expect(log).toBeVisible();
  const promoted = log.locator('[data-kind="promoted"]');
  await expect(promoted).toContainText("Completed: now a shipment in Shipment Management");
  await expect(promoted).toContainText("Changed: weight, length, width, and height");
  await expect(promoted.getByTestId("activity-parcel")).toHaveText("Parcel now: 12.5 kg · 40 × 30 × 20 cm");
  await expect(promoted.getByTestId("activity-actor")).toHaveText("Bruna Lima");
  const synced = log.locator('[data-kind="syncedDraft"]');
  await expect(synced).toContainText("Imported from Shopify as a draft");
  await expect(synced.getByRole("link", { name: "View sync run" })).toHaveAttribute(
    "href",
    /^\/sync-runs\/[0-9a-f-]{36}$/,
  );
  // Newest first: the edit above the sync.
  await expect(log.getByTestId("activity-entry").first()).toHaveAttribute("data-kind", "promoted");
  await page.getByRole("heading", { name: "Activity" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/activity-log-desktop-en.png", fullPage: true });
  await page.context().close();
});

test("on a phone in Portuguese: a draft's activity from Edit Draft, after a bulk weight", async ({ browser }) => {
  const page = await signedIn(browser, operator, "pt-BR", PHONE);
  const drafts = new DraftsPage(page);
  await drafts.goto();
  await drafts.select(heavy[2], STORE);
  await drafts.select(unweighed, STORE);
  const dialog = await drafts.openParcelDialog();
  await expect(dialog.getByRole("heading", { name: "Editar peso e dimensões" })).toBeVisible();
  // Nothing filled in: said so, nothing sent.
  await dialog.getByRole("button", { name: "Aplicar a 2 rascunhos" }).click();
  await expect(dialog.getByRole("alert").first()).toHaveText("Informe um peso ou as três dimensões.");
  await dialog.getByLabel("Peso do volume (kg)").fill("9,75");
  // (The drafts table itself is wider than a phone until the responsive tables land: not asserted here.)
  await page.screenshot({ path: "test-results/activity-bulk-dialog-phone-pt.png" });
  await dialog.getByRole("button", { name: "Aplicar a 2 rascunhos" }).click();
  await expect(dialog).toBeHidden();
  // The heavy one is complete; the one whose line has no weight still needs it.
  await expect(page.getByRole("status").filter({ hasText: /^2 rascunhos atualizados/ })).toHaveText(
    "2 rascunhos atualizados; 1 ficou pronto e foi para a Gestão de envios.",
  );
  await expect(drafts.row(heavy[2], STORE)).toHaveCount(0);
  await expect(drafts.row(unweighed, STORE)).toContainText("Peso");

  await drafts
    .row(unweighed, STORE)
    .getByRole("link", { name: `Editar rascunho ${unweighed}` })
    .click();
  await page.getByRole("link", { name: "Atividade" }).click();
  await page.waitForURL(/\/shipments\/[0-9a-f-]{36}#activity$/);
  const log = page.getByTestId("activity-log");
  const edited = log.locator('[data-kind="editedBulk"]');
  await expect(edited).toContainText("Editado em lote");
  await expect(edited).toContainText("Alterado: peso");
  await expect(edited.getByTestId("activity-parcel")).toHaveText("Volume agora: 9,75 kg");
  await expect(edited.getByTestId("activity-actor")).toHaveText("Bruna Lima");
  await expect(log.locator('[data-kind="syncedDraft"]')).toContainText("Importado do Shopify como rascunho");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: "test-results/activity-log-phone-pt.png", fullPage: true });
  await page.context().close();
});

test("the activity log reads the same in the other language and size (phone, English; desktop, Portuguese)", async ({
  browser,
}) => {
  for (const [locale, viewport, title] of [
    ["en-US", PHONE, "Activity"],
    ["pt-BR", DESKTOP, "Atividade"],
  ] as const) {
    const page = await signedIn(browser, operator, locale, viewport);
    const shipments = new ShipmentsPage(page);
    await shipments.goto(`?q=${encodeURIComponent(heavy[1])}`);
    await shipments.row(heavy[1], STORE).getByRole("link", { name: heavy[1] }).click();
    await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();
    await expect(page.getByTestId("activity-entry")).toHaveCount(2);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `test-results/activity-log-${locale}-${viewport.width}.png`, fullPage: true });
    await page.context().close();
  }
});
