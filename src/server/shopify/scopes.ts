// The Admin API access scopes the dashboard asks for at install and at every reconnect. A store
// connected before a scope was added lacks it until an admin reconnects it (Stores shows which).
export const SHOPIFY_SCOPES = [
  "read_orders",
  "write_orders",
  "read_all_orders",
  "read_merchant_managed_fulfillment_orders",
  // Tracking write-back (fulfillmentCreate) and the fulfillment holds on drafts.
  "write_merchant_managed_fulfillment_orders",
  // The shop's primary language, for the notes of the fulfillment holds on drafts.
  "read_locales",
] as const;

/** The scopes a store has not granted yet (from the comma-separated list Shopify reported). */
export function missingScopes(granted: string | null): string[] {
  const have = new Set((granted ?? "").split(",").map((scope) => scope.trim()));
  // Shopify reports a write scope without its read twin: write_x implies read_x.
  const covered = (scope: string) =>
    have.has(scope) || (scope.startsWith("read_") && have.has(`write_${scope.slice("read_".length)}`));
  return SHOPIFY_SCOPES.filter((scope) => !covered(scope));
}
