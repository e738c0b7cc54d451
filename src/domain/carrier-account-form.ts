// The Carrier accounts page's forms: an account's credentials (add / edit), one account by id
// (test connection, delete) and a store's account for a carrier. Messages are i18n keys under
// carrierAccounts.errors.
import { z } from "zod";
import { ACCOUNT_CARRIERS, ACCOUNT_ENVIRONMENTS, type AccountCarrier } from "./carrier-account-options";

/**
 * Account number formats (CARRIERS.md, "Identifiers"): UPS ShipperNumber, 6 characters
 * (Shipping.yaml; letters and digits, e.g. "A1B2C3"); FedEx accountNumber.value, 9 digits; DHL
 * Express accounts[].number, at most 12 (MyDHL 3.1.1; DHL account numbers are digits).
 */
const ACCOUNT_NUMBER_PATTERNS: Record<AccountCarrier, RegExp> = {
  ups: /^[A-Z0-9]{6}$/,
  fedex: /^\d{9}$/,
  dhl: /^\d{1,12}$/,
};

/** Whether `value` (trimmed, upper-cased) is an account number of `carrier`. */
export function isAccountNumber(carrier: AccountCarrier, value: string): boolean {
  return ACCOUNT_NUMBER_PATTERNS[carrier].test(value);
}

const MAX_ACCOUNT_NAME = 80;
/** OAuth client ids and API keys are tens of characters; far more is a pasting mistake. */
const MAX_CLIENT_ID = 200;
const MAX_CLIENT_SECRET = 500;

/** Printable characters only: a credential with a space, tab or control character inside was pasted wrong. */
const CREDENTIAL = /^[\x21-\x7e]+$/;

const accountIdSchema = z.uuid("errors.notFound");

/** A credential as pasted: trimmed; blank is "not given". */
const optionalCredential = (max: number, invalid: string) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(z.string().max(max, invalid).regex(CREDENTIAL, invalid).optional());

/**
 * Add (no accountId) or edit (accountId) an account. On edit a blank credential keeps the stored
 * one, so the page never has to send a secret (or the full client id) back to the browser.
 */
export const carrierAccountFormSchema = z
  .object({
    accountId: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(accountIdSchema.optional()),
    carrier: z.enum(ACCOUNT_CARRIERS, "carrierAccounts.errors.carrier"),
    name: z
      .string("carrierAccounts.errors.nameRequired")
      .trim()
      .min(1, "carrierAccounts.errors.nameRequired")
      .max(MAX_ACCOUNT_NAME, "carrierAccounts.errors.nameTooLong"),
    environment: z.enum(ACCOUNT_ENVIRONMENTS, "carrierAccounts.errors.environment"),
    clientId: optionalCredential(MAX_CLIENT_ID, "carrierAccounts.errors.clientIdInvalid"),
    clientSecret: optionalCredential(MAX_CLIENT_SECRET, "carrierAccounts.errors.clientSecretInvalid"),
    accountNumber: z
      .string()
      .optional()
      .transform((value) => value?.trim().toUpperCase() || undefined),
  })
  .superRefine((input, ctx) => {
    // On edit a blank credential keeps the stored one; a new account needs all three.
    const required = [
      ["clientId", "carrierAccounts.errors.clientIdRequired"],
      ["clientSecret", "carrierAccounts.errors.clientSecretRequired"],
      ["accountNumber", "carrierAccounts.errors.accountNumberRequired"],
    ] as const;
    for (const [field, message] of required) {
      if (!input.accountId && !input[field]) ctx.addIssue({ code: "custom", path: [field], message });
    }
    // The carrier itself may be the refused field (zod runs this refinement all the same).
    const carrier = ACCOUNT_CARRIERS.find((known) => known === input.carrier);
    if (carrier && input.accountNumber && !isAccountNumber(carrier, input.accountNumber)) {
      ctx.addIssue({
        code: "custom",
        path: ["accountNumber"],
        message: `carrierAccounts.errors.accountNumber.${carrier}`,
      });
    }
  });
export type CarrierAccountInput = z.output<typeof carrierAccountFormSchema>;

/** Test connection or delete: one account. */
export const carrierAccountIdFormSchema = z.object({ accountId: accountIdSchema });

/** A store's account for a carrier; an empty account unassigns it. */
export const storeCarrierAccountFormSchema = z.object({
  storeId: z.uuid("errors.notFound"),
  carrier: z.enum(ACCOUNT_CARRIERS, "carrierAccounts.errors.carrier"),
  accountId: z
    .string()
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(accountIdSchema.nullable()),
});
export type StoreCarrierAccountInput = z.output<typeof storeCarrierAccountFormSchema>;

/** How the page shows a client id: its first four characters, the rest hidden. */
export function maskClientId(clientId: string): string {
  return clientId.length <= 4 ? "…" : `${clientId.slice(0, 4)}…`;
}

/** The account number's last four characters, stored in clear as the account's hint. */
export function accountHint(accountNumber: string): string {
  return accountNumber.slice(-4);
}
