import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumExecutable, desktopUserAgent } from "./e2e/chromium";

// Run through `npm run test:e2e`, which builds the app and starts a server with its own database.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        userAgent: desktopUserAgent,
        launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
      },
    },
  ],
});
