import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  addBusinessDays,
  addDays,
  brazilianHolidays,
  closedWeekdays,
  dayOfWeek,
  holidayOn,
  holidayPlaceOf,
  isBusinessDay,
  isWeekend,
  nextBusinessDay,
  OPTIONAL_DAYS_POLICY,
  placeNames,
  previousBusinessDay,
  type HolidayPlace,
} from "./holidays";

const SAO_PAULO: HolidayPlace = { state: "SP", city: "São Paulo" };
const CAMPINAS: HolidayPlace = { state: "SP", city: "Campinas" };
const RIO: HolidayPlace = { state: "RJ", city: "Rio de Janeiro" };

/** The weekday entries of a year, as [date, kind]: what the official calendar lists. */
const weekdays = (year: number, place?: HolidayPlace) =>
  brazilianHolidays(year, place)
    .filter((h) => !isWeekend(h.date))
    .map((h) => [h.date, h.kind]);

describe("brazilianHolidays — national", () => {
  // 2026 from Portaria MGI 11.460, 2027 computed from Easter (28 Mar 2027).
  it("lists every 2026 weekday date of the official calendar", () => {
    expect(weekdays(2026)).toEqual([
      ["2026-01-01", "national"],
      ["2026-02-16", "optional"],
      ["2026-02-17", "optional"],
      ["2026-04-03", "national"],
      ["2026-04-21", "national"],
      ["2026-05-01", "national"],
      ["2026-06-04", "optional"],
      ["2026-09-07", "national"],
      ["2026-10-12", "national"],
      ["2026-11-02", "national"],
      ["2026-11-20", "national"],
      ["2026-12-25", "national"],
    ]);
    // 15 November falls on a Sunday in 2026; election days are Sundays.
    expect(holidayOn("2026-11-15")).toEqual({ date: "2026-11-15", name: "Proclamação da República", kind: "national" });
    expect(holidayOn("2026-10-04")?.name).toBe("Dia de Eleição");
  });

  it("lists every 2027 weekday date of the national calendar", () => {
    expect(weekdays(2027)).toEqual([
      ["2027-01-01", "national"],
      ["2027-02-08", "optional"],
      ["2027-02-09", "optional"],
      ["2027-03-26", "national"],
      ["2027-04-21", "national"],
      ["2027-05-27", "optional"],
      ["2027-09-07", "national"],
      ["2027-10-12", "national"],
      ["2027-11-02", "national"],
      ["2027-11-15", "national"],
    ]);
    // 1 May, 20 November and 25 December 2027 are Saturdays.
    expect(holidayOn("2027-05-01")?.kind).toBe("national");
    expect(holidayOn("2027-11-20")?.kind).toBe("national");
    expect(holidayOn("2027-12-25")?.kind).toBe("national");
  });

  it("names the holidays as date-holidays does, in Portuguese", () => {
    const names = Object.fromEntries(brazilianHolidays(2026).map((h) => [h.date, h.name]));
    expect(names["2026-04-03"]).toBe("Sexta-Feira Santa");
    expect(names["2026-04-21"]).toBe("Dia de Tiradentes");
    expect(names["2026-11-20"]).toBe("Dia da Consciência Negra");
    expect(names["2026-12-25"]).toBe("Natal");
    expect(names["2026-02-16"]).toBe("Carnaval");
    expect(names["2026-06-04"]).toBe("Corpo de Deus");
  });

  it("adds Consciência Negra only from 2024 (Lei 14.759/2023)", () => {
    expect(holidayOn("2023-11-20")).toBeNull();
    expect(holidayOn("2024-11-20")?.kind).toBe("national");
  });

  it("ignores observances and half days: Mother's Day, Easter, Ash Wednesday, 24 and 31 December", () => {
    for (const date of ["2026-05-10", "2026-04-05", "2026-02-18", "2026-12-24", "2026-12-31"]) {
      expect(holidayOn(date, SAO_PAULO), date).toBeNull();
    }
    expect(isBusinessDay("2026-12-24", { place: SAO_PAULO, optionalDays: "closed" })).toBe(true);
  });

  it("places the movable days by Easter, with Carnival on Monday/Tuesday (2000–2100)", () => {
    for (let year = 2000; year <= 2100; year++) {
      const carnival = brazilianHolidays(year)
        .filter((h) => h.name === "Carnaval" && !isWeekend(h.date))
        .map((h) => h.date);
      expect(carnival.map(dayOfWeek), String(year)).toEqual([1, 2]);
      // Good Friday is 46 days after Carnival Monday (in 2000 it is also Tiradentes, which names the day).
      const goodFriday = holidayOn(addDays(carnival[0], 46))!;
      expect(goodFriday.kind, String(year)).toBe("national");
      expect(["Sexta-Feira Santa", "Dia de Tiradentes"]).toContain(goodFriday.name);
      expect(dayOfWeek(goodFriday.date)).toBe(5);
      expect(holidayOn(addDays(goodFriday.date, 62))).toMatchObject({ name: "Corpo de Deus", kind: "optional" });
    }
  });

  it("returns copies the caller cannot use to corrupt later answers", () => {
    const list = brazilianHolidays(2026, SAO_PAULO);
    list[0].date = "2026-01-02";
    list.pop();
    const found = holidayOn("2026-07-09", SAO_PAULO)!;
    found.name = "changed";
    expect(brazilianHolidays(2026, SAO_PAULO)[0].date).toBe("2026-01-01");
    expect(brazilianHolidays(2026, SAO_PAULO)).toHaveLength(list.length + 1);
    expect(holidayOn("2026-07-09", SAO_PAULO)?.name).toBe("Revolução Constitucionalista");
  });

  it("rejects malformed dates and years", () => {
    expect(() => holidayOn("2026-02-30")).toThrow(RangeError);
    expect(() => holidayOn("26-02-01")).toThrow(RangeError);
    expect(() => brazilianHolidays(2026.5)).toThrow(RangeError);
    expect(() => brazilianHolidays(10_000)).toThrow(RangeError);
  });
});

describe("holidays of the pickup address's state and city", () => {
  it("closes 9 July (state) and 25 January (city) for a São Paulo shipper", () => {
    expect(holidayOn("2026-07-09", SAO_PAULO)).toEqual({
      date: "2026-07-09",
      name: "Revolução Constitucionalista",
      kind: "state",
      place: "São Paulo",
    });
    expect(holidayOn("2026-01-25", SAO_PAULO)).toEqual({
      date: "2026-01-25",
      name: "Aniversário da Cidade",
      kind: "city",
      place: "São Paulo",
    });
    expect(isBusinessDay("2026-07-09", { place: SAO_PAULO })).toBe(false); // Thursday
    expect(isBusinessDay("2026-01-25", { place: SAO_PAULO })).toBe(false); // Sunday in 2026
    expect(isBusinessDay("2027-01-25", { place: SAO_PAULO })).toBe(false); // Monday in 2027
    expect(nextBusinessDay("2026-07-08", { place: SAO_PAULO })).toBe("2026-07-10");
  });

  it("keeps 9 July a business day for a Rio de Janeiro shipper and without a place", () => {
    expect(holidayOn("2026-07-09", RIO)).toBeNull();
    expect(isBusinessDay("2026-07-09", { place: RIO })).toBe(true);
    expect(isBusinessDay("2026-07-09")).toBe(true);
    expect(isBusinessDay("2026-07-09", { place: null })).toBe(true);
    expect(isBusinessDay("2026-07-09", { place: { state: null, city: "São Paulo" } })).toBe(true);
  });

  it("applies São Paulo's city holidays to São Paulo only, not to Campinas", () => {
    expect(holidayOn("2027-01-25", CAMPINAS)).toBeNull();
    expect(isBusinessDay("2027-01-25", { place: CAMPINAS })).toBe(true);
    expect(holidayOn("2026-07-09", CAMPINAS)?.kind).toBe("state");
    // Corpus Christi is a municipal holiday in São Paulo, a ponto facultativo in Campinas.
    expect(holidayOn("2026-06-04", SAO_PAULO)).toMatchObject({ kind: "city", place: "São Paulo" });
    expect(holidayOn("2026-06-04", CAMPINAS)?.kind).toBe("optional");
    expect(isBusinessDay("2026-06-04", { place: SAO_PAULO })).toBe(false);
    expect(isBusinessDay("2026-06-04", { place: CAMPINAS })).toBe(true);
  });

  it("keeps the national Consciência Negra in São Paulo state (date-holidays' SP rules drop it)", () => {
    for (const place of [CAMPINAS, SAO_PAULO, RIO]) {
      expect(holidayOn("2026-11-20", place)).toEqual({
        date: "2026-11-20",
        name: "Dia da Consciência Negra",
        kind: "national",
      });
    }
  });

  it("closes Carnival Tuesday in Rio de Janeiro state whatever the optional days policy", () => {
    expect(holidayOn("2026-02-17", RIO)).toMatchObject({ kind: "state", place: "Rio de Janeiro" });
    expect(isBusinessDay("2026-02-17", { place: RIO, optionalDays: "open" })).toBe(false);
    expect(isBusinessDay("2026-02-16", { place: RIO, optionalDays: "open" })).toBe(true);
  });

  it("matches the city without regard to accents, case or spacing", () => {
    for (const city of ["sao paulo", "SÃO  PAULO", " São Paulo "]) {
      expect(holidayOn("2027-01-25", { state: "sp", city })?.kind, city).toBe("city");
    }
  });

  it("refuses a state that is not a UF, changing nothing", () => {
    for (const state of ["XX", "__proto__", "constructor", "S\u0000P", "SP".repeat(100_000), ""]) {
      expect(() => holidayOn("2026-07-09", { state }), state.slice(0, 10)).toThrow(/Not a Brazilian state \(UF\)/);
    }
    expect(holidayOn("2026-07-09", SAO_PAULO)?.kind).toBe("state");
  });

  it("treats an unknown, hostile or huge city as the state alone", () => {
    for (const city of ["__proto__", "São\u0000Paulo", "São Paulo".repeat(100_000), ""]) {
      expect(holidayOn("2027-01-25", { state: "SP", city }), city.slice(0, 10)).toBeNull();
      expect(holidayOn("2026-07-09", { state: "SP", city })?.kind).toBe("state");
    }
  });

  it("names the state and the city whose holidays apply", () => {
    expect(placeNames({ state: "SP", city: "sao paulo" })).toEqual({ state: "São Paulo", city: "São Paulo" });
    expect(placeNames(CAMPINAS)).toEqual({ state: "São Paulo", city: null });
    expect(placeNames({ state: "RJ" })).toEqual({ state: "Rio de Janeiro", city: null });
    expect(() => placeNames({ state: null })).toThrow(RangeError);
  });

  it("reads the place from a shipper profile: a known UF, else national holidays only", () => {
    expect(holidayPlaceOf({ state: " sp ", city: "São Paulo" })).toEqual({ state: "SP", city: "São Paulo" });
    expect(holidayPlaceOf({ state: null, city: "São Paulo" })).toBeNull();
    expect(holidayPlaceOf({ state: "Sao Paulo", city: "São Paulo" })).toBeNull();
    expect(holidayPlaceOf({ state: "__proto__", city: null })).toBeNull();
  });
});

describe("the optional days policy", () => {
  const PONTOS = ["2026-02-16", "2026-02-17", "2026-06-04", "2027-02-08", "2027-02-09", "2027-05-27"];

  it("is open: carriers operate on pontos facultativos unless they announce otherwise", () => {
    expect(OPTIONAL_DAYS_POLICY).toBe("open");
    for (const date of PONTOS) {
      expect(isBusinessDay(date), date).toBe(true);
      expect(isBusinessDay(date, { place: CAMPINAS }), date).toBe(true);
    }
    expect(nextBusinessDay("2026-02-13")).toBe("2026-02-16");
  });

  it("closes them when asked", () => {
    for (const date of PONTOS) expect(isBusinessDay(date, { optionalDays: "closed" }), date).toBe(false);
    expect(nextBusinessDay("2026-02-13", { optionalDays: "closed" })).toBe("2026-02-18");
  });
});

describe("the process time zone does not move a holiday", () => {
  // date-holidays' Date objects are instants; their calendar day depends on TZ. 2018 still had São
  // Paulo's daylight saving (UTC−2 in January and February).
  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "America/Sao_Paulo"])("in %s", async (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      vi.resetModules();
      const fresh = await import("./holidays");
      expect(new Date(2018, 0, 25).getTimezoneOffset()).toBe(
        { "Pacific/Kiritimati": -840, "Pacific/Pago_Pago": 660, UTC: 0, "America/Sao_Paulo": 120 }[zone],
      );
      const dates = fresh.brazilianHolidays(2018, SAO_PAULO).map((h) => h.date);
      expect(dates).toContain("2018-01-25");
      expect(dates).toContain("2018-02-12");
      expect(dates).toContain("2018-02-13");
      expect(dates).toContain("2018-12-25");
      expect(dates).not.toContain("2018-01-24");
      expect(dates).not.toContain("2018-12-24");
      expect(fresh.holidayOn("2026-07-09", SAO_PAULO)?.kind).toBe("state");
      expect(fresh.holidayOn("2026-07-08", SAO_PAULO)).toBeNull();
      expect(fresh.holidayOn("2026-07-10", SAO_PAULO)).toBeNull();
    } finally {
      process.env.TZ = saved;
      vi.resetModules();
    }
  });
});

describe("nextBusinessDay / previousBusinessDay", () => {
  it.each([
    ["2026-03-09", "2026-03-10"], // Monday → Tuesday
    ["2026-03-06", "2026-03-09"], // Friday → Monday
    ["2026-03-07", "2026-03-09"], // Saturday → Monday
    ["2026-04-02", "2026-04-06"], // Thursday → skips Good Friday and the weekend
    ["2026-04-20", "2026-04-22"], // skips Tiradentes (Tuesday)
    ["2026-12-24", "2026-12-28"], // skips Christmas (Friday) and the weekend
    ["2026-12-31", "2027-01-04"], // New Year (Friday) and the weekend, across the year
    ["2026-11-19", "2026-11-23"], // Consciência Negra (Friday)
    ["2027-03-25", "2027-03-29"], // Good Friday 2027
  ])("after %s comes %s", (date, next) => {
    expect(nextBusinessDay(date)).toBe(next);
    expect(nextBusinessDay(date, { place: SAO_PAULO })).toBe(next);
  });

  it.each([
    ["2026-04-06", "2026-04-02"],
    ["2027-01-04", "2026-12-31"],
    ["2026-04-22", "2026-04-20"],
  ])("before %s comes %s", (date, previous) => {
    expect(previousBusinessDay(date)).toBe(previous);
  });

  it("steps back over the place's holidays", () => {
    expect(previousBusinessDay("2026-07-10", { place: SAO_PAULO })).toBe("2026-07-08");
    expect(previousBusinessDay("2026-07-10", { place: RIO })).toBe("2026-07-09");
  });
});

describe("addBusinessDays", () => {
  it("chains across weekends and holidays", () => {
    expect(addBusinessDays("2026-04-01", 1)).toBe("2026-04-02");
    expect(addBusinessDays("2026-04-01", 2)).toBe("2026-04-06"); // Good Friday + weekend
    expect(addBusinessDays("2026-04-01", 13)).toBe("2026-04-22"); // also Tiradentes
    expect(addBusinessDays("2026-12-23", 3)).toBe("2026-12-29");
    expect(addBusinessDays("2026-11-13", 5)).toBe("2026-11-23"); // Nov 15 is Sunday; Nov 20 Friday
    expect(addBusinessDays("2026-07-07", 2, { place: SAO_PAULO })).toBe("2026-07-10");
  });

  it("goes back with a negative count and stays put with zero", () => {
    expect(addBusinessDays("2026-04-06", -2)).toBe("2026-04-01");
    expect(addBusinessDays("2026-04-04", 0)).toBe("2026-04-04");
  });

  it("rejects non-integer or absurd counts and bad dates", () => {
    expect(() => addBusinessDays("2026-04-01", 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-04-01", 1e12)).toThrow(/within ±36600/);
    expect(() => addBusinessDays("2026-04-01", Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-04-31", 1)).toThrow(RangeError);
  });

  it("always lands on a business day and is undone by going back (property)", () => {
    const places = fc.constantFrom<HolidayPlace | null>(null, SAO_PAULO, CAMPINAS, RIO);
    const date = fc.integer({ min: 0, max: 365 * 10 }).map((offset) => addDays("2024-01-01", offset));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), places, (d, n, place) => {
        fc.pre(isBusinessDay(d, { place }));
        const later = addBusinessDays(d, n, { place });
        expect(isBusinessDay(later, { place })).toBe(true);
        expect(later > d).toBe(true);
        expect(addBusinessDays(later, -n, { place })).toBe(d);
        expect(addBusinessDays(d, n, { place })).toBe(
          addBusinessDays(addBusinessDays(d, n - 1, { place }), 1, { place }),
        );
      }),
    );
  });
});

describe("closedWeekdays", () => {
  it("lists the weekdays that are not business days at the place", () => {
    expect(closedWeekdays("2026-07-01", "2026-07-31", { place: SAO_PAULO })).toEqual(["2026-07-09"]);
    expect(closedWeekdays("2026-07-01", "2026-07-31", { place: RIO })).toEqual([]);
    expect(closedWeekdays("2026-02-01", "2026-02-28", { optionalDays: "closed" })).toEqual([
      "2026-02-16",
      "2026-02-17",
    ]);
  });

  it("refuses a range longer than 400 days", () => {
    expect(() => closedWeekdays("2026-01-01", "2030-01-01")).toThrow(/At most 400 days/);
  });
});
