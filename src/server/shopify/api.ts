import "server-only";
// The one configured @shopify/shopify-api instance (13.1, web-api adapter, API 2026-07,
// non-embedded, offline expiring tokens), with the emulator seam installed first when
// SHOPIFY_EMULATOR_URL is set.
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from "@shopify/shopify-api";
import { appUrl, shopifyCredentials, shopifyEmulatorUrl } from "../env";
import { installEmulatorSeam } from "./seam";
import { SHOPIFY_SCOPES } from "./scopes";

const SHOPIFY_API_VERSION = ApiVersion.July26;

export interface ShopifyConfig {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  emulatorUrl?: string;
}

export function createShopify(config: ShopifyConfig): Shopify {
  if (config.emulatorUrl) installEmulatorSeam(config.emulatorUrl);
  const url = new URL(config.appUrl);
  return shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    scopes: [...SHOPIFY_SCOPES],
    hostName: url.host,
    hostScheme: url.protocol === "http:" ? "http" : "https",
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Warning },
  });
}

const globalForShopify = globalThis as unknown as { __shipsmartShopify?: Shopify };

/** The process-wide instance, configured from the environment on first use. */
export function getShopify(): Shopify {
  globalForShopify.__shipsmartShopify ??= createShopify({
    ...shopifyCredentials(),
    appUrl: appUrl(),
    emulatorUrl: shopifyEmulatorUrl(),
  });
  return globalForShopify.__shipsmartShopify;
}
