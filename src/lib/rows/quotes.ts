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
  chosen: boolean;
  createdAt: Date;
}
