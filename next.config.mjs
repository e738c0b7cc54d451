import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // The ICU messages compiled at build time: the browser gets them ready to format and no ICU
    // parser (intl-messageformat, 13 kB of gzip JavaScript on every page; `npm run bench:vitals`).
    messages: { path: "./src/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // @shopify/shopify-api is loaded once by Node too: bundled into several server chunks, its
  // error classes stop being `instanceof`-comparable across them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@shopify/shopify-api",
    "@shopify/shopify-app-session-storage",
    "@shopify/shopify-app-session-storage-drizzle",
  ],
  poweredByHeader: false,
  // HTTP_COMPRESSION=off when the https proxy in front (nginx, Caddy, a load balancer) compresses:
  // Next's gzip flushes every streamed chunk through the thread pool, and under 50 operators that
  // was over a third of the server's CPU per request (npm run bench:load; README, Configuration). Read at
  // `next start`, not at build; like the settings in src/server/env.ts, empty counts as unset.
  compress: process.env.HTTP_COMPRESSION?.trim() !== "off",
  experimental: {
    // Lets pages and server actions answer 403 through `forbidden()`.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
