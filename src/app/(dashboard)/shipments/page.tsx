import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { ShipmentsOverview } from "@/components/shipments/overview";
import { StoreReadinessProvider } from "@/components/shipments/store-readiness";
import { PageHeader } from "@/components/ui/card";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { ExportCsvLink } from "@/components/tables/export-csv-link";
import { ShipmentsTable } from "@/components/tables/shipments-table";
import { requireUser } from "@/server/auth/session";
import { shipmentActions } from "./table-actions";
import { SavedViewsBar } from "../saved-views";
import { getDb } from "@/server/db/client";
import {
  cachedHiddenCancelled,
  cachedOverview,
  cachedPickupCalendars,
  cachedShipmentCount,
  cachedStoreOptions,
} from "@/server/queries/cached";
import { listShipments, shipmentsTable } from "@/server/queries/shipments";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shipments"))("title") };
}

export default async function ShipmentManagementPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/shipments");
  const db = await getDb();
  const state = parseTableState(await searchParams, shipmentsTable);
  const [page, hiddenCancelled, storeOptions, overview, calendars, t] = await Promise.all([
    listShipments(db, state, cachedShipmentCount),
    cachedHiddenCancelled(db, state),
    cachedStoreOptions(db),
    cachedOverview(db),
    cachedPickupCalendars(db),
    getTranslations("shipments"),
  ]);
  return (
    <StoreReadinessProvider facts={overview.readiness} canFix={user.role === "admin"}>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <ExportCsvLink rowCount={page.rowCount} />
            <SyncOrdersButton />
          </>
        }
      />
      <ShipmentsOverview overview={overview} now={new Date()} />
      <SavedViewsBar table="shipments" />
      <ShipmentsTable
        actions={shipmentActions}
        page={{ ...page, state, spec: shipmentsTable }}
        storeOptions={storeOptions}
        pickupCalendars={calendars}
        hiddenCancelled={hiddenCancelled}
      />
    </StoreReadinessProvider>
  );
}
