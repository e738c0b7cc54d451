// "Edit weight & dimensions" on selected drafts: one parcel weight and/or one set of dimensions
// applied to every draft chosen. The same bounds as Edit Draft's parcel (bounds.ts: a weight or a
// side up to MAX_WEIGHT_KG, more than zero), dimensions all three or none (as the evaluation
// demands, shipment-evaluation.ts), and the carrier's heaviest piece (carrier-registry.ts) checked
// per draft before anything is written. Each selected draft carries the version the operator saw,
// so a draft changed meanwhile is refused like a stale Edit Draft save.
import { z } from "zod";
import { MAX_WEIGHT_KG, PARCEL_SIDES } from "./bounds";
import { CARRIERS, isCarrier } from "./carrier-registry";
import type { DraftParcel } from "./shipment-evaluation";

type Side = (typeof PARCEL_SIDES)[number];

/** The most drafts one bulk edit takes (the drafts table shows at most 100 a page; a few pages' worth). */
const MAX_BULK_DRAFTS = 500;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value;

/**
 * A weight in kg or a side in cm as typed: digits with "." or "," as the decimal mark ("1,5" as
 * Brazilians write it). A megabyte of digits, "1e9", "NaN" or "Infinity" is not a number here.
 */
const measure = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(20, "errors.numberTooLarge")
    .regex(/^[+-]?\d+([.,]\d+)?$/, "errors.numberInvalid")
    .transform((value) => Number(value.replace(",", ".")))
    .pipe(z.number().positive("errors.mustBePositive").max(MAX_WEIGHT_KG, "errors.numberTooLarge"))
    .optional(),
);

/** One selected draft as the table showed it: "<id>:<version>". */
const selectedDraft = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,9}$/i, "errors.notFound")
  .transform((value) => {
    const [id, version] = value.split(":");
    return { id: id.toLowerCase(), version: Number(version) };
  });

export const bulkParcelFormSchema = z
  .object({
    drafts: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(z.array(selectedDraft).min(1, "errors.nothingSelected").max(MAX_BULK_DRAFTS, "errors.tooManySelected")),
    weightKg: measure,
    lengthCm: measure,
    widthCm: measure,
    heightCm: measure,
  })
  .superRefine((value, context) => {
    const given = PARCEL_SIDES.filter((side) => value[side] !== undefined);
    // Dimensions are all three or none: a parcel with one side is not a parcel a carrier can price.
    if (given.length > 0 && given.length < PARCEL_SIDES.length) {
      for (const side of PARCEL_SIDES) {
        if (value[side] === undefined)
          context.addIssue({ code: "custom", message: "bulkParcel.errors.allDimensions", path: [side] });
      }
    }
    if (value.weightKg === undefined && given.length === 0) {
      context.addIssue({ code: "custom", message: "bulkParcel.errors.nothingToChange", path: ["_form"] });
    }
    const ids = new Set(value.drafts.map((draft) => draft.id));
    if (ids.size !== value.drafts.length) {
      context.addIssue({ code: "custom", message: "errors.invalid", path: ["drafts"] });
    }
  });

export type BulkParcelForm = z.output<typeof bulkParcelFormSchema>;

/** What the edit changes: the weight, the three sides, or both. */
export interface ParcelChanges {
  weightKg?: number;
  dimensions?: Record<Side, number>;
}

export function parcelChangesOf(form: BulkParcelForm): ParcelChanges {
  const { weightKg, lengthCm, widthCm, heightCm } = form;
  return {
    ...(weightKg !== undefined ? { weightKg } : {}),
    ...(lengthCm !== undefined && widthCm !== undefined && heightCm !== undefined
      ? { dimensions: { lengthCm, widthCm, heightCm } }
      : {}),
  };
}

/**
 * The draft's parcels with the changes: like Edit Draft, a shipment is one parcel (a synced order
 * has one, weighed from its lines); what is not changed keeps its value.
 */
export function applyParcelChanges(parcels: readonly DraftParcel[], changes: ParcelChanges): DraftParcel[] {
  const [first, ...rest] = parcels.length > 0 ? parcels : [{ weightKg: null }];
  return [
    {
      ...first,
      ...(changes.weightKg !== undefined ? { weightKg: changes.weightKg } : {}),
      ...(changes.dimensions ?? {}),
    },
    ...rest,
  ];
}

/** The carrier's heaviest piece when the new weight is above it (null: within it, or no carrier yet). */
export function carrierWeightLimit(carrier: string | null, weightKg: number | undefined): number | null {
  if (weightKg === undefined || !carrier || !isCarrier(carrier)) return null;
  const limitKg = CARRIERS[carrier].maxPieceKg;
  return weightKg > limitKg ? limitKg : null;
}

/** The parcel fields the edit changed on a draft, for the audit and the activity log. */
export function changedParcelFields(changes: ParcelChanges): string[] {
  return [...(changes.weightKg !== undefined ? ["weightKg"] : []), ...(changes.dimensions ? PARCEL_SIDES : [])];
}
