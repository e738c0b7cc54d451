// Seeded rate cards (quotes.ts): EXAMPLE negotiated rates in BRL, realistic in size for a small
// Brazilian exporter in 2026 but not any carrier's published tariff. A merchant's admin replaces them
// with the rates of their own contracts; quotes are estimates, the carrier's quote is final.
import type { RateCard, ZoneRate } from "./quotes";

type Row = [baseUpToKg: number, basePrice: number, perAdditionalKg: number, minDays: number, maxDays: number];

const rate = ([baseUpToKg, basePrice, perAdditionalKg, min, max]: Row): ZoneRate => ({
  baseUpToKg,
  basePrice,
  perAdditionalKg,
  transitDays: [min, max],
});

function card(
  carrier: RateCard["carrier"],
  service: string,
  rows: Record<"americas" | "europe" | "asia_pacific" | "rest_of_world", Row>,
): RateCard {
  return {
    carrier,
    service,
    currency: "BRL",
    zones: {
      americas: rate(rows.americas),
      europe: rate(rows.europe),
      asia_pacific: rate(rows.asia_pacific),
      rest_of_world: rate(rows.rest_of_world),
    },
  };
}

/** Example rates: [base up to kg, base price BRL, BRL per additional kg, transit min, transit max]. */
export const DEFAULT_RATE_CARDS: readonly RateCard[] = [
  card("fedex", "International Priority", {
    americas: [0.5, 230, 95, 2, 4],
    europe: [0.5, 260, 110, 3, 5],
    asia_pacific: [0.5, 310, 135, 4, 6],
    rest_of_world: [0.5, 340, 150, 5, 8],
  }),
  card("fedex", "International Economy", {
    americas: [0.5, 190, 75, 4, 6],
    europe: [0.5, 215, 88, 5, 7],
    asia_pacific: [0.5, 255, 108, 6, 9],
    rest_of_world: [0.5, 280, 120, 7, 10],
  }),
  card("ups", "Worldwide Saver", {
    americas: [0.5, 225, 92, 2, 4],
    europe: [0.5, 255, 108, 3, 5],
    asia_pacific: [0.5, 305, 130, 4, 6],
    rest_of_world: [0.5, 335, 148, 5, 8],
  }),
  card("ups", "Worldwide Expedited", {
    americas: [0.5, 185, 72, 4, 6],
    europe: [0.5, 210, 85, 5, 7],
    asia_pacific: [0.5, 250, 104, 6, 9],
    rest_of_world: [0.5, 275, 118, 7, 10],
  }),
  card("dhl", "Express Worldwide", {
    americas: [0.5, 240, 98, 2, 4],
    europe: [0.5, 250, 102, 2, 4],
    asia_pacific: [0.5, 320, 138, 3, 5],
    rest_of_world: [0.5, 350, 155, 4, 7],
  }),
  card("correios", "Exporta Fácil", {
    americas: [1, 145, 48, 10, 20],
    europe: [1, 165, 55, 12, 22],
    asia_pacific: [1, 190, 68, 15, 30],
    rest_of_world: [1, 210, 75, 15, 35],
  }),
];
