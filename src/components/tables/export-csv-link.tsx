"use client";
import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { buttonClasses } from "../ui/button";
import { cn } from "../ui/cn";

/**
 * Downloads exactly what the table shows: the same search, filters and order, every page. With no
 * row in the view there is nothing to download: the button stays, disabled, saying why.
 */
export function ExportCsvLink({ rowCount }: { rowCount: number }) {
  const t = useTranslations("shipments");
  const reasonId = useId();
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete("page");
  params.delete("perPage");
  const query = params.toString();
  if (rowCount === 0) {
    return (
      // aria-disabled rather than disabled: it stays focusable, so the reason can be read.
      <button
        type="button"
        aria-disabled="true"
        title={t("exportCsvEmpty")}
        aria-describedby={reasonId}
        className={cn(buttonClasses("secondary"), "cursor-not-allowed text-slate-400 hover:bg-white")}
        data-testid="export-csv"
      >
        <Download className="size-4" aria-hidden />
        {t("exportCsv")}
        {/* Hidden, yet read as the button's description (aria-describedby reads hidden text). */}
        <span id={reasonId} hidden>
          {t("exportCsvEmpty")}
        </span>
      </button>
    );
  }
  return (
    <a
      href={`/shipments/export.csv${query ? `?${query}` : ""}`}
      className={buttonClasses("secondary")}
      download
      data-testid="export-csv"
    >
      <Download className="size-4" aria-hidden />
      {t("exportCsv")}
    </a>
  );
}
