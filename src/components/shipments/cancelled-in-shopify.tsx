"use client";
// An order cancelled in Shopify after its pickup was booked or its documents issued: the red flag
// on its row (when, and the way out), and the confirmation of the "Void label" way out.
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { FormAction } from "@/lib/action-result";
import { carrierName } from "@/domain/carrier-registry";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import type { ShipmentRow } from "@/lib/rows/shipments";

/** The way out of a flag, or null once the shipment is cancelled here. */
export function cancellationWayOut(row: ShipmentRow): "voidLabel" | "cancelPickup" | "returnShipment" | null {
  if (!row.cancelledInShopifyAt || row.status === "cancelled") return null;
  if (row.status === "shipped") return "returnShipment";
  if (row.documentsGeneratedAt) return "voidLabel";
  return row.status === "pickup_scheduled" && row.pickupId ? "cancelPickup" : null;
}

export function CancelledInShopifyFlag({ row }: { row: ShipmentRow }) {
  const t = useTranslations("cancelledInShopify");
  const format = useFormatter();
  if (!row.cancelledInShopifyAt) return null;
  const date = format.dateTime(row.cancelledInShopifyAt, { dateStyle: "medium", timeStyle: "short" });
  const wayOut = cancellationWayOut(row);
  return (
    <div className="mt-1 max-w-60 space-y-0.5" data-testid="cancelled-in-shopify-flag">
      <Badge tone={wayOut ? "red" : "gray"}>{t("flag")}</Badge>
      <p className={wayOut ? "text-xs text-red-700" : "text-xs text-slate-500"}>
        {t("flagDate", { date })} {wayOut ? t(`wayOut.${wayOut}`, { carrier: carrierName(row.carrier) ?? "—" }) : null}
      </p>
    </div>
  );
}

export interface VoidTarget {
  shipmentId: string;
  order: string;
  carrier: string;
  trackingNumber: string;
  pickupConfirmation: string | null;
  /** Its order was cancelled in Shopify: the shipment ends cancelled (else it goes back to Ready). */
  cancelledInShopify: boolean;
  /** A Shopify fulfillment was created for the label: it is cancelled too. */
  fulfilledInShopify: boolean;
}

function VoidForm({
  target,
  voidLabel,
  onClose,
  onDone,
}: {
  target: VoidTarget;
  voidLabel: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("cancelledInShopify");
  const labels = useTranslations("labels");
  const [state, action, pending] = useActionState(voidLabel, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="shipmentId" value={target.shipmentId} />
      {state?.ok === false ? <Alert tone="error">{state.formError}</Alert> : null}
      <p className="text-sm text-slate-700">
        {target.cancelledInShopify
          ? t("voidBody", { order: target.order, carrier: target.carrier, tracking: target.trackingNumber })
          : labels("voidBody", { carrier: target.carrier, tracking: target.trackingNumber })}
      </p>
      {target.pickupConfirmation ? (
        <p className="text-sm text-slate-700">{t("voidPickup", { confirmation: target.pickupConfirmation })}</p>
      ) : null}
      {target.fulfilledInShopify ? <p className="text-sm text-slate-700">{labels("voidShopify")}</p> : null}
      {target.cancelledInShopify ? <p className="text-sm text-slate-500">{t("voidKeeps")}</p> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t("keep")}
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("voidConfirm")}
        </Button>
      </div>
    </form>
  );
}

export function VoidLabelDialog({
  target,
  voidLabel,
  onClose,
  onDone,
}: {
  target: VoidTarget | null;
  /** The server action, passed down from the route. */
  voidLabel: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("cancelledInShopify");
  const common = useTranslations("common");
  return (
    <Dialog open={!!target} onClose={onClose} title={t("voidTitle")} closeLabel={common("close")}>
      {target ? <VoidForm target={target} voidLabel={voidLabel} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}
