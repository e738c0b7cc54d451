// Parses a PTAX OData request the way the Banco Central's Olinda service reads it: the entity or
// function under /olinda/servico/PTAX/versao/v1/odata/, its parameters as aliases
// (`CotacaoDolarDia(dataCotacao=@dataCotacao)?@dataCotacao='11-27-2026'`) or inline literals,
// and the query options $format, $top, $skip, $select, $orderby and $filter. What the service
// refuses — an unknown function, a missing or malformed parameter, an unknown field — is an
// OData error here too. The emulator's $filter understands `field eq value` joined by `and`,
// which is what PTAX clients send; anything else is refused rather than silently ignored.
import { fromPtaxDateParam, isPtaxCurrency, type PtaxCurrency } from "../../domain/ptax";
import type { IsoDate } from "../../domain/holidays";

export const ODATA_ROOT = "/olinda/servico/PTAX/versao/v1/odata/";
const MAX_URL_LENGTH = 4096;

const ROW_FIELDS = {
  Moedas: ["simbolo", "nomeFormatado", "tipoMoeda"],
  Dolar: ["cotacaoCompra", "cotacaoVenda", "dataHoraCotacao"],
  Moeda: ["paridadeCompra", "paridadeVenda", "cotacaoCompra", "cotacaoVenda", "dataHoraCotacao", "tipoBoletim"],
} as const;

const FUNCTIONS = {
  CotacaoDolarDia: { params: ["dataCotacao"], fields: ROW_FIELDS.Dolar },
  CotacaoDolarPeriodo: { params: ["dataInicial", "dataFinalCotacao"], fields: ROW_FIELDS.Dolar },
  CotacaoMoedaDia: { params: ["moeda", "dataCotacao"], fields: ROW_FIELDS.Moeda },
  CotacaoMoedaPeriodo: { params: ["moeda", "dataInicial", "dataFinalCotacao"], fields: ROW_FIELDS.Moeda },
} as const;

type PtaxFunction = keyof typeof FUNCTIONS;

export type PtaxTarget =
  { entity: "Moedas" } | { entity: PtaxFunction; currency: PtaxCurrency | "USD"; from: IsoDate; to: IsoDate };

export interface QueryOptions {
  top?: number;
  skip?: number;
  select?: string[];
  orderBy: { field: string; descending: boolean }[];
  filter: { field: string; value: string | number }[];
}

export type ParsedRequest =
  | { ok: true; target: PtaxTarget; fields: readonly string[]; options: QueryOptions }
  | { ok: false; status: number; code: string; message: string };

const fail = (message: string, code = "BadRequest", status = 400): ParsedRequest => ({
  ok: false,
  status,
  code,
  message,
});

/** The fields of an entity's rows, in the service's order. */
function fieldsOf(entity: PtaxTarget["entity"]): readonly string[] {
  return entity === "Moedas" ? ROW_FIELDS.Moedas : FUNCTIONS[entity].fields;
}

/** `'11-27-2026'` → "11-27-2026"; OData doubles a quote inside a string literal. */
function stringLiteral(raw: string): string | null {
  if (raw.length < 2 || !raw.startsWith("'") || !raw.endsWith("'")) return null;
  const inner = raw.slice(1, -1);
  if (inner.replaceAll("''", "").includes("'")) return null;
  return inner.replaceAll("''", "'");
}

function parseFunctionCall(
  resource: string,
  search: URLSearchParams,
): { name: PtaxFunction; args: Record<string, string> } | string {
  const call = /^([A-Za-z]+)\((.*)\)$/.exec(resource);
  if (!call) return `Resource not found for the segment '${resource}'.`;
  const name = call[1];
  if (!Object.hasOwn(FUNCTIONS, name)) return `Resource not found for the segment '${name}'.`;
  const expected: readonly string[] = FUNCTIONS[name as PtaxFunction].params;
  const args: Record<string, string> = Object.create(null);
  for (const pair of call[2] ? call[2].split(",") : []) {
    const eq = pair.indexOf("=");
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1).trim();
    if (eq < 0 || !expected.includes(key) || key in args) return `Unexpected parameter '${key || pair}' for ${name}.`;
    const value = raw.startsWith("@") ? search.get(raw) : raw;
    if (value === null) return `The parameter alias '${raw}' of ${name} has no value.`;
    const literal = stringLiteral(value.trim());
    if (literal === null) return `The value of '${key}' must be a single-quoted string, got ${value.slice(0, 40)}.`;
    args[key] = literal;
  }
  const missing = expected.filter((key) => !(key in args));
  if (missing.length > 0)
    return `${name} is missing the parameter${missing.length > 1 ? "s" : ""} ${missing.join(", ")}.`;
  return { name: name as PtaxFunction, args };
}

function parseTarget(resource: string, search: URLSearchParams): PtaxTarget | string {
  if (resource === "Moedas") return { entity: "Moedas" };
  const call = parseFunctionCall(resource, search);
  if (typeof call === "string") return call;
  const { name, args } = call;
  const dates: IsoDate[] = [];
  for (const key of ["dataCotacao", "dataInicial", "dataFinalCotacao"]) {
    if (!(key in args)) continue;
    const date = fromPtaxDateParam(args[key]);
    if (!date) return `The value of '${key}' is not a date in the format 'MM-DD-YYYY': '${args[key].slice(0, 40)}'.`;
    dates.push(date);
  }
  const [from, to = from] = dates;
  if (to < from) return `dataInicial must not be after dataFinalCotacao.`;
  if (!("moeda" in args)) return { entity: name, currency: "USD", from, to };
  if (!isPtaxCurrency(args.moeda)) return `Unknown currency '${args.moeda.slice(0, 10)}': see the Moedas entity.`;
  return { entity: name, currency: args.moeda, from, to };
}

function parseCount(raw: string | null, name: string): number | undefined | string {
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) return `${name} must be a non-negative integer, got '${raw.slice(0, 20)}'.`;
  return Number(raw);
}

function parseOptions(search: URLSearchParams, fields: readonly string[]): QueryOptions | string {
  for (const key of search.keys()) {
    if (key.startsWith("$") && !["$format", "$top", "$skip", "$select", "$orderby", "$filter"].includes(key)) {
      return `The query parameter '${key.slice(0, 20)}' is not supported.`;
    }
  }
  const format = search.get("$format");
  if (format !== null && format !== "json" && format !== "application/json") {
    return `The emulator answers $format=json only, got '${format.slice(0, 20)}'.`;
  }
  const top = parseCount(search.get("$top"), "$top");
  const skip = parseCount(search.get("$skip"), "$skip");
  if (typeof top === "string") return top;
  if (typeof skip === "string") return skip;
  const known = (field: string) => fields.includes(field);
  const options: QueryOptions = { top, skip, orderBy: [], filter: [] };
  const select = search.get("$select");
  if (select !== null) {
    options.select = select.split(",").map((field) => field.trim());
    const unknown = options.select.find((field) => !known(field));
    if (unknown !== undefined) return `Could not find a property named '${unknown.slice(0, 40)}'.`;
  }
  const orderBy = search.get("$orderby");
  if (orderBy !== null) {
    for (const term of orderBy.split(",")) {
      const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/.exec(term);
      if (!match || !known(match[1])) return `Invalid $orderby term '${term.slice(0, 40)}'.`;
      options.orderBy.push({ field: match[1], descending: match[2] === "desc" });
    }
  }
  const filter = search.get("$filter");
  if (filter !== null) {
    for (const term of filter.split(/\s+and\s+/)) {
      const match = /^\s*(\w+)\s+eq\s+('.*'|-?\d+(?:\.\d+)?)\s*$/.exec(term);
      if (!match || !known(match[1])) return `Unsupported $filter expression '${term.slice(0, 60)}'.`;
      const literal = match[2].startsWith("'") ? stringLiteral(match[2]) : Number(match[2]);
      if (literal === null) return `Invalid string literal in $filter: ${match[2].slice(0, 40)}.`;
      options.filter.push({ field: match[1], value: literal });
    }
  }
  return options;
}

/** Reads a request for the OData service (`pathname` as received, `search` its query string). */
export function parsePtaxRequest(pathname: string, rawSearch: string): ParsedRequest {
  if (pathname.length + rawSearch.length > MAX_URL_LENGTH)
    return fail("The request URL is too long.", "UriTooLong", 414);
  if (!pathname.startsWith(ODATA_ROOT)) return fail("Not found.", "NotFound", 404);
  let resource: string;
  let search: URLSearchParams;
  try {
    resource = decodeURIComponent(pathname.slice(ODATA_ROOT.length));
    search = new URLSearchParams(rawSearch);
  } catch {
    return fail("The request URL is not properly encoded.");
  }
  if (resource.includes("\0") || rawSearch.includes("%00")) return fail("The request URL contains a NUL character.");
  const target = parseTarget(resource, search);
  if (typeof target === "string") return fail(target);
  const fields = fieldsOf(target.entity);
  const options = parseOptions(search, fields);
  if (typeof options === "string") return fail(options);
  return { ok: true, target, fields, options };
}
