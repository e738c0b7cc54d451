// Measures the JavaScript a browser downloads for the Users page (compressed bytes on the wire,
// as Chromium reports them), signed in as the admin, with a cold cache.
// Run through `npm run bench` (scripts/with-server.mjs provides the server and the account).
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumExecutable, desktopUserAgent } from "../../e2e/chromium";

const base = process.env.E2E_BASE_URL;
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
const context = await browser.newContext({ userAgent: desktopUserAgent });
const signIn = await context.newPage();
await signIn.goto(`${base}/sign-in`);
await signIn.locator("#email").fill(process.env.E2E_ADMIN_EMAIL!);
await signIn.locator("#password").fill(process.env.E2E_ADMIN_PASSWORD!);
await signIn.locator("form button[type=submit]").click();
await signIn.waitForURL(/\/shipments/);
await signIn.close();

// A new page in the same context has the session cookie but, after clearing, no cached scripts.
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.clearBrowserCache");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
const scripts = new Map<string, { url: string; encoding?: string; bytes?: number }>();
cdp.on("Network.responseReceived", (event) => {
  if (event.type === "Script")
    scripts.set(event.requestId, {
      url: event.response.url,
      encoding: event.response.headers["content-encoding"] ?? event.response.headers["Content-Encoding"],
    });
});
cdp.on("Network.loadingFinished", (event) => {
  const entry = scripts.get(event.requestId);
  if (entry) entry.bytes = event.encodedDataLength;
});
await page.goto(`${base}/users`, { waitUntil: "networkidle" });
await page.getByRole("heading", { level: 1 }).waitFor();

const rows = [...scripts.values()].filter(
  (entry): entry is { url: string; encoding?: string; bytes: number } => entry.bytes !== undefined,
);
const total = rows.reduce((sum, entry) => sum + entry.bytes, 0);
for (const entry of rows.sort((a, b) => b.bytes - a.bytes)) {
  console.log(`${String(entry.bytes).padStart(8)}  ${entry.encoding ?? "identity"}  ${new URL(entry.url).pathname}`);
}
console.log(
  `\nUsers page JavaScript: ${rows.length} files, ${(total / 1024).toFixed(1)} KiB transferred (encoded, incl. headers)`,
);
await browser.close();
