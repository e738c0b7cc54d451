import "server-only";
// The process's aggregate cache (aggregate-cache.ts), fed by the database's change notifications
// (drizzle/0009: a statement-level trigger on each table an aggregate reads, NOTIFY at COMMIT).
// Before its first cached read, each request waits for one round trip on the listening
// connection, so a change committed before the request began — by this process or any other
// instance — has always been heard: an operator never sees a figure older than their own save.
import { cache } from "react";
import { AggregateCache, type DataTable } from "./aggregate-cache";
import { getDbHandle, type DbHandle, type DataChangeSubscription } from "./client";

const DATA_CHANGED_CHANNEL = "shipsmart_data_changed";

// Entries are a few hundred bytes (a count, the overview ~3 kB): 2,000 of them and 4 MB at most.
// The age limit is only a safety net: changes are heard, not waited out.
const LIMITS = { maxEntries: 2_000, maxBytes: 4 * 1024 * 1024, maxAgeMs: 5 * 60_000 };

export interface Aggregates {
  cache: AggregateCache;
  subscription: DataChangeSubscription;
}

/** A cache listening on `handle` (the process's, or a test's). */
export async function openAggregates(handle: DbHandle, limits = LIMITS): Promise<Aggregates> {
  const aggregates = new AggregateCache(limits);
  const subscription = await handle.subscribe(DATA_CHANGED_CHANNEL, {
    onNotify: (table) => aggregates.invalidate(table),
    onLive: (live) => aggregates.setLive(live),
  });
  return { cache: aggregates, subscription };
}

const globalForAggregates = globalThis as unknown as { __shipsmartAggregates?: Promise<Aggregates> };

function processAggregates(): Promise<Aggregates> {
  globalForAggregates.__shipsmartAggregates ??= getDbHandle()
    .then((handle) => openAggregates(handle))
    .catch((error) => {
      globalForAggregates.__shipsmartAggregates = undefined;
      throw error;
    });
  return globalForAggregates.__shipsmartAggregates;
}

/** Once per request (React's cache): false when the barrier failed, so this request reads uncached. */
const heardEverythingBefore = cache(async (): Promise<boolean> => {
  try {
    await (await processAggregates()).subscription.barrier();
    return true;
  } catch {
    return false;
  }
});

/** Reads through `aggregates`, with the request's barrier first. */
export async function readThrough<T>(
  aggregates: Aggregates,
  barrier: () => Promise<boolean>,
  tables: readonly DataTable[],
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!(await barrier())) return load();
  return aggregates.cache.get(tables, key, load);
}

/**
 * `load`'s result, cached under `key` until one of `tables` changes. For aggregates only (counts,
 * figures): rows are read fresh. The key must name everything the result depends on.
 */
export async function cachedAggregate<T>(
  tables: readonly DataTable[],
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let aggregates: Aggregates;
  try {
    aggregates = await processAggregates();
  } catch {
    // No subscription (the database refused LISTEN): exact figures, uncached.
    return load();
  }
  return readThrough(aggregates, heardEverythingBefore, tables, key, load);
}
