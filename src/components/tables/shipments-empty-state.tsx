"use client";
// What both shipment tables show when there is nothing at all: the orders come from a store's
// sync, so the way forward is "Sync Orders" once a store is connected, "Connect a store" before.
import { Truck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useStoreReadiness } from "@/components/shipments/store-readiness";
import { SyncOrdersButton } from "@/components/sync/sync-provider";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

export function ShipmentsEmptyState({ title, description }: { title: string; description: string }) {
  const t = useTranslations("shipments");
  const stores = useStoreReadiness();
  let action;
  if (!stores) {
    // A page that does not say what it knows of the stores: Stores has both ways forward.
    action = (
      <Link href="/stores" className={buttonClasses("secondary")}>
        {t("goToStores")}
      </Link>
    );
  } else if (stores.connectedStores > 0) {
    action = <SyncOrdersButton />;
  } else if (stores.canFix) {
    action = (
      <Link href="/stores?connect=1" className={buttonClasses("primary")}>
        {t("connectStore")}
      </Link>
    );
  } else {
    action = <p className="max-w-md text-sm text-slate-600">{t("noStoresOperator")}</p>;
  }
  return (
    <EmptyState
      icon={<Truck className="size-6" aria-hidden />}
      title={title}
      description={description}
      action={action}
    />
  );
}
