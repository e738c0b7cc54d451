// The emulator seam (docs/ARCHITECTURE.md, "The Shopify seam and the emulator"):
// @shopify/shopify-api always builds https://<shop>/… URLs, so with SHOPIFY_EMULATOR_URL set every
// request to *.myshopify.com goes to the emulator instead, with the shop in a header. Unset
// (production), nothing is rewritten.
import "@shopify/shopify-api/adapters/web-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const EMULATED_SHOP_HEADER = "x-emulated-shop";

let installedFor: string | undefined;

export function emulatorUrlFor(
  input: string | URL | Request,
  emulatorUrl: string,
): { url: string; shop: string } | null {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (!url.hostname.endsWith(".myshopify.com")) return null;
  return { url: `${emulatorUrl.replace(/\/$/, "")}${url.pathname}${url.search}`, shop: url.hostname };
}

export function installEmulatorSeam(emulatorUrl: string) {
  if (installedFor === emulatorUrl) return;
  installedFor = emulatorUrl;
  const realFetch = globalThis.fetch.bind(globalThis);
  setAbstractFetchFunc(async (input, init) => {
    const target = emulatorUrlFor(input as string | URL | Request, emulatorUrl);
    if (!target) return realFetch(input as RequestInfo, init);
    const headers = new Headers(init?.headers);
    headers.set(EMULATED_SHOP_HEADER, target.shop);
    return realFetch(target.url, { ...init, headers });
  });
}
