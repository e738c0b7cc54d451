import { ArrowLeft, History } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { translateOr } from "@/i18n/message-keys";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ShipmentStatusBadge } from "@/components/status-badges";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { findShipmentForEdit, shipmentHistory } from "@/server/queries/drafts";
import { quotesForShipment } from "@/server/services/quotes";
import { DraftForm } from "./_form/draft-form";
import { QuoteFieldsProvider } from "./_form/quote-fields";
import { QuotesCard } from "./quotes-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drafts"))("title") };
}

export default async function EditDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/follow-up/quotations-shipments/drafts/${id}/edit`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const found = await findShipmentForEdit(db, id);
  if (!found) notFound();
  const [history, quotes, t, format] = await Promise.all([
    shipmentHistory(db, id),
    quotesForShipment(db, id),
    getTranslations(),
    getFormatter(),
  ]);
  const { shipment } = found;
  return (
    <>
      <Link
        href="/follow-up/quotations-shipments?tab=drafts"
        className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden /> {t("followUp.tabs.drafts")}
      </Link>
      <PageHeader
        title={t("drafts.headingByStatus", { status: shipment.status, order: found.orderName })}
        description={t("drafts.subheading", { store: found.storeName, customer: found.customerName ?? "—" })}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <ShipmentStatusBadge status={shipment.status} />
            {/* Everything that happened to this draft: its sync, edits, quotes (the shipment page's log). */}
            <Link href={`/shipments/${shipment.id}#activity`} className={buttonClasses("secondary", "sm")}>
              <History className="size-4" aria-hidden /> {t("activity.link")}
            </Link>
          </div>
        }
      />
      {/* The quotes card points the form at the fields a quote lacks: both read the same provider. */}
      <QuoteFieldsProvider>
        <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
          <DraftForm
            // Picking a quote changes the carrier server-side: the form starts again from the new values.
            key={`${shipment.carrier}:${shipment.service}`}
            shipment={{
              id: shipment.id,
              version: shipment.version,
              status: shipment.status,
              carrier: shipment.carrier,
              service: shipment.service,
              incoterm: shipment.incoterm,
              exportReason: shipment.exportReason,
              storeDefaults: { incoterm: found.storeDefaultIncoterm, exportReason: found.storeDefaultExportReason },
              nfeKey: shipment.nfeKey,
              invoiceNumber: shipment.invoiceNumber,
              invoiceSeries: shipment.invoiceSeries,
              invoiceDate: shipment.invoiceDate,
              missingFields: shipment.missingFields,
              problems: shipment.problems,
              usd: {
                declaredValue: shipment.declaredValue,
                currency: shipment.currency,
                usdCents: shipment.declaredValueUsdCents,
                rate: shipment.exchangeRate,
              },
              recipient: { ...shipment.recipient },
              items: shipment.customsItems.map((item) => ({ ...item })),
              parcel: { ...shipment.parcels[0] },
            }}
          />
          <div className="space-y-6">
            <QuotesCard
              shipmentId={shipment.id}
              version={shipment.version}
              quotes={quotes}
              chosenQuoteId={shipment.chosenQuoteId}
            />
            <Card className="h-fit p-4">
              <h2 className="mb-3 text-sm font-semibold text-slate-900">{t("drafts.history")}</h2>
              {history.length === 0 ? (
                <p className="text-sm text-slate-500">{t("drafts.noHistory")}</p>
              ) : (
                <ol className="space-y-3 text-sm" data-testid="draft-history">
                  {history.map((event) => (
                    <li key={event.id}>
                      <div className="font-medium text-slate-800">
                        {translateOr(t, `drafts.events.${event.action.replace(".", "_")}`, event.action)}
                      </div>
                      <div className="text-xs text-slate-500">
                        {event.actor ?? t("drafts.system")} ·{" "}
                        {format.dateTime(event.at, { dateStyle: "short", timeStyle: "short" })}
                      </div>
                      {event.before && Object.keys(event.before as object).length > 0 ? (
                        <div className="mt-1 text-xs text-slate-600">
                          {Object.keys(event.before as object)
                            .map((field) => translateOr(t, `drafts.changedFields.${field}`, field))
                            .join(", ")}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
          </div>
        </div>
      </QuoteFieldsProvider>
    </>
  );
}
