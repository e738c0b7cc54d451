// GET /shipments/export.csv?… — the current filtered Shipment Management view as CSV, streamed
// in batches so a large export never sits in memory.
import { parseTableState } from "@/lib/table/params";
import { authedRoute } from "@/server/auth/route";
import { getDb } from "@/server/db/client";
import { shipmentsCsvStream } from "@/server/exports/shipments-csv";
import { shipmentsTable } from "@/server/queries/shipments";

export const GET = authedRoute("operator", async (request) => {
  const state = parseTableState(Object.fromEntries(request.nextUrl.searchParams), shipmentsTable);
  const body = shipmentsCsvStream(await getDb(), state);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="shipments-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
