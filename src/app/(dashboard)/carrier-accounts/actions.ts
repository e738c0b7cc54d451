"use server";
import { revalidatePath } from "next/cache";
import {
  carrierAccountFormSchema,
  carrierAccountIdFormSchema,
  storeCarrierAccountFormSchema,
} from "@/domain/carrier-account-form";
import { CARRIERS } from "@/domain/carrier-registry";
import { authedAction } from "@/server/auth/action";
import { carrierDirectory } from "@/server/carriers/directory";
import {
  assignStoreCarrierAccount,
  createCarrierAccount,
  deleteCarrierAccount,
  testCarrierAccount,
  updateCarrierAccount,
} from "@/server/services/carrier-accounts";

const PAGE = "/carrier-accounts";

export const saveCarrierAccountAction = authedAction(
  carrierAccountFormSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const { accountId } = input;
    const saved = accountId
      ? await updateCarrierAccount(db, { ...input, accountId }, user)
      : await createCarrierAccount(db, input, user);
    revalidatePath(PAGE);
    return {
      ok: true,
      message: t(accountId ? "carrierAccounts.updated" : "carrierAccounts.created", { name: saved.name }),
    };
  },
);

export const deleteCarrierAccountAction = authedAction(
  carrierAccountIdFormSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const deleted = await deleteCarrierAccount(db, input.accountId, user);
    revalidatePath(PAGE);
    return { ok: true, message: t("carrierAccounts.deleted", { name: deleted.name }) };
  },
);

/** The outcome is the answer either way: a failed test is a refusal the page shows beside the account. */
export const testCarrierAccountAction = authedAction(
  carrierAccountIdFormSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const outcome = await testCarrierAccount({ db, carriers: carrierDirectory(db) }, input.accountId, user);
    revalidatePath(PAGE);
    const carrier = CARRIERS[outcome.account.carrier as keyof typeof CARRIERS]?.name ?? outcome.account.carrier;
    if (outcome.ok) return { ok: true, message: t("carrierAccounts.testOk", { carrier, name: outcome.account.name }) };
    const message =
      outcome.code === "unexpected"
        ? t("carrierAccounts.errors.unexpected")
        : t(`carriers.errors.${outcome.code}`, { carrier, message: outcome.carrierMessage ?? "—" });
    return { ok: false, formError: message };
  },
);

export const assignStoreCarrierAccountAction = authedAction(
  storeCarrierAccountFormSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const { store, account } = await assignStoreCarrierAccount(db, input, user);
    revalidatePath(PAGE);
    const carrier = CARRIERS[input.carrier].name;
    return {
      ok: true,
      message: account
        ? t("carrierAccounts.stores.assigned", { store: store.name, carrier, name: account.name })
        : t("carrierAccounts.stores.unassigned", { store: store.name, carrier }),
    };
  },
);
