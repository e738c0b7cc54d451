// The demo shop's catalogue: products and variants built once from the product list, with stable
// variant and inventory-item ids, and the popularity tables orders draw from.

import type { WeightUnit } from "../model";
import { type Random, WeightedTable } from "../random";
import { formatCents } from "./format";
import { DIGITAL_SPECS, NO_HS_SPECS, NO_WEIGHT_SPECS, SHIPPABLE_SPECS, type ProductSpec } from "./products";

interface Variant {
  title: string | null;
  sku: string | null;
  cents: number;
  price: string;
  weightValue: number;
  weightUnit: WeightUnit;
  hasWeight: boolean;
  kilograms: number;
  variantId: number;
  inventoryItemId: number;
}

export interface Product {
  title: string;
  hsCode: string | null;
  countryOfOrigin: string | null;
  requiresShipping: boolean;
  variants: Variant[];
}

const VARIANT_ID_BASE = 45_210_873_000_000;
const INVENTORY_ITEM_ID_BASE = 47_350_112_000_000;
/** Counts variants across all the tables below, so every variant gets distinct ids. */
let nextVariantIndex = 0;

function buildProduct(spec: ProductSpec): Product {
  const variantSpecs = spec.variants ?? [[null, null] as const];
  const variants = variantSpecs.map(([title, suffix, price, weight]) => {
    const index = nextVariantIndex++;
    const cents = Math.round((price ?? spec.price) * 100);
    const w = weight ?? spec.weight;
    const isKg = typeof w === "object" && w !== null;
    const value = w === null ? 0 : isKg ? w.kg : w;
    return {
      title: title ?? null,
      sku: spec.sku === null ? null : suffix ? `${spec.sku}-${suffix}` : spec.sku,
      cents,
      price: formatCents(cents),
      weightValue: value,
      weightUnit: (isKg ? "KILOGRAMS" : "GRAMS") as WeightUnit,
      hasWeight: w !== null,
      kilograms: isKg ? value : value / 1000,
      variantId: VARIANT_ID_BASE + index * 131,
      inventoryItemId: INVENTORY_ITEM_ID_BASE + index * 127,
    };
  });
  return {
    title: spec.title,
    hsCode: spec.hs,
    countryOfOrigin: spec.digital ? null : "BR",
    requiresShipping: !spec.digital,
    variants,
  };
}

const table = (specs: readonly ProductSpec[]) => {
  const products = specs.map(buildProduct);
  return {
    products,
    table: new WeightedTable(products.map((p, i) => [p, specs[i].popularity ?? 1] as const)),
  };
};

// Built in this order at load time: variant and inventory-item ids follow it.
const SHIPPABLE = table(SHIPPABLE_SPECS);
export const NO_HS = table(NO_HS_SPECS);
export const NO_WEIGHT = table(NO_WEIGHT_SPECS);
export const DIGITAL = table(DIGITAL_SPECS);

// ---------------------------------------------------------------------------------------------------
// Baskets

/** Distinct products in a shipped order. */
const LINE_COUNT = new WeightedTable([
  [1, 30],
  [2, 30],
  [3, 25],
  [4, 15],
] as const);

/** Units of each product on a line. */
export const QUANTITY = new WeightedTable([
  [1, 75],
  [2, 18],
  [3, 7],
] as const);

/**
 * The distinct shippable products of one order, by popularity; an incomplete `gap` product (no HS
 * code, no weight) takes one of the slots, at a random position.
 */
export function chooseProducts(r: Random, gap: Product | null): Product[] {
  const lines = Math.min(LINE_COUNT.sample(r), gap ? 3 : 4);
  const chosen: Product[] = [];
  while (chosen.length < lines) {
    const product = SHIPPABLE.table.sample(r);
    if (!chosen.includes(product)) chosen.push(product);
  }
  if (gap) chosen.splice(r.int(0, chosen.length), 0, gap);
  return chosen;
}
