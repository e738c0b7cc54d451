"use client";
// What both shipment tables show when nothing matches: the orders come from a store's sync.
import { Truck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

export function ShipmentsEmptyState({ title, description }: { title: string; description: string }) {
  const t = useTranslations("shipments");
  return (
    <EmptyState
      icon={<Truck className="size-6" aria-hidden />}
      title={title}
      description={description}
      action={
        <Link href="/stores" className={buttonClasses("secondary")}>
          {t("goToStores")}
        </Link>
      }
    />
  );
}
