// Shopify Admin API limits the dashboard plans around.
/** A single query may not ask for more than this many cost points (MAX_COST_EXCEEDED). */
export const MAX_QUERY_COST = 1000;
