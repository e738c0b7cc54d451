// Drafts on hold in Shopify (issue 17): after the sync, each incomplete order is on hold in the
// emulated Shopify with our notes, and the drafts list says so; completing a draft in Edit Draft
// releases exactly our hold (checked in the emulator). In English at desktop size and in
// Portuguese at phone size. Runs after sync.spec (files run in name order) and ensures the demo
// store is synced.
import type { Browser } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { EditDraftPage } from "./pages/edit-draft-page";
import { SignInPage } from "./pages/sign-in-page";
import { emulatorControl, StoresPage } from "./pages/stores-page";

const SHOP = "loja-demo.myshopify.com";
const KEY = "35260111222333000181550010000123451876543219";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const OTHER_MISSING =
  /^(Weight|Peso|HS code|Código HS|Recipient phone|Telefone do destinatário|Carrier|Transportadora|State|Estado|Incoterm|Reason for export|Motivo da exportação|Dimensions|Dimensões)$/;

interface EmulatedHold {
  appKey: string;
  handle: string | null;
  reason: string;
  reasonNotes: string | null;
}

let operator: Credentials;

async function signedIn(browser: Browser, locale: "en-US" | "pt-BR", viewport: typeof DESKTOP) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(operator.email, operator.password);
  return page;
}

/** The emulator's id of the order with this name ("#1012"). */
async function emulatorOrderId(name: string): Promise<number> {
  const { orders } = (await emulatorControl(`/shops/${SHOP}/orders?limit=100000`, "GET")) as {
    orders: { id: number; name: string }[];
  };
  const order = orders.find((candidate) => candidate.name === name);
  if (!order) throw new Error(`no order ${name} in the emulator`);
  return order.id;
}

/** The holds on the order's fulfillment order in the emulated Shopify, and its status. */
async function holdsOf(orderId: number) {
  return (await emulatorControl(`/shops/${SHOP}/orders/${orderId}/holds`, "GET")) as {
    holds: EmulatedHold[];
    status: string;
  };
}

const ours = (holds: EmulatedHold[]) => holds.filter((hold) => hold.handle?.startsWith("shipsmart-draft"));

test.describe("Drafts on hold in Shopify", () => {
  test.beforeAll(async ({ browser }) => {
    const page = await (await browser.newContext()).newPage();
    await new SignInPage(page).signIn(admin.email, admin.password);
    await new StoresPage(page).ensureDemoSynced();
    await page.context().close();
    operator = await createUserAsAdmin(browser, { name: "Rita Retenção", role: "operator" });
  });

  test("the drafts list shows the hold; Edit Draft completing a draft releases exactly ours in Shopify", async ({
    browser,
  }) => {
    const page = await signedIn(browser, "en-US", DESKTOP);
    const drafts = new EditDraftPage(page);
    // The holds are placed in the background after the sync: the list shows them once they are.
    await expect(async () => {
      await drafts.gotoDrafts();
      await expect(page.getByText("On hold in Shopify").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    const heldRow = page
      .getByRole("row")
      .filter({ has: page.getByText(/^NF-e key$/, { exact: true }) })
      .filter({ hasNot: page.getByText(OTHER_MISSING) })
      .filter({ hasText: "On hold in Shopify" })
      .first();
    const [order] = (await heldRow.getByRole("cell").nth(1).innerText()).split("\n");
    await page.screenshot({ path: "test-results/holds-drafts-en-desktop.png", fullPage: true });

    const orderId = await emulatorOrderId(order);
    // Another app's hold on the same order, which the dashboard must leave alone.
    await emulatorControl(`/shops/${SHOP}/orders/${orderId}/holds`, "POST", {
      appKey: "fraud-check-app",
      appTitle: "Fraud check",
      handle: "review",
      reason: "HIGH_RISK_OF_FRAUD",
      reasonNotes: "Manual review",
    });
    const before = await holdsOf(orderId);
    expect(before.status).toBe("ON_HOLD");
    expect(ours(before.holds)).toEqual([
      expect.objectContaining({ reason: "OTHER", reasonNotes: "ShipSmart: falta Chave da NF-e" }),
    ]);

    await heldRow.getByRole("link", { name: order, exact: true }).click();
    await expect(drafts.heading()).toContainText(order);
    await drafts.field("nfeKey").fill(KEY);
    await page.getByRole("button", { name: "Edit Draft" }).click();
    await expect(page.getByText("The draft is complete", { exact: false }).first()).toBeVisible();

    // Released right after the save, in the background: ours only; the other app's hold stays.
    await expect.poll(async () => ours((await holdsOf(orderId)).holds).length, { timeout: 30_000 }).toBe(0);
    const after = await holdsOf(orderId);
    expect(after.holds).toEqual([expect.objectContaining({ appKey: "fraud-check-app", reasonNotes: "Manual review" })]);
    expect(after.status).toBe("ON_HOLD");
    await page.context().close();
  });

  for (const [locale, viewport, badge] of [
    ["pt-BR", PHONE, "Retido na Shopify"],
    ["en-US", PHONE, "On hold in Shopify"],
    ["pt-BR", DESKTOP, "Retido na Shopify"],
  ] as const) {
    test(`${locale} at ${viewport.width}×${viewport.height}: the hold reads as a badge on the draft, nothing scrolls sideways`, async ({
      browser,
    }) => {
      const page = await signedIn(browser, locale, viewport);
      await page.goto("/follow-up/quotations-shipments?tab=drafts");
      await expect(page.getByText(badge).first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByText(badge).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/holds-drafts-${locale}-${viewport.width}.png` });
      await page.context().close();
    });
  }
});
