// A bounded in-process cache of aggregate results — the overview's figures, table counts — which
// at a million shipments cost tens of milliseconds of database time each and were recomputed on
// every page load (npm run bench:load). Exact, not "fresh enough": every entry names the tables it
// reads, and an entry is dropped as soon as the database says one of them changed (the
// `shipsmart_data_changed` notifications of drizzle/0009, see data-changes.ts). Without a live
// subscription nothing is stored; a maximum age is a safety net only.
//
// Bounds: at most `maxEntries` entries and `maxBytes` of their JSON, least recently used dropped
// first. A value is returned as stored, shared by every reader: callers must not mutate it.

/** The tables an aggregate reads, as the notifications name them (TG_TABLE_NAME). */
export type DataTable = "shipments" | "orders" | "pickups" | "stores" | "sync_runs" | "quotes";

export interface AggregateCacheOptions {
  maxEntries: number;
  maxBytes: number;
  maxAgeMs: number;
  now?: () => number;
}

interface Entry {
  value: unknown;
  bytes: number;
  storedAt: number;
  tables: readonly DataTable[];
}

interface Load {
  promise: Promise<unknown>;
  tables: readonly DataTable[];
}

export class AggregateCache {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recent.
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, Load>();
  // Bumped on every change to a table (and all at once by clear): a load that started before a
  // change must not store what it read.
  private readonly versions = new Map<DataTable, number>();
  private epoch = 0;
  private bytes = 0;
  private live = false;
  private readonly now: () => number;

  constructor(private readonly options: AggregateCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The cached result of `load` under `key`, or `load`'s own (stored when the cache is live). */
  async get<T>(tables: readonly DataTable[], key: string, load: () => Promise<T>): Promise<T> {
    if (!this.live) return load();
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt <= this.options.maxAgeMs) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value as T;
    }
    if (entry) this.remove(key);
    // Concurrent readers of the same figure wait for one query instead of each running it.
    const running = this.loads.get(key);
    if (running) return running.promise as Promise<T>;
    const stamp = this.stamp(tables);
    const promise = load().then((value) => {
      if (this.loads.get(key)?.promise === promise) this.loads.delete(key);
      if (this.live && this.stamp(tables) === stamp) this.store(key, value, tables);
      return value;
    });
    this.loads.set(key, { promise, tables });
    promise.catch(() => {
      if (this.loads.get(key)?.promise === promise) this.loads.delete(key);
    });
    return promise;
  }

  /** A change to `table` was committed: whatever read it is stale. */
  invalidate(table: string): void {
    const known = table as DataTable;
    this.versions.set(known, (this.versions.get(known) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (entry.tables.includes(known)) this.remove(key);
    for (const [key, load] of this.loads) if (load.tables.includes(known)) this.loads.delete(key);
  }

  /** Drops everything (the subscription was lost or renewed: changes may have gone unseen). */
  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.loads.clear();
    this.bytes = 0;
  }

  /** Whether changes are being heard; the cache stores nothing (and forgets everything) otherwise. */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private stamp(tables: readonly DataTable[]): string {
    return `${this.epoch}:${tables.map((table) => this.versions.get(table) ?? 0).join(",")}`;
  }

  private store(key: string, value: unknown, tables: readonly DataTable[]): void {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? "") + key.length;
    if (bytes > this.options.maxBytes) return;
    if (this.entries.has(key)) this.remove(key);
    this.entries.set(key, { value, bytes, storedAt: this.now(), tables });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
