import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/components/data-table/params";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listStores, storesTable } from "@/server/queries/stores";
import { StoresTable } from "./stores-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stores"))("title") };
}

export default async function StoresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/stores");
  const state = parseTableState(await searchParams, storesTable);
  const [page, t] = await Promise.all([listStores(await getDb(), state), getTranslations("stores")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <StoresTable page={{ ...page, state, spec: storesTable }} />
    </>
  );
}
