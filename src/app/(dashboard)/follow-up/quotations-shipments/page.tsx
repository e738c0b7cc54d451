import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { PageHeader } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { QuotesTable } from "@/components/tables/quotes-table";
import { DraftsTable } from "@/components/tables/drafts-table";
import { ShipmentsTable } from "@/components/tables/shipments-table";
import { shipmentActions } from "../../shipments/table-actions";
import { bulkUpdateDraftsAction } from "./actions";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { countQuotes, listQuotes, quotesTable } from "@/server/queries/quotes";
import { listStoreOptions } from "@/server/queries/stores";
import {
  countShipmentsByStage,
  draftsTable,
  listDrafts,
  listShipments,
  shipmentsTable,
} from "@/server/queries/shipments";

const TABS = ["quotations", "shipments", "drafts"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUp"))("title") };
}

export default async function QuotationsShipmentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/follow-up/quotations-shipments");
  const params = await searchParams;
  const tab: Tab = TABS.find((name) => name === params.tab) ?? "quotations";
  const db = await getDb();
  const t = await getTranslations("followUp");
  const [stageCounts, quoteCount] = await Promise.all([countShipmentsByStage(db), countQuotes(db)]);
  const counts: Record<Tab, number> = {
    quotations: quoteCount,
    shipments: stageCounts.shipments,
    drafts: stageCounts.drafts,
  };

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
      <TabContent tab={tab} params={params} />
    </>
  );
}

async function TabContent({ tab, params }: { tab: Tab; params: SearchParams }) {
  const db = await getDb();
  if (tab === "quotations") {
    const state = parseTableState(params, quotesTable);
    const page = await listQuotes(db, state);
    return <QuotesTable page={{ ...page, state, spec: quotesTable }} />;
  }
  if (tab === "drafts") {
    const state = parseTableState(params, draftsTable);
    const [page, storeOptions] = await Promise.all([listDrafts(db, state), listStoreOptions(db)]);
    return (
      <DraftsTable
        page={{ ...page, state, spec: draftsTable }}
        bulkUpdate={bulkUpdateDraftsAction}
        storeOptions={storeOptions}
      />
    );
  }
  const state = parseTableState(params, shipmentsTable);
  const page = await listShipments(db, state);
  return <ShipmentsTable page={{ ...page, state, spec: shipmentsTable }} actions={shipmentActions} />;
}
