import { describe, expect, it } from "vitest";
import {
  fromPtaxDateParam,
  hasPtaxBulletin,
  isPtaxCurrency,
  latestExpectedClosing,
  parsePtaxTimestamp,
  PTAX_CURRENCIES,
  toPtaxDateParam,
} from "./ptax";

describe("PTAX calendar", () => {
  it("has bulletins on business days only, and none on Carnival or Corpus Christi", () => {
    expect(hasPtaxBulletin("2026-11-27")).toBe(true); // Friday
    expect(hasPtaxBulletin("2026-11-28")).toBe(false); // Saturday
    expect(hasPtaxBulletin("2026-11-20")).toBe(false); // Consciência Negra
    expect(hasPtaxBulletin("2026-02-16")).toBe(false); // Carnival Monday
    expect(hasPtaxBulletin("2026-06-04")).toBe(false); // Corpus Christi
  });

  it("expects today's closing only after 13:30 Brasília on a bulletin day", () => {
    // 2026-11-27 is a Friday; Brasília is UTC−3.
    expect(latestExpectedClosing(new Date("2026-11-27T16:29:00Z"))).toBe("2026-11-26");
    expect(latestExpectedClosing(new Date("2026-11-27T16:30:00Z"))).toBe("2026-11-27");
    // Saturday and Monday morning both point at Friday.
    expect(latestExpectedClosing(new Date("2026-11-28T20:00:00Z"))).toBe("2026-11-27");
    expect(latestExpectedClosing(new Date("2026-11-30T12:00:00Z"))).toBe("2026-11-27");
    // 21 Nov 2026 (Saturday) after the Friday holiday of 20 Nov: Thursday 19 Nov.
    expect(latestExpectedClosing(new Date("2026-11-21T18:00:00Z"))).toBe("2026-11-19");
    // 01:00 UTC on the 28th is still the 27th in Brasília, after the closing.
    expect(latestExpectedClosing(new Date("2026-11-28T01:00:00Z"))).toBe("2026-11-27");
  });
});

describe("PTAX formats", () => {
  it("writes and reads month-first dates", () => {
    expect(toPtaxDateParam("2026-01-05")).toBe("01-05-2026");
    expect(fromPtaxDateParam("01-05-2026")).toBe("2026-01-05");
    expect(fromPtaxDateParam("1-5-2026")).toBe("2026-01-05");
    expect(fromPtaxDateParam("2026-01-05")).toBeNull();
    expect(fromPtaxDateParam("13-01-2026")).toBeNull(); // day-first is refused, month 13
    expect(fromPtaxDateParam("02-30-2026")).toBeNull();
    expect(() => toPtaxDateParam("2026-02-30")).toThrow(RangeError);
  });

  it("reads dataHoraCotacao as Brasília time", () => {
    const parsed = parsePtaxTimestamp("2026-11-27 13:04:29.158");
    expect(parsed?.date).toBe("2026-11-27");
    expect(parsed?.instant.toISOString()).toBe("2026-11-27T16:04:29.158Z");
    expect(parsePtaxTimestamp("2026-11-27 13:04:29")?.instant.toISOString()).toBe("2026-11-27T16:04:29.000Z");
    expect(parsePtaxTimestamp("2026-11-27 13:04:29.5")?.instant.toISOString()).toBe("2026-11-27T16:04:29.500Z");
    for (const bad of ["2026-11-27T13:04:29", "2026-02-30 13:00:00", "2026-11-27 24:00:00", "", "x".repeat(10_000)]) {
      expect(parsePtaxTimestamp(bad)).toBeNull();
    }
  });

  it("knows the ten PTAX currencies and nothing else", () => {
    expect(new Set(PTAX_CURRENCIES).size).toBe(10);
    expect(isPtaxCurrency("EUR")).toBe(true);
    for (const bad of ["BRL", "eur", "__proto__", "toString", 1, null]) expect(isPtaxCurrency(bad)).toBe(false);
  });
});
