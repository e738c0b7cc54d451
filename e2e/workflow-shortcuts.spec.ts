// The operator's day in few keystrokes: the keyboard shortcuts (go to a page, search, move through
// rows, select, open, Edit Draft, the "?" list) and saved views (save a filter + sort, pin it, apply
// it from its tab, rename, delete), on desktop in English and Portuguese and on a phone by tap.
// Runs after sync.spec (files run in name order); it syncs the demo store itself if needed.
import type { Browser, Page } from "@playwright/test";
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { SavedViewsStrip } from "./pages/saved-views";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage } from "./pages/stores-page";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const DRAFTS = "/follow-up/quotations-shipments?tab=drafts";

let operator: Credentials;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  await new StoresPage(page).ensureDemoSynced();
  await context.close();
  operator = await createUserAsAdmin(browser, { name: "Kai Keys", role: "operator" });
});

async function signedIn(
  browser: Browser,
  who: Credentials,
  options: { locale: string; viewport: { width: number; height: number }; hasTouch?: boolean },
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await new SignInPage(page).signIn(who.email, who.password);
  await page.waitForURL(/\/shipments/);
  // The keys work once the page is hydrated.
  await expect(page.locator("html")).toHaveAttribute("data-shortcuts", "on");
  return page;
}

/** The table rows j/k move through. */
function rows(page: Page) {
  return page.locator("main [data-table-row]");
}

/** Presses the keys of a sequence one after the other ("g s"). */
async function press(page: Page, keys: string) {
  for (const key of keys.split(" ")) await page.keyboard.press(key);
}

test.describe("keyboard shortcuts", () => {
  test("go to pages, search, move through rows, select, open and Edit Draft (desktop, English)", async ({
    browser,
  }) => {
    const page = await signedIn(browser, operator, { locale: "en-US", viewport: DESKTOP });
    await expect(page.getByRole("heading", { level: 1, name: "Shipment Management" })).toBeVisible();
    await expect(page.getByTestId("shortcuts-hint")).toHaveText("Press ? for shortcuts");

    // g d → Incomplete (drafts); the search box is the table's, reached with "/".
    await press(page, "g d");
    await page.waitForURL(/tab=drafts/);
    await expect(rows(page).first()).toBeVisible();
    const search = page.getByRole("searchbox");
    await expect(search).toHaveAttribute("aria-keyshortcuts", "/");
    await page.keyboard.press("/");
    await expect(search).toBeFocused();
    // Typing in the search types: "g s" and "j" are letters there, not shortcuts.
    await page.keyboard.type("gsj");
    await expect(search).toHaveValue("gsj");
    await expect(page).toHaveURL(/\/follow-up\/quotations-shipments/);
    await search.fill("");
    await search.blur();
    await page.waitForURL((url) => !url.searchParams.has("q"));

    // j / k move the highlighted row (the focus), x ticks its checkbox.
    await page.keyboard.press("j");
    await expect(rows(page).nth(0)).toBeFocused();
    await page.keyboard.press("j");
    await expect(rows(page).nth(1)).toBeFocused();
    // The highlight is visible: the keyboard focus ring around the row.
    await expect(rows(page).nth(1)).toHaveCSS("outline-style", "solid");
    await page.screenshot({ path: "test-results/shortcuts-row-focus-desktop-en.png" });
    await page.keyboard.press("k");
    await expect(rows(page).nth(0)).toBeFocused();
    const checkbox = rows(page).nth(0).getByRole("checkbox");
    await page.keyboard.press("x");
    await expect(checkbox).toBeChecked();
    await expect(rows(page).nth(0)).toBeFocused();
    await page.keyboard.press("x");
    await expect(checkbox).not.toBeChecked();

    // With Ctrl, Alt or ⌘ held nothing fires (the browser's and screen readers' own keys).
    await page.keyboard.press("Alt+j");
    await page.keyboard.press("Control+j");
    await expect(rows(page).nth(0)).toBeFocused();

    // e opens Edit Draft of the highlighted draft.
    const editHref = await rows(page).nth(0).locator('a[href$="/edit"]').first().getAttribute("href");
    await page.keyboard.press("e");
    await page.waitForURL((url) => url.pathname === editHref);
    await page.goBack();
    await page.waitForURL(/tab=drafts/);

    // Enter on a highlighted row follows its main link: Shipment Management's is the shipment page.
    await press(page, "g s");
    await page.waitForURL(/\/shipments$/);
    await expect(rows(page).first()).toBeVisible();
    await page.keyboard.press("j");
    await expect(rows(page).nth(0)).toBeFocused();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/shipments\/[0-9a-f-]{36}$/);

    await press(page, "g h");
    await page.waitForURL(/\/sync-runs$/);
    await press(page, "g t");
    await page.waitForURL(/\/stores$/);
    await press(page, "g q");
    await page.waitForURL(/tab=quotations/);
    // Operators have no Users page, so no shortcut to it either.
    await press(page, "g u");
    await expect(page).toHaveURL(/tab=quotations/);
    await page.context().close();
  });

  test("the ? list, grouped and translated, closes with Escape; keys follow event.key (ABNT2)", async ({ browser }) => {
    for (const locale of ["en-US", "pt-BR"] as const) {
      const pt = locale === "pt-BR";
      const page = await signedIn(browser, operator, { locale, viewport: DESKTOP });
      await page.keyboard.press("?");
      const dialog = page.getByRole("dialog", { name: pt ? "Atalhos de teclado" : "Keyboard shortcuts" });
      await expect(dialog).toBeVisible();
      for (const group of pt ? ["Ir para", "Tabelas", "Geral"] : ["Go to", "Tables", "General"]) {
        await expect(dialog.getByRole("heading", { name: group })).toBeVisible();
      }
      // Five pages for an operator (the admin pages' keys are left out), each a key sequence.
      await expect(dialog.getByRole("term")).toHaveCount(13);
      const drafts = dialog
        .getByTestId("shortcut")
        .filter({ hasText: pt ? "Incompletos (Rascunhos)" : "Incomplete (Drafts)" });
      await expect(drafts.locator("kbd")).toHaveText(["g", "d"]);
      await expect(drafts).toContainText(pt ? "depois" : "then");
      // Shortcuts do not fire behind the list.
      await press(page, "g h");
      await expect(page).toHaveURL(/\/shipments$/);
      await page.screenshot({ path: `test-results/shortcuts-dialog-desktop-${locale}.png` });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();

      // A Brazilian ABNT2 keyboard sends "/" from another physical key (IntlRo): the character counts.
      await page.evaluate(() => {
        for (const type of ["keydown", "keyup"]) {
          document.body.dispatchEvent(new KeyboardEvent(type, { key: "/", code: "IntlRo", bubbles: true }));
        }
      });
      await expect(page.getByRole("searchbox")).toBeFocused();
      await page.getByRole("searchbox").blur();

      // The hint opens the same list.
      await page.getByTestId("shortcuts-hint").click();
      await expect(dialog).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();

      if (pt) {
        await press(page, "g d");
        await page.waitForURL(/tab=drafts/);
        await expect(page.getByRole("link", { name: /Incompletos \(Rascunhos\)/ })).toHaveAttribute(
          "aria-current",
          "page",
        );
      }
      await page.context().close();
    }
  });
});

test.describe("saved views", () => {
  test("save a filtered, sorted view, pin it, apply it from its tab, rename and delete it (desktop, English)", async ({
    browser,
  }) => {
    const page = await signedIn(browser, operator, { locale: "en-US", viewport: DESKTOP });
    const views = new SavedViewsStrip(page);
    await page.goto("/shipments?carrier=dhl&sort=createdAt.asc&page=2&perPage=50");
    await views.save("DHL by order", { pin: false });
    await expect(views.notice()).toHaveText("View “DHL by order” saved.");
    await expect(views.tabs()).toHaveCount(0);

    // A second view of the same name (whatever its case) is refused, and nothing is added.
    await views.openSave();
    await views.dialog().getByLabel("Name").fill("dhl BY order");
    await views.dialog().getByRole("button", { name: "Save view" }).click();
    await expect(views.dialog().getByRole("alert")).toHaveText(
      "You already have a view named “dhl BY order” on this table.",
    );
    await views.dialog().getByRole("button", { name: "Cancel" }).click();
    await expect(views.manageButton()).toHaveText("Views (1)");

    await views.openManage();
    await views.dialog().getByRole("button", { name: "Pin “DHL by order”" }).click();
    await expect(views.tab("DHL by order")).toBeVisible();
    await page.keyboard.press("Escape");

    // Kept for this user: after a reload and on another visit of the page, one click applies it.
    await page.reload();
    await expect(views.tab("DHL by order")).toHaveAttribute("aria-current", "page");
    await page.goto("/shipments");
    await expect(views.tab("DHL by order")).not.toHaveAttribute("aria-current", "page");
    await expect(views.tab("Default")).toHaveAttribute("aria-current", "page");
    await page.screenshot({ path: "test-results/saved-views-desktop-en.png" });
    await views.tab("DHL by order").click();
    await page.waitForURL((url) => url.searchParams.get("carrier") === "dhl");
    const url = new URL(page.url());
    // The view keeps filter, sort (oldest first: "Order / created" ascending) and page size, never the page number.
    expect(url.searchParams.get("sort")).toBe("createdAt.asc");
    expect(url.searchParams.get("perPage")).toBe("50");
    expect(url.searchParams.has("page")).toBe(false);
    await expect(page.getByRole("combobox", { name: /^Carrier/ }).first()).toHaveValue("dhl");
    await expect(page.getByRole("columnheader", { name: /Order/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(views.tab("DHL by order")).toHaveAttribute("aria-current", "page");

    // Another user does not see it.
    const other = await signedIn(browser, admin, { locale: "en-US", viewport: DESKTOP });
    await other.goto("/shipments?carrier=dhl&sort=createdAt.asc&perPage=50");
    await expect(new SavedViewsStrip(other).tab("DHL by order")).toHaveCount(0);
    await other.context().close();

    await views.openManage();
    await views.dialog().getByRole("button", { name: "Rename “DHL by order”" }).click();
    await views.dialog().getByRole("textbox", { name: "Rename “DHL by order”" }).fill("DHL queue");
    await views.dialog().getByRole("button", { name: "Save name" }).click();
    await expect(views.tab("DHL queue")).toBeVisible();
    await expect(views.notice()).toHaveText("Renamed to “DHL queue”.");
    await views.dialog().getByRole("button", { name: "Delete “DHL queue”" }).click();
    await expect(views.dialog().getByText("No saved views yet.", { exact: false })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(views.tabs()).toHaveCount(0);
    await expect(views.manageButton()).toHaveText("Views");
    await page.context().close();
  });

  test("saved views in Portuguese on desktop and by tap on a phone", async ({ browser }) => {
    const desktop = await signedIn(browser, operator, { locale: "pt-BR", viewport: DESKTOP });
    const strip = new SavedViewsStrip(desktop);
    await desktop.goto(`${DRAFTS}&missing=nfeKey&sort=order.asc`);
    await strip.save("Sem NF-e", { pin: true, pt: true });
    await expect(strip.notice()).toHaveText("Visualização “Sem NF-e” salva.");
    await expect(strip.tab("Sem NF-e")).toHaveAttribute("aria-current", "page");
    // A name with a line break is refused with its reason.
    await strip.openSave(true);
    await strip
      .dialog()
      .getByLabel("Nome")
      .evaluate((input: HTMLInputElement) => {
        input.value = "linha\tcom tab";
      });
    await strip.dialog().getByRole("button", { name: "Salvar visualização" }).click();
    await expect(strip.dialog().getByRole("alert")).toContainText("caracteres de controle");
    await strip.dialog().getByRole("button", { name: "Cancelar" }).click();
    await desktop.goto(DRAFTS);
    await expect(strip.tab("Padrão")).toHaveAttribute("aria-current", "page");
    await desktop.screenshot({ path: "test-results/saved-views-desktop-pt-BR.png" });
    await desktop.context().close();

    for (const locale of ["pt-BR", "en-US"] as const) {
      const pt = locale === "pt-BR";
      const phone = await signedIn(browser, operator, { locale, viewport: PHONE, hasTouch: true });
      const views = new SavedViewsStrip(phone);
      // No keyboard on a phone: the hint is not shown.
      await expect(phone.getByTestId("shortcuts-hint")).toBeHidden();
      if (!pt) {
        await phone.goto(`${DRAFTS}&sort=order.asc`);
        await views.openSave(false, true);
        await views.dialog().getByLabel("Name").fill("Phone view");
        await views.dialog().getByRole("button", { name: "Save view" }).tap();
        await expect(views.tab("Phone view")).toBeVisible();
      }
      await phone.goto(DRAFTS);
      const name = pt ? "Sem NF-e" : "Phone view";
      await views.tab(name).tap();
      await phone.waitForURL((url) => url.searchParams.get("tab") === "drafts" && url.search.length > 11);
      await expect(views.tab(name)).toHaveAttribute("aria-current", "page");
      // The strip fits the phone's width.
      const box = await phone.getByTestId("saved-views").boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await phone.screenshot({ path: `test-results/saved-views-phone-${locale}.png` });
      await views.openManage(pt, true);
      await phone.screenshot({ path: `test-results/saved-views-manage-phone-${locale}.png` });
      await views
        .dialog()
        .getByRole("button", { name: pt ? `Excluir “${name}”` : `Delete “${name}”` })
        .tap();
      await expect(views.dialog().getByTestId("saved-view")).toHaveCount(0);
      await phone.keyboard.press("Escape");
      await expect(views.tabs()).toHaveCount(0);
      await phone.context().close();
    }
  });
});
