// The operator's tables, in the browser (issue 15, item 5): row actions that say what they do, a
// visible default sort, cancelled shipments out of the default view until the status filter brings
// them, "Fulfilled in Shopify" as its own state, store names on one line, quotations grouped by
// shipment, and the old Shipments tab sending its links to Shipment Management. Runs after
// sync.spec (files run in name order) on the demo store; it quotes one draft of its own and books,
// buys or generates nothing.
import { admin, createUserAsAdmin, expect, test, type Credentials } from "./fixtures";
import { ShipmentsPage } from "./pages/shipments-page";
import { SignInPage } from "./pages/sign-in-page";
import { StoresPage } from "./pages/stores-page";
import type { Browser, Page } from "@playwright/test";

/** On a phone the filters fold behind one button ("Filters · 1"): open it there, nothing on a desktop. */
async function openFoldedFilters(page: Page) {
  const button = page.getByRole("button", { name: /^(Filters|Filtros)/ });
  if (
    (await button.count()) > 0 &&
    (await button.first().isVisible()) &&
    (await button.first().getAttribute("aria-expanded")) === "false"
  )
    await button.first().click();
}

const DEMO_NAME = "Loja Demo Artesanato";
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const TEXT = {
  "en-US": {
    created: "Order / created",
    schedule: "Schedule pickup",
    cancelled: "Cancelled",
    hidden: /^(\d+) cancelled shipments? (is|are) not listed\. Show cancelled$/,
    showCancelled: "Show cancelled",
    status: "Status",
    fulfilled: "Fulfilled in Shopify",
    fulfilledHint: "Shipped outside the dashboard.",
    quoted: "Quoted",
    nfeKey: "NF-e key",
    otherMissing: /^(Weight|HS code|Recipient phone|Carrier|State|Incoterm|Reason for export)$/,
    quotes: /^(\d+) quotes?$/,
    getQuotes: /^(Get quotes|Quote again)$/,
    quotesDone: /quotes?/,
    choose: /^Choose /,
    chosen: "Chosen",
    noneChosen: "None chosen yet",
    tabs: ["Quotations", "Incomplete (Drafts)"],
    tabsLabel: "Views",
    shipmentsTab: /^Shipments\b/,
    management: "Shipment Management",
    stores: {
      name: "Store",
      sync: "Sync Orders",
      shipper: "Shipper details",
      shipperOf: `Shipper details of ${DEMO_NAME}`,
    },
    users: { created: "Created", manage: "Manage" },
    syncRuns: { started: "Started", details: "Details" },
  },
  "pt-BR": {
    created: "Pedido / criado em",
    schedule: "Agendar coleta",
    cancelled: "Cancelado",
    hidden: /^(\d+) envios? cancelados? não aparecem? na lista\. Mostrar cancelados$/,
    showCancelled: "Mostrar cancelados",
    status: "Situação",
    fulfilled: "Atendido no Shopify",
    fulfilledHint: "Enviado por fora do painel.",
    quoted: "Cotado em",
    nfeKey: "Chave da NF-e",
    otherMissing: /^(Peso|Código HS|Telefone do destinatário|Transportadora|Estado|Incoterm|Motivo da exportação)$/,
    quotes: /^(\d+) cotaç(ão|ões)$/,
    getQuotes: /^(Cotar|Cotar de novo)$/,
    quotesDone: /cotaç/,
    choose: /^Escolher /,
    chosen: "Escolhida",
    noneChosen: "Nenhuma escolhida ainda",
    tabs: ["Cotações", "Incompletos (Rascunhos)"],
    tabsLabel: "Visões",
    shipmentsTab: /^Envios\b/,
    management: "Gestão de envios",
    stores: {
      name: "Loja",
      sync: "Sincronizar pedidos",
      shipper: "Dados do remetente",
      shipperOf: `Dados do remetente de ${DEMO_NAME}`,
    },
    users: { created: "Criado em", manage: "Gerenciar" },
    syncRuns: { started: "Início", details: "Detalhes" },
  },
} as const;

type Locale = keyof typeof TEXT;
const RUNS: { locale: Locale; viewport: typeof DESKTOP }[] = [
  { locale: "en-US", viewport: DESKTOP },
  { locale: "pt-BR", viewport: PHONE },
];

test.describe.configure({ mode: "serial" });

let user: Credentials;

async function signedIn(browser: Browser, locale: Locale, viewport: typeof DESKTOP): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await new SignInPage(page).signIn(user.email, user.password);
  return page;
}

/** The header cell of a column, by its label. */
function header(page: Page, label: string) {
  return page.getByRole("columnheader", { name: label, exact: true });
}

async function screenshots(page: Page, name: string, locale: Locale) {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `test-results/tables-${name}-${locale}-${viewport.width}.png`, fullPage: true });
  }
}

test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).signIn(admin.email, admin.password);
  await new StoresPage(page).ensureDemoSynced();
  await page.context().close();
  user = await createUserAsAdmin(browser, { name: "Tina Tabelas", role: "admin" });
});

for (const { locale, viewport } of RUNS) {
  const t = TEXT[locale];

  test(`${locale} ${viewport.width}: Shipment Management — labelled actions, newest first, cancelled on request, fulfilled in Shopify, store on one line`, async ({
    browser,
  }) => {
    const page = await signedIn(browser, locale, viewport);
    const shipments = new ShipmentsPage(page);
    await shipments.goto("?perPage=100");

    // The default sort is visible: the Order / created column, newest first, with its arrow.
    const created = header(page, t.created);
    await expect(created).toHaveAttribute("aria-sort", "descending");
    await expect(created.locator("svg")).toBeVisible();

    // Row actions are labelled buttons; the accessible name adds the order.
    const order = await shipments.schedulableOrderAt(0);
    const schedule = shipments.row(order, DEMO_NAME).getByRole("button", { name: `${t.schedule} ${order}` });
    await expect(schedule).toHaveText(t.schedule);

    // Store names on one line (text-xs: one 16 px line), whole in the tooltip.
    const storeName = shipments.table().getByTestId("store-name").first();
    await expect(storeName).toHaveAttribute("title", /\S/);
    const box = await storeName.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(18);

    // Fulfilled in Shopify: its own state with the reason, and no action that would ship it twice.
    const fulfilledRow = shipments
      .table()
      .getByRole("row")
      .filter({ has: page.getByTestId("fulfilled-in-shopify") });
    await expect(fulfilledRow.first()).toBeVisible();
    await expect(fulfilledRow.first().getByTestId("fulfilled-in-shopify")).toHaveText(
      `${t.fulfilled}${t.fulfilledHint}`,
    );
    await expect(fulfilledRow.first().getByRole("button")).toHaveCount(0);
    await screenshots(page, "shipments", locale);
    await page.setViewportSize(viewport);

    // No cancelled shipment in the default view; the line under the table says how many it leaves out.
    const table = shipments.table();
    await expect(table.getByText(t.cancelled, { exact: true })).toHaveCount(0);
    const defaultTotal = await shipments.total();
    const hidden = page.getByTestId("hidden-cancelled");
    await expect(hidden).toHaveText(t.hidden);
    const hiddenCount = Number((await hidden.innerText()).match(/\d+/)![0]);
    expect(hiddenCount).toBeGreaterThan(0);
    await hidden.getByRole("link", { name: t.showCancelled }).click();
    await expect(page).toHaveURL(/status=cancelled/);
    await openFoldedFilters(page);
    await expect(page.getByRole("combobox", { name: t.status })).toHaveValue("cancelled");
    expect(await shipments.total()).toBe(hiddenCount);
    await expect(table.getByText(t.cancelled, { exact: true })).toHaveCount(hiddenCount);
    await expect(hidden).toHaveCount(0);
    await page.screenshot({ path: `test-results/tables-cancelled-${locale}-${viewport.width}.png`, fullPage: true });

    // The overview's numbers and the table agree: "Ready to ship" is the Ready filter's total, and
    // every status together is the default view plus the cancelled it hid.
    await shipments.goto();
    const ready = Number(await shipments.overviewValue("overview-ready").innerText());
    await shipments.goto("?status=ready");
    expect(await shipments.total()).toBe(ready);
    await shipments.goto("?status=ready,pickup_scheduled,shipped,cancelled");
    expect(await shipments.total()).toBe(defaultTotal + hiddenCount);
    await page.context().close();
  });

  test(`${locale} ${viewport.width}: the Quotations tab has one row per shipment, expandable to its quotes`, async ({
    browser,
  }) => {
    const page = await signedIn(browser, locale, viewport);
    // Quote a draft that only lacks its NF-e key (the rate cards can price it). None is chosen: a
    // choice could complete the draft into a shipment the carrier journey would then meet.
    await page.goto("/follow-up/quotations-shipments?tab=drafts&perPage=100");
    const draft = page
      .getByRole("row")
      .filter({ hasText: DEMO_NAME })
      .filter({ has: page.getByText(t.nfeKey, { exact: true }) })
      .filter({ hasNot: page.getByText(t.otherMissing) })
      .nth(locale === "en-US" ? 0 : 1);
    const order = (await draft.getByRole("cell").nth(1).innerText()).split("\n")[0];
    await draft.getByRole("link", { name: new RegExp(` ${order}$`) }).click();
    const card = page.getByTestId("quotes-card");
    await card.getByRole("button", { name: t.getQuotes }).click();
    await expect(card.getByRole("status")).toContainText(t.quotesDone, { timeout: 30_000 });
    const quoteCount = await card.getByRole("button", { name: t.choose }).count();
    expect(quoteCount).toBeGreaterThan(1);

    await page.goto("/follow-up/quotations-shipments?tab=quotations&perPage=100");
    // The tabs: Quotations and Drafts; the Shipments tab (a copy of Shipment Management) is gone.
    const tabs = page.getByRole("navigation", { name: t.tabsLabel }).getByRole("link");
    await expect(tabs).toHaveCount(2);
    for (const [index, name] of t.tabs.entries()) await expect(tabs.nth(index)).toContainText(name);
    await expect(page.getByRole("link", { name: t.shipmentsTab })).toHaveCount(0);

    // The last quoted first, with its arrow; the order is listed once, none chosen yet.
    await expect(header(page, t.quoted)).toHaveAttribute("aria-sort", "descending");
    const table = page.getByRole("table");
    const rows = table.getByRole("row").filter({ has: page.getByText(order, { exact: true }) });
    await expect(rows).toHaveCount(1);
    await expect(table.getByRole("row").nth(1)).toContainText(order);
    await expect(rows.getByRole("cell").nth(2)).toContainText(t.noneChosen);
    const disclosure = rows.getByRole("button", { name: new RegExp(`${order}$`) });
    await expect(disclosure).toHaveAttribute("aria-expanded", "false");
    const count = Number((await disclosure.innerText()).match(/\d+/)![0]);
    // Every quote of the card is behind the count.
    expect(count).toBe(quoteCount);
    await disclosure.click();
    await expect(disclosure).toHaveAttribute("aria-expanded", "true");
    const list = rows.getByTestId("quote-list");
    await expect(list.getByRole("listitem")).toHaveCount(count);
    await expect(list.getByText(t.chosen, { exact: true })).toHaveCount(0);
    await screenshots(page, "quotations", locale);
    await page.context().close();
  });
}

test("old links to the Shipments tab open Shipment Management with their filters", async ({ browser }) => {
  for (const { locale, viewport } of RUNS) {
    const page = await signedIn(browser, locale, viewport);
    await page.goto("/follow-up/quotations-shipments?tab=shipments&status=ready");
    await expect(page).toHaveURL(/\/shipments\?status=ready$/);
    await expect(page.getByRole("heading", { level: 1, name: TEXT[locale].management })).toBeVisible();
    await openFoldedFilters(page);
    await expect(page.getByRole("combobox", { name: TEXT[locale].status })).toHaveValue("ready");
    await page.context().close();
  }
});

for (const { locale, viewport } of RUNS) {
  const t = TEXT[locale];
  test(`${locale} ${viewport.width}: Stores, Users and Sync history show their sort and labelled actions`, async ({
    browser,
  }) => {
    const page = await signedIn(browser, locale, viewport);
    await page.goto("/stores");
    await expect(header(page, t.stores.name)).toHaveAttribute("aria-sort", "ascending");
    // Five actions beside wide columns: Sync Orders says so, the others show their label on focus.
    const store = page.getByRole("row").filter({ hasText: DEMO_NAME });
    await expect(store.getByRole("button", { name: t.stores.sync })).toHaveText(t.stores.sync);
    const shipper = store.getByRole("button", { name: t.stores.shipperOf, exact: true });
    await expect(store.getByRole("tooltip").filter({ hasText: t.stores.shipper })).toBeHidden();
    await shipper.focus();
    await expect(store.getByRole("tooltip").filter({ hasText: t.stores.shipper })).toBeVisible();
    await screenshots(page, "stores", locale);
    await page.setViewportSize(viewport);

    await page.goto("/users");
    await expect(header(page, t.users.created)).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByRole("button", { name: /Tina Tabelas/ }).first()).toHaveText(t.users.manage);

    await page.goto("/sync-runs");
    await expect(header(page, t.syncRuns.started)).toHaveAttribute("aria-sort", "descending");
    const run = page.getByRole("row").filter({ hasText: DEMO_NAME }).first();
    await expect(run.getByRole("link", { name: new RegExp(DEMO_NAME) })).toHaveText(t.syncRuns.details);
    await screenshots(page, "sync-runs", locale);
    await page.setViewportSize(viewport);
    await page.context().close();
  });
}
