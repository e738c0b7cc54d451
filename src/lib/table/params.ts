// The state of a server-side table lives in the URL: ?page=2&perPage=20&sort=email.asc&q=ana&role=admin,operator
// This module (pure, shared by server and client) parses it against a table's spec, dropping
// anything unknown so that a hand-edited URL can never reach SQL unchecked. A parameter that
// cannot be used (unknown, malformed, too long, NUL or other control characters) falls back to its
// default: the page always renders.

export type SearchParams = Record<string, string | string[] | undefined>;

export interface TableSpec<TSort extends string = string, TFilter extends string = string> {
  sortable: readonly TSort[];
  defaultSort: { id: TSort; desc: boolean };
  /** Filter name → the values it accepts (multi-select). */
  filters?: Record<TFilter, readonly string[]>;
  perPageOptions?: readonly number[];
  defaultPerPage?: number;
}

export interface TableState<TSort extends string = string, TFilter extends string = string> {
  page: number;
  perPage: number;
  sort: { id: TSort; desc: boolean };
  filters: Partial<Record<TFilter, string[]>>;
  q: string;
}

export const DEFAULT_PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
const MAX_PAGE = 1_000_000;
const MAX_SEARCH_LENGTH = 100;
/** Longer page, perPage, sort or filter parameters are no value any table knows. */
const MAX_PARAM_LENGTH = 200;

// PostgreSQL refuses a NUL in a text parameter, so one in the search box failed the page's query.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" && one.length <= MAX_PARAM_LENGTH ? one : undefined;
}

/**
 * A free-text URL parameter (the search box, an order lookup) made safe to search with: control
 * characters become spaces, runs of spaces one, trimmed, at most `maxLength` characters.
 */
export function cleanTextParam(value: string | string[] | undefined, maxLength: number = MAX_SEARCH_LENGTH): string {
  const one = Array.isArray(value) ? value[0] : value;
  if (typeof one !== "string") return "";
  return one
    .slice(0, maxLength * 4)
    .replace(CONTROL_CHARACTERS, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trim();
}

export function defineTable<TSort extends string, TFilter extends string = never>(
  spec: TableSpec<TSort, TFilter>,
): TableSpec<TSort, TFilter> {
  return spec;
}

export function parseTableState<TSort extends string, TFilter extends string>(
  params: SearchParams,
  spec: TableSpec<TSort, TFilter>,
): TableState<TSort, TFilter> {
  const perPageOptions = spec.perPageOptions ?? DEFAULT_PER_PAGE_OPTIONS;
  const defaultPerPage = spec.defaultPerPage ?? 20;

  const pageNumber = Number(first(params.page));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1;

  const perPageNumber = Number(first(params.perPage));
  const perPage = perPageOptions.includes(perPageNumber) ? perPageNumber : defaultPerPage;

  let sort = spec.defaultSort;
  const sortParam = first(params.sort);
  if (sortParam) {
    const [id, direction] = sortParam.split(".");
    if ((spec.sortable as readonly string[]).includes(id) && (direction === "asc" || direction === "desc")) {
      sort = { id: id as TSort, desc: direction === "desc" };
    }
  }

  const filters: Partial<Record<TFilter, string[]>> = {};
  for (const [name, allowed] of Object.entries(spec.filters ?? {}) as [TFilter, readonly string[]][]) {
    const raw = params[name];
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : [])
      .filter((value) => typeof value === "string" && value.length <= MAX_PARAM_LENGTH)
      .flatMap((value) => value.split(","))
      .filter((value) => allowed.includes(value));
    if (values.length > 0) filters[name] = [...new Set(values)];
  }

  const q = cleanTextParam(params.q);
  return { page, perPage, sort, filters, q };
}

/** The URL query for a state, leaving out defaults so links stay short. */
export function serializeTableState<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  spec: TableSpec<TSort, TFilter>,
  base?: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ["page", "perPage", "sort", "q", ...Object.keys(spec.filters ?? {})]) params.delete(key);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.perPage !== (spec.defaultPerPage ?? 20)) params.set("perPage", String(state.perPage));
  if (state.sort.id !== spec.defaultSort.id || state.sort.desc !== spec.defaultSort.desc) {
    params.set("sort", `${state.sort.id}.${state.sort.desc ? "desc" : "asc"}`);
  }
  if (state.q) params.set("q", state.q);
  for (const [name, values] of Object.entries(state.filters) as [string, string[] | undefined][]) {
    if (values && values.length > 0) params.set(name, values.join(","));
  }
  return params;
}

export function pageCount(rowCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(rowCount / perPage));
}
