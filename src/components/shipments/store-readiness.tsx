"use client";
// Readiness before it bites: a store whose shipper details lack what documents or pickups need is
// flagged on its shipment rows and in an alert above the overview, so nobody learns it from a
// refused "Generate documents". Operators see the flag; admins also get the way to fix it (Stores,
// with the store's Shipper details open). The pages pass what the server knows once, here.
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import type { ShipperField } from "@/domain/shipper-fields";
import type { StoreReadinessFacts, StoreShipperGap } from "@/lib/rows/overview";
import { Badge } from "@/components/ui/badge";
import { FoldOnPhone } from "@/components/ui/fold-on-phone";

interface StoreReadinessValue extends StoreReadinessFacts {
  /** An admin: the flags link to the form that fixes them. */
  canFix: boolean;
}

const StoreReadinessContext = createContext<StoreReadinessValue | null>(null);

export function StoreReadinessProvider({
  facts,
  canFix,
  children,
}: {
  facts: StoreReadinessFacts;
  canFix: boolean;
  children: ReactNode;
}) {
  return <StoreReadinessContext.Provider value={{ ...facts, canFix }}>{children}</StoreReadinessContext.Provider>;
}

/** What the page knows of its stores; null outside a provider (a table shown elsewhere). */
export function useStoreReadiness(): StoreReadinessValue | null {
  return useContext(StoreReadinessContext);
}

/** Where an admin fixes a store's shipper details: Stores, with that store's form open. */
function shipperDetailsHref(storeId: string): string {
  return `/stores?shipper=${encodeURIComponent(storeId)}`;
}

/** "CNPJ and Signatory name", in the page's language. */
function useFieldList() {
  const t = useTranslations("stores.shipper.fields");
  const format = useFormatter();
  return (fields: ShipperField[]) => format.list(fields.map((field) => t(field)));
}

function blockedKey(gap: StoreShipperGap) {
  if (!gap.documents && !gap.pickups) return "both" as const;
  return gap.documents ? ("pickups" as const) : ("documents" as const);
}

/** The flag on a shipment row of a store not ready: shown while documents or a pickup are still ahead. */
export function StoreReadinessFlag({ storeId, status }: { storeId: string; status: string }) {
  const facts = useStoreReadiness();
  const t = useTranslations("readiness");
  const fieldList = useFieldList();
  const gap = facts?.shipperGaps.find((candidate) => candidate.storeId === storeId);
  if (!facts || !gap || status === "shipped" || status === "cancelled") return null;
  const explanation = t("flagTitle", {
    store: gap.storeName,
    fields: fieldList(gap.missing),
    blocked: t(`blocked.${blockedKey(gap)}`),
  });
  const badge = (
    <Badge tone="amber">
      <TriangleAlert className="size-3" aria-hidden />
      {t("flag")}
    </Badge>
  );
  return (
    <div className="mt-1" data-testid="store-readiness-flag">
      {facts.canFix ? (
        <Link
          href={shipperDetailsHref(storeId)}
          className="rounded-full focus-visible:outline-2 focus-visible:outline-brand-500"
          title={explanation}
          aria-label={`${t("flag")}: ${t("fix", { store: gap.storeName })}`}
        >
          {badge}
        </Link>
      ) : (
        // Operators cannot fix it: the explanation (who can, where) is the tooltip.
        <span title={explanation}>{badge}</span>
      )}
    </div>
  );
}

/** Above the overview: which stores lack what, and (for admins) a link to each one's form. */
export function ShipperDetailsAlert() {
  const facts = useStoreReadiness();
  const t = useTranslations("readiness");
  const overview = useTranslations("overview");
  const fieldList = useFieldList();
  if (!facts || facts.shipperGaps.length === 0) return null;
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-amber-900 sm:p-4"
      data-testid="overview-shipper-details"
    >
      <TriangleAlert className="mt-0.5 size-5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1 space-y-1.5">
        {/* On a phone the title alone, the stores one tap away: the table stays on the first screen. */}
        <FoldOnPhone
          heading={<p className="font-medium">{t("alertTitle", { count: facts.shipperGaps.length })}</p>}
          showLabel={overview("show")}
          hideLabel={overview("hide")}
        >
          <ul className="space-y-1 text-sm">
            {facts.shipperGaps.map((gap) => (
              <li key={gap.storeId} className="flex flex-wrap items-baseline gap-x-2">
                <span>
                  {t("alertItem", {
                    store: gap.storeName,
                    fields: fieldList(gap.missing),
                    blocked: t(`blocked.${blockedKey(gap)}`),
                  })}
                </span>
                {facts.canFix ? (
                  <Link
                    href={shipperDetailsHref(gap.storeId)}
                    className="font-medium text-amber-950 underline underline-offset-2 hover:text-amber-700"
                    aria-label={t("fix", { store: gap.storeName })}
                  >
                    {t("complete")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          {facts.canFix ? null : <p className="text-sm">{t("operatorHint")}</p>}
        </FoldOnPhone>
      </div>
    </div>
  );
}
