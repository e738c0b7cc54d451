// GET /shipments/export.csv?… — the current filtered Shipment Management view as CSV, streamed
// in batches so a large export never sits in memory.
import { parseTableState } from "@/lib/table/params";
import { csvLine } from "@/domain/csv";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { CSV_COLUMNS, shipmentsForExport, shipmentsTable } from "@/server/queries/shipments";

export const GET = authedRoute("operator", async (request) => {
  const state = parseTableState(Object.fromEntries(request.nextUrl.searchParams), shipmentsTable);
  const db = await getDb();
  const encoder = new TextEncoder();
  const rows = shipmentsForExport(db, state);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A BOM so that spreadsheet apps read the accented names as UTF-8.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine([...CSV_COLUMNS])}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value)));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="shipments-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
