// An upsert that takes the new row's values: `SET column = excluded.column` for the named
// columns, their database names taken from the schema rather than spelled again by hand.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

export function takeExcluded<TTable extends PgTable, TKey extends keyof TTable["_"]["columns"] & string>(
  table: TTable,
  keys: readonly TKey[],
): Record<TKey, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key].name)}`])) as Record<
    TKey,
    SQL
  >;
}
