// The state of a server-side table lives in the URL: ?page=2&perPage=20&sort=email.asc&q=ana&role=admin,operator
// This module (pure, shared by server and client) parses it against a table's spec, dropping
// anything unknown so that a hand-edited URL can never reach SQL unchecked.

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

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
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
      .flatMap((value) => value.split(","))
      .filter((value) => allowed.includes(value));
    if (values.length > 0) filters[name] = [...new Set(values)];
  }

  const q = (first(params.q) ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
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
