"use client";
import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClasses } from "../ui/button";

/** Downloads exactly what the table shows: the same search, filters and order, every page. */
export function ExportCsvLink() {
  const t = useTranslations("shipments");
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete("page");
  params.delete("perPage");
  const query = params.toString();
  return (
    <a href={`/shipments/export.csv${query ? `?${query}` : ""}`} className={buttonClasses("secondary")} download>
      <Download className="size-4" aria-hidden />
      {t("exportCsv")}
    </a>
  );
}
