import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addDays,
  brazilianHolidays,
  dayOfWeek,
  daysBetween,
  easterSunday,
  holidayOn,
  isBusinessDay,
  isIsoDate,
  nextBusinessDay,
  previousBusinessDay,
} from "./holidays";

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2000, "2000-04-23"],
    [1818, "1818-03-22"], // earliest possible date
    [2038, "2038-04-25"], // latest possible date
  ])("%i → %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(dayOfWeek(date)).toBe(0);
  });

  it("always falls on a Sunday between 22 March and 25 April", () => {
    for (let year = 1600; year <= 2400; year++) {
      const easter = easterSunday(year);
      expect(dayOfWeek(easter)).toBe(0);
      expect(easter.slice(5) >= "03-22" && easter.slice(5) <= "04-25").toBe(true);
    }
  });

  it("rejects years outside the Gregorian range", () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe("brazilianHolidays", () => {
  // DOMAIN.md §4 table: 2026 from Portaria MGI 11.460, 2027 computed from Easter (28 Mar 2027).
  it("lists every 2026 date of DOMAIN.md", () => {
    expect(brazilianHolidays(2026).map((h) => [h.date, h.kind])).toEqual([
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
      ["2026-11-15", "national"],
      ["2026-11-20", "national"],
      ["2026-12-25", "national"],
    ]);
  });

  it("lists every 2027 date of DOMAIN.md", () => {
    expect(brazilianHolidays(2027).map((h) => [h.date, h.kind])).toEqual([
      ["2027-01-01", "national"],
      ["2027-02-08", "optional"],
      ["2027-02-09", "optional"],
      ["2027-03-26", "national"],
      ["2027-04-21", "national"],
      ["2027-05-01", "national"],
      ["2027-05-27", "optional"],
      ["2027-09-07", "national"],
      ["2027-10-12", "national"],
      ["2027-11-02", "national"],
      ["2027-11-15", "national"],
      ["2027-11-20", "national"],
      ["2027-12-25", "national"],
    ]);
  });

  it("names the holidays", () => {
    const names = Object.fromEntries(brazilianHolidays(2026).map((h) => [h.date, h.name]));
    expect(names["2026-04-03"]).toBe("Paixão de Cristo");
    expect(names["2026-04-21"]).toBe("Tiradentes");
    expect(names["2026-11-20"]).toBe("Dia Nacional de Zumbi e da Consciência Negra");
    expect(names["2026-12-25"]).toBe("Natal");
    expect(names["2026-02-16"]).toBe("Carnaval (segunda-feira)");
    expect(names["2026-06-04"]).toBe("Corpus Christi");
  });

  it("adds Consciência Negra only from 2024 (Lei 14.759/2023)", () => {
    expect(brazilianHolidays(2023).some((h) => h.date === "2023-11-20")).toBe(false);
    expect(brazilianHolidays(2024).some((h) => h.date === "2024-11-20")).toBe(true);
    expect(brazilianHolidays(2023)).toHaveLength(12);
  });

  it("places the movable days relative to Easter, with Carnival on Monday/Tuesday", () => {
    for (let year = 2000; year <= 2100; year++) {
      const easter = easterSunday(year);
      const byName = Object.fromEntries(brazilianHolidays(year).map((h) => [h.name, h.date]));
      expect(daysBetween(byName["Carnaval (segunda-feira)"], easter)).toBe(48);
      expect(dayOfWeek(byName["Carnaval (segunda-feira)"])).toBe(1);
      expect(dayOfWeek(byName["Carnaval (terça-feira)"])).toBe(2);
      expect(dayOfWeek(byName["Paixão de Cristo"])).toBe(5);
      expect(dayOfWeek(byName["Corpus Christi"])).toBe(4);
      expect(daysBetween(easter, byName["Corpus Christi"])).toBe(60);
    }
  });

  it("returns copies the caller cannot use to corrupt later answers", () => {
    const list = brazilianHolidays(2026);
    list[0].date = "2026-01-02";
    list.pop();
    expect(brazilianHolidays(2026)[0].date).toBe("2026-01-01");
    expect(brazilianHolidays(2026)).toHaveLength(13);
  });
});

describe("holidayOn", () => {
  it("finds a holiday or returns null", () => {
    expect(holidayOn("2026-04-21")).toEqual({ date: "2026-04-21", name: "Tiradentes", kind: "national" });
    expect(holidayOn("2026-04-22")).toBeNull();
  });

  it("rejects malformed dates", () => {
    expect(() => holidayOn("2026-02-30")).toThrow(RangeError);
    expect(() => holidayOn("26-02-01")).toThrow(RangeError);
  });
});

describe("isIsoDate", () => {
  it.each(["2026-01-01", "2024-02-29", "2026-12-31"])("accepts %s", (d) => expect(isIsoDate(d)).toBe(true));
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "2026-01-32", "", "2026/01/01", 20260101])(
    "rejects %s",
    (d) => expect(isIsoDate(d)).toBe(false),
  );
});

describe("isBusinessDay", () => {
  it("refuses weekends", () => {
    expect(isBusinessDay("2026-03-07")).toBe(false); // Saturday
    expect(isBusinessDay("2026-03-08")).toBe(false); // Sunday
    expect(isBusinessDay("2026-03-09")).toBe(true); // Monday
  });

  it("refuses every weekday national holiday of 2026 and 2027", () => {
    for (const year of [2026, 2027]) {
      for (const h of brazilianHolidays(year).filter((x) => x.kind === "national")) {
        expect(isBusinessDay(h.date), h.date).toBe(false);
      }
    }
  });

  it("counts pontos facultativos as business days unless asked otherwise", () => {
    for (const date of ["2026-02-16", "2026-02-17", "2026-06-04", "2027-02-08", "2027-02-09", "2027-05-27"]) {
      expect(isBusinessDay(date), date).toBe(true);
      expect(isBusinessDay(date, { optionalAsHoliday: true }), date).toBe(false);
    }
  });

  it("counts ordinary weekdays around holidays", () => {
    expect(isBusinessDay("2026-04-02")).toBe(true); // Thursday before Good Friday
    expect(isBusinessDay("2026-04-20")).toBe(true); // Monday before Tiradentes
    expect(isBusinessDay("2026-11-19")).toBe(true);
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
  });

  it("skips Carnival only when pontos facultativos are closed", () => {
    expect(nextBusinessDay("2026-02-13")).toBe("2026-02-16");
    expect(nextBusinessDay("2026-02-13", { optionalAsHoliday: true })).toBe("2026-02-18");
  });

  it.each([
    ["2026-04-06", "2026-04-02"],
    ["2027-01-04", "2026-12-31"],
    ["2026-04-22", "2026-04-20"],
  ])("before %s comes %s", (date, previous) => {
    expect(previousBusinessDay(date)).toBe(previous);
  });
});

describe("addBusinessDays", () => {
  it("chains across weekends and holidays", () => {
    expect(addBusinessDays("2026-04-01", 1)).toBe("2026-04-02");
    expect(addBusinessDays("2026-04-01", 2)).toBe("2026-04-06"); // Good Friday + weekend
    expect(addBusinessDays("2026-04-01", 13)).toBe("2026-04-22"); // also Tiradentes
    expect(addBusinessDays("2026-12-23", 3)).toBe("2026-12-29");
    expect(addBusinessDays("2026-11-13", 5)).toBe("2026-11-23"); // Nov 15 is Sunday; Nov 20 Friday
  });

  it("goes back with a negative count and stays put with zero", () => {
    expect(addBusinessDays("2026-04-06", -2)).toBe("2026-04-01");
    expect(addBusinessDays("2026-04-04", 0)).toBe("2026-04-04");
  });

  it("rejects non-integer counts and bad dates", () => {
    expect(() => addBusinessDays("2026-04-01", 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays("2026-04-31", 1)).toThrow(RangeError);
  });

  it("always lands on a business day and is undone by going back (property)", () => {
    const date = fc
      .integer({ min: 0, max: 365 * 10 })
      .map((offset) => addDays("2024-01-01", offset))
      .filter((d) => isBusinessDay(d));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const later = addBusinessDays(d, n);
        expect(isBusinessDay(later)).toBe(true);
        expect(later > d).toBe(true);
        expect(addBusinessDays(later, -n)).toBe(d);
        expect(addBusinessDays(d, n)).toBe(addBusinessDays(addBusinessDays(d, n - 1), 1));
      }),
    );
  });
});
