// What the service tests need around the fake carriers: labels that are real documents (a 4×6 PDF
// page naming the tracking number, or a ZPL job), so merged downloads can be read back; and parcels
// with dimensions, which every carrier API needs (synced Shopify orders carry weights only).
import { inArray } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import type { PurchasedShipment } from "@/server/carriers/api";
import type { Db } from "@/server/db/client";
import { shipments } from "@/server/db/schema";
import type { FakeCarrier } from "./fake-carrier";

async function pdfLabel(trackingNumber: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([288, 432]);
  page.drawText(`LABEL ${trackingNumber}`, { x: 20, y: 400, size: 12 });
  return doc.save();
}

/** The ZPL the fake issues for a tracking number. */
export const zplLabel = (trackingNumber: string) => `^XA^FO50,50^FD${trackingNumber}^FS^XZ`;

/** The fake issues real labels: a one-page 4×6 PDF ("LABEL <tracking>") or a ZPL job. */
export function withRealLabels(fake: FakeCarrier): FakeCarrier {
  const create = fake.createShipment.bind(fake);
  fake.createShipment = async (shipment, options) => {
    const bought: PurchasedShipment = await create(shipment, options);
    // The same object is kept in fake.sold, so a later lookup finds these bytes too.
    bought.label.bytes =
      options.labelFormat === "pdf"
        ? await pdfLabel(bought.trackingNumber)
        : new TextEncoder().encode(zplLabel(bought.trackingNumber));
    return bought;
  };
  return fake;
}

/** Gives every parcel of the shipments dimensions (30 × 20 × 10 cm). */
export async function giveDimensions(db: Db, shipmentIds: string[]) {
  const rows = await db.select().from(shipments).where(inArray(shipments.id, shipmentIds));
  for (const row of rows) {
    await db
      .update(shipments)
      .set({ parcels: row.parcels.map((parcel) => ({ ...parcel, lengthCm: 30, widthCm: 20, heightCm: 10 })) })
      .where(inArray(shipments.id, [row.id]));
  }
}
