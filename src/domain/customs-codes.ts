// The customs choices an operator or admin picks from, alone in a module of constants: forms in
// the browser import them without pulling the validation (zod) and phone rules (libphonenumber)
// that the modules deciding completeness need — together some 85 kB of gzip JavaScript per page.

/** Trade terms (every carrier but Correios asks for one) and export reasons an operator may choose. */
export const INCOTERM_VALUES = ["DAP", "DDU", "DDP"] as const;
export const EXPORT_REASON_VALUES = ["sale", "gift", "sample", "return", "repair", "personal_use"] as const;

/** What a store does with Shopify test orders (`test: true`): skip them (counted), or import them marked Test. */
export const TEST_ORDER_POLICIES = ["skip", "import"] as const;
export type TestOrderPolicy = (typeof TEST_ORDER_POLICIES)[number];
