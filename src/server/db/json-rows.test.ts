import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { jsonRecordset, RECORD } from "./json-rows";
import { syncRunItems } from "./schema";

const item = (fields: Partial<typeof syncRunItems.$inferInsert> = {}) => ({
  runId: "00000000-0000-4000-8000-000000000001",
  orderGid: "gid://shopify/Order/1",
  orderName: "#1001",
  outcome: "created_ready" as const,
  reason: null,
  detail: null,
  ...fields,
});

/** The SQL text and the one JSON document the rows become. */
function rendered(
  rows: (typeof syncRunItems.$inferInsert)[],
  computed: Parameters<typeof jsonRecordset<typeof syncRunItems>>[2] = {},
) {
  const recordset = jsonRecordset(syncRunItems, rows, computed);
  if (!recordset) return null;
  const query = new PgDialect().sqlToQuery(recordset.recordset);
  return { sql: query.sql, records: JSON.parse(query.params[0] as string) as Record<string, unknown>[] };
}

describe("jsonRecordset", () => {
  it("gives every row as one jsonb parameter, with the columns' database names", () => {
    const result = rendered([item(), item({ orderName: "#1002", detail: { missing: ["nfeKey"] } })])!;
    expect(result.sql).toBe(
      'select "record"."run_id", "record"."order_gid", "record"."order_name", "record"."outcome", "record"."reason", "record"."detail" from jsonb_populate_recordset(null::"sync_run_items", $1::jsonb) as "record"',
    );
    expect(result.records[1]).toEqual({
      run_id: "00000000-0000-4000-8000-000000000001",
      order_gid: "gid://shopify/Order/1",
      order_name: "#1002",
      outcome: "created_ready",
      reason: null,
      detail: { missing: ["nfeKey"] },
    });
  });

  it("carries texts as a text parameter would: dates as ISO text, a lone surrogate as U+FFFD", () => {
    const result = rendered([item({ orderName: "a\uD800b", archivedAt: new Date("2026-11-20T12:00:00Z") })])!;
    expect(result.records[0]).toMatchObject({ order_name: "a\uFFFDb", archived_at: "2026-11-20T12:00:00.000Z" });
  });

  it("leaves a jsonb value as it is, for the server to judge as before", () => {
    const result = rendered([item({ detail: { country: "x\uD800" } })])!;
    expect(JSON.stringify(result.records[0].detail)).toBe('{"country":"x\\ud800"}');
  });

  it("takes no rows a text parameter would carry differently (NUL), that leave a column to its default, or differ in columns", () => {
    expect(rendered([item(), item({ orderName: "#\u00001" })])).toBeNull();
    expect(rendered([item(), item({ reason: undefined })])).toBeNull();
    expect(rendered([item(), { ...item(), archiveError: "x" }])).toBeNull();
  });

  it("computes the columns it is told to in the select, from the record, and leaves them out of the document", () => {
    const { detail: _detail, ...row } = item();
    const result = rendered([row], { detail: sql`jsonb_build_object('name', ${RECORD}."order_name")` })!;
    expect(result.sql).toBe(
      'select "record"."run_id", "record"."order_gid", "record"."order_name", "record"."outcome", "record"."reason", ' +
        `jsonb_build_object('name', "record"."order_name") from jsonb_populate_recordset(null::"sync_run_items", $1::jsonb) as "record"`,
    );
    expect(result.records[0]).not.toHaveProperty("detail");
    // A row that gives the computed column anyway differs from the columns: it goes as VALUES.
    expect(rendered([item()], { detail: sql`null` })).toBeNull();
  });
});
