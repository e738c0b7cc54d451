"use client";
// Shown while shipments are selected: pickup, documents and their downloads for all of them.
import { CalendarPlus, Download, FileText, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { CurrentLabelFormat } from "@/components/shell/label-format-setting";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ShipmentRow } from "@/lib/rows/shipments";
import { documentsUrl } from "./shipment-cells";

export function ShipmentsBulkBar({
  selected,
  generate,
  generating,
  onSchedule,
  onClear,
}: {
  selected: ShipmentRow[];
  generate: (formData: FormData) => void;
  generating: boolean;
  onSchedule: () => void;
  onClear: () => void;
}) {
  const t = useTranslations();
  if (selected.length === 0) return null;
  const issued = selected.filter((row) => row.documentsGeneratedAt).map((row) => row.id);
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm"
      data-testid="shipments-bulk-bar"
    >
      <span className="mr-2 font-medium text-brand-900">{t("shipments.bulkTitle", { count: selected.length })}</span>
      <Button size="sm" variant="secondary" onClick={onSchedule}>
        <CalendarPlus className="size-4" aria-hidden />
        {t("pickups.title")}
      </Button>
      <form action={generate}>
        {selected.map((row) => (
          <input key={row.id} type="hidden" name="ids" value={row.id} />
        ))}
        <Button type="submit" size="sm" variant="secondary" disabled={generating}>
          <FileText className="size-4" aria-hidden />
          {generating ? t("common.saving") : t("documents.generate")}
        </Button>
      </form>
      <CurrentLabelFormat />
      {issued.length > 0 ? (
        <span className="flex flex-wrap items-center gap-1">
          <a href={documentsUrl(issued)} className={buttonClasses("secondary", "sm")} download>
            <Download className="size-4" aria-hidden />
            {t("documents.downloadAll")}
          </a>
          <a href={documentsUrl(issued, "labels", "pdf")} className={buttonClasses("ghost", "sm")} download>
            {t("labels.downloadLabelsPdf")}
          </a>
          <a href={documentsUrl(issued, "labels", "zpl")} className={buttonClasses("ghost", "sm")} download>
            {t("labels.downloadLabelsZpl")}
          </a>
          <a href={documentsUrl(issued, "invoices")} className={buttonClasses("ghost", "sm")} download>
            {t("documents.downloadInvoices")}
          </a>
          <a href={documentsUrl(issued, "packing-slips")} className={buttonClasses("ghost", "sm")} download>
            {t("labels.downloadSlips")}
          </a>
          <a href={documentsUrl(issued, "labels+slips", "pdf")} className={buttonClasses("ghost", "sm")} download>
            {t("labels.downloadLabelsSlips")}
          </a>
        </span>
      ) : null}
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
        <X className="size-4" aria-hidden />
        {t("shipments.clearSelection")}
      </Button>
    </div>
  );
}
