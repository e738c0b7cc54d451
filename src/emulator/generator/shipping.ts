// Shipping: the carrier services the shop offers (international and domestic), custom rates an
// operator must map to a carrier, shipping-line prices, and carriers' tracking numbers.

import type { EmuShippingLine } from "../model";
import { type Random, WeightedTable } from "../random";
import { formatCents } from "./format";

export interface Service {
  title: string;
  code: string;
  carrier: string;
  sources: readonly string[];
  base: number;
  perKg: number;
  tracking: "fedex" | "ups" | "dhl" | "correios";
  trackingPrefix?: string;
}

export const INTERNATIONAL_SERVICES = new WeightedTable<Service>([
  [
    {
      title: "FedEx International Priority",
      code: "FEDEX_INTERNATIONAL_PRIORITY",
      carrier: "fedex",
      sources: ["shopify", "fedex"],
      base: 189,
      perKg: 78,
      tracking: "fedex",
    },
    18,
  ],
  [
    {
      title: "FedEx International Economy",
      code: "FEDEX_INTERNATIONAL_ECONOMY",
      carrier: "fedex",
      sources: ["shopify", "fedex"],
      base: 149,
      perKg: 58,
      tracking: "fedex",
    },
    14,
  ],
  [
    {
      title: "UPS Worldwide Saver",
      code: "UPS_WORLDWIDE_SAVER",
      carrier: "ups",
      sources: ["shopify", "ups"],
      base: 179,
      perKg: 72,
      tracking: "ups",
    },
    16,
  ],
  [
    {
      title: "UPS Worldwide Expedited",
      code: "UPS_WORLDWIDE_EXPEDITED",
      carrier: "ups",
      sources: ["shopify", "ups"],
      base: 155,
      perKg: 61,
      tracking: "ups",
    },
    10,
  ],
  [
    {
      title: "DHL Express Worldwide",
      code: "DHL_EXPRESS_WORLDWIDE",
      carrier: "dhl",
      sources: ["shopify", "dhl_express"],
      base: 195,
      perKg: 80,
      tracking: "dhl",
    },
    20,
  ],
  [
    {
      title: "Correios Exporta Fácil",
      code: "CORREIOS_EXPORTA_FACIL",
      carrier: "correios",
      sources: ["shopify", "correios", "Frenet"],
      base: 89,
      perKg: 42,
      tracking: "correios",
      trackingPrefix: "LX",
    },
    22,
  ],
]);

export const DOMESTIC_SERVICES = new WeightedTable<Service>([
  [
    {
      title: "SEDEX",
      code: "SEDEX",
      carrier: "correios",
      sources: ["correios", "Frenet", "shopify"],
      base: 24,
      perKg: 9,
      tracking: "correios",
      trackingPrefix: "SS",
    },
    45,
  ],
  [
    {
      title: "PAC",
      code: "PAC",
      carrier: "correios",
      sources: ["correios", "Frenet", "shopify"],
      base: 16,
      perKg: 5,
      tracking: "correios",
      trackingPrefix: "PN",
    },
    55,
  ],
]);

const CUSTOM_SHIPPING_TITLES = [
  "Frete internacional",
  "Envio internacional padrão",
  "Entrega internacional expressa",
] as const;

const UPS_SHIPPER = "V7A9W4";

function correiosTracking(r: Random, prefix: string): string {
  const body = r.digits(8);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  const rest = sum % 11;
  const check = rest === 0 ? 5 : rest === 1 ? 0 : 11 - rest;
  return `${prefix}${body}${check}BR`;
}

export function tracking(r: Random, service: Service): { company: string; number: string; url: string } {
  switch (service.tracking) {
    case "fedex": {
      const number = r.digits(12);
      return { company: "FedEx", number, url: `https://www.fedex.com/fedextrack/?trknbr=${number}` };
    }
    case "ups": {
      const number = `1Z${UPS_SHIPPER}${service.code === "UPS_WORLDWIDE_SAVER" ? "65" : "08"}${r.digits(8)}`;
      return { company: "UPS", number, url: `https://www.ups.com/track?tracknum=${number}` };
    }
    case "dhl": {
      const number = r.digits(10);
      return {
        company: "DHL Express",
        number,
        url: `https://www.dhl.com/br-pt/home/rastreamento.html?tracking-id=${number}`,
      };
    }
    case "correios": {
      const number = correiosTracking(r, service.trackingPrefix ?? "LX");
      return {
        company: "Correios",
        number,
        url: `https://rastreamento.correios.com.br/app/index.php?objetos=${number}`,
      };
    }
  }
}

/** A priced shipping line; `service` is null for a custom rate. */
export interface ShippingQuote {
  line: EmuShippingLine;
  cents: number;
  service: Service | null;
}

/** A custom rate the merchant typed in (no carrier): a round price under a free-text title. */
export function customShipping(r: Random, id: number): ShippingQuote {
  const cents = r.int(15, 33) * 1000 - 10;
  const line: EmuShippingLine = {
    id,
    title: r.pick(CUSTOM_SHIPPING_TITLES),
    code: "custom",
    carrierIdentifier: null,
    source: "shopify",
    price: formatCents(cents),
  };
  return { line, cents, service: null };
}

/** A carrier service drawn from `services`, priced by weight (rounded up to half a kilogram) and zone. */
export function carrierShipping(
  r: Random,
  id: number,
  services: WeightedTable<Service>,
  zone: number,
  kilograms: number,
): ShippingQuote {
  const service = services.sample(r);
  const source = r.pick(service.sources);
  const raw = (service.base + service.perKg * (Math.ceil(kilograms * 2) / 2)) * zone * (0.95 + 0.1 * r.next());
  // Manual rates ("shopify") are round prices; carrier-calculated ones come to the cent.
  const cents = source === "shopify" ? Math.round(raw) * 100 - 10 : Math.round(raw * 100);
  const line: EmuShippingLine = {
    id,
    title: service.title,
    code: service.code,
    carrierIdentifier: service.carrier,
    source,
    price: formatCents(cents),
  };
  return { line, cents, service };
}
