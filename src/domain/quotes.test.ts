import { describe, expect, it } from "vitest";
import {
  chargeableWeightKg,
  dimensionalWeightKg,
  quoteBlockers,
  quoteShipment,
  type Quote,
  type RateCard,
  unquotedCarrierRefusals,
  validateRateCard,
  zoneFor,
} from "./quotes";
import { DEFAULT_RATE_CARDS } from "./rate-cards";

/** One zone priced simply, for hand-computed examples. */
const card = (carrier: RateCard["carrier"], service: string, basePrice: number, perKg: number): RateCard => ({
  carrier,
  service,
  currency: "BRL",
  zones: {
    americas: { baseUpToKg: 0.5, basePrice, perAdditionalKg: perKg, transitDays: [2, 4] },
    europe: { baseUpToKg: 0.5, basePrice: basePrice + 20, perAdditionalKg: perKg, transitDays: [3, 5] },
    asia_pacific: { baseUpToKg: 0.5, basePrice: basePrice + 50, perAdditionalKg: perKg, transitDays: [4, 6] },
    rest_of_world: { baseUpToKg: 0.5, basePrice: basePrice + 80, perAdditionalKg: perKg, transitDays: [5, 8] },
  },
});

const box = { weightKg: 2.3, lengthCm: 40, widthCm: 30, heightCm: 20 }; // 24,000 cm³

describe("chargeable weight", () => {
  it("uses divisor 5000 for FedEx/UPS/DHL and 6000 for Correios", () => {
    expect(dimensionalWeightKg(box, "fedex")).toBe(4.8); // 24000 / 5000
    expect(dimensionalWeightKg(box, "ups")).toBe(4.8);
    expect(dimensionalWeightKg(box, "dhl")).toBe(4.8);
    expect(dimensionalWeightKg(box, "correios")).toBe(4); // 24000 / 6000
    expect(dimensionalWeightKg({ weightKg: 1, lengthCm: 10 }, "fedex")).toBeNull();
  });

  it("is max(actual, dimensional) rounded up to 0.5 kg", () => {
    expect(chargeableWeightKg(box, "fedex")).toBe(5); // 4.8 → 5.0
    expect(chargeableWeightKg(box, "correios")).toBe(4); // 4.0 exactly
    expect(chargeableWeightKg({ weightKg: 2.3 }, "fedex")).toBe(2.5);
    expect(chargeableWeightKg({ weightKg: 1.5 }, "ups")).toBe(1.5);
    expect(chargeableWeightKg({ weightKg: 0.1 + 0.2 + 1.2 }, "dhl")).toBe(1.5); // 1.5000000000000002
    expect(chargeableWeightKg({ weightKg: 9, lengthCm: 10, widthCm: 10, heightCm: 10 }, "fedex")).toBe(9);
  });
});

describe("zones", () => {
  it("maps countries to zones, unlisted countries to rest_of_world, Brazil and unknown codes to none", () => {
    expect(zoneFor("fedex", "US")).toBe("americas");
    expect(zoneFor("dhl", "de")).toBe("europe");
    expect(zoneFor("ups", "JP")).toBe("asia_pacific");
    expect(zoneFor("correios", "ZA")).toBe("rest_of_world");
    expect(zoneFor("fedex", "BR")).toBeNull();
    expect(zoneFor("fedex", "ZZ")).toBeNull();
  });
});

describe("quoteShipment", () => {
  const cards = [card("fedex", "International Priority", 230, 95), card("correios", "Exporta Fácil", 150, 50)];

  it("prices worked examples and sorts cheapest first", () => {
    const quotes = quoteShipment({ destinationCountry: "US", parcels: [box] }, cards);
    expect(quotes).toEqual([
      // Correios: chargeable 4.0 kg; 150 + (4.0 − 0.5) × 50 = 150 + 175 = 325.00
      {
        available: true,
        carrier: "correios",
        service: "Exporta Fácil",
        chargeableWeightKg: 4,
        price: 325,
        currency: "BRL",
        transitDays: [2, 4],
      },
      // FedEx: chargeable 5.0 kg; 230 + (5.0 − 0.5) × 95 = 230 + 427.50 = 657.50
      {
        available: true,
        carrier: "fedex",
        service: "International Priority",
        chargeableWeightKg: 5,
        price: 657.5,
        currency: "BRL",
        transitDays: [2, 4],
      },
    ]);
  });

  it("sums pieces and uses the destination's zone", () => {
    // Germany (europe, base 250): pieces 0.3 kg → 0.5 and 1.2 kg → 1.5; 2.0 kg: 250 + 1.5 × 95 = 392.50
    const [fedex] = quoteShipment({ destinationCountry: "DE", parcels: [{ weightKg: 0.3 }, { weightKg: 1.2 }] }, [
      cards[0],
    ]);
    expect(fedex).toMatchObject({ available: true, chargeableWeightKg: 2, price: 392.5, transitDays: [3, 5] });
    // Under the base weight: the base price. 0.4 kg → 0.5 kg: 230.00
    expect(quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 0.4 }] }, [cards[0]])[0]).toMatchObject({
      price: 230,
    });
  });

  it("excludes a 31 kg piece for Correios (30 kg limit) but quotes it with FedEx (68 kg)", () => {
    const quotes = quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 2 }, { weightKg: 31 }] }, cards);
    // FedEx: 2 + 31 = 33 kg; 230 + 32.5 × 95 = 230 + 3087.50 = 3317.50
    expect(quotes[0]).toMatchObject({ available: true, carrier: "fedex", chargeableWeightKg: 33, price: 3317.5 });
    expect(quotes[1]).toEqual({
      available: false,
      carrier: "correios",
      service: "Exporta Fácil",
      reason: "overLimit",
      values: { parcel: 1, weightKg: 31, limitKg: 30 },
    });
  });

  it("is unavailable without weights or a zone", () => {
    const noWeight = quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 1 }, { weightKg: null }] }, cards);
    expect(noWeight.map((q) => (q.available ? "ok" : q.reason))).toEqual(["missingWeight", "missingWeight"]);
    expect(quoteShipment({ destinationCountry: "US", parcels: [] }, cards)[0]).toMatchObject({
      reason: "missingWeight",
    });
    expect(quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 0 }] }, cards)[0]).toMatchObject({
      reason: "missingWeight",
    });
    const europeOnly: RateCard = { ...cards[0], zones: { europe: cards[0].zones.europe } };
    expect(quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 1 }] }, [europeOnly])).toEqual([
      {
        available: false,
        carrier: "fedex",
        service: "International Priority",
        reason: "noZone",
        values: { country: "US", zone: "americas" },
      },
    ]);
    expect(quoteShipment({ destinationCountry: "BR", parcels: [{ weightKg: 1 }] }, cards)[0]).toMatchObject({
      reason: "noZone",
    });
  });

  it("quotes every default rate card, cheapest first", () => {
    const quotes = quoteShipment({ destinationCountry: "US", parcels: [box] }, DEFAULT_RATE_CARDS);
    expect(quotes).toHaveLength(6);
    const prices = quotes.map((q) => (q.available ? q.price : Infinity));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(quotes.every((q) => q.available && Number.isInteger(q.price * 100))).toBe(true);
  });
});

describe("validateRateCard", () => {
  it("accepts the default cards", () => {
    for (const rateCard of DEFAULT_RATE_CARDS) expect(validateRateCard(rateCard)).toEqual([]);
  });

  it("reports each wrong value with its path", () => {
    const bad = {
      carrier: "tnt",
      service: " ",
      currency: "USD",
      zones: {
        americas: { baseUpToKg: 0, basePrice: -1, perAdditionalKg: Number.NaN, transitDays: [5, 3] },
        europe: { baseUpToKg: 0.5, basePrice: 100, perAdditionalKg: 10, transitDays: [1.5, -2] },
        mars: { baseUpToKg: 1, basePrice: 1, perAdditionalKg: 1, transitDays: [1, 2] },
      },
    } as unknown as RateCard;
    expect(validateRateCard(bad)).toEqual([
      { path: "carrier", code: "invalid" },
      { path: "service", code: "required" },
      { path: "currency", code: "invalid" },
      { path: "zones.mars", code: "unknownZone" },
      { path: "zones.americas.baseUpToKg", code: "notPositive" },
      { path: "zones.americas.basePrice", code: "negative" },
      { path: "zones.americas.perAdditionalKg", code: "invalid" },
      { path: "zones.americas.transitDays", code: "rangeReversed" },
      { path: "zones.europe.transitDays.0", code: "notInteger" },
      { path: "zones.europe.transitDays.1", code: "negative" },
      { path: "zones.asia_pacific", code: "missingZone" },
      { path: "zones.rest_of_world", code: "missingZone" },
    ]);
  });
});

describe("why a shipment cannot be quoted", () => {
  const cards = DEFAULT_RATE_CARDS;
  const blockers = (shipment: Parameters<typeof quoteShipment>[0], only?: (q: Quote) => boolean) => {
    const quotes = quoteShipment(shipment, cards);
    return quoteBlockers(shipment, only ? quotes.filter(only) : quotes);
  };

  it("names a missing weight once, not once per rate card, with its 1-based parcel", () => {
    expect(blockers({ destinationCountry: "US", parcels: [{ weightKg: 1 }, { weightKg: null }] })).toEqual([
      { code: "missingWeight", parcel: 2 },
    ]);
  });

  it("lists the weight limit of every carrier a parcel is over", () => {
    const [blocker] = blockers({ destinationCountry: "US", parcels: [{ weightKg: 75 }] });
    expect(blocker).toMatchObject({ code: "overLimit", parcel: 1, weightKg: 75 });
    expect(blocker.code === "overLimit" && blocker.limits).toEqual(
      expect.arrayContaining([
        { carrier: "fedex", limitKg: 68 },
        { carrier: "ups", limitKg: 70 },
        { carrier: "dhl", limitKg: 70 },
        { carrier: "correios", limitKg: 30 },
      ]),
    );
  });

  it("says why a carrier is absent when the others quote: only that carrier's limit", () => {
    const quotes = quoteShipment({ destinationCountry: "US", parcels: [{ weightKg: 40 }] }, cards);
    expect(quotes.some((q) => q.available)).toBe(true);
    const absent = unquotedCarrierRefusals(quotes);
    expect(new Set(absent.map((q) => q.carrier))).toEqual(new Set(["correios"]));
    expect(quoteBlockers({ destinationCountry: "US", parcels: [{ weightKg: 40 }] }, absent)).toEqual([
      { code: "overLimit", parcel: 1, weightKg: 40, limits: [{ carrier: "correios", limitKg: 30 }] },
    ]);
    // Nobody quoted: no carrier is "absent while others quote".
    expect(
      unquotedCarrierRefusals(quoteShipment({ destinationCountry: "", parcels: [{ weightKg: 1 }] }, cards)),
    ).toEqual([]);
  });

  it("tells a missing, domestic, unknown and uncovered destination apart", () => {
    expect(blockers({ destinationCountry: " ", parcels: [{ weightKg: 1 }] })).toEqual([{ code: "noDestination" }]);
    expect(blockers({ destinationCountry: "br", parcels: [{ weightKg: 1 }] })).toEqual([
      { code: "domesticDestination" },
    ]);
    expect(blockers({ destinationCountry: "XX", parcels: [{ weightKg: 1 }] })).toEqual([
      { code: "unknownCountry", country: "XX" },
    ]);
    const europeOnly: RateCard = { ...cards[0], zones: { europe: cards[0].zones.europe } };
    const shipment = { destinationCountry: "us", parcels: [{ weightKg: 1 }] };
    expect(quoteBlockers(shipment, quoteShipment(shipment, [europeOnly]))).toEqual([
      { code: "noZone", country: "US", carriers: [europeOnly.carrier] },
    ]);
  });

  it("names the weight and the destination together when both are wrong", () => {
    expect(blockers({ destinationCountry: "", parcels: [{ weightKg: null }] })).toEqual([
      { code: "missingWeight", parcel: 1 },
      { code: "noDestination" },
    ]);
  });

  it("has nothing to say when every card quoted", () => {
    expect(blockers({ destinationCountry: "US", parcels: [{ weightKg: 2 }] }, (q) => q.available)).toEqual([]);
  });
});
