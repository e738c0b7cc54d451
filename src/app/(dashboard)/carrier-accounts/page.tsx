import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireRole } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listCarrierAccounts, listStoreAccounts } from "@/server/queries/carrier-accounts";
import { AccountsSection } from "./accounts-table";
import { StoreAccountsSection } from "./store-accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("carrierAccounts"))("title") };
}

export default async function CarrierAccountsPage() {
  await requireRole("admin", "/carrier-accounts");
  const db = await getDb();
  const [accounts, stores, t] = await Promise.all([
    listCarrierAccounts(db),
    listStoreAccounts(db),
    getTranslations("carrierAccounts"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountsSection accounts={accounts} />
      <StoreAccountsSection stores={stores} accounts={accounts} />
    </>
  );
}
