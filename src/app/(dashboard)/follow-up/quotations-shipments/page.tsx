import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { QuotesTable } from "@/components/tables/quotes-table";
import { DraftsTable } from "@/components/tables/drafts-table";
import { StoreReadinessProvider } from "@/components/shipments/store-readiness";
import { retryHoldAction } from "../../shipments/actions";
import { bulkEditParcelsAction, bulkUpdateDraftsAction } from "./actions";
import { SavedViewsBar } from "../../saved-views";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { listQuotes, quotesTable } from "@/server/queries/quotes";
import {
  cachedQuotedCount,
  cachedShipmentCount,
  cachedStageCounts,
  cachedStoreOptions,
  cachedStoreReadiness,
} from "@/server/queries/cached";
import { draftsTable, listDrafts } from "@/server/queries/shipments";

// The Shipments tab listed exactly what Shipment Management lists, with fewer tools (no overview,
// no export, no store filter); it is gone, and its old links open Shipment Management instead.
const TABS = ["quotations", "drafts"] as const;
type Tab = (typeof TABS)[number];

/** An old link to the Shipments tab, as the same view of Shipment Management (filters kept). */
function shipmentsTabRedirect(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "tab" || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, one);
  }
  const search = query.toString();
  return search ? `/shipments?${search}` : "/shipments";
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUp"))("title") };
}

export default async function QuotationsShipmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/follow-up/quotations-shipments");
  const params = await searchParams;
  if (params.tab === "shipments") redirect(shipmentsTabRedirect(params));
  const tab: Tab = TABS.find((name) => name === params.tab) ?? "quotations";
  const db = await getDb();
  const t = await getTranslations("followUp");
  const [stageCounts, quoted, readiness] = await Promise.all([
    cachedStageCounts(db),
    cachedQuotedCount(db),
    cachedStoreReadiness(db),
  ]);
  const counts: Record<Tab, number> = { quotations: quoted, drafts: stageCounts.drafts };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          user.role === "admin" ? (
            <Link href="/follow-up/quotations-shipments/rate-cards" className={buttonClasses("secondary")}>
              {t("rateCardsLink")}
            </Link>
          ) : null
        }
      />
      <div className="mb-4 border-b border-slate-200">
        <nav className="-mb-px flex gap-4 overflow-x-auto whitespace-nowrap sm:gap-6" aria-label={t("tabsLabel")}>
          {TABS.map((name) => (
            <Link
              key={name}
              href={`/follow-up/quotations-shipments?tab=${name}`}
              aria-current={tab === name ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 border-b-2 px-1 pb-3 text-sm font-medium",
                tab === name
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-700",
              )}
            >
              {t(`tabs.${name}`)}
              <span
                className={cn(
                  "rounded-full px-2 py-0.5 text-xs tabular-nums",
                  tab === name ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600",
                )}
              >
                {counts[name]}
              </span>
            </Link>
          ))}
        </nav>
      </div>
      <StoreReadinessProvider facts={readiness} canFix={user.role === "admin"}>
        <TabContent tab={tab} params={params} />
      </StoreReadinessProvider>
    </>
  );
}

async function TabContent({ tab, params }: { tab: Tab; params: SearchParams }) {
  const db = await getDb();
  if (tab === "quotations") {
    const state = parseTableState(params, quotesTable);
    const page = await listQuotes(db, state);
    return (
      <>
        <SavedViewsBar table="quotes" />
        <QuotesTable page={{ ...page, state, spec: quotesTable }} />
      </>
    );
  }
  const state = parseTableState(params, draftsTable);
  const [page, storeOptions] = await Promise.all([listDrafts(db, state, cachedShipmentCount), cachedStoreOptions(db)]);
  return (
    <>
      <SavedViewsBar table="drafts" />
      <DraftsTable
        page={{ ...page, state, spec: draftsTable }}
        bulkUpdate={bulkUpdateDraftsAction}
        editParcels={bulkEditParcelsAction}
        retryHold={retryHoldAction}
        storeOptions={storeOptions}
      />
    </>
  );
}
