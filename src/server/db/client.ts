// One `Db` type for both drivers: postgres.js when DATABASE_URL is set, embedded PGlite
// otherwise. The connection is created lazily and cached on globalThis so that Next's dev
// reloads and the many route modules share one instance (PGlite must never be opened twice).
import type { SQLWrapper } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type postgres from "postgres";
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
  /** Hears the NOTIFYs of `channel` (see DataChangeHandlers); closed by the caller. */
  subscribe(channel: string, handlers: DataChangeHandlers): Promise<DataChangeSubscription>;
  close(): Promise<void>;
}

interface DataChangeHandlers {
  onNotify(payload: string): void;
  /** true once listening; false when the connection is lost (notifications may be missed until true again). */
  onLive(live: boolean): void;
}

export interface DataChangeSubscription {
  /** Resolves once every notification committed before the call has been handed to onNotify. */
  barrier(): Promise<void>;
  close(): Promise<void>;
}

export const DATA_CHANGES_APPLICATION_NAME = "shipsmart-data-changes";

// Pause before listening again after the listening connection was lost (the database may be down).
const RELISTEN_DELAY_MS = 1000;

export interface DbConfig {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throwaway in-memory database. */
  pgliteDir?: string;
}

const JSONB_OID = 3802;

/**
 * A jsonb parameter for PGlite in jsonb's binary format: a version byte (1), then the JSON text in
 * UTF-8 — the server parses it exactly as the text format. PGlite's writer measures and copies a
 * text parameter character by character in JavaScript; for an import page's one ~1.3 MB document
 * that was a fifth of a PGlite import's time (npm run bench:sync), where a Buffer is one native
 * copy. Anything but a string is JSON first, as PGlite's own serializer does.
 */
function jsonbParameter(value: unknown): Uint8Array {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(text));
  bytes[0] = 1;
  bytes.write(text, 1, "utf8");
  return bytes;
}

/**
 * drizzle runs each query as `unsafe(text, params, { prepare: false })`, and postgres.js must then
 * ask the server for a parameterised query's types before it can send it: Parse and Describe, a
 * round trip through Node's event loop, then Bind and Execute, the connection held and nothing
 * pipelined behind it meanwhile. Under 50 operators most of the pool sat in that wait
 * (pg_stat_activity: active, waiting on ClientRead) while Node and PostgreSQL both idled
 * (npm run bench:load). As a named statement a text is described once per connection, and
 * repeated texts are pipelined. Transactions and savepoints get their own `unsafe`, wrapped alike.
 */
function preparingStatements<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
  const unsafe = sql.unsafe;
  sql.unsafe = ((text, params, options) => unsafe(text, params, { ...options, prepare: true })) as typeof unsafe;
  // begin([options], fn) and savepoint([name], fn): the callback's own `sql` is wrapped too.
  type Scope = (...args: unknown[]) => unknown;
  const scoped =
    (open: Scope): Scope =>
    (...args) => {
      const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
      return open(...args, (tx: postgres.TransactionSql) => fn(preparingStatements(tx)));
    };
  if ("savepoint" in sql) sql.savepoint = scoped(sql.savepoint.bind(sql) as Scope) as typeof sql.savepoint;
  else sql.begin = scoped(sql.begin.bind(sql) as Scope) as typeof sql.begin;
  return sql;
}

export async function openDb(config: DbConfig): Promise<DbHandle> {
  if (config.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(config.databaseUrl, {
      max: settings().databasePoolSize,
      onnotice: () => {},
      connection: {
        // The dashboard's queries are short index lookups and counts; PostgreSQL's JIT judged the
        // big counts at a million shipments worth compiling and spent 150–235 ms doing it, more than
        // the query itself (npm run bench:shipments). Off for this pool only.
        jit: "off",
        // Statements are prepared (preparingStatements), but each execution is still planned with
        // its values, as the unnamed ones were: a generic plan would plan a broad `ilike` search or
        // a big status like a narrow one.
        plan_cache_mode: "force_custom_plan",
      },
    });
    return {
      db: drizzle({ client: preparingStatements(client), schema }) as unknown as Db,
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
      subscribe: (channel, handlers) => subscribePostgres(config.databaseUrl!, channel, handlers),
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
    const client = await PGlite.create(inMemory ? undefined : dataDir, {
      extensions: { pg_trgm },
      // Typed as returning text; PGlite's protocol writer sends a byte array as a binary-format
      // parameter (pg-protocol's bind), which is what jsonbParameter relies on.
      serializers: { [JSONB_OID]: jsonbParameter as unknown as (value: unknown) => string },
    });
    return {
      db: drizzle({ client, schema }) as unknown as Db,
      driver: "pglite",
      // PGlite is single-connection and single-process (guarded by the lock file).
      withExclusiveLock: (fn) => fn(),
      // One connection: a commit's notifications arrive with its own answer, so nothing is ever
      // in flight and the barrier has nothing to wait for.
      async subscribe(channel, { onNotify, onLive }) {
        const unlisten = await client.listen(channel, onNotify);
        onLive(true);
        return {
          barrier: async () => {},
          async close() {
            onLive(false);
            await unlisten();
          },
        };
      },
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

/**
 * LISTEN on a connection of its own, which the pool never lends out. PostgreSQL hands a listener
 * the notifications committed before each of its statements ends, so a `select 1` on this
 * connection is the barrier. A lost connection is reported (onLive(false)) and listened on again.
 */
async function subscribePostgres(
  url: string,
  channel: string,
  { onNotify, onLive }: DataChangeHandlers,
): Promise<DataChangeSubscription> {
  const { default: postgres } = await import("postgres");
  let closing = false;
  const listener = postgres(url, {
    max: 1,
    // Never closed for idleness or age (the defaults would drop it every 30–60 minutes).
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    // Named in pg_stat_activity, so an operator can tell it from the pool.
    connection: { application_name: DATA_CHANGES_APPLICATION_NAME },
    // Not in postgres.js's types, but its documented-by-source hook for NotificationResponse.
    ...({ onnotify: (name: string, payload: string) => name === channel && onNotify(payload) } as object),
    onclose: () => {
      if (closing) return;
      onLive(false);
      setTimeout(() => void listen(), RELISTEN_DELAY_MS).unref();
    },
  });
  const statement = `listen "${channel.replace(/"/g, '""')}"`;
  async function listen() {
    try {
      await listener.unsafe(statement);
      if (!closing) onLive(true);
    } catch {
      // onclose follows a failed connection and listens again.
    }
  }
  await listener.unsafe(statement);
  onLive(true);
  return {
    async barrier() {
      await listener`select 1`;
    },
    async close() {
      closing = true;
      onLive(false);
      await listener.end({ timeout: 5 });
    },
  };
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
