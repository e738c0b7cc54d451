import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_CARDS } from "./rate-cards";
import { CARRIER_SERVICES, serviceCode, serviceName } from "./carrier-services";

describe("carrier services", () => {
  it("codes every rate card service of an API carrier", () => {
    for (const card of DEFAULT_RATE_CARDS) {
      if (card.carrier === "correios") continue;
      expect(serviceCode(card.carrier, card.service), `${card.carrier} ${card.service}`).not.toBeNull();
    }
  });

  it("maps names to codes and back, ignoring case and spacing", () => {
    expect(serviceCode("ups", "  worldwide   SAVER ")).toBe("65");
    expect(serviceName("ups", "65")).toBe("Worldwide Saver");
    expect(serviceCode("fedex", "International Economy")).toBe("INTERNATIONAL_ECONOMY");
    expect(serviceCode("dhl", "Express Worldwide")).toBe("P");
  });

  it("answers null for a service the carrier does not have", () => {
    expect(serviceCode("dhl", "Worldwide Saver")).toBeNull();
    expect(serviceName("fedex", "65")).toBeNull();
  });

  it("has unique names and codes per carrier", () => {
    for (const services of Object.values(CARRIER_SERVICES)) {
      expect(new Set(services.map((s) => s.code)).size).toBe(services.length);
      expect(new Set(services.map((s) => s.name.toLowerCase())).size).toBe(services.length);
    }
  });
});
