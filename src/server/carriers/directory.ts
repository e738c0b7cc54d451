import "server-only";
// Which carrier client a store's shipment goes through: the account an admin assigned to the store
// for that carrier, decrypted only here to build the client. Clients are kept per account (and
// per change of it), so an OAuth token is reused until it expires.
import { and, eq } from "drizzle-orm";
import { CARRIERS } from "@/domain/carrier-registry";
import { decryptSecret } from "../crypto";
import type { Db } from "../db/client";
import { carrierAccounts, storeCarrierAccounts, type CarrierAccount } from "../db/schema";
import { AppError } from "../errors";
import type { ApiCarrier, CarrierClient, CarrierCredentials, ClientOptions } from "./api";
import { createCarrierClient } from "./clients";
import { carrierEndpoints } from "./endpoints";

export interface CarrierDirectory {
  /** The client of the account the store ships `carrier` with; AppError "carriers.errors.noAccount" when none. */
  forStore(storeId: string, carrier: ApiCarrier): Promise<{ accountId: string; client: CarrierClient }>;
  forAccount(accountId: string): Promise<CarrierClient>;
}

/** What the directory passes on to every client it builds (tests: a short timeout, a request spy). */
export type DirectoryOptions = Pick<ClientOptions, "timeoutMs" | "fetch" | "now" | "onRequest">;

export function readCredentials(account: CarrierAccount): CarrierCredentials {
  return JSON.parse(decryptSecret(account.credentials, account.id)) as CarrierCredentials;
}

// The process's clients (and so their OAuth tokens), for directories built without options of their own.
const sharedCache = new Map<string, CarrierClient>();

export function carrierDirectory(db: Db, options: DirectoryOptions = {}): CarrierDirectory {
  // A directory with a spy or its own fetch (tests, benchmarks) keeps its clients to itself.
  const cache = options.onRequest || options.fetch ? new Map<string, CarrierClient>() : sharedCache;
  function clientOf(account: CarrierAccount): CarrierClient {
    const key = `${account.id}:${account.updatedAt.getTime()}`;
    let client = cache.get(key);
    if (!client) {
      const carrier = account.carrier as ApiCarrier;
      client = createCarrierClient({
        ...options,
        account: { id: account.id, carrier, environment: account.environment, credentials: readCredentials(account) },
        endpoints: carrierEndpoints(carrier, account.environment),
      });
      cache.set(key, client);
    }
    return client;
  }
  return {
    async forStore(storeId, carrier) {
      const [row] = await db
        .select({ account: carrierAccounts })
        .from(storeCarrierAccounts)
        .innerJoin(carrierAccounts, eq(carrierAccounts.id, storeCarrierAccounts.carrierAccountId))
        .where(and(eq(storeCarrierAccounts.storeId, storeId), eq(storeCarrierAccounts.carrier, carrier)));
      if (!row) throw new AppError("carriers.errors.noAccount", undefined, { carrier: CARRIERS[carrier].name });
      return { accountId: row.account.id, client: clientOf(row.account) };
    },
    async forAccount(accountId) {
      const [account] = await db.select().from(carrierAccounts).where(eq(carrierAccounts.id, accountId));
      if (!account) throw new AppError("errors.notFound");
      return clientOf(account);
    },
  };
}
