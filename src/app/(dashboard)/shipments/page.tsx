import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/components/data-table/params";
import { ShipmentsOverview } from "@/components/shipments/overview";
import { PageHeader } from "@/components/ui/card";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { ExportCsvLink } from "@/components/tables/export-csv-link";
import { ShipmentsTable } from "@/components/tables/shipments-table";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { stores } from "@/server/db/schema";
import { getOverview } from "@/server/queries/overview";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shipments"))("title") };
}

export default async function ShipmentManagementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/shipments");
  const db = await getDb();
  // The store filter offers the stores that exist, so its allowed values come from the database.
  const storeOptions = await db.select({ id: stores.id, name: stores.name }).from(stores).orderBy(stores.name);
  const spec = { ...shipmentsTable, filters: { ...shipmentsTable.filters!, store: storeOptions.map((s) => s.id) } };
  const state = parseTableState(await searchParams, spec);
  const [page, overview, t] = await Promise.all([
    listShipments(db, state),
    getOverview(db),
    getTranslations("shipments"),
  ]);
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
      <ShipmentsOverview overview={overview} />
      <ShipmentsTable variant="shipments" page={{ ...page, state, spec }} storeOptions={storeOptions} />
    </>
  );
}
