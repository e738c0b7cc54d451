// Shop money and presentment money. Shopify keeps every amount of an order twice: in the shop's
// currency and in the currency the buyer paid in (the presentment currency). An emulated order
// without a presentment currency was paid in the shop currency; one with it converts each shop
// amount at the order's one rate, rounded to cents, unless the amount was given explicitly.
import type { EmuOrder } from "./model";

interface Money {
  amount: string;
  currencyCode: string;
}

export interface MoneyBag {
  shopMoney: Money;
  presentmentMoney: Money;
}

export function presentmentCurrencyOf(order: EmuOrder): string {
  return order.presentmentCurrency ?? order.currency;
}

/** A shop amount in the order's presentment currency, at its rate, rounded half away from zero to cents. */
export function toPresentment(order: EmuOrder, shopAmount: string): string {
  if (presentmentCurrencyOf(order) === order.currency) return shopAmount;
  const cents = Math.round(Number(shopAmount) * 100);
  const converted = Math.sign(cents) * Math.round(Math.abs(cents) * (order.presentmentRate ?? 1));
  return (converted / 100).toFixed(2);
}

/** Shopify's MoneyBag for one amount of `order`: `explicit` is the presentment amount when it was pinned. */
export function moneyBag(order: EmuOrder, shopAmount: string, explicit?: string | null): MoneyBag {
  return {
    shopMoney: { amount: shopAmount, currencyCode: order.currency },
    presentmentMoney: {
      amount: explicit ?? toPresentment(order, shopAmount),
      currencyCode: presentmentCurrencyOf(order),
    },
  };
}
