import "server-only";
// A bulk result's batches imported one after another, each in its own transaction (importPage),
// while the next batch is read and mapped: PostgreSQL writes a page while Node parses and maps the
// next, so the two cores work at once (npm run bench:sync, part (a)). Only the mapping runs ahead,
// never a write: a page's transaction starts once the one before it committed, so the pages commit
// in order, and the last batch, known once the batches end, is the one that moves the watermark.
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
  let writing: Promise<void> | null = null;
  try {
    for await (const batch of batches) {
      if (watermarkOf) watermark = watermarkOf(batch, watermark);
      if (pending) {
        await writing;
        const page = pending;
        writing = write(page, null).then(() => afterCommit?.());
        // Awaited before the next write or at the end; until then a failure must not count as unhandled.
        writing.catch(() => {});
      }
      pending = await mapPage(db, store, runId, batch, importOptions);
    }
    await writing;
    // The last page, or an empty one when nothing matched: its transaction checks the lease all the same.
    await write(pending ?? (await mapPage(db, store, runId, [], importOptions)), watermark);
  } finally {
    // Stopped by a failure (a lost lease, a failed download): no page is left being written behind
    // the caller's back, which records the run's end next.
    await writing?.catch(() => {});
  }
}
