// Orders made in the Shopify emulator for integration tests: a complete New York address, a FedEx
// shipping line, distinct lines, created through the control API with any fields pinned.
import { expect } from "vitest";
import type { EmuAddress, EmuLineItem, EmuOrder, EmuShippingLine } from "@/emulator/model";
import type { Emulator } from "@/emulator/server";

export const NEW_YORK: EmuAddress = {
  firstName: "Emily",
  lastName: "Carter",
  name: "Emily Carter",
  company: null,
  address1: "350 5th Ave",
  address2: null,
  city: "New York",
  province: "New York",
  provinceCode: "NY",
  country: "United States",
  countryCode: "US",
  zip: "10118",
  phone: "+12125550143",
};

const FEDEX: EmuShippingLine = {
  id: 77_000_001,
  title: "FedEx International Priority",
  code: "FEDEX_INTERNATIONAL_PRIORITY",
  carrierIdentifier: "fedex",
  source: "shopify",
  price: "250.00",
};

let nextLineId = 88_000_000;

/** `count` distinct lines with different quantities and prices, so a lost or repeated line changes the sum. */
export function lines(count: number, extra: (index: number) => Partial<EmuLineItem> = () => ({})): EmuLineItem[] {
  return Array.from({ length: count }, (_, index) => {
    const id = nextLineId++;
    return {
      id,
      sku: `SKU-${index + 1}`,
      title: `Peça artesanal ${index + 1}`,
      variantTitle: null,
      quantity: 1 + (index % 3),
      unitPrice: (10 + index * 0.37).toFixed(2),
      variantId: id,
      inventoryItemId: id,
      hsCode: "6913.90",
      countryOfOrigin: "BR",
      weight: { value: 5, unit: "GRAMS" },
      requiresShipping: true,
      ...extra(index),
    };
  });
}

/** An international, open, unfulfilled order created through the control API, with `fields` pinned. */
export async function createEmulatorOrder(
  emulator: Emulator,
  shop: string,
  fields: Partial<EmuOrder>,
): Promise<EmuOrder> {
  const response = await fetch(`${emulator.url}/__emulator/shops/${shop}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      seed: 1,
      order: {
        shippingAddress: NEW_YORK,
        shippingLines: [FEDEX],
        cancelledAt: null,
        cancelReason: null,
        closedAt: null,
        test: false,
        fulfillmentStatus: "UNFULFILLED",
        fulfillments: [],
        customAttributes: [],
        metafields: [],
        ...fields,
      },
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).order;
}
