import "server-only";
// "Void label": the way out for a shipment whose documents are issued but that must not leave
// (its order was cancelled in Shopify). The carrier is asked first — the pickup, then the label —
// and the database changes only after both confirm; a refused void books the cancelled pickup
// again, so a carrier failure leaves the shipment as it was. The issued documents are kept.
import { and, eq, inArray, sql } from "drizzle-orm";
import { CARRIERS, isCarrier, type Carrier } from "@/domain/carrier-registry";
import type { Messages } from "@/i18n/message-keys";
import { CarrierError, type CarrierAdapter } from "../carriers/types";
import type { Db } from "../db/client";
import { pickups, shipments } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";
import { shipmentCountOnPickup, shipmentWithScheduledPickup } from "../queries/pickups";
import { cancelledPickup, cancelledShipment, pickupBooking } from "./pickups";

export interface VoidDeps {
  db: Db;
  carriers: CarrierAdapter;
}

type CarrierErrorMessage = keyof Messages["cancelledInShopify"]["carrierErrors"];
const KNOWN_CARRIER_ERRORS = new Set<string>(["unknownShipment", "alreadyVoided", "inTransit", "unavailable"]);

const isKnownCarrierError = (code: string): code is CarrierErrorMessage => KNOWN_CARRIER_ERRORS.has(code);

/** A carrier's refusal as a translated error that names the carrier and its reason. */
function carrierRefusal(error: unknown, carrier: Carrier, order: string): AppError {
  const code = error instanceof CarrierError && isKnownCarrierError(error.code) ? error.code : "unavailable";
  return new AppError(`cancelledInShopify.carrierErrors.${code}`, undefined, {
    carrier: CARRIERS[carrier].name,
    order,
  });
}

async function loadShipment(db: Db, shipmentId: string) {
  const row = await shipmentWithScheduledPickup(db, shipmentId);
  if (!row) throw new AppError("errors.notFound");
  const { shipment, orderName: order } = row;
  if (shipment.status === "shipped")
    throw new AppError("cancelledInShopify.errors.alreadyShipped", undefined, { order });
  if (shipment.status !== "ready" && shipment.status !== "pickup_scheduled") {
    throw new AppError("cancelledInShopify.errors.notVoidable", undefined, { order });
  }
  if (!shipment.documentsGeneratedAt || !shipment.trackingNumber || !isCarrier(shipment.carrier)) {
    throw new AppError("cancelledInShopify.errors.noLabel", undefined, { order });
  }
  return { ...row, carrier: shipment.carrier as Carrier, trackingNumber: shipment.trackingNumber };
}

/**
 * Voids the label of one shipment and cancels the shipment. Its pickup is cancelled at the carrier
 * when it collects only this shipment; a pickup shared with others stays booked for them.
 */
export async function voidLabel(deps: VoidDeps, shipmentId: string, actorId: string) {
  const { shipment, orderName: order, pickup, carrier, trackingNumber } = await loadShipment(deps.db, shipmentId);
  const pickupAlone = pickup ? (await shipmentCountOnPickup(deps.db, pickup.id)) <= 1 : false;
  let confirmationNumber = pickup?.confirmationNumber ?? null;
  if (pickup && pickupAlone) {
    await deps.carriers
      .cancelPickup(carrier, pickup.confirmationNumber, pickup.pickupDate)
      .catch((error: unknown) => Promise.reject(carrierRefusal(error, carrier, order)));
  }
  try {
    await deps.carriers.voidShipment(carrier, trackingNumber);
  } catch (error) {
    if (pickup && pickupAlone) {
      // The label stands, so the shipment still leaves: its pickup is booked again, same window.
      const window = { date: pickup.pickupDate, readyTime: pickup.readyTime, closeTime: pickup.closeTime };
      const rebooked = await deps.carriers.schedulePickup(
        await pickupBooking(deps.db, shipment.storeId, [shipment], carrier, window),
      );
      confirmationNumber = rebooked.confirmationNumber;
      await deps.db
        .update(pickups)
        .set({ confirmationNumber, updatedAt: sql`now()` })
        .where(eq(pickups.id, pickup.id));
    }
    throw carrierRefusal(error, carrier, order);
  }
  return deps.db.transaction(async (tx) => {
    if (pickup && pickupAlone) {
      await tx.update(pickups).set(cancelledPickup(actorId)).where(eq(pickups.id, pickup.id));
    }
    const [cancelled] = await tx
      .update(shipments)
      .set(cancelledShipment(actorId))
      .where(and(eq(shipments.id, shipment.id), inArray(shipments.status, ["ready", "pickup_scheduled"])))
      .returning({ id: shipments.id });
    // Someone moved the shipment since it was read; the label is voided at the carrier all the same.
    if (!cancelled) throw new AppError("cancelledInShopify.errors.changedMeanwhile", undefined, { order });
    await recordAudit(tx, {
      actorId,
      action: "shipment.label_voided",
      entityType: "shipment",
      entityId: shipment.id,
      before: { status: shipment.status, pickupConfirmation: confirmationNumber },
      after: {
        status: "cancelled",
        carrier,
        trackingNumber,
        pickupCancelled: pickup && pickupAlone ? pickup.confirmationNumber : null,
      },
    });
    return { order, trackingNumber, pickupCancelled: !!(pickup && pickupAlone) };
  });
}
