// The state of a server-side table lives in the URL: ?page=2&perPage=20&sort=email.asc&q=ana&role=admin,operator
// This module (pure, shared by server and client) parses it against a table's spec, dropping
// anything unknown so that a hand-edited URL can never reach SQL unchecked. A parameter that
// cannot be used (unknown, malformed, too long, NUL or other control characters) falls back to its
// default: the page always renders.

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * What a filter accepts: a fixed list of values (its options), or `"id"` — any well-formed row id
 * (a UUID) of rows the database holds, such as a store, whose options are read at request time. The
 * query resolves an id itself (no rows for an id nothing has), so the filter needs no list kept
 * beside the spec.
 */
type FilterValues = readonly string[] | "id";

export interface TableSpec<TSort extends string = string, TFilter extends string = string> {
  sortable: readonly TSort[];
  defaultSort: { id: TSort; desc: boolean };
  /** Filter name → the values it accepts; each filter takes several values at once. */
  filters: Record<TFilter, FilterValues>;
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

/** The state a spec parses to, typed by its sort ids and filter names. */
export type StateOf<S> = S extends TableSpec<infer TSort, infer TFilter> ? TableState<TSort, TFilter> : never;

export const DEFAULT_PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;
const MAX_PAGE = 1_000_000;
const MAX_SEARCH_LENGTH = 100;
/** Longer page, perPage, sort or filter parameters are no value any table knows. */
const MAX_PARAM_LENGTH = 200;

// PostgreSQL refuses a NUL in a text parameter, so one in the search box failed the page's query.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

const ROW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a filter that accepts `allowed` takes `value` (ids in their lower-case form). */
export function acceptsFilterValue(allowed: FilterValues, value: string): boolean {
  return allowed === "id" ? ROW_ID.test(value) : allowed.includes(value);
}

/** The fixed options of a filter, or none for an id filter (its options come from the database). */
export function filterOptions(allowed: FilterValues | undefined): readonly string[] {
  return Array.isArray(allowed) ? allowed : [];
}

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
  for (const [name, allowed] of Object.entries(spec.filters) as [TFilter, FilterValues][]) {
    const raw = params[name];
    const values = (Array.isArray(raw) ? raw : raw ? [raw] : [])
      .filter((value) => typeof value === "string" && value.length <= MAX_PARAM_LENGTH)
      .flatMap((value) => value.split(","))
      .map((value) => (allowed === "id" ? value.toLowerCase() : value))
      .filter((value) => acceptsFilterValue(allowed, value));
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
  for (const key of ["page", "perPage", "sort", "q", ...Object.keys(spec.filters)]) params.delete(key);
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
