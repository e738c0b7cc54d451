import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/components/data-table/params";
import { PageHeader } from "@/components/ui/card";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { ExportCsvLink } from "@/components/tables/export-csv-link";
import { ShipmentsTable } from "@/components/tables/shipments-table";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shipments"))("title") };
}

export default async function ShipmentManagementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/shipments");
  const state = parseTableState(await searchParams, shipmentsTable);
  const [page, t] = await Promise.all([listShipments(await getDb(), state), getTranslations("shipments")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <ExportCsvLink />
            <SyncOrdersButton />
          </>
        }
      />
      <ShipmentsTable variant="shipments" page={{ ...page, state, spec: shipmentsTable }} />
    </>
  );
}
