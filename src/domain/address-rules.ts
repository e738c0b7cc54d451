// Field rules for a recipient address and customs lines (what the carriers' APIs require):
// ISO country codes, postal codes by country, state codes, phones (libphonenumber), HS codes.
// Each check returns null when the value is fine, else a problem code the UI translates.
import { isSupportedCountry, isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";

export type RuleProblem = "required" | "invalid" | "tooShort" | "tooLong";

const blank = (value: string | null | undefined): boolean => !value || value.trim() === "";

// ------------------------------------------------------------------------------------------------
// Countries

/** ISO 3166-1 alpha-2 (the 249 assigned codes), plus AC, TA and XK, which Shopify also uses. */
const COUNTRY_CODES = new Set(
  (
    "AC AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT " +
    "BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER " +
    "ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID " +
    "IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV " +
    "LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR " +
    "NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL " +
    "SM SN SO SR SS ST SV SX SY SZ TA TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA " +
    "VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"
  ).split(" "),
);

/** An assigned ISO 3166-1 alpha-2 code, uppercase ("ZZ", "br" and "BRA" are not). */
export function isCountryCode(value: string | null | undefined): value is string {
  return typeof value === "string" && COUNTRY_CODES.has(value);
}

export function countryCodeProblem(value: string | null | undefined): RuleProblem | null {
  if (blank(value)) return "required";
  return isCountryCode(value) ? null : "invalid";
}

/** ISO 4217 shape: three uppercase letters. */
export function isCurrencyCode(value: string | null | undefined): value is string {
  return typeof value === "string" && /^[A-Z]{3}$/.test(value);
}

// ------------------------------------------------------------------------------------------------
// Postal codes

const FIVE_DIGITS = /^\d{5}$/;

/** Patterns for normalized postal codes (trimmed, uppercase, single spaces). */
const POSTAL_CODE_PATTERNS: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(-?\d{4})?$/,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
  BR: /^\d{5}-?\d{3}$/,
  GB: /^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2})$/,
  DE: FIVE_DIGITS,
  FR: FIVE_DIGITS,
  ES: FIVE_DIGITS,
  IT: FIVE_DIGITS,
  MX: FIVE_DIGITS,
  KR: FIVE_DIGITS,
  PT: /^\d{4}-\d{3}$/,
  NL: /^[1-9]\d{3} ?[A-Z]{2}$/,
  JP: /^\d{3}-?\d{4}$/,
  AU: /^\d{4}$/,
  CH: /^\d{4}$/,
  // Argentina: the CPA (letter, 4 digits, 3 letters) or the older 4 digits still in common use.
  AR: /^([A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})$/,
  CL: /^\d{7}$/,
  CN: /^\d{6}$/,
  SE: /^\d{3} ?\d{2}$/,
  GR: /^\d{3} ?\d{2}$/,
};

/** Countries without postal codes: an empty value is fine there. */
const NO_POSTAL_CODE = new Set(
  (
    "AE AG AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK JM KI KM KN KP LC " +
    "ML MO MR MW NR NU QA RW SB SC SL SR ST SY TD TF TG TK TL TO TV UG VU YE ZW"
  ).split(" "),
);

export function normalizePostalCode(value: string | null | undefined): string {
  return (value ?? "").trim().toUpperCase().replace(/\s+/g, " ");
}

/** Countries with a pattern must match it; others accept any non-empty value (or none, if they use none). */
export function postalCodeProblem(country: string, value: string | null | undefined): RuleProblem | null {
  const code = normalizePostalCode(value);
  if (code === "") return NO_POSTAL_CODE.has(country) ? null : "required";
  const pattern = POSTAL_CODE_PATTERNS[country];
  return !pattern || pattern.test(code) ? null : "invalid";
}

// ------------------------------------------------------------------------------------------------
// States and provinces

const STATE_CODES: Readonly<Record<string, ReadonlySet<string>>> = {
  US: new Set(
    (
      "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND " +
      "OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM FM MH PW AA AE AP"
    ).split(" "),
  ),
  CA: new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" ")),
};

/** Carriers need the state code for US and CA (FedEx, UPS); AU and MX are recommended. */
const STATE_REQUIRED = new Set(["US", "CA"]);
const STATE_RECOMMENDED = new Set(["AU", "MX"]);

export function stateRequirement(country: string): "required" | "recommended" | "optional" {
  if (STATE_REQUIRED.has(country)) return "required";
  return STATE_RECOMMENDED.has(country) ? "recommended" : "optional";
}

/** A state code missing where required, or not one of the country's known codes. */
export function stateProblem(country: string, provinceCode: string | null | undefined): RuleProblem | null {
  const code = (provinceCode ?? "").trim().toUpperCase();
  if (code === "") return stateRequirement(country) === "required" ? "required" : null;
  const known = STATE_CODES[country];
  return !known || known.has(code) ? null : "invalid";
}

// ------------------------------------------------------------------------------------------------
// Phones

/**
 * The phone in international E.164 form ("+12025550143") when it is a valid number, read as a
 * number of `country` unless it starts with "+"; null otherwise. Uses libphonenumber's full metadata,
 * which checks the digits and not only the length.
 */
// What parsePhoneNumberFromString's extraction would cut off a phone: whatever is before its first
// digit or plus sign, and every character but a digit or # after its last digit. Of a phone with
// neither, isValidPhoneNumber (which does not extract) and parsePhoneNumberFromString parse the same
// text the same way, so one parse answers both: an import spent a fifth of its mapping in these two.
const PHONE_START = /^[+\uFF0B0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9]/;
const PHONE_END = /[0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9#]$/;

export function normalizePhone(phone: string | null | undefined, country: string): string | null {
  if (!phone || blank(phone)) return null;
  const region = isSupportedCountry(country) ? country : undefined;
  if (PHONE_START.test(phone) && PHONE_END.test(phone)) {
    const parsed = parsePhoneNumberFromString(phone, { defaultCountry: region, extract: false });
    return parsed?.isValid() ? (parsed.number ?? null) : null;
  }
  if (!isValidPhoneNumber(phone, region)) return null;
  return parsePhoneNumberFromString(phone, region)?.number ?? null;
}

/** `normalized`: normalizePhone's answer for this phone and country, when the caller has it already. */
export function phoneProblem(
  phone: string | null | undefined,
  country: string,
  normalized: string | null = normalizePhone(phone, country),
): RuleProblem | null {
  if (blank(phone)) return "required";
  return normalized ? null : "invalid";
}

// ------------------------------------------------------------------------------------------------
// HS codes

/** The HS code without dots and spaces ("6403.99.90" → "64039990"). */
export function normalizeHsCode(value: string | null | undefined): string {
  return (value ?? "").replace(/[.\s]/g, "");
}

/** At least the 6 internationally harmonised digits, at most 10 (national subheadings), digits only. */
export function hsCodeProblem(value: string | null | undefined): RuleProblem | null {
  const code = normalizeHsCode(value);
  if (code === "") return "required";
  if (!/^\d+$/.test(code)) return "invalid";
  if (code.length < 6) return "tooShort";
  return code.length > 10 ? "tooLong" : null;
}
