// The invoice's figures: per-line subtotals and the totals below the table, in integer cents and
// grams so every sum is exact (customs compare the weights and quantities with the NF-e and the AWB).

import { toGrams } from "./format";
import { parseCents } from "./money";
import type { ShippingDocumentData } from "./types";

interface InvoiceLineFigures {
  unitCents: number;
  subtotalCents: number;
  /** Null when the line has no unit weight. */
  unitGrams: number | null;
}

export interface InvoiceTotals {
  lines: InvoiceLineFigures[];
  /** Packages in the shipment (parcels), not items. */
  pieces: number;
  quantity: number;
  /** Σ quantity × unit weight; null when any line lacks a weight, since a partial sum would understate it. */
  netGrams: number | null;
  /** Σ parcel weights. */
  grossGrams: number;
  subtotalCents: number;
  freightCents: number;
  insuranceCents: number;
  otherChargesCents: number;
  totalCents: number;
}

export function computeInvoiceTotals(data: ShippingDocumentData): InvoiceTotals {
  const lines = data.lines.map((line): InvoiceLineFigures => {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new RangeError(`Line quantity must be a positive whole number of pieces: ${line.quantity}`);
    }
    const unitCents = parseCents(line.unitValue);
    return {
      unitCents,
      subtotalCents: unitCents * line.quantity,
      unitGrams: line.unitWeightKg === null ? null : toGrams(line.unitWeightKg),
    };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const subtotalCents = sum(lines.map((line) => line.subtotalCents));
  const freightCents = parseCents(data.freight);
  const insuranceCents = parseCents(data.insurance);
  const otherChargesCents = parseCents(data.otherCharges);
  const weighed = lines.every((line) => line.unitGrams !== null);
  return {
    lines,
    pieces: data.parcels.length,
    quantity: sum(data.lines.map((line) => line.quantity)),
    netGrams: weighed ? sum(lines.map((line, i) => (line.unitGrams ?? 0) * data.lines[i].quantity)) : null,
    grossGrams: sum(data.parcels.map((parcel) => toGrams(parcel.weightKg))),
    subtotalCents,
    freightCents,
    insuranceCents,
    otherChargesCents,
    totalCents: subtotalCents + freightCents + insuranceCents + otherChargesCents,
  };
}
