// The choices of the Carrier accounts forms, alone in a module of constants so that the browser's
// forms import them without the zod schemas of carrier-account-form.ts (30 kB of gzip JavaScript).

/**
 * The carriers reached through an API, which carrier accounts exist for. The same list as
 * API_CARRIERS in src/server/carriers/api.ts, which src/domain may not import (the carrier
 * accounts integration test checks the two agree).
 */
export const ACCOUNT_CARRIERS = ["ups", "fedex", "dhl"] as const;
export type AccountCarrier = (typeof ACCOUNT_CARRIERS)[number];

export const ACCOUNT_ENVIRONMENTS = ["test", "production"] as const;
