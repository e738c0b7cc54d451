import { isSupportedCountry, isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import {
  countryCodeProblem,
  hsCodeProblem,
  isCountryCode,
  isCurrencyCode,
  normalizeHsCode,
  normalizePhone,
  normalizePostalCode,
  phoneProblem,
  postalCodeProblem,
  stateProblem,
  stateRequirement,
} from "./address-rules";

describe("country codes", () => {
  it.each(["US", "BR", "GB", "XK", "AQ"])("accepts %s", (code) => {
    expect(isCountryCode(code)).toBe(true);
    expect(countryCodeProblem(code)).toBeNull();
  });

  it.each([
    [null, "required"],
    ["", "required"],
    ["br", "invalid"],
    ["BRA", "invalid"],
    ["ZZ", "invalid"],
    ["UK", "invalid"],
  ])("%j → %s", (code, problem) => {
    expect(countryCodeProblem(code)).toBe(problem);
  });

  it("checks currency codes by shape", () => {
    expect(isCurrencyCode("BRL")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode(null)).toBe(false);
  });
});

describe("postal codes", () => {
  it.each([
    ["US", "10001"],
    ["US", "10001-1234"],
    ["US", "100011234"],
    ["CA", "M5V 3L9"],
    ["CA", "k1p1j1"],
    ["BR", "01310-100"],
    ["BR", "01310100"],
    ["GB", "SW1A 1AA"],
    ["GB", "EC1V 9HX"],
    ["GB", "M1 1AE"],
    ["GB", "W1F 0UW"],
    ["GB", "cr2 6xh"],
    ["DE", "10115"],
    ["FR", "75001"],
    ["ES", "28013"],
    ["IT", "00184"],
    ["PT", "1100-148"],
    ["NL", "1012 AB"],
    ["NL", "1012AB"],
    ["JP", "150-0001"],
    ["AU", "2000"],
    ["MX", "06700"],
    ["AR", "C1425ABC"],
    ["AR", "1425"],
    ["CL", "7500000"],
    ["CH", "8001"],
    ["KR", "06236"],
    ["CN", "100020"],
    ["SE", "111 22"],
    ["SE", "11122"],
    ["GR", "105 57"],
    ["GR", "10557"],
    ["IE", "D02 X285"],
    ["AE", ""],
    ["HK", null],
  ])("%s %j is fine", (country, code) => {
    expect(postalCodeProblem(country, code)).toBeNull();
  });

  it.each([
    ["US", "1000", "invalid"],
    ["US", "10001-12", "invalid"],
    ["US", "", "required"],
    ["CA", "123 456", "invalid"],
    ["CA", "D1A 1A1", "invalid"],
    ["BR", "1310-100", "invalid"],
    ["GB", "12345", "invalid"],
    ["DE", "1011", "invalid"],
    ["PT", "1100148", "invalid"],
    ["NL", "0123 AB", "invalid"],
    ["JP", "15-00001", "invalid"],
    ["AU", "20000", "invalid"],
    ["CL", "750000", "invalid"],
    ["CN", "10002", "invalid"],
    ["FR", "???", "invalid"],
    ["IE", "   ", "required"],
  ])("%s %j → %s", (country, code, problem) => {
    expect(postalCodeProblem(country, code)).toBe(problem);
  });

  it("normalizes case and spaces", () => {
    expect(normalizePostalCode("  m5v   3l9 ")).toBe("M5V 3L9");
    expect(normalizePostalCode(null)).toBe("");
  });
});

describe("state codes", () => {
  it("are required for US and CA, recommended for AU and MX", () => {
    expect(stateRequirement("US")).toBe("required");
    expect(stateRequirement("CA")).toBe("required");
    expect(stateRequirement("AU")).toBe("recommended");
    expect(stateRequirement("MX")).toBe("recommended");
    expect(stateRequirement("DE")).toBe("optional");
  });

  it.each([
    ["US", "NY", null],
    ["US", "pr", null],
    ["US", null, "required"],
    ["US", "  ", "required"],
    ["US", "XX", "invalid"],
    ["CA", "ON", null],
    ["CA", "NY", "invalid"],
    ["CA", "", "required"],
    ["AU", "", null],
    ["MX", null, null],
    ["AU", "NSW", null],
    ["DE", "BE", null],
  ])("%s %j → %s", (country, code, problem) => {
    expect(stateProblem(country, code)).toBe(problem);
  });
});

describe("phones", () => {
  it.each([
    ["+1 212 555 0143", "US", "+12125550143"],
    ["(212) 555-0143", "US", "+12125550143"],
    ["+44 20 7946 0958", "GB", "+442079460958"],
    ["+49 30 901820", "DE", "+4930901820"],
    ["+33 6 12 34 56 78", "FR", "+33612345678"],
    ["+81 90-1234-5678", "JP", "+819012345678"],
    ["+55 11 98765-4321", "US", "+5511987654321"],
  ])("%s for %s → %s", (phone, country, e164) => {
    expect(normalizePhone(phone, country)).toBe(e164);
    expect(phoneProblem(phone, country)).toBeNull();
  });

  it.each([
    [null, "US", "required"],
    ["", "US", "required"],
    ["12345", "US", "invalid"],
    ["+1 212 555", "US", "invalid"],
    ["+1 099 555 0143", "US", "invalid"], // area codes never start with 0
    ["(212) 555-0143", "GB", "invalid"], // a national number read in the wrong country
    ["call me", "DE", "invalid"],
  ])("%j for %s → %s", (phone, country, problem) => {
    expect(phoneProblem(phone, country)).toBe(problem);
  });

  it("answers as validating, then parsing with extraction, would: one parse or two", () => {
    // The reference: normalizePhone before it parsed a phone with nothing to extract only once.
    const twoParses = (phone: string, country: string) => {
      const region = isSupportedCountry(country) ? country : undefined;
      if (!isValidPhoneNumber(phone, region)) return null;
      return parsePhoneNumberFromString(phone, region)?.number ?? null;
    };
    const phones = [
      "+1 212 555 0143",
      "(212) 555-0143",
      "212-555-0143 ext. 12",
      "212 555 0143 #",
      "212 555 0143 x",
      "tel:+1-212-555-0143",
      "Phone: +55 11 98765-4321",
      "+55 (11) 98765-4321.",
      "＋８１ ９０-１２３４-５６７８",
      "٠٩١٢٣٤٥٦٧٨",
      "0044 20 7946 0958",
      "+44 20 7946 0958;",
      "98765-4321",
      "+1 212 555 0143 +1 212 555 0144",
      "1",
      "+",
      "#1",
    ];
    for (const phone of phones) {
      for (const country of ["US", "BR", "GB", "JP", "AQ", "ZZ"]) {
        expect([phone, country, normalizePhone(phone, country)]).toEqual([phone, country, twoParses(phone, country)]);
      }
    }
  });

  it("reads international numbers for countries libphonenumber has no metadata for", () => {
    expect(normalizePhone("+1 212 555 0143", "AQ")).toBe("+12125550143");
    expect(normalizePhone("2125550143", "AQ")).toBeNull();
  });
});

describe("HS codes", () => {
  it.each(["640399", "6403.99", "6403.99.90", "6403 99 90 00", "8471300000"])("accepts %s", (code) => {
    expect(hsCodeProblem(code)).toBeNull();
  });

  it.each([
    [null, "required"],
    [" . ", "required"],
    ["6402", "tooShort"],
    ["64.02.1", "tooShort"],
    ["64039990001", "tooLong"],
    ["6403-99", "invalid"],
    ["HS640399", "invalid"],
  ])("%j → %s", (code, problem) => {
    expect(hsCodeProblem(code)).toBe(problem);
  });

  it("normalizes dots and spaces away", () => {
    expect(normalizeHsCode(" 6403.99 90 ")).toBe("64039990");
  });
});
