// Web Vitals of the main pages on the production build, in Chromium, and the JavaScript each page
// downloads: LCP, CLS and INP as Google's `web-vitals` library computes them (injected before the
// page's own scripts), one interaction per page for INP, a cold cache for every load. Targets are
// Built for Shopify's (LCP ≤ 2.5 s, CLS ≤ 0.1, INP ≤ 200 ms) and ≤ 150 kB of gzip JavaScript per
// page. Run through `npm run bench:vitals` (scripts/with-server.mjs builds and serves the app with
// the emulators; the demo store is connected and synced first so the tables have rows).
//   --runs N      loads per page and viewport (default 3; the median is reported)
//   --cpu N       Chromium CPU slowdown factor (default 1; 4 approximates a mid-range phone)
//   --only TEXT   only the pages whose name contains TEXT
//   --files       also lists each page's scripts, largest first (for profiling the bundles)
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { chromiumArgs, chromiumExecutable, desktopUserAgent } from "../../e2e/chromium";

const base = process.env.E2E_BASE_URL!;
const DEMO = "loja-demo.myshopify.com";
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const runs = option("runs", 3);
const cpuSlowdown = option("cpu", 1);
const listFiles = args.includes("--files");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : "";

const TARGETS = { lcp: 2500, cls: 0.1, inp: 200, jsKb: 150 };
const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

// The library's browser build (a script defining `webVitals`), beside its package entry point.
const webVitalsSource = fs.readFileSync(
  path.join(path.dirname(createRequire(import.meta.url).resolve("web-vitals")), "web-vitals.iife.js"),
  "utf8",
);
// Every report kept (reportAllChanges): the last value of each metric is the page's.
const collector = `${webVitalsSource}
window.__vitals = {};
for (const [name, on] of [["LCP", webVitals.onLCP], ["CLS", webVitals.onCLS], ["INP", webVitals.onINP]])
  on((metric) => { window.__vitals[name] = metric.value; }, { reportAllChanges: true });`;

interface Sample {
  lcp: number;
  cls: number;
  inp: number | null;
  jsBytes: number;
  files: { url: string; bytes: number }[];
}

async function signIn(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.locator("#email").fill(process.env.E2E_ADMIN_EMAIL!);
  await page.locator("#password").fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(/\/shipments/);
  return page;
}

/** The demo store connected through the emulator's OAuth, given customs defaults and synced, as an admin would. */
async function connectAndSync(page: Page) {
  await page.goto(`${base}/auth/toplevel?shop=${DEMO}`);
  await page.getByRole("button", { name: "Install app" }).click();
  await page.waitForURL(/\/stores\?/);
  // Customs defaults first (the demo store has none): without them every order is a draft.
  await page.getByRole("button", { name: "Customs defaults & test orders of Loja Demo Artesanato" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator("#settings-defaultIncoterm").selectOption("DAP");
  await dialog.locator("#settings-defaultExportReason").selectOption("sale");
  await dialog.getByRole("button", { name: "Save settings" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page
    .getByRole("row")
    .filter({ hasText: DEMO })
    .getByRole("button", { name: /^Sync Orders$/ })
    .click();
  // The run is queued and processed in the background: wait until it has filled both lists.
  for (let attempt = 0; attempt < 120; attempt++) {
    await page.goto(`${base}/follow-up/quotations-shipments?tab=drafts`);
    const drafts = (await page.getByTestId("empty-state").count()) === 0;
    await page.goto(`${base}/shipments`);
    const shipments = (await page.locator('a[href^="/shipments/"]').count()) > 0;
    if (drafts && shipments) return;
    await page.waitForTimeout(1000);
  }
  throw new Error("the demo store's sync did not fill the drafts and Shipment Management within 2 minutes");
}

/** The href of the first link on a page matching a pattern (a shipment, a draft, a run). */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(`${base}${path}`);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

/**
 * One interaction per page for INP: typing into the page's search box where it has one (each key
 * is an interaction), else opening its first dialog button, else a click on the heading.
 */
async function interact(page: Page) {
  const search = page.getByRole("searchbox").filter({ visible: true }).first();
  if ((await search.count()) > 0) {
    await search.click();
    await search.pressSequentially("10", { delay: 50 });
    return;
  }
  const textbox = page.getByRole("textbox").filter({ visible: true }).first();
  if ((await textbox.count()) > 0) {
    await textbox.click();
    await textbox.press("End");
    await textbox.pressSequentially("a", { delay: 50 });
    return;
  }
  await page.getByRole("heading", { level: 1 }).click();
}

async function measure(context: BrowserContext, path: string): Promise<Sample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await page.addInitScript({ content: collector });
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  // Every script the load fetched, its body as it came over the wire (gzip, as `next start` serves
  // it; no headers), before the interaction can fetch more.
  const files = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry as PerformanceResourceTiming)
      .filter((entry) => entry.initiatorType === "script" || new URL(entry.name).pathname.endsWith(".js"))
      .map((entry) => ({ url: entry.name, bytes: entry.encodedBodySize })),
  );
  await interact(page);
  await page.waitForTimeout(500);
  // Hidden → web-vitals finalises CLS and INP as a real tab switch would.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const vitals = (await page.evaluate("window.__vitals")) as { LCP?: number; CLS?: number; INP?: number };
  await page.close();
  return {
    lcp: vitals.LCP ?? NaN,
    cls: vitals.CLS ?? 0,
    inp: vitals.INP ?? null,
    jsBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.sort((a, b) => b.bytes - a.bytes),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
const setup = await browser.newContext({ userAgent: desktopUserAgent });
const setupPage = await signIn(setup);
await connectAndSync(setupPage);
const shipmentPage = await firstHref(setupPage, "/shipments", /^\/shipments\/[0-9a-f-]{36}$/);
const draftEdit = await firstHref(
  setupPage,
  "/follow-up/quotations-shipments?tab=drafts",
  /\/drafts\/[0-9a-f-]{36}\/edit$/,
);
const runPage = await firstHref(setupPage, "/sync-runs", /^\/sync-runs\/[0-9a-f-]{36}$/);
await setup.close();

const pages: [string, string][] = [
  ["Shipment Management", "/shipments"],
  ["Shipment page", shipmentPage],
  ["Drafts", "/follow-up/quotations-shipments?tab=drafts"],
  ["Edit Draft", draftEdit],
  ["Quotations", "/follow-up/quotations-shipments?tab=quotations"],
  ["Stores", "/stores"],
  ["Sync history", "/sync-runs"],
  ["Sync run", runPage],
  ["Users", "/users"],
  ["Carrier accounts", "/carrier-accounts"],
];

console.log(
  `Web Vitals, production build, Chromium, cold cache, median of ${runs} loads, CPU slowdown ${cpuSlowdown}×` +
    `\ntargets: LCP ≤ ${TARGETS.lcp} ms, CLS ≤ ${TARGETS.cls}, INP ≤ ${TARGETS.inp} ms, JS ≤ ${TARGETS.jsKb} kB gzip\n`,
);
console.log(
  `${"page".padEnd(22)}${"viewport".padEnd(10)}${"LCP ms".padStart(8)}${"CLS".padStart(8)}${"INP ms".padStart(8)}${"JS kB".padStart(8)}  `,
);
const misses: string[] = [];
for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  const signedOut = await browser.newContext({ userAgent: desktopUserAgent, viewport, locale: "en-US" });
  const context = await browser.newContext({ userAgent: desktopUserAgent, viewport, locale: "en-US" });
  await (await signIn(context)).close();
  // Sign-in first, signed out: the least JavaScript a page of this app can load (React, Next's
  // runtime, next-intl), the floor under every other page's figure.
  const visits: [string, string, BrowserContext][] = [
    ["Sign in", "/sign-in", signedOut],
    ...pages.map(([name, path]): [string, string, BrowserContext] => [name, path, context]),
  ];
  for (const [name, path, pageContext] of visits.filter(([name]) => name.includes(only))) {
    const samples: Sample[] = [];
    for (let run = 0; run < runs; run++) samples.push(await measure(pageContext, path));
    const lcp = median(samples.map((s) => s.lcp));
    const cls = median(samples.map((s) => s.cls));
    const inps = samples.map((s) => s.inp).filter((v): v is number => v !== null);
    const inp = inps.length ? median(inps) : null;
    const jsKb = median(samples.map((s) => s.jsBytes)) / 1000;
    const over = [
      lcp > TARGETS.lcp && "LCP",
      cls > TARGETS.cls && "CLS",
      inp !== null && inp > TARGETS.inp && "INP",
      jsKb > TARGETS.jsKb && "JS",
    ].filter(Boolean);
    if (over.length) misses.push(`${name} (${viewportName}): ${over.join(", ")}`);
    console.log(
      `${name.padEnd(22)}${viewportName.padEnd(10)}${lcp.toFixed(0).padStart(8)}${cls.toFixed(3).padStart(8)}` +
        `${(inp === null ? "—" : inp.toFixed(0)).padStart(8)}${jsKb.toFixed(1).padStart(8)}  ${over.length ? "over: " + over.join(", ") : "ok"}`,
    );
    if (listFiles && viewportName === "desktop")
      for (const file of samples[0].files)
        console.log(`${"".padEnd(32)}${(file.bytes / 1000).toFixed(1).padStart(8)} kB  ${new URL(file.url).pathname}`);
  }
  await Promise.all([context.close(), signedOut.close()]);
}
await browser.close();
console.log(misses.length ? `\nOver target: ${misses.join("; ")}` : "\nEvery page within every target.");
