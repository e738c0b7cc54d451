import type { Metadata } from "next";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { Alert, PageHeader } from "@/components/ui/card";
import { normalizeShopDomain } from "@/domain/shop-domain";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listStores, storeRowById, storesTable } from "@/server/queries/stores";
import { lastRunsOfStores } from "@/server/queries/sync-runs";
import { ConnectStoreDialog } from "./connect-store-dialog";
import { StoresTable } from "./stores-table";
import { SavedViewsBar } from "../saved-views";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stores"))("title") };
}

/** The outcome of an OAuth round trip, passed back by /auth/callback in the URL. */
function Outcome({ params, t }: { params: SearchParams; t: Awaited<ReturnType<typeof getTranslations<"stores">>> }) {
  const shopOf = (key: string) => normalizeShopDomain(typeof params[key] === "string" ? (params[key] as string) : null);
  const connected = shopOf("connected");
  const reconnected = shopOf("reconnected");
  const cancelled = shopOf("cancelled");
  if (connected) return <Alert tone="success">{t("connectedMessage", { shop: connected })}</Alert>;
  if (reconnected) return <Alert tone="success">{t("reconnectedMessage", { shop: reconnected })}</Alert>;
  if (cancelled) return <Alert tone="info">{t("cancelledMessage", { shop: cancelled })}</Alert>;
  return null;
}

export default async function StoresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/stores");
  const params = await searchParams;
  const state = parseTableState(params, storesTable);
  const isAdmin = user.role === "admin";
  const db = await getDb();
  // ?shipper=<store id> (a readiness flag's link): that store's Shipper details open, for an admin.
  const linked = isAdmin ? z.uuid().safeParse(params.shipper) : null;
  const [page, t, shipperOf] = await Promise.all([
    listStores(db, state),
    getTranslations("stores"),
    linked?.success ? storeRowById(db, linked.data) : undefined,
  ]);
  const lastRuns = await lastRunsOfStores(
    db,
    page.rows.map((row) => row.id),
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={isAdmin ? <ConnectStoreDialog defaultOpen={params.connect === "1"} /> : null}
      />
      <div className="mb-4 empty:hidden">
        <Outcome params={params} t={t} />
        {linked && params.shipper !== undefined && !shipperOf ? (
          <Alert tone="error">{t("shipper.notFound")}</Alert>
        ) : null}
      </div>
      <SavedViewsBar table="stores" />
      <StoresTable
        page={{ ...page, state, spec: storesTable }}
        isAdmin={isAdmin}
        openShipperOf={shipperOf}
        lastRuns={lastRuns}
      />
    </>
  );
}
