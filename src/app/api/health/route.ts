import { sql } from "drizzle-orm";
import { getDb } from "@/server/db/client";

// Readiness probe for load balancers and the test harness: answers once the database is reachable.
export async function GET() {
  try {
    await (await getDb()).execute(sql`select 1`);
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
