// Shopify store addresses: what an admin may type ("loja-demo", "https://loja-demo.myshopify.com/admin")
// and the one form we store and send to Shopify ("loja-demo.myshopify.com").
const SHOP_DOMAIN_PATTERN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** The canonical shop domain, or null when the input cannot be one. Bare names are completed. */
export function normalizeShopDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  let value = input.trim().toLowerCase();
  value = value.replace(/^https?:\/\//, "");
  value = value.split(/[/?#]/)[0];
  if (!value.includes(".")) value = `${value}.myshopify.com`;
  return SHOP_DOMAIN_PATTERN.test(value) && value.length <= 100 ? value : null;
}
