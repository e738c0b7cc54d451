// The carriers' international services as the dashboard names them (the rate cards' and the
// shipments' `service`) and as each carrier's API codes them. Sources (CARRIERS.md): UPS service
// codes from Rating.yaml/Shipping.yaml (07, 08, 11, 54, 65); FedEx service types from the FedEx
// reference guide; DHL product codes from MyDHL 3.1.1 ("P" EXPRESS WORLDWIDE NONDOC) — other DHL
// products are discovered per lane through /products, so only P is listed.
import type { Carrier } from "./carrier-registry";

export interface CarrierService {
  /** Our name, the same in every language (a brand's product name). */
  name: string;
  /** The code the carrier's API takes and answers with. */
  code: string;
}

export const CARRIER_SERVICES: Readonly<Record<Exclude<Carrier, "correios">, readonly CarrierService[]>> = {
  ups: [
    { name: "Worldwide Saver", code: "65" },
    { name: "Worldwide Expedited", code: "08" },
    { name: "Worldwide Express", code: "07" },
    { name: "Worldwide Express Plus", code: "54" },
    { name: "Standard", code: "11" },
  ],
  fedex: [
    { name: "International Priority", code: "FEDEX_INTERNATIONAL_PRIORITY" },
    { name: "International Economy", code: "INTERNATIONAL_ECONOMY" },
    { name: "International Priority Express", code: "FEDEX_INTERNATIONAL_PRIORITY_EXPRESS" },
    { name: "International First", code: "INTERNATIONAL_FIRST" },
    { name: "International Connect Plus", code: "FEDEX_INTERNATIONAL_CONNECT_PLUS" },
  ],
  dhl: [{ name: "Express Worldwide", code: "P" }],
};

type ApiCarrierId = keyof typeof CARRIER_SERVICES;

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** The carrier's code of one of our service names (case and spacing ignored), or null if the carrier has no such service. */
export function serviceCode(carrier: ApiCarrierId, serviceName: string): string | null {
  const wanted = normalise(serviceName);
  return CARRIER_SERVICES[carrier].find((service) => normalise(service.name) === wanted)?.code ?? null;
}

/** Our name of a carrier's service code, or null for a code we do not list. */
export function serviceName(carrier: ApiCarrierId, code: string): string | null {
  return CARRIER_SERVICES[carrier].find((service) => service.code === code)?.name ?? null;
}
