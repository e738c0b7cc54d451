import "server-only";
// Carrier accounts (admin): the credentials of a carrier's API, encrypted at rest with the row id
// as additional data; "Test connection" through the real client; and which account a store ships
// each carrier with. Audited without secrets: the audit names which credentials changed, never
// their values.
import crypto from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { accountHint, type CarrierAccountInput, type StoreCarrierAccountInput } from "@/domain/carrier-account-form";
import { CARRIERS } from "@/domain/carrier-registry";
import { CarrierApiError, type CarrierCredentials, type CarrierErrorCode } from "../carriers/api";
import { readCredentials, type CarrierDirectory } from "../carriers/directory";
import { encryptSecret } from "../crypto";
import type { Db } from "../db/client";
import { carrierAccounts, storeCarrierAccounts, stores, type CarrierAccount } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { publicAccountColumns } from "../queries/carrier-accounts";

interface Actor {
  id: string;
}

interface Deps {
  db: Db;
  carriers: CarrierDirectory;
  now?: () => Date;
}

/** An account as services hand it back: everything but the credentials. */
type PublicAccount = Omit<CarrierAccount, "credentials" | "createdBy" | "createdAt">;

/** What the audit keeps of an account: never a credential, only the hint. */
const audited = (account: Pick<CarrierAccount, "carrier" | "name" | "environment" | "hint">) => ({
  carrier: account.carrier,
  name: account.name,
  environment: account.environment,
  hint: account.hint,
});

async function loadAccount(db: Db, accountId: string): Promise<CarrierAccount> {
  const [account] = await db.select().from(carrierAccounts).where(eq(carrierAccounts.id, accountId));
  if (!account) throw new AppError("errors.notFound");
  return account;
}

/**
 * Stores an account. The id is chosen here, before encrypting, because it is the ciphertext's
 * additional data: the credentials copied to another row do not decrypt.
 */
export async function createCarrierAccount(
  db: Db,
  input: Omit<CarrierAccountInput, "accountId">,
  actor: Actor | null,
): Promise<PublicAccount> {
  const { clientId, clientSecret, accountNumber } = input;
  // The schema requires them on create; a caller that skipped it is refused, not defaulted.
  if (!clientId || !clientSecret || !accountNumber) throw new AppError("errors.invalid");
  const id = crypto.randomUUID();
  const credentials: CarrierCredentials = { clientId, clientSecret, accountNumber };
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(carrierAccounts)
      .values({
        id,
        carrier: input.carrier,
        name: input.name,
        environment: input.environment,
        credentials: encryptSecret(JSON.stringify(credentials), id),
        hint: accountHint(accountNumber),
        createdBy: actor?.id ?? null,
      })
      .returning(publicAccountColumns);
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "carrier_account.created",
      entityType: "carrier_account",
      entityId: id,
      after: audited(created),
    });
    return created;
  });
}

/** Saves an edit; a credential left blank keeps the stored one. The carrier never changes. */
export async function updateCarrierAccount(
  db: Db,
  input: CarrierAccountInput & { accountId: string },
  actor: Actor,
): Promise<PublicAccount> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(carrierAccounts)
      .where(eq(carrierAccounts.id, input.accountId))
      .for("update");
    if (!before) throw new AppError("errors.notFound");
    if (before.carrier !== input.carrier) throw new AppError("carrierAccounts.errors.carrierChange", "carrier");
    const stored = readCredentials(before);
    const credentials: CarrierCredentials = {
      clientId: input.clientId ?? stored.clientId,
      clientSecret: input.clientSecret ?? stored.clientSecret,
      accountNumber: input.accountNumber ?? stored.accountNumber,
    };
    const changed = (Object.keys(credentials) as (keyof CarrierCredentials)[]).filter(
      (key) => credentials[key] !== stored[key],
    );
    const [updated] = await tx
      .update(carrierAccounts)
      .set({
        name: input.name,
        environment: input.environment,
        credentials: encryptSecret(JSON.stringify(credentials), before.id),
        hint: accountHint(credentials.accountNumber),
        // New credentials or environment: the last test said nothing about them.
        ...(changed.length > 0 || input.environment !== before.environment
          ? { lastTestedAt: null, lastTestOk: null, lastTestError: null }
          : {}),
        // Always bumped: the carrier directory keeps one client per account id and updatedAt.
        updatedAt: sql`now()`,
      })
      .where(eq(carrierAccounts.id, before.id))
      .returning(publicAccountColumns);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "carrier_account.updated",
      entityType: "carrier_account",
      entityId: before.id,
      before: audited(before),
      after: { ...audited(updated), credentialsChanged: changed },
    });
    return updated;
  });
}

/**
 * Deletes an account no store uses. One that stores use is refused, naming them: deleting it
 * would silently stop their pickups and labels (the assignment would cascade away).
 */
export async function deleteCarrierAccount(db: Db, accountId: string, actor: Actor): Promise<PublicAccount> {
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(carrierAccounts).where(eq(carrierAccounts.id, accountId)).for("update");
    if (!account) throw new AppError("errors.notFound");
    const users = await tx
      .select({ name: stores.name })
      .from(storeCarrierAccounts)
      .innerJoin(stores, eq(stores.id, storeCarrierAccounts.storeId))
      .where(eq(storeCarrierAccounts.carrierAccountId, accountId))
      .orderBy(asc(stores.name));
    if (users.length > 0) {
      throw new AppError("carrierAccounts.errors.inUse", undefined, {
        name: account.name,
        stores: users.map((store) => store.name).join(", "),
      });
    }
    await tx.delete(carrierAccounts).where(eq(carrierAccounts.id, accountId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "carrier_account.deleted",
      entityType: "carrier_account",
      entityId: accountId,
      before: audited(account),
    });
    const { credentials: _credentials, createdBy: _createdBy, createdAt: _createdAt, ...rest } = account;
    return rest;
  });
}

type ConnectionTestOutcome =
  | { ok: true; account: PublicAccount }
  | {
      ok: false;
      account: PublicAccount;
      /** A carrier error code (message carriers.errors.<code>), or "unexpected". */
      code: CarrierErrorCode | "unexpected";
      /** The carrier's own text, shown to the admin and not stored. */
      carrierMessage: string | null;
    };

/**
 * Calls the carrier with the account's credentials and records the outcome: when, whether it
 * worked and the error code — never the carrier's answer, which may echo what was sent.
 */
export async function testCarrierAccount(
  deps: Deps,
  accountId: string,
  actor: Actor | null,
): Promise<ConnectionTestOutcome> {
  const { db } = deps;
  const account = await loadAccount(db, accountId);
  let outcome: { code: CarrierErrorCode | "unexpected"; carrierMessage: string | null } | null = null;
  try {
    const client = await deps.carriers.forAccount(accountId);
    await client.testConnection();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof CarrierApiError) {
      outcome = { code: error.code, carrierMessage: error.carrierMessage };
    } else {
      // Not the carrier's answer (a bug, a row encrypted under another key, a carrier without a
      // client): recorded as such, logged without the account's data.
      console.error(`[carrier-accounts] connection test of ${accountId} failed unexpectedly:`, (error as Error)?.name);
      outcome = { code: "unexpected", carrierMessage: null };
    }
  }
  const testedAt = deps.now?.() ?? new Date();
  // updatedAt stays: the credentials did not change, and the directory's cached client (with its
  // OAuth token) is still the right one.
  const [updated] = await db
    .update(carrierAccounts)
    .set({ lastTestedAt: testedAt, lastTestOk: outcome === null, lastTestError: outcome?.code ?? null })
    .where(eq(carrierAccounts.id, account.id))
    .returning(publicAccountColumns);
  if (!updated) throw new AppError("errors.notFound");
  await recordAudit(db, {
    actorId: actor?.id ?? null,
    action: "carrier_account.tested",
    entityType: "carrier_account",
    entityId: account.id,
    after: { ok: outcome === null, error: outcome?.code ?? null },
  });
  return outcome ? { ok: false, account: updated, ...outcome } : { ok: true, account: updated };
}

/** Which account a store ships `carrier` with; a null account unassigns it. */
export async function assignStoreCarrierAccount(
  db: Db,
  input: StoreCarrierAccountInput,
  actor: Actor,
): Promise<{ store: { id: string; name: string }; account: PublicAccount | null }> {
  const [store] = await db
    .select({ id: stores.id, name: stores.name })
    .from(stores)
    .where(eq(stores.id, input.storeId));
  if (!store) throw new AppError("errors.notFound");
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ accountId: storeCarrierAccounts.carrierAccountId })
      .from(storeCarrierAccounts)
      .where(and(eq(storeCarrierAccounts.storeId, store.id), eq(storeCarrierAccounts.carrier, input.carrier)));
    let account: PublicAccount | null = null;
    if (input.accountId) {
      const [found] = await tx
        .select(publicAccountColumns)
        .from(carrierAccounts)
        .where(eq(carrierAccounts.id, input.accountId));
      if (!found) throw new AppError("errors.notFound", "accountId");
      if (found.carrier !== input.carrier) {
        throw new AppError("carrierAccounts.errors.carrierMismatch", "accountId", {
          carrier: CARRIERS[input.carrier].name,
        });
      }
      account = found;
      await tx
        .insert(storeCarrierAccounts)
        .values({ storeId: store.id, carrier: input.carrier, carrierAccountId: found.id })
        .onConflictDoUpdate({
          target: [storeCarrierAccounts.storeId, storeCarrierAccounts.carrier],
          set: { carrierAccountId: found.id },
        });
    } else {
      await tx
        .delete(storeCarrierAccounts)
        .where(and(eq(storeCarrierAccounts.storeId, store.id), eq(storeCarrierAccounts.carrier, input.carrier)));
    }
    if ((previous?.accountId ?? null) !== (account?.id ?? null)) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "store.carrier_account_assigned",
        entityType: "store",
        entityId: store.id,
        before: { carrier: input.carrier, accountId: previous?.accountId ?? null },
        after: { carrier: input.carrier, accountId: account?.id ?? null },
      });
    }
    return { store, account };
  });
}
