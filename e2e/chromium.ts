import fs from "node:fs";

// Debian's Chromium where present (Playwright cannot download browsers on our machines);
// otherwise Playwright's own browser.
export const chromiumExecutable =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// Chromium runs as root here; without the network flags it floods errors against the closed network.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

// A normal desktop User-Agent: @shopify/shopify-api refuses requests from HeadlessChrome.
export const desktopUserAgent =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
