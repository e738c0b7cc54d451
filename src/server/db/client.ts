// One `Db` type for both drivers: postgres.js when DATABASE_URL is set, embedded PGlite
// otherwise. The connection is created lazily and cached on globalThis so that Next's dev
// reloads and the many route modules share one instance (PGlite must never be opened twice).
import type { SQLWrapper } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { settings } from "../env";
import * as schema from "./schema";
import { acquireDataDirLock } from "./pglite-lock";

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
type DbDriver = "postgres" | "pglite";

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  /** Runs `fn` while holding a database-wide lock, e.g. so that two instances never migrate at once. */
  withExclusiveLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbConfig {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throwaway in-memory database. */
  pgliteDir?: string;
}

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(config.databaseUrl, {
      max: settings().databasePoolSize,
      onnotice: () => {},
    });
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      driver: "postgres",
      async withExclusiveLock(fn) {
        const reserved = await client.reserve();
        try {
          await reserved`select pg_advisory_lock(727001)`;
          return await fn();
        } finally {
          await reserved`select pg_advisory_unlock(727001)`.catch(() => {});
          reserved.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dataDir = config.pgliteDir ?? ".data/pglite";
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    // pg_trgm backs the search indexes (drizzle/0003); PGlite ships it as a contrib extension.
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { pg_trgm } });
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      driver: "pglite",
      // PGlite is single-connection and single-process (guarded by the lock file).
      withExclusiveLock: (fn) => fn(),
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function dbConfigFromEnv(): DbConfig {
  const { databaseUrl, pgliteDir } = settings();
  return { databaseUrl, pgliteDir };
}

const globalForDb = globalThis as unknown as { __shipsmartDb?: Promise<DbHandle> };

/** The process-wide database handle, opened on first use. */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.__shipsmartDb ??= openDb(dbConfigFromEnv()).catch((error) => {
    globalForDb.__shipsmartDb = undefined;
    throw error;
  });
  return globalForDb.__shipsmartDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Rows of a raw SQL query; the two drivers shape `execute` results differently. */
export async function queryRows<T>(db: Db, query: SQLWrapper): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
