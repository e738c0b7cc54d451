import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDb, queryRows, type Db } from "@/server/db/client";
import { migrateDb } from "@/server/db/migrate";
import { DataDirInUseError, acquireDataDirLock } from "@/server/db/pglite-lock";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe(`schema (${driverName})`, () => {
  it("has the Shopify session adapter's full 17 columns with its camelCase names", async () => {
    const columns = await queryRows<{ column_name: string }>(
      testDb.db,
      sql`select column_name from information_schema.columns where table_name = 'shopify_sessions' order by ordinal_position`,
    );
    expect(columns.map((row) => row.column_name)).toEqual([
      "id",
      "shop",
      "state",
      "isOnline",
      "scope",
      "expires",
      "accessToken",
      "userId",
      "firstName",
      "lastName",
      "email",
      "accountOwner",
      "locale",
      "collaborator",
      "emailVerified",
      "refreshToken",
      "refreshTokenExpires",
    ]);
  });

  it("stores a jsonb parameter as sent and refuses one PostgreSQL cannot hold (PGlite: as bytes)", async () => {
    const value = { text: 'São Paulo — 😀 "quoted" \\ back', nested: [1, 2.5, null, true], empty: {} };
    const [row] = await queryRows<{ value: unknown; type: string }>(
      testDb.db,
      sql`select ${JSON.stringify(value)}::jsonb as value, jsonb_typeof(${JSON.stringify(value)}::jsonb) as type`,
    );
    expect(row.value).toEqual(value);
    expect(row.type).toBe("object");
    // NUL cannot be held by jsonb: refused as in the text format, escaped (22P05) or raw (22021).
    for (const [text, code] of [
      ['{"a":"\\u0000"}', "22P05"],
      ['{"a":"\u0000"}', "22021"],
    ]) {
      await expect(queryRows(testDb.db, sql`select ${text}::jsonb as value`)).rejects.toMatchObject({
        cause: expect.objectContaining({ code }),
      });
    }
  });

  it("re-running the migrations changes nothing", async () => {
    await expect(migrateDb(testDb)).resolves.toBeUndefined();
  });

  it("allows one queued or running sync run per store", async () => {
    const [store] = await queryRows<{ id: string }>(
      testDb.db,
      sql`insert into stores (shop_domain, name) values ('one-run.myshopify.com', 'One') returning id`,
    );
    await testDb.db.execute(
      sql`insert into sync_runs (store_id, trigger, status) values (${store.id}, 'manual', 'running')`,
    );
    await expect(
      testDb.db.execute(
        sql`insert into sync_runs (store_id, trigger, status) values (${store.id}, 'manual', 'queued')`,
      ),
    ).rejects.toThrow();
    await testDb.db.execute(
      sql`insert into sync_runs (store_id, trigger, status) values (${store.id}, 'manual', 'succeeded')`,
    );
  });
});

describe.runIf(driverName === "postgres")("PostgreSQL statements", () => {
  // The drizzle queries are named statements (client.ts, preparingStatements): described once per
  // connection rather than on every execution. A transaction keeps one connection, so the
  // session's pg_prepared_statements shows what that connection was sent, savepoints included.
  const preparedCount = async (tx: Db, marker: string) => {
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`,
    );
    return rows[0].n;
  };

  it("prepares a parameterised query once per connection, in transactions and savepoints, planned per execution", async () => {
    const counts = await testDb.db.transaction(async (tx) => {
      for (const value of ["a", "b", "a"]) await tx.execute(sql`select ${value}::text as outer_marker`);
      const outer = await preparedCount(tx, "outer_marker");
      const inner = await tx.transaction(async (savepoint) => {
        await savepoint.execute(sql`select ${1}::int as inner_marker`);
        return preparedCount(savepoint, "inner_marker");
      });
      const [{ plan_cache_mode: mode }] = await queryRows<{ plan_cache_mode: string }>(tx, sql`show plan_cache_mode`);
      return { outer, inner, mode };
    });
    expect(counts).toEqual({ outer: 1, inner: 1, mode: "force_custom_plan" });
  });
});

describe("embedded database lock", () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shipsmart-lock-")), "pglite");

  it("refuses a data directory that a live process holds", async () => {
    const dataDir = dir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(`${dataDir}.lock`, String(holder.pid));
      expect(() => acquireDataDirLock(dataDir)).toThrow(DataDirInUseError);
      await expect(openDb({ pgliteDir: dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left behind by a dead process and releases it on close", async () => {
    const dataDir = dir();
    fs.writeFileSync(`${dataDir}.lock`, "999999");
    const handle = await openDb({ pgliteDir: dataDir });
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    await handle.db.execute(sql`select 1`);
    await handle.close();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("keeps data across reopen of a file-backed database", async () => {
    const dataDir = dir();
    const first = await openDb({ pgliteDir: dataDir });
    await migrateDb(first);
    await first.db.execute(sql`insert into stores (shop_domain, name) values ('keep.myshopify.com', 'Keep')`);
    await first.close();
    const second = await openDb({ pgliteDir: dataDir });
    expect(await queryRows(second.db, sql`select name from stores`)).toEqual([{ name: "Keep" }]);
    await second.close();
  });
});
