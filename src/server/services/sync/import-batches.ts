import "server-only";
// A bulk result's batches imported one after another, each in its own transaction (importPage),
// while the next batch is read and mapped, and up to WRITES_IN_FLIGHT pages are written at once:
// Node parses and maps while PostgreSQL writes, and PostgreSQL parses one page's orders while it
// indexes another's shipments, so the two cores work at once (npm run bench:sync, part (a)).
//
// Pages may commit in any order: an import is idempotent (orders upserted on their gid), and the
// watermark moves only with the last batch, written once every page before it has committed, so
// an interrupted import runs again from where the store's watermark was. Two pages' transactions
// share one row they both lock, the run's (countOnRun, at the very end: the second waits there for
// the first to commit); everything else they write is their own orders' rows or rows only added
// (the tallies are deltas), so they never wait on each other in a cycle. On PGlite the writes
// queue on its one connection, as before.
import type { ShopifyOrderNode } from "@/domain/shopify-order";
import type { Db } from "../../db/client";
import { importMappedPage, mapPage, type ImportOptions, type MappedPage } from "./import-page";

type ImportStore = Parameters<typeof mapPage>[1];

export interface BatchImportOptions extends ImportOptions {
  /** The newest updatedAt of the batches so far; the last batch moves the store's watermark to it. */
  watermarkOf?: (batch: ShopifyOrderNode[], previous: Date | null) => Date | null;
  /** Before each page is written (renews the run's lease, and throws when it was taken over). */
  beforeWrite?: () => Promise<void>;
  /** After each page but the last committed (a test's simulated crash). */
  afterCommit?: () => void;
}

/**
 * Pages written at once. One left PostgreSQL idle while Node mapped and Node idle while PostgreSQL
 * wrote (4,214–4,476 orders/s for 10,000 orders); two, 4,554–4,735; three, 5,264–5,449; four, no
 * more (5,289–5,373). Each page in flight holds a pool connection and a page of rows in memory.
 */
const WRITES_IN_FLIGHT = 3;

export async function importBatches(
  db: Db,
  store: ImportStore,
  runId: string,
  batches: AsyncIterable<ShopifyOrderNode[]>,
  options: BatchImportOptions = {},
): Promise<void> {
  const { watermarkOf, beforeWrite, afterCommit, ...importOptions } = options;
  const write = async (page: MappedPage, watermark: Date | null) => {
    await beforeWrite?.();
    await importMappedPage(db, store, page, watermark, importOptions);
  };
  let watermark: Date | null = null;
  let pending: MappedPage | null = null;
  const writing: Promise<void>[] = [];
  // The first failed write's error (a holder: it is set in a callback).
  const failure: { error?: unknown } = {};
  try {
    for await (const batch of batches) {
      if (watermarkOf) watermark = watermarkOf(batch, watermark);
      if (pending) {
        while (writing.length >= WRITES_IN_FLIGHT) await writing.shift();
        // A failed write stops the import: no page is started after it.
        if ("error" in failure) throw failure.error;
        const written = write(pending, null).then(() => afterCommit?.());
        // Awaited before a later write or at the end; until then a failure must not count as unhandled.
        written.catch((error) => {
          if (!("error" in failure)) failure.error = error;
        });
        writing.push(written);
      }
      pending = await mapPage(db, store, runId, batch, importOptions);
    }
    // Every earlier page committed before the last one moves the watermark past them.
    while (writing.length > 0) await writing.shift();
    // The last page, or an empty one when nothing matched: its transaction checks the lease all the same.
    await write(pending ?? (await mapPage(db, store, runId, [], importOptions)), watermark);
  } finally {
    // Stopped by a failure (a lost lease, a failed download): no page is left being written behind
    // the caller's back, which records the run's end next.
    await Promise.allSettled(writing);
  }
}
