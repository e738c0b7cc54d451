import { expect, type Page } from "@playwright/test";
import crypto from "node:crypto";
import { SyncPanel } from "./sync-panel";

const emulatorUrl = process.env.E2E_EMULATOR_URL ?? "http://127.0.0.1:3101";

/** The emulator's control API (what a test does to "Shopify" behind the dashboard's back). */
export async function emulatorControl(path: string, method = "POST", body?: unknown) {
  const response = await fetch(`${emulatorUrl}/__emulator${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A shop of the test's own in the emulator (created once; a rerun against the same emulator reuses it). */
export async function ensureEmulatorShop(shop: { domain: string; name: string; orders: number; seed: number }) {
  const { shops } = (await emulatorControl("/shops", "GET")) as { shops: { domain: string }[] };
  if (!shops.some((existing) => existing.domain === shop.domain)) await emulatorControl("/shops", "POST", shop);
}

/**
 * Removes a test's store the way Shopify does: app/uninstalled in the emulator, then the signed
 * shop/redact webhook, after which the dashboard deletes the store and all it holds — so no later
 * spec counts its shipments.
 */
export async function removeShop(shop: string) {
  await emulatorControl(`/shops/${shop}/uninstall`);
  const body = JSON.stringify({ shop_id: 1, shop_domain: shop });
  const secret = process.env.SHOPIFY_API_SECRET ?? "";
  const response = await fetch(`${process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100"}/api/webhooks/shopify`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "shop/redact",
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": crypto.randomUUID(),
      "x-shopify-hmac-sha256": crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    },
    body,
  });
  expect(response.status).toBe(200);
}

export class StoresPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/stores");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  row(shop: string) {
    return this.page.getByRole("row").filter({ hasText: shop });
  }

  async startConnect(shop: string) {
    await this.page.getByRole("button", { name: /connect a store|conectar uma loja/i }).click();
    await this.page.locator("#shop-domain").fill(shop);
    await this.page.getByRole("button", { name: /continue to shopify|continuar no shopify/i }).click();
  }

  /** On the emulator's Install page: approve. */
  async install() {
    await expect(this.page.getByRole("heading", { name: "Install ShipSmart" })).toBeVisible();
    await this.page.getByRole("button", { name: "Install app" }).click();
    await this.page.waitForURL(/\/stores\?/);
  }

  async checkConnection(shop: string) {
    await this.page
      .getByRole("button", { name: new RegExp(`(check the connection of|verificar a conexão de) ${shop}`, "i") })
      .click();
  }

  /** The demo store connected and synced once (whichever spec runs first does it). */
  async ensureDemoSynced(shop = "loja-demo.myshopify.com") {
    await this.goto();
    if ((await this.row(shop).count()) === 0) {
      await this.page.goto(`/auth/toplevel?shop=${shop}`);
      await this.install();
      await this.setCustomsDefaults("Loja Demo Artesanato", { incoterm: "DAP", exportReason: "sale" });
    }
    await this.page.goto("/follow-up/quotations-shipments?tab=drafts");
    if ((await this.page.getByTestId("empty-state").count()) > 0) {
      await this.goto();
      await this.row(shop)
        .getByRole("button", { name: /^(Sync Orders|Sincronizar pedidos)$/ })
        .click();
      await new SyncPanel(this.page).waitForEnd();
    }
  }

  /**
   * Stores › "Customs defaults & test orders" of one store (admin), in either language. Values are
   * the codes ("DAP", "sale", "skip"); an empty string clears a default; what is not given is kept.
   */
  async setCustomsDefaults(
    storeName: string,
    settings: { incoterm?: string; exportReason?: string; testOrders?: "skip" | "import" },
  ) {
    await this.goto();
    await this.page
      .getByRole("button", {
        name: new RegExp(`^(Customs defaults & test orders of|Padrões aduaneiros e pedidos de teste de) ${storeName}$`),
      })
      .click();
    const dialog = this.page.getByRole("dialog");
    if (settings.incoterm !== undefined)
      await dialog.locator("#settings-defaultIncoterm").selectOption(settings.incoterm);
    if (settings.exportReason !== undefined)
      await dialog.locator("#settings-defaultExportReason").selectOption(settings.exportReason);
    if (settings.testOrders !== undefined)
      await dialog.locator("#settings-testOrders").selectOption(settings.testOrders);
    await dialog.getByRole("button", { name: /^(Save settings|Salvar configurações)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(
      this.page.getByRole("status").filter({
        hasText:
          /^(Customs defaults and test-order setting saved\.|Nothing changed: these are already the store's settings\.|Padrões aduaneiros e configuração de pedidos de teste salvos\.|Nada mudou: estas já são as configurações da loja\.)$/,
      }),
    ).toBeVisible();
  }

  /** Connects a shop through Shopify's Install page (admin). */
  async connect(shop: string) {
    await this.page.goto(`/auth/toplevel?shop=${shop}`);
    await this.install();
  }

  /** "Sync Orders" of one store, waiting for the run to end. */
  async syncStore(shop: string) {
    await this.goto();
    await this.row(shop)
      .getByRole("button", { name: /^(Sync Orders|Sincronizar pedidos)$/ })
      .click();
    await new SyncPanel(this.page).waitForEnd();
  }

  /** The readiness note beside a store's status (shipper details missing). */
  readiness(shop: string) {
    return this.row(shop).getByTestId("store-shipper-readiness");
  }

  banner() {
    return this.page.getByTestId("reconnect-banner");
  }
}
