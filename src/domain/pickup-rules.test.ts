import { describe, expect, it } from "vitest";
import { CARRIER_IDS, type Carrier } from "./carrier-registry";
import { OPTIONAL_DAYS_POLICY } from "./holidays";
import {
  latestPickupDate,
  PICKUP_RULES,
  type PickupOptions,
  type PickupRequest,
  toMinutes,
  validatePickup,
} from "./pickup-rules";

// Wednesday 1 April 2026, 10:00 in São Paulo. Good Friday is 3 April, Tiradentes Tuesday 21 April.
const NOW = { date: "2026-04-01", time: "10:00" };
const req = (carrier: Carrier, date: string, readyTime = "13:00", closeTime = "17:00"): PickupRequest => ({
  carrier,
  date,
  readyTime,
  closeTime,
});
const codes = (r: PickupRequest, now = NOW, options?: PickupOptions) => {
  const result = validatePickup(r, now, options);
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
};

describe("validatePickup — every carrier", () => {
  it.each(CARRIER_IDS)("%s accepts a same-day afternoon pickup", (carrier) => {
    expect(validatePickup(req(carrier, "2026-04-01"), NOW)).toEqual({ ok: true });
  });

  it.each(CARRIER_IDS)("%s refuses a pickup on Good Friday, naming the holiday", (carrier) => {
    expect(validatePickup(req(carrier, "2026-04-03"), { date: "2026-04-02", time: "09:00" })).toEqual({
      ok: false,
      problems: [{ field: "date", code: "notBusinessDay", values: { holiday: "Sexta-Feira Santa", kind: "national" } }],
    });
  });

  it("refuses Tiradentes with its name", () => {
    const result = validatePickup(req("correios", "2026-04-21"), NOW);
    expect(result).toEqual({
      ok: false,
      problems: [{ field: "date", code: "notBusinessDay", values: { holiday: "Dia de Tiradentes", kind: "national" } }],
    });
  });

  it.each(CARRIER_IDS)("%s refuses a weekend", (carrier) => {
    expect(validatePickup(req(carrier, "2026-04-04"), { date: "2026-04-02", time: "09:00" })).toEqual({
      ok: false,
      problems: [{ field: "date", code: "notBusinessDay", values: { weekday: "weekend" } }],
    });
  });

  it("accepts Carnival Monday (ponto facultativo) under the open policy", () => {
    expect(OPTIONAL_DAYS_POLICY).toBe("open");
    expect(validatePickup(req("ups", "2026-02-16"), { date: "2026-02-13", time: "09:00" })).toEqual({ ok: true });
  });

  it("refuses Carnival Monday when the carrier announces it closes on pontos facultativos", () => {
    const result = validatePickup(
      req("ups", "2026-02-16"),
      { date: "2026-02-13", time: "09:00" },
      { optionalDays: "closed" },
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ field: "date", code: "notBusinessDay", values: { holiday: "Carnaval", kind: "optional" } }],
    });
  });

  it.each(CARRIER_IDS)("%s refuses a past date", (carrier) => {
    expect(codes(req(carrier, "2026-03-31"))).toEqual(["date:inThePast"]);
  });

  it("refuses same-day times already gone", () => {
    expect(validatePickup(req("dhl", "2026-04-01", "09:30", "18:00"), NOW)).toEqual({
      ok: false,
      problems: [{ field: "readyTime", code: "inThePast", values: { now: "10:00" } }],
    });
    expect(codes(req("dhl", "2026-04-01", "08:00", "10:00"))).toEqual(["readyTime:inThePast", "closeTime:inThePast"]);
    expect(codes(req("dhl", "2026-04-01", "10:00", "10:01"))).toEqual([]);
    // The same times on a later day are fine.
    expect(codes(req("dhl", "2026-04-02", "08:00", "10:00"))).toEqual([]);
  });

  it.each(CARRIER_IDS)("%s refuses close before or equal to ready", (carrier) => {
    expect(validatePickup(req(carrier, "2026-04-02", "15:00", "14:00"), NOW)).toEqual({
      ok: false,
      problems: [{ field: "closeTime", code: "closeBeforeReady" }],
    });
    expect(codes(req(carrier, "2026-04-02", "15:00", "15:00"))).toEqual(["closeTime:closeBeforeReady"]);
  });

  it("reports malformed fields and skips the checks that depend on them", () => {
    expect(codes(req("fedex", "2026-02-30", "9:00", "25:00"))).toEqual([
      "date:invalidDate",
      "readyTime:invalidTime",
      "closeTime:invalidTime",
    ]);
    expect(codes(req("fedex", "2026-04-01", "09:00", "7pm"))).toEqual(["closeTime:invalidTime", "readyTime:inThePast"]);
  });

  it("reports several problems at once", () => {
    expect(codes(req("dhl", "2026-05-01", "18:00", "09:00"))).toEqual([
      "date:notBusinessDay",
      "date:tooFarAhead",
      "closeTime:closeBeforeReady",
    ]);
  });

  it("refuses a malformed `now` or cut-off (programming errors)", () => {
    expect(() => validatePickup(req("ups", "2026-04-02"), { date: "2026-04-01", time: "9:00" })).toThrow(RangeError);
    expect(() => validatePickup(req("ups", "2026-04-02"), NOW, { cutoffTime: "5pm" })).toThrow(RangeError);
  });
});

describe("FedEx: same or next business day", () => {
  it("accepts today and the next business day", () => {
    expect(codes(req("fedex", "2026-04-01"))).toEqual([]);
    expect(codes(req("fedex", "2026-04-02"))).toEqual([]);
  });

  it("refuses two business days ahead, giving the latest date", () => {
    expect(validatePickup(req("fedex", "2026-04-06"), NOW)).toEqual({
      ok: false,
      problems: [
        { field: "date", code: "tooFarAhead", values: { limit: 1, unit: "businessDays", latest: "2026-04-02" } },
      ],
    });
  });

  it("counts the next business day across Good Friday and the weekend", () => {
    const thursday = { date: "2026-04-02", time: "09:00" };
    expect(latestPickupDate("fedex", "2026-04-02")).toBe("2026-04-06");
    expect(codes(req("fedex", "2026-04-06"), thursday)).toEqual([]);
    expect(codes(req("fedex", "2026-04-07"), thursday)).toEqual(["date:tooFarAhead"]);
  });

  it("allows Monday when booked on a Saturday", () => {
    expect(codes(req("fedex", "2026-04-06"), { date: "2026-04-04", time: "11:00" })).toEqual([]);
  });

  it("applies the access time from the availability answer (≥)", () => {
    const options = { minWindowMinutes: 240 }; // PT4H0M
    expect(codes(req("fedex", "2026-04-02", "13:00", "17:00"), NOW, options)).toEqual([]);
    expect(validatePickup(req("fedex", "2026-04-02", "13:00", "16:59"), NOW, options)).toEqual({
      ok: false,
      problems: [{ field: "closeTime", code: "windowTooShort", values: { minutes: 239, minimum: 240 } }],
    });
  });
});

describe("UPS: close − ready must exceed the lead time", () => {
  it("has no date horizon", () => {
    expect(latestPickupDate("ups", "2026-04-01")).toBeNull();
    expect(codes(req("ups", "2026-12-01"))).toEqual([]);
  });

  it("refuses a window equal to the lead time (strictly greater required)", () => {
    const options = { minWindowMinutes: 120 };
    expect(codes(req("ups", "2026-04-02", "13:00", "15:01"), NOW, options)).toEqual([]);
    expect(validatePickup(req("ups", "2026-04-02", "13:00", "15:00"), NOW, options)).toEqual({
      ok: false,
      problems: [{ field: "closeTime", code: "windowTooShort", values: { minutes: 120, minimum: 120 } }],
    });
  });
});

describe("DHL: at most 10 days ahead", () => {
  it("accepts the tenth day and refuses the eleventh", () => {
    expect(latestPickupDate("dhl", "2026-04-01")).toBe("2026-04-11");
    expect(codes(req("dhl", "2026-04-10"))).toEqual([]); // Friday, day 9
    const now = { date: "2026-04-02", time: "09:00" };
    expect(codes(req("dhl", "2026-04-10"), now)).toEqual([]); // day 8
    const from = { date: "2026-04-06", time: "09:00" }; // Monday
    expect(codes(req("dhl", "2026-04-16"), from)).toEqual([]); // day 10, Thursday
    expect(validatePickup(req("dhl", "2026-04-17"), from)).toEqual({
      ok: false,
      problems: [{ field: "date", code: "tooFarAhead", values: { limit: 10, unit: "days", latest: "2026-04-16" } }],
    });
  });
});

describe("Correios: business days only", () => {
  it("has no horizon and no window minimum", () => {
    expect(PICKUP_RULES.correios).toEqual({
      horizon: null,
      window: "atLeast",
      minWindowMinutes: 0,
      cutoffTime: null,
    });
    expect(codes(req("correios", "2027-03-25", "08:00", "08:01"))).toEqual([]);
    expect(codes(req("correios", "2027-03-26"))).toEqual(["date:notBusinessDay"]);
  });
});

describe("same-day cut-off", () => {
  it("refuses a same-day pickup at or after the cut-off, but not a later day", () => {
    const options = { cutoffTime: "10:00" };
    expect(validatePickup(req("fedex", "2026-04-01"), NOW, options)).toEqual({
      ok: false,
      problems: [{ field: "date", code: "afterCutoff", values: { cutoff: "10:00" } }],
    });
    expect(codes(req("fedex", "2026-04-01"), NOW, { cutoffTime: "10:01" })).toEqual([]);
    expect(codes(req("fedex", "2026-04-02"), NOW, options)).toEqual([]);
  });

  it("has no default cut-off: no carrier publishes one", () => {
    for (const carrier of CARRIER_IDS) expect(PICKUP_RULES[carrier].cutoffTime).toBeNull();
  });
});

describe("toMinutes", () => {
  it("converts HH:MM", () => {
    expect(toMinutes("00:00")).toBe(0);
    expect(toMinutes("23:59")).toBe(1439);
    expect(() => toMinutes("24:00")).toThrow(RangeError);
  });
});

describe("validatePickup — the pickup address's state and city holidays", () => {
  const SAO_PAULO = { state: "SP", city: "São Paulo" };
  const before = { date: "2026-07-06", time: "09:00" };

  it("refuses Revolução Constitucionalista for a São Paulo shipper, naming the state", () => {
    expect(validatePickup({ ...req("dhl", "2026-07-09"), place: SAO_PAULO }, before)).toEqual({
      ok: false,
      problems: [
        {
          field: "date",
          code: "notBusinessDay",
          values: { holiday: "Revolução Constitucionalista", kind: "state", place: "São Paulo" },
        },
      ],
    });
  });

  it("accepts 9 July for a Rio de Janeiro shipper and without a place (national only)", () => {
    expect(
      validatePickup({ ...req("dhl", "2026-07-09"), place: { state: "RJ", city: "Rio de Janeiro" } }, before),
    ).toEqual({
      ok: true,
    });
    expect(validatePickup({ ...req("dhl", "2026-07-09"), place: null }, before)).toEqual({ ok: true });
    expect(validatePickup(req("dhl", "2026-07-09"), before)).toEqual({ ok: true });
  });

  it("refuses São Paulo's anniversary in the city but not in Campinas", () => {
    const now = { date: "2027-01-20", time: "09:00" };
    expect(validatePickup({ ...req("dhl", "2027-01-25"), place: SAO_PAULO }, now)).toEqual({
      ok: false,
      problems: [
        {
          field: "date",
          code: "notBusinessDay",
          values: { holiday: "Aniversário da Cidade", kind: "city", place: "São Paulo" },
        },
      ],
    });
    expect(validatePickup({ ...req("dhl", "2027-01-25"), place: { state: "SP", city: "Campinas" } }, now)).toEqual({
      ok: true,
    });
  });

  it("counts the place's holidays in FedEx's next-business-day horizon", () => {
    // Wednesday 8 July 2026: the next business day is Thursday 9 July, except in São Paulo (Friday 10).
    const now = { date: "2026-07-08", time: "09:00" };
    expect(latestPickupDate("fedex", "2026-07-08")).toBe("2026-07-09");
    expect(latestPickupDate("fedex", "2026-07-08", { place: SAO_PAULO })).toBe("2026-07-10");
    expect(codes({ ...req("fedex", "2026-07-10"), place: SAO_PAULO }, now)).toEqual([]);
    expect(codes(req("fedex", "2026-07-10"), now)).toEqual(["date:tooFarAhead"]);
  });
});
