// Many rows in one statement and one parameter:
//   INSERT INTO t (columns) SELECT columns FROM jsonb_populate_recordset(null::t, $1::jsonb)
// Why (issue 16): a 500-order page as VALUES is ~11,000 parameters that drizzle maps one by one and
// the server binds one by one — more of an import's time than the mapping; as one jsonb document it
// is one JSON.stringify and one parameter. The table's own row type converts each value, so the
// server refuses what it refused before with the same SQLSTATE (numeric overflow, too long, ...).
//
// Values go in as a parameter would carry them: a Date as ISO text, a jsonb column's value as
// nested JSON (as drizzle's JSON.stringify), and in a text column a lone surrogate becomes U+FFFD
// (what encoding a text parameter in UTF-8 does). A NUL in a text column is the one value jsonb
// would refuse with another error than a text parameter: rows holding one are not taken (null), nor
// rows that leave a column to its default (undefined) or give it as SQL — the caller inserts those
// as VALUES, as before.
//
// A column may be computed in the select instead (`computed`): from the record's other columns,
// named through RECORD (`"record".raw -> ...`), or by a query. A value the database already has in
// the document then needs no second copy in it (an order's lines are in its raw snapshot).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** How `computed` columns name the record they are computed from. */
export const RECORD = sql.identifier("record");

type Computed<TTable extends PgTable> = Partial<Record<keyof TTable["$inferInsert"] & string, SQL>>;

/**
 * The columns (the first row's keys, then the computed ones) and the recordset of `rows`, or null
 * when they cannot go as JSON.
 */
export function jsonRecordset<TTable extends PgTable>(
  table: TTable,
  rows: readonly TTable["$inferInsert"][],
  computed: Computed<TTable> = {},
): { columns: SQL; recordset: SQL } | null {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] ?? {}).filter((key) => key in columns && !(key in computed));
  const records: Record<string, unknown>[] = [];
  for (const row of rows) {
    if (Object.keys(row).length !== keys.length) return null;
    const record: Record<string, unknown> = {};
    for (const key of keys) {
      const column = columns[key];
      const value = toJsonValue((row as Record<string, unknown>)[key], column.dataType === "json");
      if (value === NOT_AS_JSON) return null;
      record[column.name] = value;
    }
    records.push(record);
  }
  const computedKeys = (Object.keys(computed) as (keyof typeof computed)[]).filter((key) => key in columns);
  const list = sql.join(
    [...keys, ...computedKeys].map((key) => sql.identifier(columns[key].name)),
    sql`, `,
  );
  const values = sql.join(
    [
      ...keys.map((key) => sql`${RECORD}.${sql.identifier(columns[key].name)}`),
      ...computedKeys.map((key) => computed[key]!),
    ],
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  return {
    columns: list,
    recordset: sql`select ${values} from jsonb_populate_recordset(null::${name}, ${JSON.stringify(records)}::jsonb) as ${RECORD}`,
  };
}

const NOT_AS_JSON = Symbol("not as JSON");

function toJsonValue(value: unknown, isJsonColumn: boolean): unknown {
  if (value === undefined) return NOT_AS_JSON;
  if (isJsonColumn || value === null) return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.includes("\u0000") ? NOT_AS_JSON : value.toWellFormed();
  if (Array.isArray(value)) {
    const items = value.map((item) => toJsonValue(item, false));
    return items.includes(NOT_AS_JSON) ? NOT_AS_JSON : items;
  }
  return typeof value === "object" ? NOT_AS_JSON : value;
}
