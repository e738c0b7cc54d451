// One row of the Quotes tab.
export interface QuoteRow {
  id: string;
  orderName: string;
  carrier: string;
  service: string;
  chargeableWeightKg: string;
  price: string;
  currency: string;
  transitDays: number | null;
  /** "live": the carrier account's rate; "rate_card": the merchant's rate card (an estimate). */
  source: "rate_card" | "live";
  chosen: boolean;
  createdAt: Date;
}
