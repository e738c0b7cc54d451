// What a reconnect costs an admin: from the "needs to be reconnected" banner to Connected,
// counting clicks and wall time (run through `npm run bench:ui`, which provides server and emulator).
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumExecutable, desktopUserAgent } from "../../e2e/chromium";

const base = process.env.E2E_BASE_URL!;
const emulator = process.env.E2E_EMULATOR_URL!;
const shop = "loja-segunda.myshopify.com";
const control = (path: string) => fetch(`${emulator}/__emulator${path}`, { method: "POST" });

const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
const page = await (await browser.newContext({ userAgent: desktopUserAgent })).newPage();
await page.goto(`${base}/sign-in`);
await page.locator("#email").fill(process.env.E2E_ADMIN_EMAIL!);
await page.locator("#password").fill(process.env.E2E_ADMIN_PASSWORD!);
await page.locator("form button[type=submit]").click();
await page.waitForURL(/\/shipments/);

// Connect the store, then break its session the way Shopify would.
await page.goto(`${base}/auth/toplevel?shop=${shop}`);
await page.getByRole("button", { name: "Install app" }).click();
await page.waitForURL(/\/stores\?connected=/);
await control(`/shops/${shop}/tokens/revoke`);
await page.getByRole("button", { name: `Check the connection of ${shop}` }).click();
await page.getByTestId("reconnect-banner").waitFor();

const started = performance.now();
let clicks = 0;
await page.getByTestId("reconnect-banner").getByRole("link", { name: "Reconnect" }).click();
clicks++;
await page.getByRole("button", { name: "Install app" }).click();
clicks++;
await page.waitForURL(/\/stores\?reconnected=/);
await page.getByRole("row").filter({ hasText: shop }).getByText("Connected").waitFor();
const seconds = (performance.now() - started) / 1000;
console.log(`reconnect: ${clicks} clicks, ${seconds.toFixed(2)} s from the banner to Connected (local emulator)`);
await browser.close();
