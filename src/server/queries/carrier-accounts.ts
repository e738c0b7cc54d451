import "server-only";
// What the Carrier accounts page reads. No row leaves here with `credentials`: the page gets the
// account number's hint and the client id masked (decrypted here only to mask it).
import { asc, eq, inArray } from "drizzle-orm";
import { ACCOUNT_CARRIERS, type AccountCarrier } from "@/domain/carrier-account-options";
import { maskClientId } from "@/domain/carrier-account-form";
import type { Db } from "../db/client";
import { readCredentials } from "../carriers/directory";
import { carrierAccounts, storeCarrierAccounts, stores, type CarrierAccount } from "../db/schema";

export interface CarrierAccountRow {
  id: string;
  carrier: AccountCarrier;
  name: string;
  environment: "test" | "production";
  /** The account number's last four characters. */
  hint: string;
  /** The client id's first four characters and an ellipsis. */
  clientIdMasked: string;
  lastTestedAt: Date | null;
  lastTestOk: boolean | null;
  /** A CarrierApiError code (or "unexpected"), never the carrier's text. */
  lastTestError: string | null;
  stores: { id: string; name: string }[];
}

export interface StoreAccountsRow {
  id: string;
  name: string;
  shopDomain: string;
  /** The account id the store ships each carrier with; absent, none. */
  accounts: Partial<Record<AccountCarrier, string>>;
}

/** The columns of carrier_accounts that may be read anywhere (everything but the credentials). */
export const publicAccountColumns = {
  id: carrierAccounts.id,
  carrier: carrierAccounts.carrier,
  name: carrierAccounts.name,
  environment: carrierAccounts.environment,
  hint: carrierAccounts.hint,
  lastTestedAt: carrierAccounts.lastTestedAt,
  lastTestOk: carrierAccounts.lastTestOk,
  lastTestError: carrierAccounts.lastTestError,
  updatedAt: carrierAccounts.updatedAt,
};

function maskedClientId(account: CarrierAccount): string {
  try {
    return maskClientId(readCredentials(account).clientId);
  } catch {
    // Encrypted under another APP_ENCRYPTION_KEY: the account must be entered again.
    return "…";
  }
}

const carrierOrder = (carrier: string) => ACCOUNT_CARRIERS.indexOf(carrier as AccountCarrier);

export async function listCarrierAccounts(db: Db): Promise<CarrierAccountRow[]> {
  const accounts = await db.select().from(carrierAccounts).orderBy(asc(carrierAccounts.name));
  const usage = await db
    .select({ accountId: storeCarrierAccounts.carrierAccountId, id: stores.id, name: stores.name })
    .from(storeCarrierAccounts)
    .innerJoin(stores, eq(stores.id, storeCarrierAccounts.storeId))
    .orderBy(asc(stores.name));
  return accounts
    .sort((a, b) => carrierOrder(a.carrier) - carrierOrder(b.carrier))
    .map((account) => ({
      id: account.id,
      carrier: account.carrier as AccountCarrier,
      name: account.name,
      environment: account.environment,
      hint: account.hint,
      clientIdMasked: maskedClientId(account),
      lastTestedAt: account.lastTestedAt,
      lastTestOk: account.lastTestOk,
      lastTestError: account.lastTestError,
      stores: usage.filter((use) => use.accountId === account.id).map(({ id, name }) => ({ id, name })),
    }));
}

/** The connected stores and the account each ships every carrier with. */
export async function listStoreAccounts(db: Db): Promise<StoreAccountsRow[]> {
  const connected = await db
    .select({ id: stores.id, name: stores.name, shopDomain: stores.shopDomain })
    .from(stores)
    .where(eq(stores.status, "connected"))
    .orderBy(asc(stores.name));
  if (connected.length === 0) return [];
  const assignments = await db
    .select()
    .from(storeCarrierAccounts)
    .where(
      inArray(
        storeCarrierAccounts.storeId,
        connected.map((store) => store.id),
      ),
    );
  return connected.map((store) => ({
    ...store,
    accounts: Object.fromEntries(
      assignments
        .filter((assignment) => assignment.storeId === store.id)
        .map((assignment) => [assignment.carrier, assignment.carrierAccountId]),
    ),
  }));
}
