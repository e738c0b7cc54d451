// The server actions of the shipments table, handed to it as props by the pages that show it.
import type { ShipmentActions } from "@/components/tables/shipment-dialogs";
import {
  cancelPickupAction,
  generateDocumentsAction,
  reschedulePickupAction,
  retryHoldAction,
  retryTrackingAction,
  schedulePickupAction,
  voidLabelAction,
} from "./actions";
import { recordS10Action } from "./[id]/actions";

export const shipmentActions: ShipmentActions = {
  schedulePickup: schedulePickupAction,
  reschedulePickup: reschedulePickupAction,
  cancelPickup: cancelPickupAction,
  voidLabel: voidLabelAction,
  generateDocuments: generateDocumentsAction,
  retryTracking: retryTrackingAction,
  retryHold: retryHoldAction,
  recordS10: recordS10Action,
};
