"use client";
// The dialogs Shipment Management opens from a row or the selection — schedule or reschedule a
// pickup, cancel a pickup, void a label — and which one is open, for which shipments.
import { useCallback, useMemo, useState } from "react";
import { CancelPickupDialog, type CancelTarget } from "@/components/shipments/cancel-pickup-dialog";
import { VoidLabelDialog, type VoidTarget } from "@/components/shipments/cancelled-in-shopify";
import { PickupDialog, type PickupTarget } from "@/components/shipments/pickup-dialog";
import { carrierName } from "@/domain/carrier-registry";
import type { FormAction } from "@/lib/action-result";
import type { PickupCalendar } from "@/lib/rows/pickup-calendar";
import type { ShipmentRow } from "@/lib/rows/shipments";

/** The server actions of Shipment Management, passed down from the route. */
export interface ShipmentActions {
  schedulePickup: FormAction;
  reschedulePickup: FormAction;
  cancelPickup: FormAction;
  voidLabel: FormAction;
  generateDocuments: FormAction<{ downloadUrl: string; failures: string[] }>;
  retryTracking: FormAction;
  retryHold: FormAction;
  recordS10: FormAction;
}

interface Targets {
  pickup: PickupTarget | null;
  cancel: CancelTarget | null;
  void: VoidTarget | null;
}

const NONE: Targets = { pickup: null, cancel: null, void: null };

/** Openers for the row and bulk actions, and the open dialog's target. */
export function useShipmentDialogs() {
  const [targets, setTargets] = useState<Targets>(NONE);
  const open = useMemo(
    () => ({
      schedule: (rows: ShipmentRow[]) =>
        setTargets({
          ...NONE,
          pickup: {
            mode: "schedule",
            ids: rows.map((row) => row.id),
            storeIds: [...new Set(rows.map((row) => row.storeId))],
            carriers: [...new Set(rows.map((row) => carrierName(row.carrier) ?? "—"))],
          },
        }),
      reschedule: (row: ShipmentRow) =>
        setTargets({
          ...NONE,
          pickup: {
            mode: "reschedule",
            pickupId: row.pickupId!,
            storeIds: [row.storeId],
            carrier: carrierName(row.carrier) ?? "—",
            confirmation: row.pickupConfirmation ?? "",
            date: row.pickupDate ?? "",
            readyTime: row.pickupReadyTime ?? "09:00",
            closeTime: row.pickupCloseTime ?? "17:00",
          },
        }),
      cancelPickup: (row: ShipmentRow) =>
        setTargets({
          ...NONE,
          cancel: { pickupId: row.pickupId!, confirmation: row.pickupConfirmation ?? "", date: row.pickupDate ?? "" },
        }),
      voidLabel: (row: ShipmentRow) =>
        setTargets({
          ...NONE,
          void: {
            shipmentId: row.id,
            order: row.orderName,
            carrier: carrierName(row.carrier) ?? "—",
            trackingNumber: row.trackingNumber ?? "",
            pickupConfirmation: row.status === "pickup_scheduled" ? row.pickupConfirmation : null,
            cancelledInShopify: !!row.cancelledInShopifyAt,
            fulfilledInShopify: row.fulfillmentState === "created",
          },
        }),
    }),
    [],
  );
  const close = useCallback(() => setTargets(NONE), []);
  return { targets, open, close };
}

export function ShipmentDialogs({
  targets,
  close,
  calendars,
  actions,
  onDone,
}: {
  targets: Targets;
  close: () => void;
  calendars: Record<string, PickupCalendar>;
  actions: ShipmentActions;
  /** After an action succeeded: its message (the dialog closes itself). */
  onDone: (message: string) => void;
}) {
  const done = useCallback(
    (message: string) => {
      close();
      onDone(message);
    },
    [close, onDone],
  );
  const pickupActions = useMemo(
    () => ({ schedule: actions.schedulePickup, reschedule: actions.reschedulePickup }),
    [actions.schedulePickup, actions.reschedulePickup],
  );
  return (
    <>
      <PickupDialog
        target={targets.pickup}
        calendars={calendars}
        actions={pickupActions}
        onClose={close}
        onDone={done}
      />
      <CancelPickupDialog target={targets.cancel} cancelPickup={actions.cancelPickup} onClose={close} onDone={done} />
      <VoidLabelDialog target={targets.void} voidLabel={actions.voidLabel} onClose={close} onDone={done} />
    </>
  );
}
