import "server-only";
// The filtered Shipment Management view as a CSV byte stream: what GET /shipments/export.csv
// sends and what `npm run bench:shipments` measures. Rows come in keyset batches
// (shipmentsForExport), so a large export never sits in memory.
import { csvLine } from "@/domain/csv";
import type { StateOf } from "@/lib/table/params";
import type { Db } from "../db/client";
import { CSV_COLUMNS, shipmentsForExport, type shipmentsTable } from "../queries/shipments";

// Lines per chunk of the stream: one chunk per line cost more than the query itself. Memory stays
// one chunk (~60 kB).
const ROWS_PER_CHUNK = 500;

export function shipmentsCsvStream(db: Db, state: StateOf<typeof shipmentsTable>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = shipmentsForExport(db, state);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so that spreadsheet apps read the accented names as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine([...CSV_COLUMNS])}`));
    },
    async pull(controller) {
      let text = "";
      for (let count = 0; count < ROWS_PER_CHUNK; count++) {
        const next = await rows.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      // The client went away: end the generator so it stops reading batches.
      await rows.return(undefined);
    },
  });
}
