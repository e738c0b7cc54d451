// The NF-e access key (chave de acesso): 44 characters that identify one Brazilian electronic
// invoice. Layout: cUF · AAMM · CNPJ · model · series · number · tpEmis · cNF · check digit (the
// mod-11 check digit of the NF-e MOC, Manual de Orientação do Contribuinte, section 5.4; alphanumeric
// CNPJ of IN RFB 2.229/2024 / NT 2025.001). Errors are codes plus values, turned into messages by i18n.

/** IBGE state codes (cUF) that may open a key. */
export const NFE_STATES: Readonly<Record<string, { uf: string; name: string }>> = {
  "11": { uf: "RO", name: "Rondônia" },
  "12": { uf: "AC", name: "Acre" },
  "13": { uf: "AM", name: "Amazonas" },
  "14": { uf: "RR", name: "Roraima" },
  "15": { uf: "PA", name: "Pará" },
  "16": { uf: "AP", name: "Amapá" },
  "17": { uf: "TO", name: "Tocantins" },
  "21": { uf: "MA", name: "Maranhão" },
  "22": { uf: "PI", name: "Piauí" },
  "23": { uf: "CE", name: "Ceará" },
  "24": { uf: "RN", name: "Rio Grande do Norte" },
  "25": { uf: "PB", name: "Paraíba" },
  "26": { uf: "PE", name: "Pernambuco" },
  "27": { uf: "AL", name: "Alagoas" },
  "28": { uf: "SE", name: "Sergipe" },
  "29": { uf: "BA", name: "Bahia" },
  "31": { uf: "MG", name: "Minas Gerais" },
  "32": { uf: "ES", name: "Espírito Santo" },
  "33": { uf: "RJ", name: "Rio de Janeiro" },
  "35": { uf: "SP", name: "São Paulo" },
  "41": { uf: "PR", name: "Paraná" },
  "42": { uf: "SC", name: "Santa Catarina" },
  "43": { uf: "RS", name: "Rio Grande do Sul" },
  "50": { uf: "MS", name: "Mato Grosso do Sul" },
  "51": { uf: "MT", name: "Mato Grosso" },
  "52": { uf: "GO", name: "Goiás" },
  "53": { uf: "DF", name: "Distrito Federal" },
};

const NFE_KEY_LENGTH = 44;
/** Model 55 = NF-e (65 would be an NFC-e, a consumer receipt that cannot back an export). */
const NFE_MODEL = 55;
/** tpEmis allowed for model 55: 1 normal … 7 SVC-RS (9 exists for NFC-e only). */
export const NFE_EMISSION_TYPES = [1, 2, 3, 4, 5, 6, 7] as const;

export type NfeErrorCode =
  "required" | "length" | "characters" | "state" | "month" | "cnpj" | "model" | "emissionType" | "checkDigit";

interface NfeError {
  code: NfeErrorCode;
  values?: Record<string, string | number>;
}

interface DecodedNfeKey {
  state: { code: number; uf: string; name: string };
  year: number;
  month: number;
  /** The issuer's 14 characters as in the key (a CPF issuer appears left-padded with "000"). */
  cnpj: string;
  /** "12.345.678/0001-95" (letters of an alphanumeric CNPJ kept), or "123.456.789-09" for a CPF issuer. */
  cnpjFormatted: string;
  issuerDocument: "cnpj" | "cpf";
  model: number;
  series: number;
  number: number;
  emissionType: number;
  randomCode: string;
  checkDigit: number;
}

export type NfeKeyResult = { ok: true; key: string; decoded: DecodedNfeKey } | { ok: false; error: NfeError };

/** Value of one character in the mod-11 sums: digits 0–9, letters ASCII − 48 (A = 17 … Z = 42). */
function charValue(char: string): number {
  return char.charCodeAt(0) - 48;
}

/** Σ value × weight, weights 2, 3, …, 9, 2, 3, … from the rightmost character; digit = 0 if r < 2 else 11 − r. */
function mod11Digit(body: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += charValue(body[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

/** The key's check digit (cDV) for its first 43 characters. Throws RangeError on any other input. */
export function nfeCheckDigit(first43: string): number {
  if (!/^[0-9A-Z]{43}$/.test(first43)) throw new RangeError("an NF-e key body has exactly 43 characters 0-9/A-Z");
  return mod11Digit(first43);
}

/**
 * The two check digits of a CNPJ base (8-character root + 4-character branch). The classic weights
 * 5,4,3,2,9,8,7,6,5,4,3,2 / 6,5,…,2 are the same as 2..9 repeating from the right; the alphanumeric
 * CNPJ (from July 2026) keeps them, valuing letters ASCII − 48.
 */
export function cnpjCheckDigits(base12: string): string {
  if (!/^[0-9A-Z]{12}$/.test(base12)) throw new RangeError("a CNPJ base has exactly 12 characters 0-9/A-Z");
  const first = mod11Digit(base12);
  return `${first}${mod11Digit(base12 + first)}`;
}

/** A CNPJ (numeric or alphanumeric, unformatted, uppercase) with correct check digits. */
export function isValidCnpj(cnpj: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(.)\1*$/.test(cnpj)) return false;
  return cnpjCheckDigits(cnpj.slice(0, 12)) === cnpj.slice(12);
}

/** A CPF (11 digits) with correct check digits: weights 10…2, then 11…2. */
export function isValidCpf(cpf: string): boolean {
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1*$/.test(cpf)) return false;
  const digit = (body: string): number => {
    let sum = 0;
    for (let i = 0; i < body.length; i++) sum += charValue(body[i]) * (body.length + 1 - i);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const first = digit(cpf.slice(0, 9));
  return `${first}${digit(cpf.slice(0, 9) + first)}` === cpf.slice(9);
}

export function formatCnpj(cnpj: string): string {
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12, 14)}`;
}

function formatCpf(cpf: string): string {
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9, 11)}`;
}

/**
 * A pasted key in its canonical form: uppercase, without a leading "NFe" (as in the XML Id attribute
 * "NFe3526…"), spaces, dots, dashes or slashes. It does not validate.
 */
export function normalizeNfeKey(input: string | null | undefined): string {
  if (!input) return "";
  return input
    .trim()
    .toUpperCase()
    .replace(/^NF-?E\s*:?/, "")
    .replace(/[\s.\-/]/g, "");
}

/** The key in groups of four, as printed on the DANFE. */
export function formatNfeKey(key: string): string {
  return key.replace(/(.{4})(?=.)/g, "$1 ");
}

function fail(code: NfeErrorCode, values?: NfeError["values"]): NfeKeyResult {
  return { ok: false, error: values ? { code, values } : { code } };
}

/** Checks a (possibly pasted) key part by part and decodes it; the first broken part is the error. */
export function validateNfeKey(input: string | null | undefined): NfeKeyResult {
  const key = normalizeNfeKey(input);
  if (key === "") return fail("required");
  const stray = key.search(/[^0-9A-Z]/);
  if (stray >= 0) return fail("characters", { position: stray + 1, character: key[stray] });
  if (key.length !== NFE_KEY_LENGTH) return fail("length", { length: key.length });
  // Letters may only appear in the 12-character base of an alphanumeric CNPJ (positions 7–18).
  const letter = [...key].findIndex((char, i) => /[A-Z]/.test(char) && (i < 6 || i >= 18));
  if (letter >= 0) return fail("characters", { position: letter + 1, character: key[letter] });

  const stateCode = key.slice(0, 2);
  const state = NFE_STATES[stateCode];
  if (!state) return fail("state", { code: stateCode });
  const month = Number(key.slice(4, 6));
  if (month < 1 || month > 12) return fail("month", { month: key.slice(4, 6) });

  const cnpj = key.slice(6, 20);
  let issuerDocument: DecodedNfeKey["issuerDocument"] = "cnpj";
  if (!isValidCnpj(cnpj)) {
    if (!(cnpj.startsWith("000") && isValidCpf(cnpj.slice(3)))) return fail("cnpj", { cnpj: formatCnpj(cnpj) });
    issuerDocument = "cpf";
  }
  const model = Number(key.slice(20, 22));
  if (model !== NFE_MODEL) return fail("model", { model: key.slice(20, 22) });
  const emissionType = Number(key[34]);
  if (!(NFE_EMISSION_TYPES as readonly number[]).includes(emissionType))
    return fail("emissionType", { value: key[34] });
  const expected = mod11Digit(key.slice(0, 43));
  if (expected !== Number(key[43])) return fail("checkDigit", { expected, actual: key[43] });

  return {
    ok: true,
    key,
    decoded: {
      state: { code: Number(stateCode), uf: state.uf, name: state.name },
      year: 2000 + Number(key.slice(2, 4)),
      month,
      cnpj,
      cnpjFormatted: issuerDocument === "cpf" ? formatCpf(cnpj.slice(3)) : formatCnpj(cnpj),
      issuerDocument,
      model,
      series: Number(key.slice(22, 25)),
      number: Number(key.slice(25, 34)),
      emissionType,
      randomCode: key.slice(35, 43),
      checkDigit: expected,
    },
  };
}
