"use client";
// A draft's fulfillment hold in Shopify, in the Incomplete (Drafts) table: on hold (the notes
// Shopify shows, on hover and to screen readers), queued, failed with its reason and a Retry, or
// nothing to hold (Shopify fulfilled the order already).
import { PauseCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { translateOr } from "@/i18n/message-keys";
import type { FormAction } from "@/lib/action-result";
import type { ShipmentRow } from "@/lib/rows/shipments";
import { RetryForm } from "./retry-form";

type HoldRow = Pick<
  ShipmentRow,
  "id" | "orderName" | "status" | "holdState" | "holdNotes" | "holdError" | "shopifyFulfillment"
>;

export function HoldCell({ row, retry }: { row: HoldRow; retry: FormAction }) {
  const t = useTranslations("holds");
  const [state, action, pending] = useActionState(retry, null);
  if (row.holdState === "held") {
    return (
      <Badge tone="blue">
        <PauseCircle className="size-3.5 shrink-0" aria-hidden />
        <span title={row.holdNotes ?? undefined}>{t("held")}</span>
        <span className="sr-only">{row.holdNotes}</span>
      </Badge>
    );
  }
  if (row.holdState === "pending") return <Badge tone="gray">{t("pending")}</Badge>;
  // Shopify has nothing left to ship on a draft whose order it fulfilled: there is nothing to hold.
  if (row.holdState === null && row.status === "draft" && row.shopifyFulfillment === "FULFILLED") {
    return <span className="text-xs text-slate-500">{t("fulfilledInShopify")}</span>;
  }
  if (row.holdState !== "failed") return null;
  const reason = row.holdError && translateOr(t, `errors.${row.holdError.split(":")[0]}`, row.holdError);
  return (
    <div className="flex flex-wrap items-center gap-1" data-testid="hold-failed">
      <Badge tone="red">{t("failed")}</Badge>
      <RetryForm
        shipmentId={row.id}
        action={action}
        pending={pending}
        label={t("retryOrder", { order: row.orderName })}
        text={t("retry")}
      />
      {reason ? <p className="w-full max-w-56 text-xs text-red-700">{reason}</p> : null}
      {state?.ok === false && state.formError ? (
        <p role="alert" className="w-full max-w-56 text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
    </div>
  );
}
