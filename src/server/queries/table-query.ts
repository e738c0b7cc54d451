import "server-only";
// The server half of the generic data table: a table spec (src/lib/table/params.ts) joined to how
// each of its sorts and filters reads in SQL. `tableQuery` takes a resolver for every filter the
// spec lists — the compiler refuses a spec filter without one — so a filter can never be parsed
// from the URL and then silently left out of the query. Nothing else from the URL reaches SQL.
import {
  and,
  asc,
  desc,
  gt,
  ilike,
  inArray,
  isNotNull,
  is,
  isNull,
  lt,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import { PgColumn } from "drizzle-orm/pg-core";
import type { TableSpec, TableState } from "@/lib/table/params";

/** A column matched with IN (…), or a function that builds the condition for the chosen values. */
type FilterResolver = AnyColumn | SQL | ((values: string[]) => SQL);

interface TableQueryMap<TSort extends string, TFilter extends string> {
  sort: Record<TSort, AnyColumn | SQL>;
  /** Every filter of the spec, each with how it reads in SQL. */
  filters: Record<TFilter, FilterResolver>;
  /**
   * What the search box matches: columns (case-insensitive substring), or conditions built from
   * the escaped LIKE pattern where a plain ILIKE on a joined column would be too slow.
   */
  search?: (AnyColumn | SQL | ((pattern: string) => SQL))[];
  /** A unique column that makes the order stable across pages. */
  tiebreaker: AnyColumn;
  /** Conditions that always apply (scope, status family, …). */
  where?: (SQL | undefined)[];
}

interface TableDefinition<TSort extends string, TFilter extends string> extends TableQueryMap<TSort, TFilter> {
  spec: TableSpec<TSort, TFilter>;
}

/** A spec with the SQL of each of its sorts and filters; the map must cover the spec exactly. */
export function tableQuery<TSort extends string, TFilter extends string>(
  spec: TableSpec<TSort, TFilter>,
  map: NoInfer<TableQueryMap<TSort, TFilter>>,
): TableDefinition<TSort, TFilter> {
  return { spec, ...map };
}

interface TableQuery {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The conditions of a state: scope, every chosen filter, the search. */
function conditionsOf<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  table: TableQueryMap<TSort, TFilter>,
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [...(table.where ?? [])];
  for (const [name, values] of Object.entries(state.filters) as [TFilter, string[] | undefined][]) {
    if (!values || values.length === 0) continue;
    const resolver = table.filters[name];
    conditions.push(typeof resolver === "function" ? resolver(values) : inArray(resolver as SQL, values));
  }
  if (state.q && table.search && table.search.length > 0) {
    const pattern = `%${escapeLike(state.q)}%`;
    conditions.push(
      or(...table.search.map((term) => (typeof term === "function" ? term(pattern) : ilike(term, pattern)))),
    );
  }
  return and(...conditions);
}

function orderOf<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  table: TableQueryMap<TSort, TFilter>,
): SQL[] {
  const direction = state.sort.desc ? desc : asc;
  return [direction(table.sort[state.sort.id]), direction(table.tiebreaker)];
}

export function buildTableQuery<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  table: TableQueryMap<TSort, TFilter>,
): TableQuery {
  return {
    where: conditionsOf(state, table),
    orderBy: orderOf(state, table),
    limit: state.perPage,
    offset: (state.page - 1) * state.perPage,
  };
}

/** Where a keyset page ended: the last row's sort value (as exact text) and its tiebreaker. */
export interface Cursor {
  sortValue: string | null;
  id: string;
}

interface KeysetQuery {
  where: SQL | undefined;
  orderBy: SQL[];
  /** Select this as `sortValue` beside the tiebreaker as `id` to make the next cursor. */
  sortValue: SQL<string | null>;
}

/**
 * The same view as `buildTableQuery` read in keyset pages: the rows after `cursor` in the table's
 * order, so a reader of the whole view (the CSV export) costs the same on its last page as on its
 * first, where an OFFSET re-reads every row before it. The sort value travels as text and is cast
 * back to its column's type, so a timestamp keeps its microseconds. PostgreSQL puts NULLs last
 * ascending and first descending; the conditions follow that.
 */
export function buildKeysetQuery<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  table: TableQueryMap<TSort, TFilter>,
  cursor: Cursor | undefined,
): KeysetQuery {
  const column = table.sort[state.sort.id];
  // The cursor's text is cast back to the column's own type, which only a column knows.
  if (!is(column, PgColumn)) throw new Error(`keyset pages need a column to sort by, not "${state.sort.id}"`);
  const sortValue = sql<string | null>`${column}::text`;
  const base = { orderBy: orderOf(state, table), sortValue };
  if (!cursor) return { ...base, where: conditionsOf(state, table) };
  const beyond = state.sort.desc ? lt : gt;
  const afterId = beyond(table.tiebreaker, cursor.id);
  let after: SQL | undefined;
  if (cursor.sortValue === null) {
    after = state.sort.desc ? or(isNotNull(column), and(isNull(column), afterId)) : and(isNull(column), afterId);
  } else {
    const value = sql`cast(${cursor.sortValue} as ${sql.raw(column.getSQLType())})`;
    // "Beyond the cursor" as one row comparison, (column, id) < (value, id) — the same rows as
    // "column < value, or equal with a smaller id" — because PostgreSQL starts an index scan on
    // (column, id) right at the cursor for it, where the OR form re-read the view from its start
    // on every batch (npm run bench:shipments, export). Descending, NULLs come first, so none is
    // beyond a value; ascending they come last, so all are (unless the column cannot be null).
    const beyondRow = state.sort.desc
      ? sql`(${column}, ${table.tiebreaker}) < (${value}, ${cursor.id})`
      : sql`(${column}, ${table.tiebreaker}) > (${value}, ${cursor.id})`;
    after = state.sort.desc || column.notNull ? beyondRow : or(beyondRow, isNull(column));
  }
  return { ...base, where: and(conditionsOf(state, table), after) };
}

export interface Page<T> {
  rows: T[];
  rowCount: number;
}

export const countAll = sql<number>`count(*)::int`;
