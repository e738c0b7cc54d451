"use client";
// Beside a store's status: its shipper details lack what documents or pickups need (shipperReadiness),
// what exactly, and for an admin the button that opens Shipper details to complete them.
import { TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { StoreRow } from "@/server/queries/stores";

export function ShipperReadinessNote({ store, onFix }: { store: StoreRow; onFix?: () => void }) {
  const t = useTranslations();
  const format = useFormatter();
  const { missing } = store.readiness;
  if (missing.length === 0 || store.status === "uninstalled") return null;
  const fields = format.list(missing.map((field) => t(`stores.shipper.fields.${field}`)));
  return (
    <div className="max-w-52 space-y-0.5" data-testid="store-shipper-readiness">
      <Badge tone="amber">
        <TriangleAlert className="size-3" aria-hidden />
        {t("readiness.flag")}
      </Badge>
      <p className="text-xs text-amber-800">
        {t("stores.readiness.missing", { fields })}{" "}
        {onFix ? (
          <button
            type="button"
            onClick={onFix}
            className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-brand-500"
            aria-label={t("readiness.fix", { store: store.name })}
          >
            {t("stores.readiness.complete")}
          </button>
        ) : (
          t("stores.readiness.needsAdmin")
        )}
      </p>
    </div>
  );
}
