import { expect, type Page } from "@playwright/test";

export const emulatorUrl = process.env.E2E_EMULATOR_URL ?? "http://127.0.0.1:3101";

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
    }
    await this.page.goto("/follow-up/quotations-shipments?tab=drafts");
    if ((await this.page.getByTestId("empty-state").count()) > 0) {
      await this.goto();
      await this.row(shop)
        .getByRole("button", { name: /^(Sync Orders|Sincronizar pedidos)$/ })
        .click();
      await expect(this.page.getByTestId("sync-summary")).toBeVisible({ timeout: 30_000 });
    }
  }

  banner() {
    return this.page.getByTestId("reconnect-banner");
  }
}
