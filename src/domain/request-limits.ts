// Limits on what a request may bring, checked before any work is done for it.

/**
 * The longest path + query accepted: its bytes, percent-encoded as Next parses it. The app's own
 * longest URL is a documents download for a full page of 100 selected shipments (~3.7 KB), and a
 * request's other headers (cookies, the browser's own) must still fit well within the 8 KB that
 * proxies and clients commonly allow for a whole request head (older curl drops cookies past it)
 * and Node's 16 KB: 4 KB is the usual browser-safe bound. Beyond it the answer is 414.
 */
export const MAX_URL_BYTES = 4096;

export function isUrlTooLong(pathAndQuery: string): boolean {
  return new TextEncoder().encode(pathAndQuery).length > MAX_URL_BYTES;
}

/**
 * The largest webhook body read. Shopify's payloads are usually a few KB, an order with many lines
 * hundreds of KB, and Shopify says some reach "upwards of a megabyte" (it caps its EventBridge
 * deliveries at 1,000,000 bytes). 2 MiB keeps every real delivery and bounds the memory a forged
 * one can take; an order webhook refused with 413 is not lost, the next sync reads the order.
 */
export const MAX_WEBHOOK_BODY_BYTES = 2 * 1024 * 1024;
