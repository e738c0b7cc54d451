// Every page of the dashboard at a phone's 390×844 and a desktop's 1440×900, in English and
// Portuguese: never wider than the screen, nothing cut off at its right edge, the console free of
// errors; and on a phone, the menu and a row's dialog work by tap and close with Escape.
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { expectNoHorizontalOverflow, watchPageHealth } from "./page-health";
import { Shell } from "./pages/shell";
import { ShipmentsPage } from "./pages/shipments-page";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage } from "./pages/stores-page";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The pages to visit (name for the screenshots, path), found once the demo store is synced. */
let pages: { name: string; path: string }[] = [];
let layoutAdmin: Credentials | undefined;

/** The first link on the current page whose path matches. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  const found = hrefs.find((href) => href !== null && pattern.test(href));
  expect(found, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return found!;
}

/**
 * Every page of the dashboard, with a shipment, a draft and a sync run of the demo store, and an
 * admin of this spec's own; found by whichever test runs first (each test can run alone).
 */
async function prepare(browser: Browser) {
  if (layoutAdmin && pages.length > 0) return layoutAdmin;
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  await new StoresPage(page).ensureDemoSynced();
  await page.goto("/shipments");
  const shipment = await firstLink(page, new RegExp(`^/shipments/${UUID}$`));
  await page.goto("/follow-up/quotations-shipments?tab=drafts");
  const draft = await firstLink(page, new RegExp(`^/follow-up/quotations-shipments/drafts/${UUID}/edit$`));
  await page.goto("/sync-runs");
  const run = await firstLink(page, new RegExp(`^/sync-runs/${UUID}$`));
  await context.close();
  layoutAdmin = await createUserAsAdmin(browser, { name: "Layout Admin", role: "admin" });
  pages = [
    { name: "shipments", path: "/shipments" },
    { name: "shipment", path: shipment },
    { name: "qs-quotations", path: "/follow-up/quotations-shipments" },
    { name: "qs-shipments", path: "/follow-up/quotations-shipments?tab=shipments" },
    { name: "qs-drafts", path: "/follow-up/quotations-shipments?tab=drafts" },
    { name: "edit-draft", path: draft },
    { name: "rate-cards", path: "/follow-up/quotations-shipments/rate-cards" },
    { name: "stores", path: "/stores" },
    { name: "sync-runs", path: "/sync-runs" },
    { name: "sync-run", path: run },
    { name: "users", path: "/users" },
    { name: "carrier-accounts", path: "/carrier-accounts" },
  ];
  return layoutAdmin;
}

async function signedIn(browser: Browser, locale: "en-US" | "pt-BR", viewport: typeof PHONE, hasTouch = false) {
  const who = await prepare(browser);
  const context = await browser.newContext({ locale, viewport, hasTouch });
  const page = await context.newPage();
  const health = watchPageHealth(page);
  await new SignInPage(page).signIn(who.email, who.password);
  // The account remembers its language: set it for this run.
  await new Shell(page).switchLanguage(locale === "en-US" ? "en" : "pt-BR");
  return { page, health };
}

for (const locale of ["en-US", "pt-BR"] as const) {
  for (const viewport of [PHONE, DESKTOP]) {
    test(`${locale} ${viewport.width}×${viewport.height}: every page fits the screen, with a clean console`, async ({
      browser,
    }) => {
      test.setTimeout(300_000);
      await prepare(browser);
      const size = `${locale}-${viewport.width}`;

      // Signed out: the sign-in page.
      const context = await browser.newContext({ locale, viewport });
      const signIn = await context.newPage();
      const signInHealth = watchPageHealth(signIn);
      await new SignInPage(signIn).goto();
      await expect(signIn.getByRole("heading", { level: 1 })).toBeVisible();
      await signIn.waitForLoadState("networkidle");
      await expectNoHorizontalOverflow(signIn, `sign-in ${size}`);
      signInHealth.expectClean(`sign-in ${size}`);
      await signIn.screenshot({ path: `test-results/layout-sign-in-${size}.png`, fullPage: true });
      await context.close();

      const { page, health } = await signedIn(browser, locale, viewport);
      for (const { name, path } of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");
        await expectNoHorizontalOverflow(page, `${name} ${size}`);
        health.expectClean(`${name} ${size}`);
        await page.screenshot({ path: `test-results/layout-${name}-${size}.png`, fullPage: true });
      }
      await page.context().close();
    });
  }
}

const texts = {
  "en-US": { menu: "Menu", closeMenu: "Close menu", nav: "Main menu", schedule: /^Schedule pickup/ },
  "pt-BR": { menu: "Menu", closeMenu: "Fechar menu", nav: "Menu principal", schedule: /^Agendar coleta/ },
};

for (const locale of ["en-US", "pt-BR"] as const) {
  test(`${locale} phone: the menu and a row's pickup dialog work by tap and close with Escape`, async ({ browser }) => {
    test.setTimeout(180_000);
    const t = texts[locale];
    const { page, health } = await signedIn(browser, locale, PHONE, true);
    const shipments = new ShipmentsPage(page);
    await shipments.goto();

    // The table starts on the first screen: the first card's order line is visible without scrolling.
    const firstRow = shipments.table().getByRole("row").nth(1);
    const rowBox = await firstRow.boundingBox();
    expect(rowBox).not.toBeNull();
    // The table starts on the first screen, under the page's alerts and figures.
    expect(rowBox!.y).toBeLessThan(PHONE.height);
    expect(rowBox!.x + rowBox!.width).toBeLessThanOrEqual(PHONE.width);

    // The menu: opened by a tap, closed by Escape with focus back on the Menu button.
    const menu = page.getByRole("button", { name: t.menu, exact: true });
    const nav = page.getByRole("navigation", { name: t.nav });
    await menu.tap();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav).toBeVisible();
    await page.screenshot({ path: `test-results/layout-menu-${locale}-390.png` });
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    // … by its close button, and by a tap beside the drawer.
    await menu.tap();
    await page.getByRole("button", { name: t.closeMenu }).tap();
    await expect(nav).toBeHidden();
    await menu.tap();
    await expect(nav).toBeVisible();
    await page.touchscreen.tap(PHONE.width - 20, PHONE.height / 2);
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    // A row's "Schedule pickup", tapped in its card: the dialog opens and is only cancelled, so
    // nothing is booked (a DHL row when there is one: the carriers' journey needs the others fresh).
    await shipments.goto("?status=ready&carrier=dhl");
    if ((await shipments.table().getByRole("button", { name: t.schedule }).count()) === 0) {
      await shipments.goto("?status=ready");
    }
    const schedule = shipments.table().getByRole("button", { name: t.schedule }).first();
    await expect(schedule).toBeVisible();
    const target = await schedule.boundingBox();
    expect(target!.height).toBeGreaterThanOrEqual(40);
    expect(target!.width).toBeGreaterThanOrEqual(40);
    expect(target!.x + target!.width).toBeLessThanOrEqual(PHONE.width);
    await schedule.tap();
    const dialog = shipments.pickupDialog();
    await expect(dialog).toBeVisible();
    await expectNoHorizontalOverflow(page, `pickup dialog ${locale}`);
    await page.screenshot({ path: `test-results/layout-pickup-dialog-${locale}-390.png` });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(schedule).toBeFocused();

    // The filters fold behind one button on a phone, and open by tap.
    const filters = page.getByRole("button", { name: /^(Filters|Filtros)/ });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await filters.tap();
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("combobox", { name: /^(Carrier|Transportadora)/ })).toBeVisible();
    await expectNoHorizontalOverflow(page, `filters open ${locale}`);
    health.expectClean(`phone interactions ${locale}`);
    await page.context().close();
  });
}
