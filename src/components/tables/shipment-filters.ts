"use client";
// The toolbar filters of the two shipment tables: each names the values the table's spec accepts
// (the spec, not this file, lists them).
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { FilterConfig } from "@/components/data-table/toolbar";
import { carrierName } from "@/domain/carrier-registry";
import { translateOr } from "@/i18n/message-keys";

export type StoreOption = { id: string; name: string };

/** The name of a country in the interface's language. */
export function useRegionName() {
  const locale = useLocale();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    return (code: string | null) => (code ? (names.of(code) ?? code) : null);
  }, [locale]);
}

/** The filters of Shipment Management (`management`) or Incomplete (`drafts`), in toolbar order. */
export function useShipmentFilters(table: "management" | "drafts", storeOptions: StoreOption[]): FilterConfig[] {
  const t = useTranslations("shipments");
  const common = useTranslations();
  const regionName = useRegionName();
  return useMemo(() => {
    const status: FilterConfig = {
      id: "status",
      label: t("columns.status"),
      optionLabel: (value) => translateOr(common, `status.shipment.${value}`, value),
    };
    const carrier: FilterConfig = {
      id: "carrier",
      label: t("columns.carrier"),
      optionLabel: (value) => carrierName(value) ?? value,
    };
    const pickup: FilterConfig = {
      id: "pickup",
      label: t("columns.pickup"),
      optionLabel: (bucket) => translateOr(t, `pickupBuckets.${bucket}`, bucket),
    };
    const attention: FilterConfig = {
      id: "attention",
      label: common("cancelledInShopify.filterLabel"),
      optionLabel: () => common("cancelledInShopify.filterOption"),
    };
    const tracking: FilterConfig = {
      id: "tracking",
      label: t("columns.tracking"),
      optionLabel: (value) => translateOr(common, `tracking.statuses.${value}`, value),
    };
    const missing: FilterConfig = {
      id: "missing",
      label: t("columns.missing"),
      optionLabel: (field) => translateOr(common, `fields.${field}`, field),
    };
    const destination: FilterConfig = {
      id: "destination",
      label: t("columns.destination"),
      optionLabel: (code) => regionName(code) ?? code,
    };
    // Offered when there is a choice to make.
    const store: FilterConfig[] =
      storeOptions.length > 1
        ? [
            {
              id: "store",
              label: t("columns.store"),
              options: storeOptions.map((option) => ({ value: option.id, label: option.name })),
            },
          ]
        : [];
    return table === "management"
      ? [status, tracking, carrier, pickup, attention, destination, ...store]
      : [carrier, missing, destination, ...store];
  }, [table, storeOptions, t, common, regionName]);
}
