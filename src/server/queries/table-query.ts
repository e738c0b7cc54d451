import "server-only";
// The server half of the generic data table: turns a parsed TableState into SQL pieces.
// Each query module maps the table's public column ids to SQL columns; nothing else from
// the URL reaches the database.
import { and, asc, desc, ilike, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { TableState } from "@/lib/table/params";

export interface TableQueryMap<TSort extends string, TFilter extends string> {
  sort: Record<TSort, AnyColumn | SQL>;
  /** A column matched with IN (…), or a function that builds the condition for the chosen values. */
  filters?: Record<TFilter, AnyColumn | SQL | ((values: string[]) => SQL)>;
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

export interface TableQuery {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function buildTableQuery<TSort extends string, TFilter extends string>(
  state: TableState<TSort, TFilter>,
  map: TableQueryMap<TSort, TFilter>,
): TableQuery {
  const conditions: (SQL | undefined)[] = [...(map.where ?? [])];
  for (const [name, values] of Object.entries(state.filters) as [TFilter, string[] | undefined][]) {
    const column = map.filters?.[name];
    if (!column || !values || values.length === 0) continue;
    conditions.push(typeof column === "function" ? column(values) : inArray(column as SQL, values));
  }
  if (state.q && map.search && map.search.length > 0) {
    const pattern = `%${escapeLike(state.q)}%`;
    conditions.push(
      or(...map.search.map((term) => (typeof term === "function" ? term(pattern) : ilike(term, pattern)))),
    );
  }
  const direction = state.sort.desc ? desc : asc;
  return {
    where: and(...conditions),
    orderBy: [direction(map.sort[state.sort.id]), direction(map.tiebreaker)],
    limit: state.perPage,
    offset: (state.page - 1) * state.perPage,
  };
}

export interface Page<T> {
  rows: T[];
  rowCount: number;
}

export const countAll = sql<number>`count(*)::int`;
