import "server-only";
// "Record S10 code": Correios has no API we call, so a Correios shipment's tracking code comes
// from the agency receipt the operator holds. Once recorded — checked against the shipment,
// issued documents first, at most once, never a code another shipment already has — the shipment
// is shipped and its tracking waits to be written back to Shopify (fulfillment.ts sends it).
// Correios parcels are not polled (services/tracking claims UPS, FedEx and DHL Express only).
import { and, eq, ne, sql } from "drizzle-orm";
import { s10Problem } from "@/domain/correios-s10";
import { normalizeTrackingNumber } from "@/domain/tracking";
import type { Db } from "../db/client";
import { orders, shipments } from "../db/schema";
import { AppError } from "../errors";
import { recordAudit } from "../queries/audit";

export async function recordCorreiosTracking(
  db: Db,
  input: { shipmentId: string; code: string },
  actorId: string,
): Promise<{ order: string; trackingNumber: string }> {
  // The form schema normalises and checks it already; a service caller gets the same rule.
  const code = normalizeTrackingNumber(String(input.code).slice(0, 40));
  const problem = s10Problem(code);
  if (problem) throw new AppError(problem, "code");
  return db.transaction(async (tx) => {
    const [shipment] = await tx
      .select({
        id: shipments.id,
        carrier: shipments.carrier,
        status: shipments.status,
        trackingNumber: shipments.trackingNumber,
        documentsGeneratedAt: shipments.documentsGeneratedAt,
        order: orders.name,
      })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(shipments.id, input.shipmentId))
      .for("update", { of: shipments });
    if (!shipment) throw new AppError("errors.notFound");
    if (shipment.carrier !== "correios") throw new AppError("correios.errors.notCorreios");
    if (shipment.status === "cancelled") throw new AppError("correios.errors.cancelled");
    if (!shipment.documentsGeneratedAt) throw new AppError("correios.errors.documentsFirst");
    if (shipment.trackingNumber) {
      throw new AppError("correios.errors.alreadyRecorded", undefined, { code: shipment.trackingNumber });
    }
    const [taken] = await tx
      .select({ order: orders.name })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(and(eq(shipments.trackingNumber, code), eq(shipments.carrier, "correios"), ne(shipments.id, shipment.id)))
      .limit(1);
    if (taken) throw new AppError("correios.errors.codeInUse", "code", { order: taken.order });
    await tx
      .update(shipments)
      .set({
        trackingNumber: code,
        status: "shipped",
        fulfillmentState: "pending",
        fulfillmentError: null,
        updatedBy: actorId,
        version: sql`${shipments.version} + 1`,
      })
      .where(eq(shipments.id, shipment.id));
    await recordAudit(tx, {
      actorId,
      action: "shipment.s10_recorded",
      entityType: "shipment",
      entityId: shipment.id,
      before: { status: shipment.status, trackingNumber: null },
      after: { status: "shipped", trackingNumber: code },
    });
    return { order: shipment.order, trackingNumber: code };
  });
}
